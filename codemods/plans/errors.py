"""Errors of a plan or a migration: each has a kebab-case code, a message and a hint, and is
raised before any file changes."""

from __future__ import annotations

from codemods.engine.errors import CodemodError

__all__ = ["OpUnavailable", "PlanError", "StepFailed"]


class PlanError(CodemodError):
    """A plan that cannot run as written, or a repository it cannot run in."""

    default_code = "bad-plan"


class OpUnavailable(PlanError):
    """A step's operation is known but its codemod is not installed in this build."""

    default_code = "op-unavailable"


class StepFailed(Exception):
    """A step that was applied (or tried) and did not pass its verification; not user input."""

    def __init__(self, reason: str, *, log: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.log = log
