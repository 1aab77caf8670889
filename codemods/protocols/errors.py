"""Errors of extract-protocol: each has a kebab-case code, a message and a hint."""

from __future__ import annotations

from codemods.engine.errors import CodemodError

__all__ = [
    "BadTarget",
    "ClassNeeded",
    "ClassNotFound",
    "DestinationIsSource",
    "MemberUnknown",
    "NameTaken",
    "NotAClass",
]


class BadTarget(CodemodError):
    default_code = "bad-target"


class ClassNotFound(CodemodError):
    default_code = "class-not-found"


class NotAClass(CodemodError):
    default_code = "not-a-class"


class DestinationIsSource(CodemodError):
    default_code = "destination-is-source"


class NameTaken(CodemodError):
    default_code = "name-exists"


class ClassNeeded(CodemodError):
    """A dependent uses the class itself (instantiates, subclasses, isinstance, class attribute):
    a protocol cannot stand in there. The code names the first such use."""

    default_code = "class-needed"


class MemberUnknown(CodemodError):
    """A dependent uses a member the class does not define with a type the protocol can copy."""

    default_code = "member-unknown"
