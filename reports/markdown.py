"""The analysis as Markdown, in the shape of the seed's refactoring tracker.

Headline figures as "Baseline / Current / Target" blocks (the baseline when one is given, the
target from the configured gates), then the cycles with the imports to cut as a checklist,
mutual imports, oversized modules, extraction tiers and shims. Fit to paste into a pull request
comment; byte-stable for a given analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from analyzer.model import Analysis, Cut, Cycle
from reports.figures import FIGURES, figure_values, label, short_name
from reports.findings import parent_init, repo_path

__all__ = ["MAX_ROWS", "render"]

MAX_ROWS = 100
_TIERS = {
    1: "imports nothing from the layer",
    2: "imports a little of the layer",
    3: "imports much of the layer",
}


def render(analysis: Analysis, *, baseline: Mapping[str, int] | None = None) -> str:
    """The whole report; `baseline` holds the baseline's headline figures by key, if any."""
    parts = [
        _title(analysis),
        _metrics(analysis, baseline),
        _gates(analysis),
        _cycles(analysis),
        _pairs(analysis),
        _oversized(analysis),
        _candidates(analysis),
        _shims(analysis),
        _ignores(analysis),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _title(analysis: Analysis) -> str:
    verdict = "✅ passed" if analysis.passed else "❌ failed"
    failed = sum(1 for gate in analysis.gates if not gate.passed)
    detail = f" ({failed} of {len(analysis.gates)} gates failed)" if failed else ""
    return f"## unknot: `{analysis.target}` (`{analysis.package}`)\n\n**Gate: {verdict}**{detail}"


def _figure_lines(
    analysis: Analysis, values: Mapping[str, int], *, before: Mapping[str, int] | None = None
) -> list[str]:
    limit = analysis.summary.max_module_lines
    lines = []
    for key, _ in FIGURES:
        if key not in values:
            continue
        line = f"{label(key, limit=limit)}: {values[key]:,}"
        if before is not None and key in before and before[key] != values[key]:
            direction = "down" if values[key] < before[key] else "up"
            line += f" ({direction} from {before[key]:,})"
        lines.append(line)
    return lines


def _block(title: str, lines: list[str]) -> str:
    return f"#### {title}\n\n```\n" + "\n".join(lines) + "\n```"


def _metrics(analysis: Analysis, baseline: Mapping[str, int] | None) -> str:
    current = figure_values(analysis.summary)
    blocks = ["### Metrics"]
    if baseline is not None:
        blocks.append(_block("Baseline", _figure_lines(analysis, baseline)))
    lines = _figure_lines(analysis, current, before=baseline)
    pairs = [
        f"  - {short_name(analysis, p.first)} ↔️ {short_name(analysis, p.second)}"
        for p in analysis.mutual_pairs[:MAX_ROWS]
    ]
    at = next(i for i, line in enumerate(lines) if line.startswith("Circular Dependencies"))
    lines[at + 1 : at + 1] = pairs
    blocks.append(_block("Current", lines))
    if analysis.gates:
        targets = [
            f"{gate.gate}: at most {gate.limit:,} (now {gate.actual:,}"
            # a gate that passes above its limit does so on debt the baseline recorded
            + (", recorded in the baseline) " if gate.passed and gate.actual > gate.limit else ") ")
            + ("✅" if gate.passed else "❌")
            for gate in analysis.gates
        ]
        blocks.append(_block("Target", targets))
    return "\n\n".join(blocks)


def _table(header: Iterable[str], rows: list[list[str]], *, total: int | None = None) -> str:
    head = list(header)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows[:MAX_ROWS]]
    shown = min(len(rows), MAX_ROWS)
    if (total or len(rows)) > shown:
        out.append(f"\n… and {(total or len(rows)) - shown:,} more.")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _gates(analysis: Analysis) -> str:
    if not analysis.gates:
        return ""
    rows = [
        [f"`{g.gate}`", f"{g.limit:,}", f"{g.actual:,}", "✅" if g.passed else "❌", g.message]
        for g in analysis.gates
    ]
    return "### Gates\n\n" + _table(["gate", "limit", "actual", "result", "detail"], rows)


