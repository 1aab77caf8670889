"""The baseline ratchet: fail when anything gets worse than a recorded baseline.

A baseline records, for one target, the headline figures, the cycles (as sets of modules), every
import statement that sits inside a cycle (keyed by importer, imported module and statement
text, never by line or count), and the line allowance of each module over the limit.

`analyzer.ratchet` compares an analysis with it: regressions (a new cycle, a new import to
cut, a module grown past its allowance, a new module over the limit, a rise in a ratcheted
figure), entries that can be tightened (a figure or an allowance that went down), and stale
entries that match nothing any more. Module count and total lines are recorded and reported
but not ratcheted: a layer may grow with features; what must not grow is the tangle and the
oversized modules.

The file is JSON, sorted, one entry per line group, so a change to it reads well in review.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.model import Analysis

__all__ = [
    "BASELINE_SCHEMA_VERSION",
    "RATCHETED",
    "Baseline",
    "BaselineError",
    "CycleImport",
    "cycle_imports",
    "default_path",
    "dumps",
    "from_analysis",
    "load",
    "loads",
]

BASELINE_SCHEMA_VERSION = 1
RATCHETED = (
    "all_kinds_circular_dependencies",
    "all_kinds_statements_to_cut",
    "circular_dependencies",
    "cycles",
    "modules_over_limit",
    "mutual_pairs",
    "package_circular_dependencies",
    "statements_to_cut",
)
_RECORDED = ("lines", "modules", *RATCHETED)


class BaselineError(AnalyzerError):
    """A baseline file that is corrupt, of another schema version, or for another target."""

    default_code = "bad-baseline"


@dataclass(frozen=True, order=True)
class CycleImport:
    """An import statement inside a cycle, by identity: who imports what, with which text."""

    importer: str
    imported: str
    statement: str


@dataclass(frozen=True)
class Baseline:
    target: str
    package: str
    max_module_lines: int
    figures: tuple[tuple[str, int], ...]
    cycles: tuple[tuple[str, ...], ...]
    cycle_imports: tuple[CycleImport, ...]
    allowances: tuple[tuple[str, int], ...]
    schema_version: int = BASELINE_SCHEMA_VERSION


def default_path(target: str, project_dir: Path) -> Path:
    """Where `unknot analyze TARGET` looks for its baseline when `--baseline` is not given."""
    return project_dir / ".unknot" / f"baseline-{target}.json"


def _component_of(analysis: Analysis) -> dict[str, int]:
    return {name: n for n, cycle in enumerate(analysis.cycles) for name in cycle.modules}


def cycle_imports(analysis: Analysis) -> set[CycleImport]:
    """Every import statement of `analysis` whose two modules are in the same cycle."""
    component = _component_of(analysis)
    return {
        CycleImport(site.importer, site.imported, site.text.strip())
        for edge in analysis.imports
        if edge.importer in component and component[edge.importer] == component.get(edge.imported)
        for site in edge.sites
    }


def from_analysis(analysis: Analysis) -> Baseline:
    """The baseline that records `analysis` as it is."""
    summary = analysis.summary
    return Baseline(
        target=analysis.target,
        package=analysis.package,
        max_module_lines=summary.max_module_lines,
        figures=tuple(sorted((key, int(getattr(summary, key))) for key in _RECORDED)),
        cycles=tuple(sorted(tuple(sorted(c.modules)) for c in analysis.cycles)),
        cycle_imports=tuple(sorted(cycle_imports(analysis))),
        allowances=tuple(
            sorted(
                (m.name, m.lines) for m in analysis.modules if m.lines > summary.max_module_lines
            )
        ),
    )


def dumps(baseline: Baseline) -> str:
    """The baseline as sorted, indented JSON ending in a newline."""
    data = {
        "schema_version": baseline.schema_version,
        "target": baseline.target,
        "package": baseline.package,
        "max_module_lines": baseline.max_module_lines,
        "figures": dict(baseline.figures),
        "cycles": [list(members) for members in baseline.cycles],
        "cycle_imports": [
            {"importer": c.importer, "imported": c.imported, "statement": c.statement}
            for c in baseline.cycle_imports
        ],
        "allowances": dict(baseline.allowances),
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _parse(data: Any) -> Baseline:
    return Baseline(
        target=str(data["target"]),
        package=str(data["package"]),
        max_module_lines=int(data["max_module_lines"]),
        figures=tuple(sorted((str(k), int(v)) for k, v in data["figures"].items())),
        cycles=tuple(sorted(tuple(sorted(str(m) for m in c)) for c in data["cycles"])),
        cycle_imports=tuple(
            sorted(
                CycleImport(str(c["importer"]), str(c["imported"]), str(c["statement"]))
                for c in data["cycle_imports"]
            )
        ),
        allowances=tuple(sorted((str(k), int(v)) for k, v in data["allowances"].items())),
    )


def loads(text: str, *, source: str, target: str | None = None) -> Baseline:
    """Parse a baseline; raise `BaselineError` when corrupt, of another version or target."""
    hint = "Rewrite it with `unknot analyze TARGET --update-baseline`."
    try:
        data = json.loads(text)
        version = data.get("schema_version") if isinstance(data, dict) else None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{source} is not valid JSON ({error.msg}).", hint=hint) from error
    if version != BASELINE_SCHEMA_VERSION:
        raise BaselineError(
            f"{source} has schema version {version!r}; this unknot reads version "
            f"{BASELINE_SCHEMA_VERSION}.",
            hint=hint,
            code="baseline-version",
        )
    try:
        baseline = _parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BaselineError(f"{source} is not a baseline ({error!r}).", hint=hint) from error
    if target is not None and baseline.target != target:
        raise BaselineError(
            f"{source} is the baseline of target {baseline.target!r}, not {target!r}.",
            hint=f"Pass the baseline of {target!r}, or write one with --update-baseline.",
            code="baseline-mismatch",
        )
    return baseline


def load(path: Path, *, target: str | None = None) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BaselineError(
            f"Cannot read the baseline {path} ({error.strerror}).",
            hint="Check the path, or create it with --update-baseline.",
            code="baseline-not-found",
        ) from error
    return loads(text, source=str(path), target=target)
