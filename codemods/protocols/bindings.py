"""The names a module binds at its top level, and the names an annotation uses.

The protocol copies annotations from CLASS; each name they use must be bound in the protocol's
module the way MODULE binds it (the same import, spelled absolutely, or an import of MODULE for
a name MODULE defines itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.names import resolve_relative

__all__ = [
    "Binding",
    "ClassRef",
    "annotation_names",
    "class_spellings",
    "import_bindings",
    "module_bindings",
    "refers_to",
]


@dataclass(frozen=True, order=True)
class Binding:
    """`name` comes from `module` (`obj` of it, or the module itself when `obj` is None)."""

    name: str
    module: str
    obj: str | None

    def statement(self) -> str:
        """The import that binds `name` as MODULE binds it."""
        if self.obj is None:
            if self.name == self.module.split(".")[0]:
                return f"import {self.module}"
            return f"import {self.module} as {self.name}"
        alias = "" if self.obj == self.name else f" as {self.name}"
        return f"from {self.module} import {self.obj}{alias}"


def import_bindings(node: cst.Import | cst.ImportFrom, package: str) -> list[Binding]:
    """The names one import statement binds, with absolute module names."""
    return _import(node) if isinstance(node, cst.Import) else _from_import(node, package)


def _from_import(node: cst.ImportFrom, package: str) -> list[Binding]:
    if isinstance(node.names, cst.ImportStar):
        return []
    level = len(node.relative)
    dotted = get_full_name_for_node(node.module) if node.module is not None else None
    source = resolve_relative(package, level, dotted) if level else dotted
    if source is None:
        return []
    found = []
    for alias in node.names:
        obj = get_full_name_for_node(alias.name) or ""
        name = alias.evaluated_alias or obj
        found.append(Binding(name, source, obj))
    return found


def _import(node: cst.Import) -> list[Binding]:
    found = []
    for alias in node.names:
        dotted = get_full_name_for_node(alias.name) or ""
        if alias.asname is not None:
            found.append(Binding(alias.evaluated_alias or dotted, dotted, None))
        else:
            found.append(Binding(dotted.split(".")[0], dotted, None))
    return found


class _TopLevel(cst.CSTVisitor):
    """Imports at module level (under `if`/`try` too) and the names the module defines."""

    def __init__(self, module: str, package: str) -> None:
        self.module = module
        self.package = package
        self.found: dict[str, Binding] = {}

    def _add(self, bindings: list[Binding]) -> None:
        for binding in bindings:
            self.found.setdefault(binding.name, binding)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self._add(_from_import(node, self.package))
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        self._add(_import(node))
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self._add([Binding(node.name.value, self.module, node.name.value)])
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._add([Binding(node.name.value, self.module, node.name.value)])
        return False

    def visit_AnnAssign(self, node: cst.AnnAssign) -> bool:
        if isinstance(node.target, cst.Name):
            self._add([Binding(node.target.value, self.module, node.target.value)])
        return False

    def visit_Assign(self, node: cst.Assign) -> bool:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self._add([Binding(target.target.value, self.module, target.target.value)])
        return False


def module_bindings(tree: cst.Module, module: str, package: str) -> dict[str, Binding]:
    """Every name `tree` binds at its top level (the first binding of each wins)."""
    visitor = _TopLevel(module, package)
    tree.visit(visitor)
    return visitor.found


class _Names(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.found.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)  # `a.b.C` needs `a` only
        return False

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, str):
            try:
                cst.parse_expression(value).visit(self)
            except cst.ParserSyntaxError:
                return  # a string that is not an annotation (`Literal["a b"]`)


def annotation_names(*nodes: cst.CSTNode) -> frozenset[str]:
    """The names `nodes` (annotations, with string annotations read too) need bound."""
    visitor = _Names()
    for node in nodes:
        node.visit(visitor)
    return frozenset(visitor.found)


def refers_to(binding: Binding, module: str) -> bool:
    """Does `binding` import `module` (the module itself, or a name from it)?"""
    if binding.obj is None:
        return binding.module == module
    return module in (binding.module, f"{binding.module}.{binding.obj}")


def class_spellings(bindings: dict[str, Binding], module: str, name: str) -> tuple[str, ...]:
    """The dotted spellings of `module.name` the top-level bindings allow (for strings)."""
    found: set[str] = set()
    for binding in bindings.values():
        if binding.obj is not None and binding.module == module and binding.obj == name:
            found.add(binding.name)
        elif binding.obj is None and binding.module == module:
            plain = binding.name == module.split(".")[0]  # `import a.b.c` binds `a`
            found.add(f"{module if plain else binding.name}.{name}")
        elif binding.obj is not None and f"{binding.module}.{binding.obj}" == module:
            found.add(f"{binding.name}.{name}")
    return tuple(sorted(found, key=len, reverse=True))


@dataclass(frozen=True)
class ClassRef:
    """CLASS (`module.name`), the packages that re-export it (`(package, name)`), and how a
    file may spell it in string annotations (`spellings`, from that file's imports)."""

    module: str
    name: str
    reexports: tuple[tuple[str, str], ...] = ()
    spellings: tuple[str, ...] = ()

    @property
    def qualified(self) -> frozenset[str]:
        return frozenset({f"{self.module}.{self.name}", *(f"{p}.{n}" for p, n in self.reexports)})

    def matches(self, qualified: str, package: str) -> bool:
        """Is `qualified` (a qualified name, maybe relative to `package`) CLASS?"""
        if qualified.startswith("."):
            level = len(qualified) - len(qualified.lstrip("."))
            resolved = resolve_relative(package, level, qualified[level:] or None)
            return resolved in self.qualified
        return qualified in self.qualified

    def imports(self, binding: Binding) -> bool:
        """Does `binding` import MODULE (or a name from it), or a re-export of CLASS?"""
        return refers_to(binding, self.module) or (binding.module, binding.obj) in self.reexports

    def in_string(self, text: str) -> bool:
        return any(re.search(rf"(?<![\w.]){re.escape(s)}(?!\w)", text) for s in self.spellings)

    def spelled_in(self, bindings: dict[str, Binding]) -> ClassRef:
        """This reference with the spellings a file's top-level `bindings` allow."""
        found = set(class_spellings(bindings, self.module, self.name))
        for package, name in self.reexports:
            found.update(class_spellings(bindings, package, name))
        return replace(self, spellings=tuple(sorted(found, key=len, reverse=True)))
