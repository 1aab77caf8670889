"""The moved code arrives: the fragment respelled for DEST, then written as DEST or merged into it.

A new DEST is the fragment (with `__all__` when the source listed moved names in its own). An
existing DEST keeps its text: the fragment's imports go after its imports (those it already has
are skipped), the moved statements at its end (before an `if __name__ == "__main__":` block),
and `__all__` grows by the moved names the source exported.
"""

from __future__ import annotations

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.helpers import get_full_name_for_node

from codemods.engine.errors import TargetExists
from codemods.engine.names import Rename, resolve_relative
from codemods.move.codemod import MoveModuleCodemod
from codemods.symbols.definitions import Statement, read_module, spaced
from codemods.symbols.placement import insert_imports
from codemods.symbols.unused import drop_unused_imports

__all__ = ["drop_self_imports", "merge", "respell"]

# A rename no name matches: the move codemod then only respells relative imports.
_NOTHING = Rename("\0", "\0")
_TWO_BLANKS = (cst.EmptyLine(), cst.EmptyLine())


def respell(fragment: cst.Module, *, package: str, dest_package: str) -> cst.Module:
    """The fragment's relative imports, spelled from `package`, respelled from `dest_package`."""
    context = CodemodContext(full_module_name=None, full_package_name=package)
    codemod = MoveModuleCodemod(context, _NOTHING, new_package=dest_package)
    return codemod.transform_module(fragment)


