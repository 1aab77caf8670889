"""Pictures of a layer's import graph: Mermaid, DOT, SVG (through Graphviz) and HTML."""

from __future__ import annotations

from analyzer.model import Analysis
from reports.errors import ReportError

__all__ = ["PICTURE_FORMATS", "draw"]

PICTURE_FORMATS = ("mermaid", "dot", "svg", "html")


def draw(
    analysis: Analysis,
    output_format: str,
    *,
    collapse: int | None = None,
    cycles_only: bool = False,
) -> str:
    """The picture of `analysis` in `output_format` (one of `PICTURE_FORMATS`)."""
    from reports.pictures import dot, html, mermaid, svg
    from reports.pictures.view import GraphView

    if output_format not in PICTURE_FORMATS:
        raise ReportError(
            f"Unknown picture format '{output_format}'.",
            hint=f"Choose one of: {', '.join(PICTURE_FORMATS)}.",
            code="unknown-format",
        )
    if collapse is not None and collapse < 1:
        raise ReportError(
            f"--collapse must be 1 or more, got {collapse}.",
            hint="--collapse 1 draws the target's direct subpackages.",
            code="bad-collapse",
        )
    view = GraphView.of(analysis, collapse=collapse, cycles_only=cycles_only)
    if output_format == "mermaid":
        return mermaid.render(view)
    if output_format == "dot":
        return dot.render(view)
    if output_format == "svg":
        return svg.render(view)
    return html.render(analysis, view)
