"""A module's top-level statements read with `ast` (fast enough for files of thousands of
lines): what each binds, the top-level names it uses, its lines, and the names each import
statement binds. The planner splits and predicts from it; the codemods read with libcst.

A name counts as used by a statement when it is loaded anywhere inside it and bound at top
level: a local that shadows a top-level name counts too, which only joins parts that could
have stayed apart.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ImportNode",
    "Outline",
    "Statement",
    "import_node",
    "listed_names",
    "outline",
    "parse_file",
    "read_outline",
]


@dataclass(frozen=True)
class Statement:
    """A top-level statement: kind ("class", "def", "assign", "import", "block", "other"),
    the names it binds, the top-level names it uses, its first (decorators included) and last
    line; for an import, `imported` holds the modules or `from` names it binds, by name."""

    index: int
    kind: str
    names: frozenset[str]
    uses: frozenset[str]
    first_line: int
    last_line: int
    place: frozenset[str] = frozenset()  # `__file__`, `__name__`, ...: what says where it runs
    imported: frozenset[str] = frozenset()  # the names of `names` that imports bind

    @property
    def lines(self) -> int:
        return self.last_line - self.first_line + 1


@dataclass(frozen=True)
class ImportNode:
    """An import statement anywhere in the module: its lines, and the names it takes (the
    modules of `import a.b`, the names of `from m import x`; `from_` tells which), each with
    the name the code reads it by (`a.b` for `import a.b`, the alias when there is one)."""

    first_line: int
    last_line: int
    from_: bool
    names: frozenset[str]
    read_as: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Outline:
    """A module's top-level statements, every import statement, every attribute name read
    (`x.name`) by the dotted name it is read from (`a.b` of `a.b.name`), and its size."""

    statements: tuple[Statement, ...]
    imports: tuple[ImportNode, ...]
    attributes: dict[str, frozenset[str]]
    lines: int
    listed: frozenset[str] = frozenset()  # the names in `__all__`

    def import_at(self, line: int) -> ImportNode | None:
        return next((i for i in self.imports if i.first_line <= line <= i.last_line), None)

    def at(self, line: int) -> Statement | None:
        """The top-level statement that holds `line`."""
        return next((s for s in self.statements if s.first_line <= line <= s.last_line), None)

    def binding(self, name: str) -> Statement | None:
        return next((s for s in self.statements if name in s.names), None)


# The module's own place: code that reads them means something else once moved.
_PLACE = frozenset({"__file__", "__name__", "__spec__", "__path__", "__package__"})


def _targets(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Tuple | ast.List):
        return set().union(*(_targets(e) for e in node.elts)) if node.elts else set()
    if isinstance(node, ast.Starred):
        return _targets(node.value)
    return set()


def _kind_and_names(node: ast.stmt) -> tuple[str, set[str]]:
    if isinstance(node, ast.ClassDef):
        return "class", {node.name}
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return "def", {node.name}
    if isinstance(node, ast.Assign):
        return "assign", set().union(*(_targets(t) for t in node.targets))
    if isinstance(node, ast.AnnAssign):
        return ("assign", _targets(node.target)) if node.value is not None else ("other", set())
    if type(node).__name__ == "TypeAlias":  # `type X = ...` (Python 3.12)
        name = getattr(node, "name", None)
        return "assign", _targets(name) if isinstance(name, ast.expr) else set()
    if isinstance(node, ast.Import | ast.ImportFrom):
        return "import", {_bound(a, node) for a in node.names if a.name != "*"}
    if isinstance(node, ast.If | ast.Try | ast.With | ast.For | ast.While):
        return "block", _block_names(node)
    return "other", set()


def _block_names(node: ast.stmt) -> set[str]:
    """The names the statements in a block bind at module level (the block's own, nested
    ones too, but nothing inside the functions and classes it defines)."""
    names: set[str] = set()
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, ast.stmt):
            continue
        _, bound = _kind_and_names(child)
        names |= bound
    return names


def _imported_names(node: ast.stmt) -> set[str]:
    """The names the imports in a top-level statement bind (not inside functions or classes)."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        return {_bound(a, node) for a in node.names if a.name != "*"}
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return set()
    found: set[str] = set()
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.stmt):
            found |= _imported_names(child)
    return found


def _bound(alias: ast.alias, node: ast.Import | ast.ImportFrom) -> str:
    if alias.asname:
        return alias.asname
    return alias.name.split(".")[0] if isinstance(node, ast.Import) else alias.name


