"""The text formats of `unknot analyze --format`, by name. The terminal view is separate."""

from __future__ import annotations

from collections.abc import Callable

from analyzer.model import Analysis
from reports import github, json_report, markdown, sarif

__all__ = ["FORMATS", "Renderer"]

Renderer = Callable[[Analysis], str]

FORMATS: dict[str, Renderer] = {
    "json": json_report.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "github": github.render,
}
