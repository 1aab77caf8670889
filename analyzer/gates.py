"""The gates a target must pass: cycles per kind and module sizes."""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.config import GateConfig
from analyzer.model import Cycle, GateOutcome, ImportKind, Location, ModuleInfo

__all__ = ["evaluate_gates", "line_allowance"]


def line_allowance(module: str, gates: GateConfig) -> int:
    return gates.allow_module_lines.get(module, gates.max_module_lines)


def evaluate_gates(
    cycles: Sequence[Cycle], modules: Sequence[ModuleInfo], gates: GateConfig
) -> tuple[GateOutcome, ...]:
    outcomes = [
        _cycle_gate(ImportKind(kind), limit, cycles)
        for kind, limit in sorted(gates.max_cycles.items())
    ]
    oversized = [m for m in modules if m.lines > line_allowance(m.name, gates)]
    outcomes.append(
        GateOutcome(
            gate="max-module-lines",
            passed=not oversized,
            limit=gates.max_module_lines,
            actual=max((m.lines for m in modules), default=0),
            message=(
                f"{len(oversized)} module(s) over their line limit"
                if oversized
                else f"every module within {gates.max_module_lines} lines (or its allowance)"
            ),
            locations=tuple(
                Location(m.file, 1, f"{m.name}: {m.lines} lines > {line_allowance(m.name, gates)}")
                for m in oversized
            ),
        )
    )
    return tuple(outcomes)


def _cycle_gate(kind: ImportKind, limit: int, cycles: Sequence[Cycle]) -> GateOutcome:
    matching = [cycle for cycle in cycles if cycle.kind == kind]
    locations = tuple(
        Location(site.file, site.line, f"{site.importer} -> {site.imported}: {site.text}")
        for cycle in matching
        for cut in cycle.cuts
        for site in cut.sites
    )
    return GateOutcome(
        gate=f"max-cycles.{kind.value}",
        passed=len(matching) <= limit,
        limit=limit,
        actual=len(matching),
        message=f"{len(matching)} {kind.value} cycle(s), at most {limit} allowed",
        locations=tuple(sorted(locations)),
    )
