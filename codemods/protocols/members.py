"""CLASS's members as a protocol declares them: exact signatures, annotations copied.

Methods keep their parameters and annotations, their default values become `...` and their
body `...`; properties stay properties; attributes are declared with the annotation CLASS
gives them (in its body, or in `__init__` as `self.x: T = ...`, or `self.x = param` where the
parameter is annotated), or the type of a literal they are set to.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.protocols.bindings import annotation_names

__all__ = ["ClassShape", "Member", "read_members", "with_bases"]

_KEPT_DECORATORS = frozenset({"property", "staticmethod", "classmethod"})
_SKIPPED_DECORATORS = ("setter", "deleter", "overload")
_LITERAL_TYPES: dict[type[cst.CSTNode], str] = {
    cst.Integer: "int",
    cst.Float: "float",
    cst.SimpleString: "str",
}


@dataclass(frozen=True)
class Member:
    """One member: its kind (`method`, `property`, `attribute`) and its protocol text (for an
    attribute, also its annotation)."""

    name: str
    kind: str
    text: str
    names: frozenset[str]
    annotation: str = ""

    def read_only(self) -> Member:
        """An attribute as a read-only property (which a plain attribute, a property or a
        frozen dataclass field all satisfy); other members as they are."""
        if self.kind != "attribute":
            return self
        text = f"@property\ndef {self.name}(self) -> {self.annotation}: ..."
        return Member(self.name, "property", text, self.names, self.annotation)


@dataclass(frozen=True)
class ClassShape:
    """CLASS's typed members, in the order CLASS defines them; `untyped` has no type to copy."""

    members: tuple[Member, ...]
    untyped: frozenset[str]

    def get(self, name: str) -> Member | None:
        return next((m for m in self.members if m.name == name), None)


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _decorator_name(decorator: cst.Decorator) -> str:
    return get_full_name_for_node(decorator.decorator) or ""


def _stub_params(params: cst.Parameters) -> cst.Parameters:
    """The parameters on one line, with every default value `...`."""

    def plain(param: cst.Param) -> cst.Param:
        return param.with_changes(
            default=cst.Ellipsis() if param.default is not None else None,
            comma=cst.MaybeSentinel.DEFAULT,
            whitespace_after_param=cst.SimpleWhitespace(""),
        )

    star = params.star_arg
    if isinstance(star, cst.Param):
        star = plain(star)
    elif isinstance(star, cst.ParamStar):
        star = cst.ParamStar()
    return cst.Parameters(
        params=[plain(p) for p in params.params],
        star_arg=star,
        kwonly_params=[plain(p) for p in params.kwonly_params],
        star_kwarg=plain(params.star_kwarg) if params.star_kwarg else None,
        posonly_params=[plain(p) for p in params.posonly_params],
        posonly_ind=cst.ParamSlash() if params.posonly_params else cst.MaybeSentinel.DEFAULT,
    )


def _method(node: cst.FunctionDef) -> Member | None:
    names = [_decorator_name(d) for d in node.decorators]
    if any(n.endswith(_SKIPPED_DECORATORS) for n in names):
        return None
    kept = [d.with_changes(leading_lines=()) for d, n in zip(node.decorators, names, strict=True)]
    kept = [d for d, n in zip(kept, names, strict=True) if n in _KEPT_DECORATORS]
    stub = node.with_changes(
        decorators=kept,
        leading_lines=(),
        lines_after_decorators=(),
        whitespace_before_params=cst.SimpleWhitespace(""),
        params=_stub_params(node.params),
        body=cst.SimpleStatementSuite([cst.Expr(cst.Ellipsis())]),
    )
    annotations = [p.annotation for p in _all_params(node.params) if p.annotation is not None]
    used = annotation_names(*annotations, *([node.returns] if node.returns else []))
    kind = "property" if "property" in names else "method"
    return Member(node.name.value, kind, _code(stub).rstrip("\n"), used)


def _all_params(params: cst.Parameters) -> list[cst.Param]:
    found = [*params.posonly_params, *params.params, *params.kwonly_params]
    if isinstance(params.star_arg, cst.Param):
        found.append(params.star_arg)
    if params.star_kwarg is not None:
        found.append(params.star_kwarg)
    return found


