"""A view as a Mermaid flowchart: GitHub renders it in Markdown, in issues and pull requests.

Cycles are subgraphs with their modules shaded; imports to cut are thick red links; deferred
and lazy imports are dashed, typing-only imports dotted. Byte-stable.
"""

from __future__ import annotations

from analyzer.model import ImportKind
from reports.pictures.view import GraphView, ViewEdge

__all__ = ["GITHUB_MAX_EDGES", "render"]

GITHUB_MAX_EDGES = (
    500  # Mermaid's default `maxEdges`: beyond it, Mermaid (and GitHub) refuse to draw
)

_ARROWS = {
    ImportKind.IMPORT_TIME: "-->",
    ImportKind.DEFERRED: "-.->",
    ImportKind.LAZY: "-.->",
    ImportKind.TYPING: "-.->",
}


def _text(text: str) -> str:
    return text.replace('"', "#quot;")


def _link(edge: ViewEdge, ids: dict[str, str]) -> str:
    arrow = _ARROWS[edge.kind]
    notes = []
    if edge.weight > 1:
        notes.append(str(edge.weight))
    if edge.kind is ImportKind.TYPING:
        notes.append("typing")
    if edge.cut:
        notes.append("cut")
    label = f'|"{" ".join(notes)}"|' if notes else ""
    return f"    {ids[edge.importer]} {arrow}{label} {ids[edge.imported]}"


def render(view: GraphView) -> str:
    """The Mermaid source, starting with `flowchart`; wrap it in a ```mermaid fence to show it."""
    ids = {node.name: f"n{index}" for index, node in enumerate(view.nodes)}
    out = ["---", f'title: "{_text(view.title)}"', "---", "flowchart LR"]
    if len(view.edges) > GITHUB_MAX_EDGES:
        out.append(
            f"    %% {len(view.edges)} links: Mermaid draws at most {GITHUB_MAX_EDGES} by default; "
            "draw packages with --collapse 1, or only the cycles with --cycles-only"
        )
    out.append("    classDef cycle fill:#fde2e2,stroke:#c0392b,color:#000")
    out.append("    classDef module fill:#f5f7fa,stroke:#5b6b7f,color:#000")
    in_cycle = {node.name for node in view.nodes if node.cycle is not None}
    for number, members in enumerate(view.cycles, start=1):
        shown = [name for name in members if name in ids]
        if not shown:
            continue
        out.append(f'    subgraph c{number}["cycle {number}: {len(members)} modules"]')
        out += [f'        {ids[name]}["{_text(_node_label(view, name))}"]' for name in shown]
        out.append("    end")
    out += [
        f'    {ids[node.name]}["{_text(_node_label(view, node.name))}"]'
        for node in view.nodes
        if node.name not in in_cycle
    ]
    cuts = []
    for index, edge in enumerate(view.edges):
        out.append(_link(edge, ids))
        if edge.cut:
            cuts.append(str(index))
    if in_cycle:
        out.append("    class " + ",".join(ids[n] for n in sorted(in_cycle)) + " cycle")
    plain = [ids[node.name] for node in view.nodes if node.name not in in_cycle]
    if plain:
        out.append("    class " + ",".join(plain) + " module")
    if cuts:
        out.append(f"    linkStyle {','.join(cuts)} stroke:#c0392b,stroke-width:3px")
    return "\n".join(out) + "\n"


def _node_label(view: GraphView, name: str) -> str:
    node = view.node(name)
    size = f"{node.lines:,} lines" if node.modules == 1 else f"{node.modules} modules"
    return f"{node.label}<br/>{size}"
