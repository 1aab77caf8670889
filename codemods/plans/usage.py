"""How an importer uses what it imports from one module, read from its syntax tree: which
names it takes, and whether it uses them only in annotations."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from codemods.plans.outline import listed_names, parse_file

__all__ = ["Usage", "read_usage"]


@dataclass(frozen=True)
class Usage:
    """`names`: what the importer takes from the module (None when it cannot tell);
    `annotations_only`: every use is inside an annotation (or under TYPE_CHECKING);
    `functions`: how many functions' bodies hold the other uses, None when one is not in a
    function's body (then the import cannot wait until a function runs)."""

    names: frozenset[str] | None
    annotations_only: bool
    functions: int | None = None


@dataclass
class _Bindings:
    """How a file imports one module: the names bound to the module itself (each with the
    text that spells the module in code: `m` for `import a.b as m`, `a.b` for `import a.b`),
    the names imported from it, and the statements that do either."""

    modules: dict[str, str]
    names: set[str]
    statements: list[ast.Import | ast.ImportFrom]


def _bindings(imports: list[ast.Import | ast.ImportFrom], module: str, package: str) -> _Bindings:
    found = _Bindings({}, set(), [])
    modules, names = found.modules, found.names
    parent, _, leaf = module.rpartition(".")
    for node in imports:
        matched = False
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == module and alias.asname:
                    modules[alias.asname] = alias.asname
                    matched = True
                elif alias.name == module or alias.name.startswith(module + "."):
                    modules[alias.name.split(".")[0]] = module
                    matched = True
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, package)
            for alias in node.names:
                bound = alias.asname or alias.name
                if source == module:
                    names.add(alias.name)
                    modules.pop(bound, None)
                    matched = True
                elif source == parent and alias.name == leaf:
                    modules[bound] = bound
                    matched = True
        if matched:
            found.statements.append(node)
    return found


def _in_block(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether `node` runs at module level inside an `if`, `try` or `with` block (an
    `if TYPE_CHECKING:` block aside): the import codemods leave such imports as written."""
    inside = False
    child: ast.AST = node
    while (parent := parents.get(id(child))) is not None:
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            return False
        if isinstance(parent, ast.If) and "TYPE_CHECKING" in ast.unparse(parent.test):
            return False
        if isinstance(parent, ast.If | ast.Try | ast.With):
            inside = True
        child = parent
    return inside


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")
    base = base[: len(base) - node.level + 1] if node.level > 1 else base
    return ".".join([*base, *([node.module] if node.module else [])])


@dataclass(frozen=True)
class _Parsed:
    """A file read once for every question about it: its imports, the names it reads, the
    nodes inside annotations (or `if TYPE_CHECKING:`), each node's parent, and its string
    annotations."""

    imports: list[ast.Import | ast.ImportFrom]
    loads: list[ast.Name]
    typed: set[int]
    parents: dict[int, ast.AST]
    strings: list[str]
    listed: frozenset[str]  # the names `__all__` re-exports


def _read(tree: ast.Module) -> _Parsed:
    """One walk of the tree (and one of each annotation)."""
    imports: list[ast.Import | ast.ImportFrom] = []
    loads: list[ast.Name] = []
    parents: dict[int, ast.AST] = {}
    roots: list[ast.AST] = []
    strings: list[str] = []
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                loads.append(node)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
        annotation = None
        if isinstance(node, ast.arg | ast.AnnAssign):
            annotation = node.annotation
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            annotation = node.returns
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            roots.extend(node.body)
        if annotation is not None:
            roots.append(annotation)
            if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
                strings.append(annotation.value)
    typed = {id(n) for root in roots for n in ast.walk(root)}
    return _Parsed(imports, loads, typed, parents, strings, listed_names(tree))


_PARSED: dict[Path, tuple[tuple[int, int], _Parsed]] = {}


def _parsed(path: Path) -> _Parsed | None:
    """The file read for usage; read again only when the file has changed since."""
    found = parse_file(path)
    if found is None:
        return None
    key, tree, _ = found
    known = _PARSED.get(path)
    if known is None or known[0] != key:
        known = _PARSED[path] = (key, _read(tree))
    return known[1]


_USAGES: dict[tuple[Path, str, str, bool], tuple[tuple[int, int], Usage]] = {}


def read_usage(path: Path, module: str, *, importer: str, is_package: bool) -> Usage:
    """How the file of `importer` uses `module` (read again only when the file has changed)."""
    parsed = _parsed(path)
    if parsed is None:
        return Usage(None, annotations_only=False)
    key, version = (path, module, importer, is_package), _PARSED[path][0]
    known = _USAGES.get(key)
    if known is not None and known[0] == version:
        return known[1]
    usage = _read_usage(parsed, module, importer=importer, is_package=is_package)
    _USAGES[key] = (version, usage)
    return usage


def _read_usage(parsed: _Parsed, module: str, *, importer: str, is_package: bool) -> Usage:
    typed, parents = parsed.typed, parsed.parents
    package = importer if is_package else importer.rpartition(".")[0]
    bindings = _bindings(parsed.imports, module, package)
    modules, names = bindings.modules, bindings.names
    if names & parsed.listed or set(modules) & parsed.listed:  # re-exported: used at import
        return Usage(frozenset(names), annotations_only=False)
    if any(_in_block(node, parsed.parents) for node in bindings.statements):
        return Usage(None, annotations_only=False)  # `try:`/`if:` imports stay as written
    taken: set[str] = set(names)
    uses = 0
    functions: set[int] | None = set()
    for node in parsed.loads:
        if node.id in names or node.id in modules:
            uses += 1
            if id(node) not in typed:
                function = _function_of(node, parents)
                if function is None:
                    functions = None
                elif functions is not None:
                    functions.add(function)
            if node.id in modules:
                attribute = _attribute_of(node, modules[node.id], parents)
                if attribute is None:
                    return Usage(None, annotations_only=False)
                taken.add(attribute)
    wanted = names | set(modules)
    strings = sum(1 for text in parsed.strings for n in wanted if n in text)
    only_annotations = functions == set() and uses + strings > 0
    count = None if functions is None else len(functions)
    return Usage(frozenset(taken), annotations_only=only_annotations, functions=count)


def _function_of(node: ast.AST, parents: dict[int, ast.AST]) -> int | None:
    """The id of the function whose body holds `node`, None when it runs with the module."""
    child: ast.AST = node
    while (parent := parents.get(id(child))) is not None:
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef) and child in parent.body:
            return id(parent)
        child = parent
    return None


def _attribute_of(node: ast.Name, spelling: str, parents: dict[int, ast.AST]) -> str | None:
    """`X` of the chain `spelling.X` that starts at `node`, None when the module is used whole."""
    current: ast.AST = node
    while True:
        parent = parents.get(id(current))
        if not isinstance(parent, ast.Attribute):
            return None
        if ast.unparse(parent.value) == spelling:
            return parent.attr
        current = parent
