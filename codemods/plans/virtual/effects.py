"""What each step does to the layer's import graph, predicted from the code as it was before
the plan: the modules it renames, adds, resizes or removes, and the import statements it
retypes, adds or drops. A step these rules cannot predict raises `Unpredictable`."""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

from codemods.plans.model import Step
from codemods.plans.outline import ImportNode, Outline, Statement, import_node, outline
from codemods.plans.virtual.graph import DEFERRED, IMPORT_TIME, TYPING, ImportFact, VirtualGraph

__all__ = ["Reader", "Unpredictable", "after_step"]

_DEFINITIONS = ("class", "def", "assign")
# `from typing import TYPE_CHECKING`, `if TYPE_CHECKING:` and the blank lines around them.
_BLOCK_LINES = 4
# `from __future__ import annotations` and the blank lines after it and the imports.
_HEADER_LINES = 3
_LINE = 100  # the longest line the codemod writes before it puts a name a line


class Unpredictable(Exception):
    """The step's effect on the graph cannot be told without running it."""


class Reader:
    """Outlines and texts of files, each read once."""

    def __init__(self) -> None:
        self._texts: dict[Path, str] = {}
        self._lines: dict[Path, list[str]] = {}

    def text(self, path: Path | None) -> str:
        """The file's text ("" when it cannot be read)."""
        if path is None:
            return ""
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self._texts[path] = ""
        return self._texts[path]

    def import_at(self, path: Path | None, line: int) -> ImportNode | None:
        """The import statement that starts at `line` of the file, parsed alone."""
        if path is None:
            return None
        if path not in self._lines:
            self._lines[path] = self.text(path).splitlines()
        lines = self._lines[path][line - 1 : line + 40]
        for end in range(1, len(lines) + 1):
            try:
                tree = ast.parse(textwrap.dedent("\n".join(lines[:end])))
            except SyntaxError:
                continue
            node = tree.body[0] if tree.body else None
            return import_node(node) if isinstance(node, ast.Import | ast.ImportFrom) else None
        return None

    def attributes(self, path: Path | None, prefix: str) -> frozenset[str]:
        """The names read as `prefix.name` in the file."""
        pattern = r"(?<![\w.])" + re.escape(prefix) + r"\s*\.\s*(\w+)"
        return frozenset(re.findall(pattern, self.text(path)))

    def __call__(self, path: Path | None) -> Outline | None:
        return outline(path) if path is not None else None  # read once per file version


def after_step(graph: VirtualGraph, step: Step, read: Reader) -> VirtualGraph:
    """`graph` as `step` would leave it."""
    effect = _EFFECTS.get(step.op)
    if effect is None:
        raise Unpredictable(f"`{step.op}` steps are predicted by running them")
    return effect(graph, step, read)


def _typing_import(graph: VirtualGraph, step: Step, read: Reader) -> VirtualGraph:
    """The module's import-time imports of IMPORTED become typing-only (deferred with
    `defer`); the module grows by the `TYPE_CHECKING` block it gains (and, deferred, by an
    import in a function)."""
    module, imported = step.text("module"), step.text("imported")
    moved = [
        f for f in graph.imports_of(module) if f.imported == imported and f.kind == IMPORT_TIME
    ]
    if not moved:
        return graph
    deferred = step.arg("defer") is True
    retyped = graph.retyped(moved, DEFERRED if deferred else TYPING)
    block = 0 if "if TYPE_CHECKING" in read.text(graph.origin(module)) else _BLOCK_LINES
    return retyped.resized(module, (graph.lines(module) or 0) + block + int(deferred))


def _move(graph: VirtualGraph, step: Step, read: Reader) -> VirtualGraph:
    old, new = step.text("old"), step.text("new")
    if graph.lines(old) is None:
        raise Unpredictable(f"no module {old}")
    moved = graph.renamed(old, new)
    if step.arg("shim") is True:
        moved = moved.added(old, 3).with_imports([ImportFact(old, new, 1, IMPORT_TIME)])
    return moved


def _remove_shim(graph: VirtualGraph, step: Step, read: Reader) -> VirtualGraph:
    module = step.text("module")
    sources = graph.shim_sources(module)
    if not sources:
        raise Unpredictable(f"{module} is not a re-export shim")
    return graph.removed(module, sources)


def _move_symbol(graph: VirtualGraph, step: Step, read: Reader) -> VirtualGraph:
    dest = step.text("dest")
    by_module: dict[str, set[str]] = {}
    for symbol in step.texts("symbols"):
        module, _, name = symbol.partition(":")
        by_module.setdefault(module, set()).add(name)
    for module, names in sorted(by_module.items()):
        graph = _carve(graph, module, frozenset(names), dest, read)
    return graph