def _checklist(analysis: Analysis, cuts: tuple[Cut, ...]) -> list[str]:
    """One checkbox per statement: a statement that imports several modules of the cycle
    names each import once, in one line."""
    edges: dict[tuple[str, int, str, str], list[str]] = {}
    for cut in cuts:
        for site in cut.sites:
            edge = f"{short_name(analysis, cut.importer)} → {short_name(analysis, cut.imported)}"
            init = parent_init(site)
            edge += f" via `{repo_path(analysis, init)}`" if init else ""
            edges.setdefault(
                (repo_path(analysis, site.file), site.line, site.text, site.kind.value), []
            ).append(edge)
    lines = [
        f"- [ ] `{file}:{line}` `{text}` ({', '.join(names)}, {kind})"
        for (file, line, text, kind), names in sorted(edges.items())
    ]
    if len(lines) > MAX_ROWS:
        lines = [*lines[:MAX_ROWS], f"- … and {len(lines) - MAX_ROWS:,} more."]
    return lines


def _cycle_text(analysis: Analysis, number: int, cycle: Cycle) -> str:
    path = " → ".join(f"`{short_name(analysis, m)}`" for m in (*cycle.witness, cycle.witness[0]))
    gate = analysis.summary.gate_kind
    lines = [f"**{number}. {cycle.kind.value} cycle** of {len(cycle.modules)} modules: {path}", ""]
    if cycle.gate_cuts and _sites(cycle.gate_cuts) == _sites(cycle.cuts):
        heading = (
            f"Imports to cut to pass the gate and leave no cycle of any kind ({len(cycle.cuts)}"
        )
        return "\n".join(
            [*lines, f"{heading}, {_exact(cycle.exact)}):", *_checklist(analysis, cycle.cuts)]
        )
    if cycle.gate_cuts:
        lines += [
            f"Imports to cut to pass the gate ({len(cycle.gate_cuts)}, "
            f"{_exact(cycle.gate_exact)}, {gate} statements):",
            *_checklist(analysis, cycle.gate_cuts),
            "",
        ]
    else:
        lines += [f"The gate counts {gate} cycles and stronger: not this one.", ""]
    lines += [
        f"Imports to cut for no cycle of any kind ({len(cycle.cuts)}, {_exact(cycle.exact)}):",
        *_checklist(analysis, cycle.cuts),
    ]
    return "\n".join(lines)


def _sites(cuts: tuple[Cut, ...]) -> set[tuple[str, int, str]]:
    return {(site.file, site.line, site.imported) for cut in cuts for site in cut.sites}


def _exact(exact: bool) -> str:
    return "minimal" if exact else "approximately minimal"


def _package_cycles(analysis: Analysis) -> list[str]:
    if not analysis.package_cycles:
        return []
    cuts = sum(len(cycle.cuts) for cycle in analysis.package_cycles)
    lines = [
        f"At package level (all kinds): {len(analysis.package_cycles):,} cycle(s), "
        f"{cuts:,} dependencies to cut:",
        "",
    ]
    for cycle in analysis.package_cycles[:MAX_ROWS]:
        members = ", ".join(f"`{short_name(analysis, m)}`" for m in cycle.modules)
        for cut in cycle.cuts[:MAX_ROWS]:
            pairs = len({(site.importer, site.imported) for site in cut.sites})
            lines.append(
                f"- [ ] `{short_name(analysis, cut.importer)}` → "
                f"`{short_name(analysis, cut.imported)}` ({pairs:,} module imports; "
                f"cycle of {members})"
            )
    return ["\n".join(lines)]


