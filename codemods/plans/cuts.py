"""The steps that could remove one import to cut, cheapest first, read from the importer's and
the imported module's code: typing-import (from either side of a pair), move-symbol of the few
names the importer takes into a shared module, a move of a tier-1 importer, and last the
import deferred into the functions that need it (typing-import --defer)."""

from __future__ import annotations

import ast

from codemods.engine.names import resolve_relative
from codemods.plans.facts import CutFact, LayerFacts, ModuleFact
from codemods.plans.model import Step
from codemods.plans.outline import outline, parse_file
from codemods.plans.usage import Usage, read_usage

__all__ = ["cut_steps", "make_step"]

_FEW = 5
_DEFINITIONS = ("class", "def", "assign")


def make_step(op: str, why: str, **args: object) -> Step:
    """A step of `op` with its arguments in the order given, and why."""
    return Step(op, tuple(args.items()), why=why)


def _usage(module: ModuleFact, imported: str) -> Usage:
    return read_usage(module.file, imported, importer=module.name, is_package=module.is_package)


def cut_steps(
    facts: LayerFacts, cut: CutFact, *, typing_ready: bool, notes: list[str]
) -> list[Step]:
    """The steps that could remove `cut` from the layer of `facts`, cheapest first (a note
    when there is none)."""
    importer, imported = facts.module(cut.importer), facts.module(cut.imported)
    edge = f"{cut.importer} -> {cut.imported}"
    if importer is None or imported is None:
        return []
    usage = _usage(importer, cut.imported)
    back = _usage(imported, cut.importer)
    steps: list[Step] = []
    if usage.annotations_only and typing_ready:
        why = f"cuts {edge}: its names are used only in annotations"
        steps.append(make_step("typing-import", why, module=cut.importer, imported=cut.imported))
    elif usage.annotations_only:
        notes.append(f"{edge} is used only in annotations: typing-import would cut it")
    if back.annotations_only and typing_ready:
        why = (
            f"cuts {cut.imported} <-> {cut.importer} from the other side: "
            f"{cut.imported} uses {cut.importer} only in annotations"
        )
        steps.append(make_step("typing-import", why, module=cut.imported, imported=cut.importer))
    names = _movable(imported, usage.names, importer=cut.importer)
    if names:
        symbols = tuple(f"{cut.imported}:{n}" for n in sorted(names))
        dest = f"{facts.target.package}.shared.{cut.imported.rpartition('.')[2]}"
        why = f"cuts {edge}: {', '.join(sorted(names))} do not depend on the rest of their module"
        steps.append(make_step("move-symbol", why, symbols=symbols, dest=dest))
    if importer.tier == 1 and importer.destination:
        why = f"cuts {edge}: tier 1, moves out of the layer"
        steps.append(make_step("move", why, old=importer.name, new=importer.destination))
    if typing_ready:
        steps += _deferrals(cut, usage, back)
    if not steps:
        notes.append(f"no cheap cut for {edge}: consider extract-protocol or a hand-made step")
    return steps


def _deferrals(cut: CutFact, usage: Usage, back: Usage) -> list[Step]:
    """typing-import --defer of either side's import, the side whose run-time uses sit in
    fewer functions first: the import then runs when those functions do, not at import time."""
    sides = [
        (count, number, module, imported)
        for number, (count, module, imported) in enumerate(
            [
                (usage.functions, cut.importer, cut.imported),
                (back.functions, cut.imported, cut.importer),
            ]
        )
        if count
    ]
    steps = []
    for count, _, module, imported in sorted(sides):
        why = (
            f"cuts {cut.importer} <-> {cut.imported}: {module} needs {imported} at run time "
            f"only inside {count} function(s), which import it when they run"
        )
        steps.append(make_step("typing-import", why, module=module, imported=imported, defer=True))
    return steps


def _movable(module: ModuleFact, names: frozenset[str] | None, *, importer: str) -> frozenset[str]:
    """`names` when they are few definitions of `module` that use none of its public names,
    nor (at import time) the importer: the moved code would take the cycle along."""
    if not names or len(names) > _FEW or module.is_package:
        return frozenset()
    found, parsed = outline(module.file), parse_file(module.file)
    if found is None or parsed is None:
        return frozenset()
    package = module.name.rpartition(".")[0]
    back = _runtime_bindings(parsed[1], package, importer)
    by_name = {n: s for s in found.statements if s.kind in _DEFINITIONS for n in s.names}
    if not names <= set(by_name):
        return frozenset()
    closure: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name in closure or name not in by_name:
            continue
        closure.add(name)
        stack.extend(by_name[name].uses)
    if any(not n.startswith("_") for n in closure - names):
        return frozenset()
    if any(by_name[n].uses & back for n in closure):
        return frozenset()
    return frozenset(names)


def _runtime_bindings(tree: ast.Module, package: str, imported: str) -> set[str]:
    """The names the module's top-level imports (not under `TYPE_CHECKING`, not in functions
    or classes) bind to `imported` or a name of it."""
    bound: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test):
            continue
        for node in _top_level_imports(statement):
            for alias in node.names:
                if imported in _named(node, alias, package):
                    name = alias.asname or alias.name
                    bound.add(name.split(".")[0] if isinstance(node, ast.Import) else name)
    return bound


def _top_level_imports(statement: ast.stmt) -> list[ast.Import | ast.ImportFrom]:
    if isinstance(statement, ast.Import | ast.ImportFrom):
        return [statement]
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return []
    found: list[ast.Import | ast.ImportFrom] = []
    for child in ast.iter_child_nodes(statement):
        if isinstance(child, ast.stmt):
            found += _top_level_imports(child)
    return found


def _named(node: ast.Import | ast.ImportFrom, alias: ast.alias, package: str) -> set[str]:
    """The modules an import binding may stand for: `a.b` and `a.b.c` for `from a.b import c`."""
    if isinstance(node, ast.Import):
        return {alias.name}
    base = resolve_relative(package, node.level, node.module) if node.level else node.module
    return {base, f"{base}.{alias.name}"} if base else set()