def _carve(
    graph: VirtualGraph, module: str, names: frozenset[str], dest: str, read: Reader
) -> VirtualGraph:
    """`names` and the imports they use moved from `module` into `dest`, their importers
    importing them from there."""
    found = read(graph.origin(module))
    if found is None:
        raise Unpredictable(f"the code of {module} cannot be read")
    gone = graph.carried(module)  # what earlier steps took out of the module's code
    here = [s for s in found.statements if not (s.names and s.names <= gone.keys())]
    moved = [s for s in here if s.kind in _DEFINITIONS and s.names & names]
    if not moved:
        raise Unpredictable(f"{module} defines none of {', '.join(sorted(names))}")
    rest = [s for s in here if s not in moved and s.kind != "import"]
    moved_uses = frozenset().union(*(s.uses for s in moved))
    rest_uses = frozenset().union(*(s.uses for s in rest))
    taken, dropped = _imports_taken(graph.imports_of(module), found, moved, moved_uses, rest_uses)
    grown, shrunk = _sizes(found, moved, taken, names & rest_uses)
    lines = graph.lines(dest)
    graph = (
        graph.added(dest, grown + _HEADER_LINES)
        if lines is None
        else graph.resized(dest, lines + grown)
    )
    graph = graph.resized(module, (graph.lines(module) or 0) - shrunk)
    new = [ImportFact(dest, f.imported, f.line, f.kind, f.text) for f in taken]
    if rest_uses & names:
        new.append(ImportFact(module, dest, 0, IMPORT_TIME))
    if moved_uses & frozenset().union(*(s.names for s in rest if s.kind in _DEFINITIONS)):
        new.append(ImportFact(dest, module, 0, IMPORT_TIME))
    homes = {gone[n] for n in moved_uses if n in gone} - {dest}  # names moved before
    new += [ImportFact(dest, home, 0, IMPORT_TIME) for home in sorted(homes)]
    redirected, stale = _importers(graph, module, names, dest, read)
    edited = graph.without([*dropped, *stale]).with_imports([*new, *redirected])
    return edited.carrying(module, names, dest)


def _sizes(
    found: Outline, moved: list[Statement], taken: list[ImportFact], used_back: frozenset[str]
) -> tuple[int, int]:
    """The lines the new module gains and those the module loses, as the codemod lays them
    out: each moved statement with the comments and blank lines above it; the imports it
    takes; an `__all__` (a name a line) when the module has one, whose lines for the moved
    names go; and in the module, the import of the names it still uses (a name a line past
    three)."""
    statements = found.statements
    code = sum(s.last_line - (statements[s.index - 1].last_line if s.index else 0) for s in moved)
    imports = sum(
        statement.lines
        for statement in {found.at(f.line) for f in taken} - {None, *moved}
        if statement is not None
    )
    public = [n for s in moved for n in s.names if n in found.listed]
    one_line = len("__all__ = [" + ", ".join(f'"{n}"' for n in public) + "]") <= _LINE
    listing = (1 if one_line else len(public) + 2) if public else 0
    listed = found.binding("__all__")
    unlisted = len(public) if listed and listed.lines > 1 else 0
    back = (len(used_back) + 2 if len(used_back) > 3 else 1) if used_back else 0
    return code + imports + listing, code + unlisted - back


def _imports_taken(
    imports: list[ImportFact],
    found: Outline,
    moved: list[Statement],
    moved_uses: frozenset[str],
    rest_uses: frozenset[str],
) -> tuple[list[ImportFact], list[ImportFact]]:
    """The module's imports the moved code needs (copied to the new module), and those only
    it needed (gone from the module)."""
    taken, dropped = [], []
    for fact in imports:
        statement = found.at(fact.line)
        if statement is None:
            continue
        if statement in moved:  # an import inside moved code goes along
            taken.append(fact)
            dropped.append(fact)
        elif statement.kind in ("import", "block") and statement.names & moved_uses:
            taken.append(fact)
            if not statement.names & rest_uses:
                dropped.append(fact)
    return taken, dropped


def _importers(
    graph: VirtualGraph, module: str, names: frozenset[str], dest: str, read: Reader
) -> tuple[list[ImportFact], list[ImportFact]]:
    """The imports of `dest` that the importers of `module` gain, and the imports of `module`
    they lose (a `from module import` of moved names only)."""
    added, gone = [], []
    mentions = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
    for fact in graph.importers_of(module):
        path = graph.origin(fact.importer)
        if fact.importer in (module, dest) or not mentions.search(read.text(path)):
            continue
        node = read.import_at(path, fact.line)
        if node is None:
            continue
        if node.from_ and node.names & names:
            added.append(ImportFact(fact.importer, dest, fact.line, fact.kind, fact.text))
            if node.names <= names:
                gone.append(fact)
            continue
        named = module if not node.from_ else module.rpartition(".")[2]
        prefix = next((read_as for name, read_as in node.read_as if name == named), named)
        read_there = read.attributes(path, prefix)
        if read_there & names:  # `module.name` where name moves
            added.append(ImportFact(fact.importer, dest, fact.line, fact.kind, fact.text))
            if read_there <= names:
                gone.append(fact)
    return added, gone


_EFFECTS: dict[str, Callable[[VirtualGraph, Step, Reader], VirtualGraph]] = {
    "typing-import": _typing_import,
    "move": _move,
    "remove-shim": _remove_shim,
    "move-symbol": _move_symbol,
}
