"""A view as Graphviz DOT: `dot -Tsvg` draws it; `reports.pictures.svg` does that for you.

Cycles are clusters with their modules shaded; imports to cut are thick red edges; deferred and
lazy imports are dashed, typing-only imports dotted. Views of more than `LARGE` nodes drop the
clusters and draw straight edges so that Graphviz lays them out in well under a second.
Byte-stable.
"""

from __future__ import annotations

from analyzer.model import ImportKind
from reports.pictures.view import GraphView, ViewEdge, ViewNode

__all__ = ["LARGE", "quote", "render"]

LARGE = 150
# Clusters, spline routing and crossing minimisation dominate Graphviz's time on large graphs:
# without clusters (the shading still marks the cycles), with straight edges and bounded
# network-simplex and mincross passes, Django's largest cycle (166 modules, 667 imports) is laid
# out in about 0.5 s instead of about 9 s.
_LARGE_GRAPH = "rankdir=LR, ranksep=0.5, nodesep=0.1, splines=line, nslimit=1, mclimit=0.3];"
_STYLES = {
    ImportKind.IMPORT_TIME: "solid",
    ImportKind.DEFERRED: "dashed",
    ImportKind.LAZY: "dashed",
    ImportKind.TYPING: "dotted",
}


def quote(text: str) -> str:
    """A DOT string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _node(node: ViewNode) -> str:
    size = f"{node.lines:,} lines" if node.modules == 1 else f"{node.modules} modules"
    fill = "#fde2e2" if node.cycle is not None else "#f5f7fa"
    color = "#c0392b" if node.cycle is not None else "#5b6b7f"
    return (
        f"    {quote(node.name)} [label={quote(node.label + chr(10) + size)}, "
        f'fillcolor="{fill}", color="{color}", tooltip={quote(node.name)}];'
    )


def _edge(edge: ViewEdge) -> str:
    attributes = [f"style={_STYLES[edge.kind]}"]
    if edge.cut:
        attributes += ['color="#c0392b"', "penwidth=3", 'xlabel="cut"', 'fontcolor="#c0392b"']
    elif edge.cycle is not None:
        attributes.append('color="#e08e83"')
    else:
        attributes.append('color="#8896a8"')
    if edge.weight > 1:
        attributes.append(f'tooltip="{edge.weight} import statements"')
    return f"    {quote(edge.importer)} -> {quote(edge.imported)} [{', '.join(attributes)}];"


def render(view: GraphView) -> str:
    """The DOT source of `view`."""
    large = len(view.nodes) > LARGE
    out = [
        "digraph unknot {",
        f"    graph [label={quote(view.title)}, labelloc=t, fontname=Helvetica, "
        + (_LARGE_GRAPH if large else "rankdir=LR];"),
        '    node [shape=box, style="rounded,filled", fontname=Helvetica, fontsize=10];',
        "    edge [arrowsize=0.6, fontname=Helvetica, fontsize=9];",
    ]
    names = {node.name for node in view.nodes}
    for number, members in enumerate(() if large else view.cycles, start=1):
        shown = [name for name in members if name in names]
        if not shown:
            continue
        out.append(f"    subgraph cluster_cycle_{number} {{")
        out.append(
            f"        label={quote(f'cycle {number}: {len(members)} modules')}; "
            'style="dashed,rounded"; color="#c0392b"; fontcolor="#c0392b";'
        )
        out += [f"        {quote(name)};" for name in shown]
        out.append("    }")
    out += [_node(node) for node in view.nodes]
    out += [_edge(edge) for edge in view.edges]
    out.append("}")
    return "\n".join(out) + "\n"
