"""A view as one self-contained HTML page: the graph, the figures, and the cycles linked to nodes.

Nothing is fetched: the layout is computed here (`reports.pictures.layout`), the data sits in
the page as JSON, and a small inline script draws it as SVG, highlights a cycle when its entry is
clicked, and pans and zooms. The page opens offline from a file. Byte-stable.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from typing import Any

from analyzer.model import Analysis, Cycle
from reports.figures import FIGURES, figure_values, label, short_name
from reports.findings import parent_init
from reports.pictures.layout import layout
from reports.pictures.view import GraphView

__all__ = ["render"]


def _node_of(view: GraphView, module: str) -> str | None:
    names = {node.name for node in view.nodes}
    while module:
        if module in names:
            return module
        module = module.rpartition(".")[0]
    return None


def _data(view: GraphView) -> dict[str, Any]:
    boxes, width, height = layout(view)
    ids = {node.name: f"n{index}" for index, node in enumerate(view.nodes)}
    nodes = [
        {
            "id": ids[box.name],
            "name": box.name,
            "label": view.node(box.name).label,
            "lines": view.node(box.name).lines,
            "modules": view.node(box.name).modules,
            "cycle": view.node(box.name).cycle,
            "x": box.x,
            "y": box.y,
            "w": box.width,
            "h": box.height,
        }
        for box in boxes
    ]
    edges = [
        {
            "s": ids[e.importer],
            "t": ids[e.imported],
            "kind": e.kind.value,
            "cut": e.cut,
            "cycle": e.cycle,
            "weight": e.weight,
        }
        for e in view.edges
    ]
    return {"nodes": nodes, "edges": edges, "width": width, "height": height}


def _figures(analysis: Analysis) -> str:
    limit = analysis.summary.max_module_lines
    rows = "".join(
        f"<tr><th>{escape(label(key, limit=limit))}</th><td>{value:,}</td></tr>"
        for key, value in figure_values(analysis.summary).items()
        if key in dict(FIGURES)
    )
    gates = "".join(
        f'<li class="{"pass" if g.passed else "fail"}">'
        f'<span class="mark">{"pass" if g.passed else "FAIL"}</span> '
        f"<code>{escape(g.gate)}</code>: {escape(g.message)}</li>"
        for g in analysis.gates
    )
    return f'<table class="figures">{rows}</table><ul class="gates">{gates}</ul>'


def _cycles(analysis: Analysis, view: GraphView) -> str:
    ids = {node.name: f"n{index}" for index, node in enumerate(view.nodes)}
    items = []
    for number, cycle in enumerate(analysis.cycles, start=1):
        targets = sorted({ids[n] for m in cycle.modules if (n := _node_of(view, m)) in ids})
        members = " ".join(
            f'<a href="#" class="member" data-node="{ids[n]}">{escape(short_name(analysis, m))}</a>'
            for m in cycle.modules
            if (n := _node_of(view, m)) in ids
        )
        items.append(
            f'<li class="cycle" data-nodes="{" ".join(targets)}"><a href="#" class="show">'
            f"Cycle {number}: {escape(cycle.kind.value)}, {len(cycle.modules)} modules</a>"
            f'<div class="members">{members}</div>{_cuts(analysis, cycle)}</li>'
        )
    if not items:
        return '<p class="clean">No import cycles.</p>'
    return f'<ol class="cycles">{"".join(items)}</ol>'


def _cuts(analysis: Analysis, cycle: Cycle) -> str:
    """The gate's cut, as the text report heads it: each statement once, with the parent
    `__init__` files it runs; a cycle of a kind the gate lets pass says so instead."""
    if not cycle.gate_cuts:
        gate = analysis.summary.gate_kind
        return f'<p class="cuts">Not gated: weaker than {escape(gate)}; nothing to cut.</p>'
    found: dict[tuple[str, int, str], set[str]] = {}
    for cut in cycle.gate_cuts:
        for site in cut.sites:
            inits = found.setdefault((site.file, site.line, site.text), set())
            if (init := parent_init(site)) is not None:
                inits.add(init)
    items = "".join(
        f"<li><code>{escape(file)}:{line}</code> <code>{escape(text)}</code>"
        + "".join(f" via <code>{escape(init)}</code>" for init in sorted(inits))
        + "</li>"
        for (file, line, text), inits in sorted(found.items())
    )
    return f'<p class="cuts">To pass the gate, cut:</p><ul class="cuts">{items}</ul>'


def render(analysis: Analysis, view: GraphView) -> str:
    """The page: `analysis` gives the figures and cycles, `view` the graph to draw."""
    assets = resources.files("reports.pictures") / "assets"
    style = (assets / "page.css").read_text(encoding="utf-8")
    script = (assets / "page.js").read_text(encoding="utf-8")
    data = json.dumps(_data(view), sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    verdict = "passed" if analysis.passed else "failed"
    title = escape(f"unknot: {view.title}")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>\n'
        f"<style>{style}</style></head>\n<body>\n"
        f'<header><h1>{title}</h1><p class="verdict {verdict}">Gate {verdict}</p></header>\n'
        f"<aside>{_figures(analysis)}<h2>Cycles</h2>{_cycles(analysis, view)}</aside>\n"
        '<main><svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{title}"></svg></main>\n'
        f'<script type="application/json" id="unknot-data">{data}</script>\n'
        f"<script>{script}</script>\n</body></html>\n"
    )