def _attribute(name: str, annotation: cst.BaseExpression) -> Member:
    code = _code(annotation)
    return Member(name, "attribute", f"{name}: {code}", annotation_names(annotation), code)


def _literal_type(value: cst.BaseExpression) -> cst.BaseExpression | None:
    if isinstance(value, cst.Name) and value.value in {"True", "False"}:
        return cst.Name("bool")
    known = _LITERAL_TYPES.get(type(value))
    return cst.Name(known) if known else None


class _InitAttributes(cst.CSTVisitor):
    """`self.x` assignments in `__init__` and the type each gives `x`."""

    def __init__(self, params: dict[str, cst.BaseExpression]) -> None:
        self.params = params
        self.typed: dict[str, cst.BaseExpression] = {}
        self.seen: set[str] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # a nested function's `self` is not ours

    def _target(self, target: cst.BaseExpression) -> str | None:
        if (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value == "self"
        ):
            return target.attr.value
        return None

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        name = self._target(node.target)
        if name is not None:
            self.seen.add(name)
            self.typed.setdefault(name, node.annotation.annotation)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            name = self._target(target.target)
            if name is None:
                continue
            self.seen.add(name)
            value = node.value
            if isinstance(value, cst.Name) and value.value in self.params:
                self.typed.setdefault(name, self.params[value.value])
            elif isinstance(value, cst.Call) and isinstance(value.func, cst.Name):
                if value.func.value[:1].isupper():
                    self.typed.setdefault(name, value.func)
            elif (literal := _literal_type(value)) is not None:
                self.typed.setdefault(name, literal)


def _init_attributes(init: cst.FunctionDef) -> tuple[dict[str, cst.BaseExpression], set[str]]:
    params = {
        p.name.value: p.annotation.annotation
        for p in _all_params(init.params)
        if p.annotation is not None
    }
    visitor = _InitAttributes(params)
    init.body.visit(visitor)
    return visitor.typed, visitor.seen


def read_members(node: cst.ClassDef) -> ClassShape:
    """The members CLASS (`node`) declares, each as the protocol would declare it."""
    members: dict[str, Member] = {}
    untyped: set[str] = set()
    init_typed: dict[str, cst.BaseExpression] = {}
    for statement in node.body.body:
        if isinstance(statement, cst.FunctionDef):
            if statement.name.value == "__init__":
                init_typed, seen = _init_attributes(statement)
                untyped |= seen
            elif (method := _method(statement)) is not None:
                members[method.name] = method
            continue
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                name = small.target.value
                members.setdefault(name, _attribute(name, small.annotation.annotation))
            elif isinstance(small, cst.Assign) and len(small.targets) == 1:
                target = small.targets[0].target
                if isinstance(target, cst.Name):
                    literal = _literal_type(small.value)
                    if literal is None:
                        untyped.add(target.value)
                    else:
                        members.setdefault(target.value, _attribute(target.value, literal))
    for name, annotation in init_typed.items():
        members.setdefault(name, _attribute(name, annotation))
    return ClassShape(tuple(members.values()), frozenset(untyped - set(members)))


def with_bases(node: cst.ClassDef, classes: dict[str, cst.ClassDef]) -> ClassShape:
    """CLASS's members with those it inherits from base classes of the same module (`classes`,
    by name); CLASS's own declaration of a member wins."""
    shape = read_members(node)
    members = {m.name: m for m in shape.members}
    untyped = set(shape.untyped)
    seen = {node.name.value}
    bases = [b.value for b in node.bases]
    while bases:
        base = bases.pop(0)
        if not isinstance(base, cst.Name) or base.value not in classes or base.value in seen:
            continue
        seen.add(base.value)
        inherited = read_members(classes[base.value])
        for member in inherited.members:
            members.setdefault(member.name, member)
        untyped |= inherited.untyped
        bases += [b.value for b in classes[base.value].bases]
    return ClassShape(tuple(members.values()), frozenset(untyped - set(members)))
