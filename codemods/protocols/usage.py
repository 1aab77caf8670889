"""How a dependent uses CLASS: as a type only, or in ways a protocol cannot stand in for.

A read-only libcst visitor over one file. References to CLASS are found by qualified name
(`QualifiedNameProvider`, so every import form and alias counts) and, inside string
annotations, by the spellings the file's imports allow. A reference inside an annotation is a
type use; its owner (a parameter, an annotated variable or `self` attribute) becomes a typed
name, and the attributes read on typed names (`bot.config`, `self.bot.stop()`, found through
`ScopeProvider`'s accesses) are the members the protocol needs. Any other reference is a
refusal: instantiation, subclassing, `isinstance`, a class-level attribute, a value.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.metadata import (
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from codemods.protocols.bindings import ClassRef
from codemods.protocols.type_positions import TypePositions, cast_target

__all__ = ["Refusal", "Usage", "UsageScan"]

_CHECKS = frozenset({"isinstance", "issubclass"})


@dataclass(frozen=True)
class Refusal:
    """A use of CLASS a protocol cannot replace, at `line`."""

    line: int
    code: str
    reason: str


@dataclass(frozen=True)
class Usage:
    """What one file does with CLASS."""

    type_uses: int
    members: tuple[tuple[str, int], ...]
    refusals: tuple[Refusal, ...]
    written: tuple[str, ...] = ()  # members assigned to (`bot.count += 1`)
    producers: tuple[str, ...] = ()  # functions, properties and fields typed with CLASS


def _self_attribute(node: cst.BaseExpression) -> str | None:
    if (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
    ):
        return node.attr.value
    return None


def _is_property(node: cst.FunctionDef) -> bool:
    return any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "property"
        for d in node.decorators
    )


class UsageScan(cst.CSTVisitor):
    """Collects a file's `Usage` of CLASS; run it through a `MetadataWrapper`."""

    METADATA_DEPENDENCIES = (
        QualifiedNameProvider,
        PositionProvider,
        ParentNodeProvider,
        ScopeProvider,
    )

    def __init__(self, ref: ClassRef, package: str) -> None:
        super().__init__()
        self.ref = ref
        self.package = package
        self._annotations: list[cst.Annotation] = []
        self._classes: list[str] = []
        self.type_uses = 0
        self.refusals: list[Refusal] = []
        self._typed: list[cst.Name] = []  # names annotated with CLASS
        self._typed_self: set[tuple[str, str]] = set()  # (class, attribute)
        self._self_assigns: list[tuple[str, str, cst.CSTNode]] = []
        self._self_chains: list[tuple[str, str, cst.Attribute]] = []
        self._self_aliases: list[tuple[str, str, cst.Name]] = []  # `config = self.config`
        self._members: dict[str, int] = {}
        self._written: set[str] = set()
        self._producers: set[str] = set()
        self._positions = TypePositions(self._qualified)

    def usage(self) -> Usage:
        members = tuple(sorted(self._members.items()))
        return Usage(
            self.type_uses,
            members,
            tuple(self.refusals),
            tuple(sorted(self._written)),
            tuple(sorted(self._producers)),
        )

    def _line(self, node: cst.CSTNode) -> int:
        return int(self.get_metadata(PositionProvider, node).start.line)

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return {q.name for q in self.get_metadata(QualifiedNameProvider, node, set())}

    def _is_ref(self, node: cst.CSTNode) -> bool:
        return any(self.ref.matches(name, self.package) for name in self._qualified(node))

    def _parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self.get_metadata(ParentNodeProvider, node, None)

    # -- where we are ---------------------------------------------------------------------
    def on_visit(self, node: cst.CSTNode) -> bool:
        self._positions.enter(node)
        if isinstance(node, cst.Call | cst.AnnAssign):
            self._positions.register(node)
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        super().on_leave(original_node)
        self._positions.leave(original_node)

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._annotations.append(node)

    def leave_Annotation(self, original_node: cst.Annotation) -> None:
        self._annotations.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._classes.pop()

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    # -- references to CLASS --------------------------------------------------------------
    def visit_Name(self, node: cst.Name) -> None:
        if self._is_ref(node):
            self._reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if self._is_ref(node):
            self._reference(node)
            return False
        self._note_self_chain(node)
        return True

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if not (isinstance(value, str) and self.ref.in_string(value)):
            return
        if self._annotations:
            self._type_use(self._annotations[-1])
        elif self._positions.depth:
            self._typed_by_cast(node)

    def _reference(self, node: cst.BaseExpression) -> None:
        if self._annotations:
            self._type_use(self._annotations[-1])
            return
        if self._positions.depth:
            self._typed_by_cast(node)
            return
        code, reason = self._runtime_use(node)
        self.refusals.append(Refusal(self._line(node), code, reason))

    def _runtime_use(self, node: cst.BaseExpression) -> tuple[str, str]:
        name = self.ref.name
        parent = self.get_metadata(ParentNodeProvider, node)
        if isinstance(parent, cst.Call) and parent.func is node:
            return "class-instantiated", f"instantiates {name}"
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return "class-attribute", f"reads the class-level attribute {name}.{parent.attr.value}"
        while isinstance(parent, cst.Element | cst.Tuple):
            parent = self.get_metadata(ParentNodeProvider, parent)
        if isinstance(parent, cst.Arg):
            owner = self.get_metadata(ParentNodeProvider, parent)
            if isinstance(owner, cst.ClassDef):
                return "class-subclassed", f"subclasses {name}"
            if (
                isinstance(owner, cst.Call)
                and isinstance(owner.func, cst.Name)
                and owner.func.value in _CHECKS
            ):
                return "class-isinstance", f"calls {owner.func.value} on {name}"
        return "class-as-value", f"uses {name} as a value"

    # -- typed names and their members ----------------------------------------------------
    def _typed_by_cast(self, node: cst.CSTNode) -> None:
        """A type use outside annotations; `x = cast(CLASS, ...)` types `x` with CLASS."""
        self.type_uses += 1
        target = cast_target(node, self._parent, self._qualified)
        attribute = _self_attribute(target) if target is not None else None
        if attribute is not None and self._classes:
            self._typed_self.add((self._classes[-1], attribute))
        elif isinstance(target, cst.Name):
            self._typed.append(target)

    def _type_use(self, annotation: cst.Annotation) -> None:
        self.type_uses += 1
        owner = self.get_metadata(ParentNodeProvider, annotation)
        if isinstance(owner, cst.FunctionDef):
            self._producers.add(owner.name.value)
            if self._classes and _is_property(owner):
                self._typed_self.add((self._classes[-1], owner.name.value))
        elif isinstance(owner, cst.Param):
            self._typed.append(owner.name)
        elif isinstance(owner, cst.AnnAssign):
            attribute = _self_attribute(owner.target)
            if attribute is not None and self._classes:
                self._typed_self.add((self._classes[-1], attribute))
            elif isinstance(owner.target, cst.Name):
                self._typed.append(owner.target)
                scope = self.get_metadata(ScopeProvider, owner.target, None)
                if self._classes and isinstance(scope, cst.metadata.ClassScope):
                    self._typed_self.add((self._classes[-1], owner.target.value))
                    self._producers.add(owner.target.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            attribute = _self_attribute(target.target)
            if attribute is not None and self._classes:
                self._self_assigns.append((self._classes[-1], attribute, node.value))
            source = _self_attribute(node.value)
            if source is not None and self._classes and isinstance(target.target, cst.Name):
                self._self_aliases.append((self._classes[-1], source, target.target))

    def _note_self_chain(self, node: cst.Attribute) -> None:
        attribute = _self_attribute(node.value)
        if attribute is not None and self._classes:
            self._self_chains.append((self._classes[-1], attribute, node))

    def _member(self, node: cst.Attribute) -> None:
        name = node.attr.value
        if name.startswith("__") and name.endswith("__"):
            return
        self._members.setdefault(name, self._line(node))
        owner = self.get_metadata(ParentNodeProvider, node)
        if isinstance(owner, cst.AssignTarget | cst.AugAssign | cst.AnnAssign | cst.Del):
            self._written.add(name)

    def _accesses(self, names: list[cst.Name]) -> set[int]:
        """Read the members accessed on each of `names`; return the accessing nodes' ids."""
        accessed: set[int] = set()
        for name in names:
            scope = self.get_metadata(ScopeProvider, name, None)
            if scope is None:
                continue
            for access in scope.accesses[name.value]:
                accessed.add(id(access.node))
                parent = self.get_metadata(ParentNodeProvider, access.node)
                if isinstance(parent, cst.Attribute) and parent.value is access.node:
                    self._member(parent)
        return accessed

    def leave_Module(self, original_node: cst.Module) -> None:
        accessed = self._accesses(self._typed)
        for cls, attribute, value in self._self_assigns:
            if id(value) in accessed:
                self._typed_self.add((cls, attribute))
        self._accesses([n for c, a, n in self._self_aliases if (c, a) in self._typed_self])
        for cls, attribute, node in self._self_chains:
            if (cls, attribute) in self._typed_self:
                self._member(node)
