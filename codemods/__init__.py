"""libcst codemods that move code and rewrite every reference to it, safely.

One subpackage per codemod over a shared engine (`codemods.engine`: the runner, the journal,
the repository layout, git, dotted names, the summary):

- `move_module(MoveRequest(...))` moves a module or package and rewrites every reference to it;
- `move_symbols(SymbolRequest(...))` moves top-level names into another module;
- `remove_shim_module(ShimRequest(...))` re-points the importers of a re-export shim and deletes it;
- `typing_import(TypingImportRequest(...))` moves a module's imports of another module under
  `if TYPE_CHECKING:` when it uses their names only in annotations.

Each is a dry run unless `apply=True`, and writes every file or none.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from codemods.engine.errors import CodemodError
    from codemods.engine.layout import find_repository_root
    from codemods.engine.outcome import Outcome
    from codemods.engine.ports import CycleFinder
    from codemods.move.plan import MoveRequest
    from codemods.move.service import move_module
    from codemods.shims.remove_shim import ShimRequest, remove_shim_module
    from codemods.symbols.service import SymbolRequest, move_symbols
    from codemods.typing_imports.service import TypingImportRequest, typing_import

# Each name is imported when first asked for: a command loads only its own codemod (the
# others import `libcst.codemod` and its matchers, which cost more than a small move).
_HOMES = {
    "CodemodError": "codemods.engine.errors",
    "CycleFinder": "codemods.engine.ports",
    "MoveRequest": "codemods.move.plan",
    "Outcome": "codemods.engine.outcome",
    "ShimRequest": "codemods.shims.remove_shim",
    "SymbolRequest": "codemods.symbols.service",
    "TypingImportRequest": "codemods.typing_imports.service",
    "find_repository_root": "codemods.engine.layout",
    "move_module": "codemods.move.service",
    "move_symbols": "codemods.symbols.service",
    "remove_shim_module": "codemods.shims.remove_shim",
    "typing_import": "codemods.typing_imports.service",
}


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module 'codemods' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "CodemodError",
    "CycleFinder",
    "MoveRequest",
    "Outcome",
    "ShimRequest",
    "SymbolRequest",
    "TypingImportRequest",
    "find_repository_root",
    "move_module",
    "move_symbols",
    "remove_shim_module",
    "typing_import",
]