class _DropSelf(cst.CSTTransformer):
    """Remove imports of `names` from the module `module` itself (package `package`)."""

    def __init__(self, module: str, package: str, names: frozenset[str]) -> None:
        super().__init__()
        self.module, self.package, self.names = module, package, names

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom | cst.RemovalSentinel:
        if isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        name = cst.Module([]).code_for_node(updated_node.module) if updated_node.module else None
        base = (
            resolve_relative(self.package, len(updated_node.relative), name)
            if updated_node.relative
            else name
        )
        if base != self.module:
            return updated_node
        keep = [
            a
            for a in updated_node.names
            if a.asname is not None or str(a.evaluated_name) not in self.names
        ]
        if not keep:
            return cst.RemovalSentinel.REMOVE
        if len(keep) < len(updated_node.names):
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=keep)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine | cst.RemovalSentinel:
        return updated_node if updated_node.body else cst.RemovalSentinel.REMOVE

    def leave_Import(
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> cst.Import | cst.RemovalSentinel:
        keep = [
            a
            for a in updated_node.names
            if a.asname is not None or get_full_name_for_node(a.name) != self.module
        ]
        if not keep:
            return cst.RemovalSentinel.REMOVE
        if len(keep) < len(updated_node.names):
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(names=keep)

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        name = get_full_name_for_node(original_node)
        if name is not None and name.startswith(self.module + "."):
            leaf = name[len(self.module) + 1 :]
            if leaf in self.names:
                return cst.Name(leaf)
        return updated_node

    def leave_If(self, original_node: cst.If, updated_node: cst.If) -> cst.If | cst.RemovalSentinel:
        body = updated_node.body
        if isinstance(body, cst.IndentedBlock) and not body.body and updated_node.orelse is None:
            return cst.RemovalSentinel.REMOVE
        return updated_node


def drop_self_imports(
    tree: cst.Module, *, module: str, package: str, names: frozenset[str]
) -> cst.Module:
    """`tree` (the module `module`) without imports of `names` from itself, chains to them
    (`module.name`) spelled as plain names, and the imports that this leaves unused."""
    before = read_module(tree)
    tree = tree.visit(_DropSelf(module, package, names))
    return drop_unused_imports(tree, before)[0]


# A new `__all__` longer than this is written one name a line, as black and ruff format would.
_LINE = 88


def _all_entries(names: list[str]) -> cst.List:
    quoted = [f'"{n}"' for n in names]
    if len("__all__ = [" + ", ".join(quoted) + "]") <= _LINE:
        return cst.List(elements=[cst.Element(value=cst.SimpleString(q)) for q in quoted])
    parsed = cst.parse_expression("[\n" + "".join(f"    {q},\n" for q in quoted) + "]")
    assert isinstance(parsed, cst.List)
    return parsed


class _ExtendAll(cst.CSTTransformer):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        target = updated_node.targets[0].target if len(updated_node.targets) == 1 else None
        value = updated_node.value
        if not (isinstance(target, cst.Name) and target.value == "__all__"):
            return updated_node
        if not isinstance(value, cst.List | cst.Tuple):
            return updated_node
        have = {
            e.value.evaluated_value for e in value.elements if isinstance(e.value, cst.SimpleString)
        }
        extra = [cst.Element(value=cst.SimpleString(f'"{n}"')) for n in self.names if n not in have]
        if not extra:
            return updated_node
        elements = list(value.elements)
        if elements and isinstance(elements[-1].comma, cst.MaybeSentinel):
            elements[-1] = elements[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        spaced = [
            e.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            for e in extra[:-1]
        ]
        return updated_node.with_changes(
            value=value.with_changes(elements=[*elements, *spaced, extra[-1]])
        )


def _main_guard(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.If) and "__main__" in cst.Module([]).code_for_node(
        statement.test
    )


def merge(
    dest: cst.Module | None,
    fragment: cst.Module,
    *,
    moved_count: int,
    exported: list[str],
    dest_name: str,
) -> cst.Module:
    """DEST with the fragment's imports and moved statements (see the module doc)."""
    header = list(fragment.body[: len(fragment.body) - moved_count])
    moved = list(fragment.body[len(fragment.body) - moved_count :])
    if dest is None:
        return _new_module(header, moved, exported, dest_name.split(".")[0])
    facts = read_module(dest)
    for statement in moved:
        for name in sorted(_bound(statement)):
            if name in {n for s in facts.statements for n in s.names}:
                raise TargetExists(
                    f"'{name}' is already defined in {dest_name}.",
                    hint="Rename one of them first, or choose another destination.",
                    code="name-exists",
                )
    tree = insert_imports(dest, header) if header else dest
    body = list(tree.body)
    at = next((i for i, s in enumerate(body) if _main_guard(s)), len(body))
    if moved and body:
        moved[0] = spaced(moved[0], 2)
    if at < len(body):
        body[at] = spaced(body[at], 2)
    body[at:at] = moved
    tree = tree.with_changes(body=body)
    if exported and facts.dunder_all is not None:
        tree = tree.visit(_ExtendAll(exported))
    return tree


def _new_module(
    header: list[Statement], moved: list[Statement], exported: list[str], top: str
) -> cst.Module:
    """A new DEST: `__future__` imports, the other imports, `__all__`, then the moved code."""
    body: list[Statement] = _grouped(header, top)
    if exported:
        assign = cst.Assign(
            targets=[cst.AssignTarget(cst.Name("__all__"))], value=_all_entries(exported)
        )
        blank = (cst.EmptyLine(),) if body else ()
        body.append(cst.SimpleStatementLine(body=[assign], leading_lines=blank))
    if moved:
        moved = [spaced(moved[0], 2 if body else 0), *moved[1:]]
    return cst.Module(body=[*body, *moved])


def _first_party(statement: Statement, top: str) -> bool:
    """Is `statement` an import from the top-level package `top` (or a relative one)?"""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    node = statement.body[0]
    if isinstance(node, cst.ImportFrom):
        name = cst.Module([]).code_for_node(node.module) if node.module else ""
        return bool(node.relative) or name.split(".")[0] == top
    if isinstance(node, cst.Import):
        return cst.Module([]).code_for_node(node.names[0].name).split(".")[0] == top
    return False


def _grouped(header: list[Statement], top: str) -> list[Statement]:
    """Imports in groups (`__future__`, the others, first-party, typing-only blocks), one blank
    line between groups and none inside."""

    def group(statement: Statement) -> int:
        if _is_future(statement):
            return 0
        if isinstance(statement, cst.If):
            return 3
        return 2 if _first_party(statement, top) else 1

    out: list[Statement] = []
    for statement in sorted(header, key=group):
        blank = bool(out) and group(out[-1]) != group(statement)
        out.append(statement.with_changes(leading_lines=(cst.EmptyLine(),) if blank else ()))
    return out


def _is_future(statement: Statement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.ImportFrom)
        and statement.body[0].module is not None
        and get_full_name_for_node(statement.body[0].module) == "__future__"
    )


def _bound(statement: cst.CSTNode) -> set[str]:
    facts = read_module(cst.Module(body=[statement]))  # type: ignore[list-item]
    return set().union(*(s.names for s in facts.statements))
