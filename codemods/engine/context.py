"""What a codemod knows of the file it rewrites: its path, module and package names.

The runner hands each file's codemod a `FileNames`; libcst's `CodemodContext` has the same
fields, so either will do. The runner does not build a `CodemodContext` because importing
`libcst.codemod` imports `libcst.matchers`, which costs more than a small move does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from libcst.codemod import CodemodContext

__all__ = ["FileContext", "FileNames", "codemod_context"]


class FileContext(Protocol):
    """The file a codemod runs on (libcst's `CodemodContext` is one)."""

    @property
    def filename(self) -> str | None: ...

    @property
    def full_module_name(self) -> str | None: ...

    @property
    def full_package_name(self) -> str | None: ...


@dataclass(frozen=True)
class FileNames:
    """A `FileContext` that imports nothing of libcst."""

    filename: str | None = None
    full_module_name: str | None = None
    full_package_name: str | None = None


def codemod_context(context: FileContext) -> CodemodContext:
    """libcst's own context for the same file, for a codemod built on `libcst.codemod`."""
    from libcst.codemod import CodemodContext

    if isinstance(context, CodemodContext):
        return context
    return CodemodContext(
        filename=context.filename,
        full_module_name=context.full_module_name,
        full_package_name=context.full_package_name,
    )
