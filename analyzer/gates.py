"""The gates a target must pass: cycles per kind and module sizes."""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.config import GateConfig
from analyzer.model import Cycle, GateOutcome, ImportKind, Location, ModuleInfo

__all__ = ["evaluate_gates", "gate_kind", "line_allowance"]


def gate_kind(gates: GateConfig) -> ImportKind:
    """The weakest kind of cycle the gate counts (import-time by default): the gate's cut
    leaves no cycle of that kind or a stronger one."""
    kinds = [ImportKind(kind) for kind in gates.max_cycles]
    return min(kinds, key=lambda kind: kind.strength, default=ImportKind.IMPORT_TIME)


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
    """The gate on cycles of `kind`; it points at the gate's cut in those cycles, one location
    per statement (a statement that imports two modules of a cycle names both)."""
    matching = [cycle for cycle in cycles if cycle.kind == kind]
    imports: dict[tuple[str, int, str], list[str]] = {}
    for cycle in matching:
        for cut in cycle.gate_cuts:
            for site in cut.sites:
                edge = f"{site.importer} -> {site.imported}"
                if site.implicit:
                    edge += f" (via {site.imported.replace('.', '/')}/__init__.py)"
                imports.setdefault((site.file, site.line, site.text), []).append(edge)
    locations = tuple(
        Location(file, line, f"{', '.join(sorted(set(edges)))}: {text}")
        for (file, line, text), edges in imports.items()
    )
    return GateOutcome(
        gate=f"max-cycles.{kind.value}",
        passed=len(matching) <= limit,
        limit=limit,
        actual=len(matching),
        message=f"{len(matching)} {kind.value} cycle(s), at most {limit} allowed",
        locations=tuple(sorted(locations)),
    )
