"""The text formats of `unknot analyze --format`, by name. The terminal view is separate.

Each renderer is imported when chosen: a CI gate writing JSON does not load the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from analyzer.model import Analysis

__all__ = ["FORMATS", "Renderer", "renderer"]

Renderer = Callable[[Analysis], str]

FORMATS: dict[str, str] = {
    "json": "reports.json_report",
    "markdown": "reports.markdown",
    "sarif": "reports.sarif",
    "github": "reports.github",
}
"""Each format's module, which has a `render(analysis) -> str`."""


def renderer(name: str) -> Renderer:
    """The renderer of format `name` (a key of `FORMATS`)."""
    render: Renderer = importlib.import_module(FORMATS[name]).render
    return render
