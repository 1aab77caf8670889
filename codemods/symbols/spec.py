"""Re-point references to moved names in every other file: the move codemod once per name.

A moved name is a dotted path too (`pkg.mod.Name` -> `pkg.dest.Name`), so every form the move
codemod knows is covered: `from MODULE import NAME [as x]` (split when other names stay),
`MODULE.NAME` chains after `import MODULE`, relative forms, package re-exports, dotted strings
(`mock.patch("MODULE.NAME")`) and string annotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.helpers import get_full_name_for_node

from codemods.engine.changes import StringHit
from codemods.engine.names import Rename, is_within, resolve_relative
from codemods.engine.runner import FileCodemod, prefilter
from codemods.move.codemod import MoveModuleCodemod
from codemods.symbols.definitions import ImportBinding, ModuleFacts, read_module
from codemods.symbols.stars import StarReexports
from codemods.symbols.tidy import shorten_chains, tidy_imports
from codemods.symbols.unused import drop_unused_imports, imported_module

__all__ = ["RenameAll", "SymbolSpec"]


class RenameAll:
    """The move codemod for each rename in turn, on one file; figures summed."""

    def __init__(
        self,
        context: CodemodContext,
        renames: tuple[Rename, ...],
        stars: tuple[tuple[str, tuple[str, ...]], ...] = (),
        *,
        shorten: bool = True,
    ) -> None:
        self.codemods = [MoveModuleCodemod(context, r) for r in renames]
        self.renames = renames
        self.stars = dict(stars)
        self.shorten = shorten  # off for the moved code itself: DEST must not import DEST
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
        if self.stars and "import *" in code:
            package = self.context.full_package_name or ""
            reexports = StarReexports(package, self.renames[0].importable, self.stars)
            tree = tree.visit(reexports)
            self.imports_rewritten += reexports.added
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

        code = tree.code
        modules = sorted({r.importable for r in self.renames}) if self.shorten else []
        chained = [m for m in modules if f"import {m}" in code]
        if not chained and not _maybe_unused(tree, code, sources, package):
            return tree  # the scope analysis below costs more than the rest: only when needed
        before = read_module(original)
        for module in chained:
            importer = _from_style(before, sources, package)
            if importer is not None:
                tree = shorten_chains(tree, original=original, module=module, importer=importer)
        tree, _ = drop_unused_imports(tree, before, only=from_source)
        return tree


def _maybe_unused(tree: cst.Module, code: str, sources: set[str], package: str) -> bool:
    """Can an import of a source module have lost its last use? Only if a name it binds at
    module level no longer appears in the code outside import lines (a cheap text test)."""
    lines = [ln for ln in code.splitlines() if not ln.lstrip().startswith(("from ", "import "))]
    rest = "\n".join(lines)
    for statement in tree.body:
        for node in _imports_in(statement):
            for name in _bound_from(node, sources, package):
                if not re.search(rf"\b{re.escape(name)}\b", rest):
                    return True
    return False


def _imports_in(statement: cst.BaseStatement) -> list[cst.Import | cst.ImportFrom]:
    if isinstance(statement, cst.SimpleStatementLine):
        return [s for s in statement.body if isinstance(s, cst.Import | cst.ImportFrom)]
    if isinstance(statement, cst.If | cst.Try) and isinstance(statement.body, cst.IndentedBlock):
        return [n for s in statement.body.body for n in _imports_in(s)]
    return []


def _bound_from(node: cst.Import | cst.ImportFrom, sources: set[str], package: str) -> list[str]:
    """The names `node` binds from one of the source modules."""
    if isinstance(node.names, cst.ImportStar):
        return []
    found = []
    if isinstance(node, cst.ImportFrom):
        module = get_full_name_for_node(node.module) if node.module is not None else None
        base = resolve_relative(package, len(node.relative), module) if node.relative else module
    for alias in node.names:
        target = str(alias.evaluated_name)
        if isinstance(node, cst.ImportFrom):
            target = f"{base}.{target}"
        if any(is_within(target, s) or is_within(s, target) for s in sources):
            found.append(str(alias.evaluated_alias or alias.evaluated_name).split(".")[0])
    return found


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
    stars: tuple[tuple[str, tuple[str, ...]], ...] = ()  # star-exported moved names per source

    def wants(self, data: bytes) -> bool:
        if any(prefilter(data, r.old) for r in self.renames):
            return True
        return b"import *" in data and any(prefilter(data, source) for source, _ in self.stars)

    def make(self, context: CodemodContext) -> FileCodemod:
        return RenameAll(context, self.renames, self.stars)
