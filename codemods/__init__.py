"""libcst codemods that move modules and rewrite every import of them, safely.

`move_module(MoveRequest(...))` moves a module or package and rewrites every reference to it;
`remove_shim_module(ShimRequest(...))` re-points the importers of a re-export shim and deletes it.
Both are dry runs unless `apply=True`, and write every file or none.
"""

from __future__ import annotations

from codemods.errors import CodemodError
from codemods.layout import find_repository_root
from codemods.plan import MoveRequest
from codemods.ports import CycleFinder
from codemods.remove_shim import ShimRequest, remove_shim_module
from codemods.service import Outcome, move_module

__all__ = [
    "CodemodError",
    "CycleFinder",
    "MoveRequest",
    "Outcome",
    "ShimRequest",
    "find_repository_root",
    "move_module",
    "remove_shim_module",
]
