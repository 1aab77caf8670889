"""Pictures of a layer's import graph: Mermaid, DOT, SVG (through Graphviz) and HTML."""

from __future__ import annotations

__all__: list[str] = []
