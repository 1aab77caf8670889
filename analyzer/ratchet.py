"""The ratchet: compare an analysis with its baseline (see `analyzer.baseline`).

Regressions fail the `baseline` gate: a new cycle (one whose modules were not all in a recorded
cycle), a new import to cut (keyed by importer, imported module and statement text), a module
grown past its allowance, a new module over the limit, a rise in a ratcheted figure. Figures and
allowances that went down can be tightened; entries that match nothing any more are stale.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from analyzer.baseline import RATCHETED, Baseline, CycleImport, cycle_imports
from analyzer.model import Analysis, GateOutcome, Location

__all__ = ["Change", "Comparison", "apply", "compare"]

# The gates whose failures a passing baseline accepts: what the baseline records.
_RATCHETED_GATES = ("max-cycles.", "max-module-lines")


@dataclass(frozen=True, order=True)
class Change:
    """One difference from the baseline; `kind` names it (`new-cycle-import`, `figure-fell`...)."""

    kind: str
    subject: str
    before: int | None
    after: int | None
    message: str
    location: Location | None = None


@dataclass(frozen=True)
class Comparison:
    regressions: tuple[Change, ...]
    tightenable: tuple[Change, ...]
    stale: tuple[Change, ...]

    @property
    def passed(self) -> bool:
        return not self.regressions

    @property
    def improved(self) -> bool:
        return bool(self.tightenable or self.stale)

    def gate(self) -> GateOutcome:
        """The comparison as the `baseline` gate of an analysis."""
        if self.regressions:
            message = "worse than the baseline: " + "; ".join(c.message for c in self.regressions)
        elif self.improved:
            count = len(self.tightenable) + len(self.stale)
            message = f"better than the baseline: {count} entries can be tightened"
        else:
            message = "same as the baseline"
        return GateOutcome(
            gate="baseline",
            passed=self.passed,
            limit=0,
            actual=len(self.regressions),
            message=message,
            locations=tuple(c.location for c in self.regressions if c.location),
        )


def apply(analysis: Analysis, comparison: Comparison) -> Analysis:
    """`analysis` judged by its baseline: the `baseline` gate is added, and when nothing got
    worse, failed cycle and size gates are accepted as recorded debt (the point of a ratchet:
    the old tangle may stay while it shrinks, a new one fails the run)."""
    gates = tuple(
        replace(gate, passed=True, message=gate.message + " (recorded in the baseline)")
        if comparison.passed and not gate.passed and gate.gate.startswith(_RATCHETED_GATES)
        else gate
        for gate in analysis.gates
    )
    return replace(analysis, gates=(*gates, comparison.gate()))


def _site_locations(analysis: Analysis) -> dict[CycleImport, Location]:
    return {
        CycleImport(site.importer, site.imported, site.text.strip()): Location(
            site.file, site.line, site.text
        )
        for cycle in analysis.cycles
        for cut in (*cycle.cuts, *cycle.gate_cuts)
        for site in cut.sites
    }


def _figure_changes(baseline: Baseline, analysis: Analysis) -> tuple[list[Change], list[Change]]:
    worse, better = [], []
    before = dict(baseline.figures)
    for key in RATCHETED:
        if key not in before:
            continue
        now = int(getattr(analysis.summary, key))
        if now > before[key]:
            worse.append(
                Change("figure-rose", key, before[key], now, f"{key} {before[key]} -> {now}")
            )
        elif now < before[key]:
            better.append(
                Change("figure-fell", key, before[key], now, f"{key} {before[key]} -> {now}")
            )
    return worse, better


def _cycle_changes(baseline: Baseline, analysis: Analysis) -> tuple[list[Change], list[Change]]:
    known = [set(members) for members in baseline.cycles]
    worse = [
        Change(
            "new-cycle",
            " ".join(sorted(c.modules)),
            None,
            len(c.modules),
            f"new cycle of {len(c.modules)} modules: {' -> '.join((*c.witness, c.witness[0]))}",
        )
        for c in analysis.cycles
        if not any(set(c.modules) <= members for members in known)
    ]
    current = [set(c.modules) for c in analysis.cycles]
    stale = [
        Change(
            "stale-cycle",
            " ".join(members),
            len(members),
            None,
            "cycle gone: " + ", ".join(members),
        )
        for members in baseline.cycles
        if not any(len(set(members) & now) > 1 for now in current)
    ]
    return worse, stale


def _import_changes(baseline: Baseline, analysis: Analysis) -> tuple[list[Change], list[Change]]:
    recorded = set(baseline.cycle_imports)
    locations = _site_locations(analysis)
    worse = [
        Change(
            "new-cycle-import",
            f"{key.importer} -> {key.imported}",
            None,
            None,
            f"new import to cut {location.file}:{location.line} `{key.statement}`",
            location,
        )
        for key, location in sorted(locations.items())
        if key not in recorded
    ]
    current = cycle_imports(analysis)
    stale = [
        Change(
            "stale-cycle-import",
            f"{key.importer} -> {key.imported}",
            None,
            None,
            f"no longer in a cycle: {key.importer} -> {key.imported} `{key.statement}`",
        )
        for key in baseline.cycle_imports
        if key not in current
    ]
    return worse, stale


def _size_changes(
    baseline: Baseline, analysis: Analysis
) -> tuple[list[Change], list[Change], list[Change]]:
    allowed = dict(baseline.allowances)
    limit = analysis.summary.max_module_lines
    sizes = {m.name: m for m in analysis.modules}
    worse, better, stale = [], [], []
    for module in analysis.modules:
        if module.lines <= limit:
            continue
        where = Location(module.file, 1)
        if module.name not in allowed:
            message = f"new module over {limit} lines: {module.name} ({module.lines})"
            worse.append(
                Change("new-oversized-module", module.name, None, module.lines, message, where)
            )
        elif module.lines > allowed[module.name]:
            message = (
                f"{module.name} grew past its allowance: {allowed[module.name]} -> {module.lines}"
            )
            worse.append(
                Change(
                    "module-grew", module.name, allowed[module.name], module.lines, message, where
                )
            )
    for name, lines in sorted(allowed.items()):
        now = sizes.get(name)
        if now is None or now.lines <= limit:
            after = None if now is None else now.lines
            stale.append(
                Change(
                    "stale-allowance", name, lines, after, f"{name} is no longer over {limit} lines"
                )
            )
        elif now.lines < lines:
            message = f"allowance of {name} can shrink: {lines} -> {now.lines}"
            better.append(Change("allowance-shrunk", name, lines, now.lines, message))
    return worse, better, stale


def compare(baseline: Baseline, analysis: Analysis) -> Comparison:
    """What got worse than `baseline`, what can be tightened, and what is stale."""
    figures_worse, figures_better = _figure_changes(baseline, analysis)
    cycles_worse, cycles_stale = _cycle_changes(baseline, analysis)
    imports_worse, imports_stale = _import_changes(baseline, analysis)
    sizes_worse, sizes_better, sizes_stale = _size_changes(baseline, analysis)
    return Comparison(
        regressions=tuple(sorted(figures_worse + cycles_worse + imports_worse + sizes_worse)),
        tightenable=tuple(sorted(figures_better + sizes_better)),
        stale=tuple(sorted(cycles_stale + imports_stale + sizes_stale)),
    )
