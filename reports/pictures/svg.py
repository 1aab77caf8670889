"""A view as SVG, drawn by Graphviz's `dot` (Debian/Ubuntu package `graphviz`)."""

from __future__ import annotations

import shutil
import subprocess

from reports.errors import MissingTool, ReportError
from reports.pictures import dot
from reports.pictures.view import GraphView

__all__ = ["render"]


def render(view: GraphView, *, program: str = "dot") -> str:
    """The SVG text; `MissingTool` (naming the package to install) when `dot` is absent."""
    executable = shutil.which(program)
    if executable is None:
        raise MissingTool(
            f"SVG needs Graphviz's `{program}` program, which is not installed.",
            hint="Install the `graphviz` package (apt-get install graphviz, brew install "
            "graphviz), or use --format html, dot or mermaid, which need nothing.",
        )
    result = subprocess.run(
        [executable, "-Tsvg"],
        input=dot.render(view),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ReportError(
            f"Graphviz `{program}` failed: {result.stderr.strip()[:300]}",
            hint="Try --collapse 1 to draw packages instead of modules.",
            code="graphviz-failed",
        )
    return result.stdout
