"""Errors the renderers raise for bad input: each has a kebab-case code, a message and a hint."""

from __future__ import annotations

__all__ = ["BadAnalysisFile", "MissingTool", "ReportError", "RevisionNotFound"]


class ReportError(Exception):
    """Base of every user-facing report error."""

    default_code = "report-error"

    def __init__(self, message: str, *, hint: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or self.default_code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class MissingTool(ReportError):
    """A format needs a program that is not installed (Graphviz `dot` for SVG)."""

    default_code = "missing-tool"


class BadAnalysisFile(ReportError):
    """An analysis JSON file that cannot be read, parsed, or is of another schema version."""

    default_code = "bad-analysis-file"


class RevisionNotFound(ReportError):
    """`unknot diff --against REV` names a revision git does not know."""

    default_code = "revision-not-found"
