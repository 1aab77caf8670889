"""The typing-import codemod's user-facing errors (code, message, hint)."""

from __future__ import annotations

from codemods.engine.errors import CodemodError

__all__ = ["ImportNotFound", "RuntimeUse"]


class RuntimeUse(CodemodError):
    """A name the import binds is used at run time: moving the import would break the module."""

    default_code = "runtime-use"


class ImportNotFound(CodemodError):
    """The module does not import the named module at all."""

    default_code = "import-not-found"
