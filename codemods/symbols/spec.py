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
from libcst.helpers import get_full_name_for_node

from codemods.engine.changes import StringHit
from codemods.engine.context import FileContext
from codemods.engine.names import Rename, is_within, resolve_relative
from codemods.engine.runner import FileCodemod, prefilter
from codemods.move.codemod import MoveModuleCodemod
from codemods.symbols.stars import StarReexports
from codemods.symbols.tidy import shorten_chains, tidy_imports
from codemods.symbols.unused import DropAliases

__all__ = ["RenameAll", "SymbolSpec"]


class RenameAll:
    """The move codemod for each rename in turn, on one file; figures summed."""

    def __init__(
        self,
        context: FileContext,
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
        self, context: FileContext, *, new_package: str | None = None, source: str | None = None
    ) -> None:
        self.context = context
        self.source = source
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
        """Each rename in turn, then the tidying; the code is generated once per change (the
        runner hands over the file's text), as generating it costs as much as a rename."""
        original = tree
        code = before = tree.code if self.source is None else self.source
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
            code = tree.code
            self.imports_rewritten += reexports.added
        if tree is original or code == before:
            return original
        return self._tidy(original, before, tree, code)

    def _tidy(self, original: cst.Module, before: str, tree: cst.Module, code: str) -> cst.Module:
        """Merge the imports the renames added, reach the new module the way the file reached
        the old one, and drop the imports of the source modules that nothing uses any more.

        All by reading the code's text and its import statements, never by scope analysis
        (which costs more than the rest of the run): a name that no longer appears in the code
        outside import lines has no use left; one that still appears (if only in a comment)
        keeps its import."""
        modules = {r.importable for r in self.renames}
        if _repeats_imports(code, modules):
            tree = tidy_imports(tree, modules, original=original)
            code = tree.code
        sources = {r.old.rpartition(".")[0] for r in self.renames}
        package = self.context.full_package_name or ""
        chained = [m for m in sorted(modules) if f"import {m}" in code] if self.shorten else []
        importer = _from_style(original, sources, package) if chained else None
        if importer is not None:
            for module in chained:
                tree = shorten_chains(tree, original=original, module=module, importer=importer)
            code = tree.code
        stale = _stale(before, code, tree, sources, package)
        return tree.visit(DropAliases(stale)) if stale else tree


def _repeats_imports(code: str, modules: set[str]) -> bool:
    """Can `code` hold two import statements of one of `modules` (what `tidy_imports` merges)?
    Read from the text: lines starting with `from`/`import` that name the module's last part."""
    lines = [ln for ln in code.splitlines() if ln.lstrip().startswith(("from ", "import "))]
    for module in modules:
        leaf = re.compile(rf"\b{re.escape(module.rpartition('.')[2])}\b")
        if sum(1 for ln in lines if leaf.search(ln)) > 1:
            return True
    return False


def _outside_imports(code: str) -> str:
    lines = code.splitlines()
    return "\n".join(ln for ln in lines if not ln.lstrip().startswith(("from ", "import ")))


def _mentions(name: str, text: str) -> bool:
    """Is `name` used in `text` as a name (`name`, `name.x`), not as an attribute (`a.name`)?"""
    return re.search(rf"(?<![\w.]){re.escape(name)}\b", text) is not None


def _stale(
    code_before: str, code_after: str, tree: cst.Module, sources: set[str], package: str
) -> set[str]:
    """Names that module-level imports of a source module bind, which the code used before
    the renames and no longer mentions (an `X as X` re-export always stays)."""
    before, after = _outside_imports(code_before), _outside_imports(code_after)
    stale = set()
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue  # imports in try/if blocks stay: the block may be the point
        for node in statement.body:
            if isinstance(node, cst.Import | cst.ImportFrom):
                for name in _bound_from(node, sources, package):
                    if _mentions(name, before) and not _mentions(name, after):
                        stale.add(name)
    return stale


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


def _from_style(tree: cst.Module, sources: set[str], package: str) -> cst.ImportFrom | None:
    """The `from PACKAGE import module` statement by which the file reached a source module."""
    for statement in tree.body:
        for node in _imports_in(statement):
            if isinstance(node, cst.ImportFrom) and not isinstance(node.names, cst.ImportStar):
                module = get_full_name_for_node(node.module) if node.module is not None else None
                base = (
                    resolve_relative(package, len(node.relative), module)
                    if node.relative
                    else module
                )
                if any(
                    a.asname is None and f"{base}.{a.evaluated_name}" in sources for a in node.names
                ):
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

    def make(self, context: FileContext) -> FileCodemod:
        return RenameAll(context, self.renames, self.stars)
