"""The terminal view of an analysis: the figures first, then what to act on, with file:line."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from analyzer.model import Analysis, Cut, Cycle
from reports.findings import parent_init, repo_path

__all__ = ["render_terminal"]

_MAX_ROWS = 10


def render_terminal(analysis: Analysis, console: Console, *, verbose: bool = False) -> None:
    """Print the report; `verbose` lists every row instead of the first ten of each table."""
    limit = None if verbose else _MAX_ROWS
    parts: list[RenderableType | None] = [_summary(analysis)]
    parts += [
        _cycle(i, cycle, limit, analysis) for i, cycle in enumerate(analysis.cycles[:limit], 1)
    ]
    parts.append(_more(len(analysis.cycles), limit, "cycles"))
    parts.append(_package_cycles(analysis, limit))
    parts += [_oversized(analysis, limit), _candidates(analysis, limit), _shims(analysis, limit)]
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
        (
            f"Circular dependencies: imports to cut to pass the gate ({_gated(s.gate_kind)})",
            f"{s.circular_dependencies} ({s.statements_to_cut} statements)",
        ),
        (
            "Imports to cut for no cycle of any kind",
            f"{s.all_kinds_circular_dependencies} ({s.all_kinds_statements_to_cut} statements)",
        ),
        ("Cycles", f"{s.cycles} ({kinds})"),
        ("Mutual imports (a <-> b)", str(s.mutual_pairs)),
        (f"Modules over {s.max_module_lines} lines", str(s.modules_over_limit)),
        ("Package-level imports to cut (all kinds)", str(s.package_circular_dependencies)),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table


def _gated(kind: str) -> str:
    """The cycles the gate's cut removes, named by kind."""
    return f"{kind} cycles" if kind == "import-time" else f"cycles of kind {kind} or stronger"


def _cycle(number: int, cycle: Cycle, limit: int | None, analysis: Analysis) -> RenderableType:
    witness = " -> ".join([*cycle.witness, cycle.witness[0]]) if cycle.witness else ""
    lines: list[RenderableType] = [
        Text.from_markup(
            f"\n[bold]Cycle {number}[/] ({cycle.kind.value}, {len(cycle.modules)} modules): "
            f"{escape(witness)}"
        )
    ]
    gate = analysis.summary.gate_kind
    if cycle.gate_cuts and _edges(cycle.gate_cuts) == _edges(cycle.cuts):
        heading = f"cut {_count(cycle.gate_cuts, exact=cycle.gate_exact)}, to pass the gate "
        lines += _cut_list(heading + "and leave no cycle of any kind", cycle.cuts, limit, analysis)
        return Group(*lines)
    if cycle.gate_cuts:
        heading = f"to pass the gate, cut {_count(cycle.gate_cuts, exact=cycle.gate_exact)}"
        lines += _cut_list(f"{heading} ({gate} statements)", cycle.gate_cuts, limit, analysis)
    else:
        lines.append(Text(f"  the gate's cut leaves it: it removes {_gated(gate)} only"))
    heading = f"for no cycle of any kind, cut {_count(cycle.cuts, exact=cycle.exact)}"
    lines += _cut_list(heading, cycle.cuts, limit, analysis)
    return Group(*lines)


def _edges(cuts: tuple[Cut, ...]) -> set[tuple[str, int, str]]:
    return {(site.file, site.line, site.imported) for cut in cuts for site in cut.sites}


def _count(cuts: tuple[Cut, ...], *, exact: bool) -> str:
    return f"{len(cuts)} import(s){'' if exact else ' (approximate)'}"


def _statements(cuts: tuple[Cut, ...]) -> list[tuple[str, int, str, str, tuple[str, ...]]]:
    """Each statement of `cuts` once, in file order (one that imports several modules of the
    cycle feeds several cuts), with the parent `__init__` files it runs that the cut needs."""
    found: dict[tuple[str, int, str, str], set[str]] = {}
    for cut in cuts:
        for site in cut.sites:
            inits = found.setdefault((site.file, site.line, site.text, site.kind.value), set())
            init = parent_init(site)
            if init:
                inits.add(init)
    return [(*key, tuple(sorted(inits))) for key, inits in sorted(found.items())]


