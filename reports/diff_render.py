"""An `AnalysisDiff` as text, Markdown or JSON, as the seed writes it: "Cycles: 7 -> 0"."""

from __future__ import annotations

import json
from collections.abc import Callable

from reports.diff import AnalysisDiff, FigureChange
from reports.figures import label

__all__ = ["DIFF_FORMATS", "render_json", "render_markdown", "render_text"]


def _change(figure: FigureChange) -> str:
    delta = figure.after - figure.before
    if delta == 0:
        return "unchanged"
    percent = f", {delta / figure.before:+.0%}" if figure.before else ""
    return f"{delta:+,}{percent}"


def _short(diff: AnalysisDiff, module: str) -> str:
    prefix = diff.package + "."
    return module[len(prefix) :] if module.startswith(prefix) else module


def _figure_line(diff: AnalysisDiff, figure: FigureChange, arrow: str) -> str:
    name = label(figure.key, limit=diff.max_module_lines)
    return f"{name}: {figure.before:,} {arrow} {figure.after:,} ({_change(figure)})"


def _sections(diff: AnalysisDiff, arrow: str) -> list[tuple[str, list[str]]]:
    def cycle(members: tuple[str, ...]) -> str:
        return ", ".join(_short(diff, m) for m in members)

    return [
        (f"Cycles gained ({len(diff.cycles_gained)})", [cycle(c) for c in diff.cycles_gained]),
        (f"Cycles lost ({len(diff.cycles_lost)})", [cycle(c) for c in diff.cycles_lost]),
        (
            f"Modules moved ({len(diff.moved)})",
            [
                f"{m.old} {arrow} {m.new} ({m.score:.0%}: {'; '.join(m.evidence) or 'size'})"
                for m in diff.moved
            ],
        ),
        (f"Modules added ({len(diff.added)})", list(diff.added)),
        (f"Modules removed ({len(diff.removed)})", list(diff.removed)),
        (
            f"Extraction candidates that left the layer ({len(diff.candidates_left)})",
            list(diff.candidates_left),
        ),
    ]


def render_text(diff: AnalysisDiff) -> str:
    """Plain text for a terminal or a log: figures first, then each list."""
    out = [f"unknot diff: {diff.target} ({diff.package})", ""]
    out += [_figure_line(diff, figure, "->") for figure in diff.figures]
    for title, items in _sections(diff, "->"):
        if items:
            out += ["", title + ":"] + [f"  {item}" for item in items]
    return "\n".join(out) + "\n"


def render_markdown(diff: AnalysisDiff) -> str:
    """Markdown for a pull request comment: a figures table, then each list."""
    out = [
        f"### unknot diff: `{diff.target}` (`{diff.package}`)",
        "",
        "| figure | before | after | change |",
        "| --- | ---: | ---: | --- |",
    ]
    for figure in diff.figures:
        name = label(figure.key, limit=diff.max_module_lines)
        out.append(f"| {name} | {figure.before:,} | {figure.after:,} | {_change(figure)} |")
    out += ["", "```"] + [_figure_line(diff, f, "→") for f in diff.figures if f.before != f.after]
    out.append("```")
    for title, items in _sections(diff, "→"):
        if items:
            out += ["", f"**{title}**", ""] + [f"- {item}" for item in items]
    return "\n".join(out) + "\n"


def render_json(diff: AnalysisDiff) -> str:
    """The diff as sorted JSON with `schema_version`."""
    data = {
        "schema_version": 1,
        "target": diff.target,
        "package": diff.package,
        "figures": {f.key: {"before": f.before, "after": f.after} for f in diff.figures},
        "cycles_gained": [list(c) for c in diff.cycles_gained],
        "cycles_lost": [list(c) for c in diff.cycles_lost],
        "moved": [
            {"old": m.old, "new": m.new, "score": m.score, "evidence": list(m.evidence)}
            for m in diff.moved
        ],
        "added": list(diff.added),
        "removed": list(diff.removed),
        "candidates_left": list(diff.candidates_left),
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


DIFF_FORMATS: dict[str, Callable[[AnalysisDiff], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
