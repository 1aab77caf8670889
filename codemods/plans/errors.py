"""Errors of a plan or a migration: each has a kebab-case code, a message and a hint, and is
raised before any file changes."""

from __future__ import annotations

from codemods.engine.errors import CodemodError

__all__ = ["PlanError"]


class PlanError(CodemodError):
    """A plan that cannot run as written, or a repository it cannot run in."""

    default_code = "bad-plan"