def read_outline(text: str) -> Outline:
    """The outline of the module source `text`; raises SyntaxError."""
    return _outline(ast.parse(text), text.count("\n") + (not text.endswith("\n") and bool(text)))


def _outline(tree: ast.Module, lines: int) -> Outline:
    """One walk of the tree."""
    spans = []
    imports: list[ImportNode] = []
    attributes: dict[str, set[str]] = {}
    for index, node in enumerate(tree.body):
        kind, names = _kind_and_names(node)
        decorators = getattr(node, "decorator_list", ())
        first = min([node.lineno, *(d.lineno for d in decorators)])
        loaded: set[str] = set()
        for child in ast.walk(node):
            if isinstance(child, ast.Name):
                loaded.add(child.id)
            elif isinstance(child, ast.Attribute):
                if dotted := _dotted(child.value):
                    attributes.setdefault(dotted, set()).add(child.attr)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                imports.append(import_node(child))
            else:
                loaded |= _forward(child)
        spans.append((index, kind, names, loaded, first, node.end_lineno or node.lineno))
    bound = set().union(*(names for _, _, names, *_ in spans)) if spans else set()
    statements = tuple(
        Statement(
            index,
            kind,
            frozenset(names),
            frozenset((loaded & bound) - names),
            first,
            last,
            frozenset(loaded & _PLACE),
            frozenset(_imported_names(tree.body[index])),
        )
        for index, kind, names, loaded, first, last in spans
    )
    read = {dotted: frozenset(names) for dotted, names in attributes.items()}
    return Outline(statements, tuple(imports), read, lines, listed_names(tree))


def listed_names(tree: ast.Module) -> frozenset[str]:
    """The string constants of the module's `__all__ = [...]` (or tuple)."""
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                value = node.value
                if isinstance(value, ast.List | ast.Tuple):
                    return frozenset(
                        e.value
                        for e in value.elts
                        if isinstance(e, ast.Constant) and isinstance(e.value, str)
                    )
    return frozenset()


def import_node(node: ast.Import | ast.ImportFrom) -> ImportNode:
    return ImportNode(
        node.lineno,
        node.end_lineno or node.lineno,
        isinstance(node, ast.ImportFrom),
        frozenset(a.name for a in node.names),
        tuple((a.name, a.asname or a.name) for a in node.names),
    )


_REFERENCE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def _forward(node: ast.AST) -> set[str]:
    """The names the string annotations of `node` refer to (`def f(x: "Shell")`, a TypeVar's
    `bound="Shell"`), as the codemods read them."""
    if isinstance(node, ast.arg | ast.AnnAssign):
        types = [node.annotation]
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        types = [node.returns]
    elif isinstance(node, ast.keyword) and node.arg == "bound":
        types = [node.value]
    else:
        return set()
    return {
        found.split(".")[0]
        for kind in types
        if kind is not None
        for text in ast.walk(kind)
        if isinstance(text, ast.Constant) and isinstance(text.value, str)
        for found in _REFERENCE.findall(text.value)
    }


def _dotted(node: ast.expr) -> str | None:
    """`a.b.c` for the expression `a.b.c`; None for anything but names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


_PARSED: dict[Path, tuple[tuple[int, int], tuple[ast.Module, int] | None]] = {}
_OUTLINES: dict[Path, tuple[tuple[int, int], Outline | None]] = {}


def parse_file(path: Path) -> tuple[tuple[int, int], ast.Module, int] | None:
    """The file's version (modified time and size), tree and number of lines; None when it
    cannot be read or parsed. Parsed again only when the file has changed."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    known = _PARSED.get(path)
    if known is None or known[0] != key:
        try:
            text = path.read_text(encoding="utf-8")
            parsed: tuple[ast.Module, int] | None = (ast.parse(text), len(text.splitlines()))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
            parsed = None
        known = _PARSED[path] = (key, parsed)
    return (key, *known[1]) if known[1] is not None else None


def outline(path: Path) -> Outline | None:
    """The outline of the file at `path`, None when it cannot be read; read again only when
    the file has changed since."""
    parsed = parse_file(path)
    if parsed is None:
        return None
    key, tree, lines = parsed
    known = _OUTLINES.get(path)
    if known is None or known[0] != key:
        known = _OUTLINES[path] = (key, _outline(tree, lines))
    return known[1]
