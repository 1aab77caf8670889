"""Errors the analyzer raises for bad input: each has a kebab-case code, a message and a hint."""

from __future__ import annotations

__all__ = [
    "AnalyzerError",
    "ConfigError",
    "PackageNotFound",
    "RootNotFound",
    "TargetNotFound",
    "UnparsableModule",
    "UnreadableModule",
]


class AnalyzerError(Exception):
    """Base of every user-facing analyzer error."""

    default_code = "analyzer-error"

    def __init__(self, message: str, *, hint: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or self.default_code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ConfigError(AnalyzerError):
    default_code = "bad-config"


class RootNotFound(AnalyzerError):
    default_code = "root-not-found"


class PackageNotFound(AnalyzerError):
    default_code = "package-not-found"


class TargetNotFound(AnalyzerError):
    default_code = "target-not-found"


class UnparsableModule(AnalyzerError):
    """A scanned file is not valid Python; `file` and `line` say where."""

    default_code = "syntax-error"

    def __init__(self, message: str, *, file: str, line: int | None, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.file = file
        self.line = line


class UnreadableModule(AnalyzerError):
    """A scanned file cannot be read (permissions, a broken link, a file that vanished)."""

    default_code = "unreadable-file"
