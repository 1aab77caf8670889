"""The codemods package's public names, pinned (a plan runner calls each codemod through them)."""

from __future__ import annotations

import codemods


def test_public_names() -> None:
    assert codemods.__all__ == [
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
