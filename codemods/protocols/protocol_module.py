"""The protocol's text, and DEST with it: a new module, or an existing one with it appended.

The protocol binds every name its annotations use the way MODULE binds it. Imports from
inside MODULE's top-level package go under `if TYPE_CHECKING:` (with `from __future__ import
annotations`, they are needed by type checkers only): the dependents import the protocol, so
an import of the package's modules at run time could lead back to them and close a cycle
again. Imports from elsewhere (the standard library, third parties) stay at run time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import libcst as cst

from codemods.engine.syntax import is_docstring
from codemods.protocols.bindings import Binding, module_bindings
from codemods.protocols.imports import guard_for_typing, lazy_annotations
from codemods.protocols.members import Member

__all__ = ["ProtocolText", "protocol_text", "write_into"]


@dataclass(frozen=True)
class ProtocolText:
    """The protocol class and the imports it needs, split by when they must run."""

    name: str
    class_text: str
    runtime: tuple[Binding, ...]
    typing_only: tuple[Binding, ...]


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order of imported names: CONSTANTS, then Classes, then functions."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def _imports(bindings: list[Binding]) -> list[str]:
    """Import statements for `bindings`, one `from` statement per module, sorted."""
    plain = sorted({b.statement() for b in bindings if b.obj is None})
    grouped: dict[str, list[str]] = defaultdict(list)
    for binding in bindings:
        if binding.obj is not None:
            alias = "" if binding.obj == binding.name else f" as {binding.name}"
            grouped[binding.module].append(f"{binding.obj}{alias}")
    froms = [
        f"from {m} import {', '.join(sorted(set(n), key=_isort_key))}"
        for m, n in sorted(grouped.items())
    ]
    return plain + froms


def protocol_text(
    members: list[Member],
    bindings: dict[str, Binding],
    *,
    module: str,
    class_name: str,
    protocol: str,
) -> ProtocolText:
    """The protocol `protocol` of `members` of `module.class_name`."""
    attributes = [f"    {m.text}" for m in members if m.kind == "attribute"]
    methods = [
        "\n".join(f"    {line}" for line in m.text.splitlines())
        for m in sorted(members, key=lambda m: m.kind != "property")  # properties first
        if m.kind != "attribute"
    ]
    body = "\n\n".join(([("\n".join(attributes))] if attributes else []) + methods)
    doc = (
        f'    """What the dependents of `{module}.{class_name}` use of it.\n\n'
        f"    `{class_name}` satisfies this protocol; modules typed against it need not import\n"
        f'    `{module}`.\n    """\n'
    )
    text = f"class {protocol}(Protocol):\n{doc}\n{body or '    pass'}\n"
    needed = set().union(*(m.names for m in members)) if members else set()
    top = module.split(".")[0]
    runtime: list[Binding] = [Binding("Protocol", "typing", "Protocol")]
    typing_only: list[Binding] = []
    for name in sorted(needed):
        binding = bindings.get(name)
        if binding is None:
            continue  # a builtin, or a name MODULE does not bind either
        if binding.module.split(".")[0] == top:
            typing_only.append(binding)
        else:
            runtime.append(binding)
    if typing_only:
        runtime.append(Binding("TYPE_CHECKING", "typing", "TYPE_CHECKING"))
    return ProtocolText(protocol, text, tuple(runtime), tuple(typing_only))


_NEW_MODULE_DOC = (
    '"""Protocols: what modules use of a class, so they can be typed without its module."""'
)


def write_into(existing: str | None, protocol: ProtocolText) -> str:
    """DEST's new text: `existing` (None for a new module) with the protocol appended."""
    if existing is None:
        return _new_module(protocol)
    return _append(existing, protocol)


def _new_module(protocol: ProtocolText) -> str:
    runtime = "\n".join(_imports(list(protocol.runtime)))
    parts = [_NEW_MODULE_DOC, "from __future__ import annotations", runtime]
    if protocol.typing_only:
        guarded = "\n".join(f"    {line}" for line in _imports(list(protocol.typing_only)))
        parts.append(f"if TYPE_CHECKING:\n{guarded}")
    parts.append(f'__all__ = ["{protocol.name}"]')
    return "\n\n".join(parts) + "\n\n\n" + protocol.class_text


def _append(existing: str, protocol: ProtocolText) -> str:
    tree = cst.parse_module(existing)
    if protocol.typing_only and not lazy_annotations(tree):
        tree = _with_future(tree)
    bound = _bound_names(tree)
    body = list(tree.body)
    last = max((i for i, s in enumerate(body) if _is_import(s)), default=-1)
    runtime = _imports([b for b in protocol.runtime if b.name not in bound])
    new = [cst.parse_statement(line + "\n") for line in runtime]
    if last < 0 and body and is_docstring(body[0]):
        last = 0
        new[:1] = [s.with_changes(leading_lines=[cst.EmptyLine()]) for s in new[:1]]
    body[last + 1 : last + 1] = new
    tree = tree.with_changes(body=body)
    typing_only = _imports([b for b in protocol.typing_only if b.name not in bound])
    tree = guard_for_typing(tree, typing_only).visit(_ListedInAll(protocol.name))
    return tree.code.rstrip("\n") + "\n\n\n" + protocol.class_text


def _is_import(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, cst.Import | cst.ImportFrom) for s in statement.body
    )


def _bound_names(tree: cst.Module) -> set[str]:
    return set(module_bindings(tree, "", ""))


def _with_future(tree: cst.Module) -> cst.Module:
    """`tree` with `from __future__ import annotations` first (after its docstring)."""
    body = list(tree.body)
    start = 1 if body and is_docstring(body[0]) else 0
    future = cst.parse_statement("from __future__ import annotations\n")
    if start:
        future = future.with_changes(leading_lines=[cst.EmptyLine()])
    body.insert(start, future)
    return tree.with_changes(body=body)


class _ListedInAll(cst.CSTTransformer):
    """Adds `name` to a module-level `__all__ = [...]` (or tuple) of strings, if there is one."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        targets = [t.target for t in updated_node.targets]
        value = updated_node.value
        if not (
            len(targets) == 1
            and isinstance(targets[0], cst.Name)
            and targets[0].value == "__all__"
            and isinstance(value, cst.List | cst.Tuple)
        ):
            return updated_node
        entries = [e.value for e in value.elements]
        if not all(isinstance(e, cst.SimpleString) for e in entries):
            return updated_node
        first = entries[0] if entries else None
        quote = first.value[0] if isinstance(first, cst.SimpleString) else '"'
        element = cst.Element(cst.SimpleString(f"{quote}{self.name}{quote}"))
        elements = list(value.elements)
        if elements:
            last = elements[-1]
            between = elements[-2].comma if len(elements) > 1 else cst.MaybeSentinel.DEFAULT
            if not isinstance(between, cst.Comma):
                between = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            element = element.with_changes(comma=last.comma)  # keeps a trailing comma's layout
            elements[-1] = last.with_changes(comma=between)
        return updated_node.with_changes(value=value.with_changes(elements=[*elements, element]))
