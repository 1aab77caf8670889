"""Errors a codemod raises for bad input: each has a kebab-case code, a message and a hint."""

from __future__ import annotations

__all__ = [
    "BadName",
    "CodemodError",
    "DirtyTree",
    "FilesUnreadable",
    "GitLocked",
    "ModuleNotFound",
    "NotAShim",
    "OutsideRoots",
    "ReadOnlyFiles",
    "TargetExists",
    "TargetInsideSource",
]


class CodemodError(Exception):
    """Base of every user-facing codemod error; nothing on disk has changed when it is raised."""

    default_code = "codemod-error"

    def __init__(self, message: str, *, hint: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or self.default_code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def after_recovery(self, note: str) -> None:
        """Say that an interrupted apply was completed before this error (`note` says how
        much), so that 'nothing was written' stays true of this run's own change."""
        self.message = f"{self.message} (Before this: {note})"
        for said in ("nothing was written", "Nothing was written"):
            self.hint = self.hint.replace(said, said.replace("was", "else was"))
        self.args = (self.message,)


class BadName(CodemodError):
    default_code = "bad-module-name"


class ModuleNotFound(CodemodError):
    default_code = "module-not-found"


class TargetExists(CodemodError):
    default_code = "target-exists"


class TargetInsideSource(CodemodError):
    default_code = "target-inside-source"


class OutsideRoots(CodemodError):
    default_code = "outside-roots"


class DirtyTree(CodemodError):
    default_code = "dirty-tree"


class ReadOnlyFiles(CodemodError):
    default_code = "read-only-file"


class FilesUnreadable(CodemodError):
    """Files that need rewriting could not be parsed or decoded, or a codemod refused them;
    the message says which, where and why."""

    default_code = "unparsable-file"


class GitLocked(CodemodError):
    default_code = "git-index-locked"


class NotAShim(CodemodError):
    default_code = "not-a-shim"
