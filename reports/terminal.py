"""The terminal view of an analysis: the figures first, then what to act on, with file:line."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from analyzer.model import Analysis, Cycle
from reports.findings import repo_path

__all__ = ["render_terminal"]

_MAX_ROWS = 10


def render_terminal(analysis: Analysis, console: Console, *, verbose: bool = False) -> None:
    """Print the report; `verbose` lists every row instead of the first ten of each table."""
    limit = None if verbose else _MAX_ROWS
    parts: list[RenderableType | None] = [_summary(analysis)]
    parts += [
        _cycle(i, cycle, limit, analysis) for i, cycle in enumerate(analysis.cycles[:limit], 1)
    ]
    if analysis.cycles[limit:] if limit else ():
        parts.append(Text(f"... and {len(analysis.cycles) - _MAX_ROWS} more cycles (--verbose)"))
    parts += [_oversized(analysis, limit), _candidates(analysis, limit), _shims(analysis)]
    # warnings before the verdict: a misspelt setting explains a surprising "passed"
    for warning in (*analysis.warnings, *_unused(analysis)):
        parts.append(Text.from_markup(f"[yellow]warning[/]: {escape(warning)}"))
    parts.append(_gates(analysis, limit))
    console.print(Group(*[part for part in parts if part is not None]))


def _summary(analysis: Analysis) -> Table:
    s = analysis.summary
    table = Table(title=f"unknot analyze {analysis.target} ({analysis.package})", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right", no_wrap=True)
    kinds = ", ".join(f"{n} {k}" for k, n in s.cycles_by_kind) or "none"
    rows = [
        ("Modules", f"{s.modules:,}"),
        ("Lines", f"{s.lines:,}"),
        ("Circular dependencies (imports to cut)", str(s.circular_dependencies)),
        ("Cycles", f"{s.cycles} ({kinds})"),
        ("Mutual imports (a <-> b)", str(s.mutual_pairs)),
        (f"Modules over {s.max_module_lines} lines", str(s.modules_over_limit)),
        ("Package-level imports to cut", str(s.package_circular_dependencies)),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


def _cycle(number: int, cycle: Cycle, limit: int | None, analysis: Analysis) -> RenderableType:
    witness = " -> ".join([*cycle.witness, cycle.witness[0]]) if cycle.witness else ""
    lines = [
        Text.from_markup(
            f"\n[bold]Cycle {number}[/] ({cycle.kind.value}, {len(cycle.modules)} modules): "
            f"{escape(witness)}"
        ),
        Text(f"  cut {len(cycle.cuts)} import(s){'' if cycle.exact else ' (approximate)'}:"),
    ]
    for cut in cycle.cuts[:limit]:
        for site in cut.sites:
            lines.append(
                Text.from_markup(
                    f"    [cyan]{escape(repo_path(analysis, site.file))}:{site.line}[/] "
                    f"{escape(site.text)}"
                    f"  [dim]({site.kind.value})[/]"
                )
            )
    return Group(*lines)


def _oversized(analysis: Analysis, limit: int | None) -> RenderableType | None:
    rows = [m for m in analysis.modules if m.lines > analysis.summary.max_module_lines]
    if not rows and not analysis.largest_definitions:
        return None
    table = Table(title="Largest modules and definitions", title_justify="left")
    table.add_column("where")
    table.add_column("lines", justify="right")
    for m in sorted(rows, key=lambda m: (-m.lines, m.name))[:limit]:
        table.add_row(f"{repo_path(analysis, m.file)} ({m.name})", str(m.lines))
    for d in analysis.largest_definitions[:limit]:
        table.add_row(f"  {d.kind} {d.module}:{d.name} (line {d.line})", str(d.lines))
    return table


def _candidates(analysis: Analysis, limit: int | None) -> RenderableType | None:
    if not analysis.candidates:
        return None
    table = Table(title="Extraction candidates (cleanest first)", title_justify="left")
    for column in ("tier", "module", "lines", "layer imports", "importers in/out", "destination"):
        table.add_column(column, overflow="fold")
    for c in analysis.candidates[:limit]:
        table.add_row(
            str(c.tier),
            c.module + (" (in cycle)" if c.in_cycle else ""),
            str(c.lines),
            str(c.target_imports),
            f"{c.importers_inside}/{c.importers_outside}",
            c.destination or "-",
        )
    return table


def _shims(analysis: Analysis) -> RenderableType | None:
    if not analysis.shims:
        return None
    table = Table(title="Re-export shims", title_justify="left")
    for column in ("module", "re-exports from", "importers still using it"):
        table.add_column(column)
    for shim in analysis.shims:
        table.add_row(shim.module, ", ".join(shim.sources), str(len(shim.importers)))
    return table


def _gates(analysis: Analysis, limit: int | None) -> RenderableType:
    lines: list[RenderableType] = [Text("")]
    for gate in analysis.gates:
        mark = "[green]PASS[/]" if gate.passed else "[bold red]FAIL[/]"
        lines.append(Text.from_markup(f"{mark} {gate.gate}: {escape(gate.message)}"))
        if not gate.passed:
            for place in gate.locations[:limit]:
                where = f"{escape(repo_path(analysis, place.file))}:{place.line}"
                lines.append(Text.from_markup(f"     [cyan]{where}[/] {escape(place.text)}"))
    verdict = "[green]All gates passed.[/]" if analysis.passed else "[bold red]Gate failed.[/]"
    lines.append(Text.from_markup(verdict))
    return Group(*lines)


def _unused(analysis: Analysis) -> list[str]:
    return [
        f"ignore '{i.importer} -> {i.imported}' matches no import ({i.reason})"
        for i in analysis.unused_ignores
    ]
