"""The typing-import codemod: a module's imports of another module moved under TYPE_CHECKING.

`typing_import(TypingImportRequest(root, "pkg.a", "pkg.b"))` is a dry run that returns the
`Outcome` (summary and diff); `apply=True` writes every file or none.
"""

from __future__ import annotations

from codemods.typing_imports.service import TypingImportRequest, typing_import

__all__ = ["TypingImportRequest", "typing_import"]
