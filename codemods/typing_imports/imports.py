"""Where a module imports another: every spelling of the import, as data.

`import M`, `import M as m`, `from M import a, b`, `from .rel import a`, `from PARENT import LEAF`
(each alias of LEAF, not its neighbours) all count; `from M.sub import x` does not (another
module). Only module-level statements can be moved; nested ones are reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from codemods.engine.names import resolve_relative

__all__ = ["ImportSite", "ModuleImports", "find_imports", "is_type_checking", "module_name"]


@dataclass(frozen=True)
class ImportSite:
    """One alias that imports the module: its top-level statement, and the name it binds.

    `binding` is the name libcst's scope analysis gives it (`a.b.c` for `import a.b.c`).
    """

    statement: int
    node: cst.Import | cst.ImportFrom
    alias: cst.ImportAlias
    binding: str


@dataclass(frozen=True)
class ModuleImports:
    """The module-level imports to move, and how many imports were already typing-only or
    nested (in a function or class, so not run when the module is imported)."""

    movable: tuple[ImportSite, ...]
    typing_only: int
    nested: int
    stars: tuple[int, ...]  # statement indexes of `from M import *`
    blocks: tuple[int, ...] = ()  # statement indexes of try/if/with blocks that import it
    # (`if __name__ == "__main__":` counts as nested: it does not run on import)


def module_name(node: cst.BaseExpression | None) -> str | None:
    return None if node is None else cst.Module([]).code_for_node(node)


def is_type_checking(statement: cst.CSTNode) -> bool:
    """Is this a top-level `if TYPE_CHECKING:` (or `if typing.TYPE_CHECKING:`) block?"""
    if not isinstance(statement, cst.If):
        return False
    test = statement.test
    if isinstance(test, cst.Name):
        return test.value == "TYPE_CHECKING"
    return isinstance(test, cst.Attribute) and test.attr.value == "TYPE_CHECKING"


def _is_main(statement: cst.CSTNode) -> bool:
    """`if __name__ == "__main__":`, whose imports run only when the module runs as a script."""
    if not isinstance(statement, cst.If) or not isinstance(statement.test, cst.Comparison):
        return False
    code = cst.Module([]).code_for_node(statement.test).replace("'", '"')
    return code in {'__name__ == "__main__"', '"__main__" == __name__'}


def _binding(alias: cst.ImportAlias, *, dotted: bool) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return str(alias.evaluated_name) if dotted else str(alias.evaluated_name).split(".")[-1]


def _matches(
    node: cst.Import | cst.ImportFrom, imported: str, package: str
) -> list[cst.ImportAlias] | None:
    """The aliases of `node` that import `imported`; None for a star import of it."""
    if isinstance(node, cst.Import):
        return [a for a in node.names if str(a.evaluated_name) == imported]
    source = module_name(node.module)
    target = resolve_relative(package, len(node.relative), source) if node.relative else source
    if target is None:
        return []
    if isinstance(node.names, cst.ImportStar):
        return None if target == imported else []
    if target == imported:
        return list(node.names)
    return [a for a in node.names if f"{target}.{a.evaluated_name}" == imported]


def _count(aliases: list[cst.ImportAlias] | None) -> int:
    return 1 if aliases is None else len(aliases)


class _AllImports(cst.CSTVisitor):
    """Every import statement below a node; with `shallow`, not inside functions or classes."""

    def __init__(self, *, shallow: bool = False) -> None:
        super().__init__()
        self.shallow = shallow
        self.found: list[cst.Import | cst.ImportFrom] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return not self.shallow

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return not self.shallow

    def visit_Import(self, node: cst.Import) -> None:
        self.found.append(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.found.append(node)


def _imports_below(node: cst.CSTNode, *, shallow: bool) -> list[cst.Import | cst.ImportFrom]:
    finder = _AllImports(shallow=shallow)
    node.visit(finder)
    return finder.found


def _simple_sites(
    index: int, statement: cst.SimpleStatementLine, imported: str, package: str
) -> tuple[list[ImportSite], bool]:
    """The import sites of one line, and whether it star-imports the module."""
    sites: list[ImportSite] = []
    star = False
    for small in statement.body:
        if not isinstance(small, cst.Import | cst.ImportFrom):
            continue
        aliases = _matches(small, imported, package)
        if aliases is None:
            star = True
            continue
        dotted = isinstance(small, cst.Import)
        sites += [ImportSite(index, small, a, _binding(a, dotted=dotted)) for a in aliases]
    return sites, star


def find_imports(tree: cst.Module, imported: str, package: str) -> ModuleImports:
    """Every import of `imported` in `tree` (a module of `package`)."""
    movable: list[ImportSite] = []
    stars: list[int] = []
    blocks: list[int] = []
    typing_only = 0
    for index, statement in enumerate(tree.body):
        if isinstance(statement, cst.SimpleStatementLine):
            sites, star = _simple_sites(index, statement, imported, package)
            movable += sites
            stars += [index] if star else []
            continue
        found = _imports_below(statement, shallow=True)
        count = sum(_count(_matches(n, imported, package)) for n in found)
        if is_type_checking(statement):
            typing_only += count
        elif count and not _is_main(statement):
            blocks.append(index)
    every = sum(_count(_matches(n, imported, package)) for n in _imports_below(tree, shallow=False))
    shallow = len(movable) + len(stars) + typing_only
    nested = (
        every
        - shallow
        - sum(
            _count(_matches(n, imported, package))
            for i in blocks
            for n in _imports_below(tree.body[i], shallow=True)
        )
    )
    return ModuleImports(tuple(movable), typing_only, nested, tuple(stars), tuple(blocks))
