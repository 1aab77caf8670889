"""Re-point references to moved names in every other file: the move codemod once per name.

A moved name is a dotted path too (`pkg.mod.Name` -> `pkg.dest.Name`), so every form the move
codemod knows is covered: `from MODULE import NAME [as x]` (split when other names stay),
`MODULE.NAME` chains after `import MODULE`, relative forms, package re-exports, dotted strings
(`mock.patch("MODULE.NAME")`) and string annotations.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.codemod import CodemodContext

from codemods.engine.changes import StringHit
from codemods.engine.names import Rename, is_within
from codemods.engine.runner import FileCodemod, prefilter
from codemods.move.codemod import MoveModuleCodemod
from codemods.symbols.definitions import ImportBinding, ModuleFacts, read_module
from codemods.symbols.tidy import shorten_chains, tidy_imports
from codemods.symbols.unused import drop_unused_imports, imported_module

__all__ = ["RenameAll", "SymbolSpec"]


class RenameAll:
    """The move codemod for each rename in turn, on one file; figures summed."""

    def __init__(self, context: CodemodContext, renames: tuple[Rename, ...]) -> None:
        self.codemods = [MoveModuleCodemod(context, r) for r in renames]
        self.renames = renames
        self.prepare(context)

    def prepare(
        self, context: CodemodContext, *, new_package: str | None = None, source: str | None = None
    ) -> None:
        self.context = context
        self.imports_rewritten = 0
        self.strings_rewritten = 0
        self._review: list[StringHit] = []
        self._used: set[str] = set()

    @property
    def review_items(self) -> tuple[StringHit, ...]:
        return tuple(sorted(set(self._review), key=lambda h: (h.line, h.text)))

    @property
    def used_names(self) -> frozenset[str]:
        return frozenset(self._used)

    def transform_module(self, tree: cst.Module) -> cst.Module:
        original = tree
        code = tree.code
        for codemod in self.codemods:
            if codemod.rename.old.rpartition(".")[2] not in code:
                continue
            codemod.prepare(self.context, source=code)
            tree = codemod.transform_module(tree)
            code = tree.code
            self.imports_rewritten += codemod.imports_rewritten
            self.strings_rewritten += codemod.strings_rewritten
            self._review.extend(codemod.review)
        if tree is original:
            return tree
        return self._tidy(original, tree)

    def _tidy(self, original: cst.Module, tree: cst.Module) -> cst.Module:
        """Merge the imports the renames added, and drop the imports of the modules the names
        left that nothing uses any more."""
        tree = tidy_imports(tree, {r.importable for r in self.renames}, original=original)
        sources = {r.old.rpartition(".")[0] for r in self.renames}
        package = self.context.full_package_name or ""

        def from_source(binding: ImportBinding) -> bool:
            module = imported_module(binding, package)
            full = f"{module}.{binding.alias.evaluated_name}"
            return any(is_within(module, s) or is_within(full, s) for s in sources)

        before = read_module(original)
        for module in sorted({r.importable for r in self.renames}):
            importer = _from_style(before, sources, package)
            if importer is not None and f"import {module}" in tree.code:
                tree = shorten_chains(tree, original=original, module=module, importer=importer)
        tree, _ = drop_unused_imports(tree, before, only=from_source)
        return tree


def _from_style(facts: ModuleFacts, sources: set[str], package: str) -> cst.ImportFrom | None:
    """The `from PACKAGE import module` statement by which the file reached a source module."""
    for binding in facts.imports.values():
        node = binding.node
        if isinstance(node, cst.ImportFrom) and binding.alias.asname is None:
            full = f"{imported_module(binding, package)}.{binding.alias.evaluated_name}"
            if full in sources:
                return node
    return None


@dataclass(frozen=True)
class SymbolSpec:
    """Run `RenameAll` for `renames` (picklable, for worker processes)."""

    renames: tuple[Rename, ...]

    def wants(self, data: bytes) -> bool:
        return any(prefilter(data, r.old) for r in self.renames)

    def make(self, context: CodemodContext) -> FileCodemod:
        return RenameAll(context, self.renames)