def _cycles(analysis: Analysis) -> str:
    if not analysis.cycles:
        return "\n\n".join(["### Cycles\n\nNo import cycles. ✅", *_package_cycles(analysis)])
    shown = analysis.cycles[:MAX_ROWS]
    parts = [f"### Cycles ({len(analysis.cycles):,})"]
    parts += [_cycle_text(analysis, n, cycle) for n, cycle in enumerate(shown, start=1)]
    if len(analysis.cycles) > len(shown):
        parts.append(f"… and {len(analysis.cycles) - len(shown):,} more cycles.")
    parts += _package_cycles(analysis)
    return "\n\n".join(parts)


def _pairs(analysis: Analysis) -> str:
    if not analysis.mutual_pairs:
        return ""
    rows = [
        [f"`{short_name(analysis, p.first)}` ↔️ `{short_name(analysis, p.second)}`", p.kind.value]
        for p in analysis.mutual_pairs
    ]
    return f"### Mutual imports ({len(rows):,})\n\n" + _table(["modules", "kind"], rows)


def _oversized(analysis: Analysis) -> str:
    limit = analysis.summary.max_module_lines
    over = sorted(
        (m for m in analysis.modules if m.lines > limit), key=lambda m: (-m.lines, m.name)
    )
    if not over:
        return f"### Modules >{limit} lines\n\nNone. ✅"
    rows = [
        [f"`{repo_path(analysis, m.file)}`", f"{m.lines:,}", f"+{m.lines - limit:,}"] for m in over
    ]
    text = f"### Modules >{limit} lines ({len(over):,})\n\n" + _table(
        ["module", "lines", "over"], rows
    )
    names = {m.name for m in over}
    defs = [d for d in analysis.largest_definitions if d.module in names]
    if defs:
        def_rows = [
            [f"`{short_name(analysis, d.module)}:{d.name}`", d.kind, f"{d.line}", f"{d.lines:,}"]
            for d in sorted(defs, key=lambda d: (-d.lines, d.module, d.name))
        ]
        text += "\n\nLargest definitions in them:\n\n" + _table(
            ["definition", "kind", "line", "lines"], def_rows
        )
    return text


def _candidates(analysis: Analysis) -> str:
    if not analysis.candidates:
        return ""
    parts = ["### Extraction candidates"]
    for tier in sorted({c.tier for c in analysis.candidates}):
        rows = [
            [
                f"`{short_name(analysis, c.module)}`",
                f"{c.lines:,}",
                f"{c.target_imports:,}",
                f"{c.importers_inside:,}",
                f"{c.importers_outside:,}",
                "yes" if c.in_cycle else "no",
                f"`{c.destination}`" if c.destination else "-",
            ]
            for c in analysis.candidates
            if c.tier == tier
        ]
        title = f"**Tier {tier}** ({_TIERS.get(tier, 'other')}): {len(rows):,}"
        header = ["module", "lines", "imports", "importers in", "out", "in cycle", "destination"]
        parts.append(title + "\n\n" + _table(header, rows))
    return "\n\n".join(parts)


def _shims(analysis: Analysis) -> str:
    if not analysis.shims:
        return ""
    rows = [
        [
            f"`{short_name(analysis, s.module)}`",
            ", ".join(f"`{source}`" for source in s.sources),
            f"{len(s.importers):,}",
        ]
        for s in analysis.shims
    ]
    return f"### Re-export shims ({len(rows):,})\n\n" + _table(
        ["shim", "re-exports from", "importers still using it"], rows
    )


def _ignores(analysis: Analysis) -> str:
    parts = []
    if analysis.ignores:
        rows = [[f"`{i.importer}` → `{i.imported}`", i.reason] for i in analysis.ignores]
        parts.append("### Ignored imports\n\n" + _table(["import", "reason"], rows))
    if analysis.unused_ignores:
        rows = [[f"`{i.importer}` → `{i.imported}`", i.reason] for i in analysis.unused_ignores]
        parts.append("### Ignores that match nothing\n\n" + _table(["import", "reason"], rows))
    if analysis.warnings:
        parts.append("### Warnings\n\n" + "\n".join(f"- {w}" for w in analysis.warnings))
    return "\n\n".join(parts)