def _cut_list(
    heading: str, cuts: tuple[Cut, ...], limit: int | None, analysis: Analysis
) -> list[RenderableType]:
    statements = _statements(cuts)
    lines: list[RenderableType] = [Text(f"  {heading}:")]
    for file, line, text, kind, inits in statements[:limit]:
        via = "".join(f", via {repo_path(analysis, init)}" for init in inits)
        lines.append(
            Text.from_markup(
                f"    [cyan]{escape(repo_path(analysis, file))}:{line}[/] {escape(text)}"
                f"  [dim]({kind}{escape(via)})[/]"
            )
        )
    more = _more(len(statements), limit, "statements", indent="    ")
    return [*lines, more] if more else lines


def _more(total: int, limit: int | None, what: str, *, indent: str = "") -> Text | None:
    """The line that says how much a cut list leaves out."""
    if limit is None or total <= limit:
        return None
    return Text(f"{indent}... and {total - limit} more {what} (--verbose)")


def _package_cycles(analysis: Analysis, limit: int | None) -> RenderableType | None:
    if not analysis.package_cycles:
        return None
    lines: list[RenderableType] = [Text.from_markup("\n[bold]Package-level cycles[/] (all kinds)")]
    for number, cycle in enumerate(analysis.package_cycles[:limit], 1):
        members = ", ".join(escape(m) for m in cycle.modules)
        lines.append(Text.from_markup(f"  [bold]{number}.[/] {members}"))
        for cut in cycle.cuts[:limit]:
            pairs = len({(site.importer, site.imported) for site in cut.sites})
            lines.append(Text(f"    cut {cut.importer} -> {cut.imported} ({pairs} module imports)"))
        more = _more(len(cycle.cuts), limit, "imports", indent="    ")
        lines += [more] if more else []
    more = _more(len(analysis.package_cycles), limit, "package-level cycles", indent="  ")
    return Group(*lines, *([more] if more else []))


def _oversized(analysis: Analysis, limit: int | None) -> RenderableType | None:
    rows = [m for m in analysis.modules if m.lines > analysis.summary.max_module_lines]
    if not rows and not analysis.largest_definitions:
        return None
    table = Table(title="Largest modules and definitions", title_justify="left")
    table.add_column("where")
    table.add_column("lines", justify="right")
    for m in sorted(rows, key=lambda m: (-m.lines, m.name))[:limit]:
        table.add_row(f"{repo_path(analysis, m.file)} ({m.name})", str(m.lines))
    more = _more(len(rows), limit, "modules over the limit")
    if more:
        table.add_row(more, "")
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
    more = _more(len(analysis.candidates), limit, "candidates")
    if more:
        table.add_row("", more)
    return table


def _shims(analysis: Analysis, limit: int | None) -> RenderableType | None:
    if not analysis.shims:
        return None
    table = Table(title="Re-export shims", title_justify="left")
    for column in ("module", "re-exports from", "importers still using it"):
        table.add_column(column)
    for shim in analysis.shims[:limit]:
        table.add_row(shim.module, ", ".join(shim.sources), str(len(shim.importers)))
    more = _more(len(analysis.shims), limit, "shims")
    if more:
        table.add_row(more, "", "")
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
            more = _more(len(gate.locations), limit, "locations", indent="     ")
            lines += [more] if more else []
    verdict = "[green]All gates passed.[/]" if analysis.passed else "[bold red]Gate failed.[/]"
    lines.append(Text.from_markup(verdict))
    return Group(*lines)


def _unused(analysis: Analysis) -> list[str]:
    return [
        f"ignore '{i.importer} -> {i.imported}' matches no import ({i.reason})"
        for i in analysis.unused_ignores
    ]
