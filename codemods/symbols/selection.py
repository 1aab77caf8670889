"""Which top-level statements of a module move: the names asked for, their private helpers, and
the refusal when the two modules would import each other.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import libcst as cst

from codemods.engine.errors import CodemodError
from codemods.symbols.definitions import DEFINITION_KINDS, ModuleFacts

__all__ = ["Selection", "SymbolNotFound", "SymbolsEntangled", "select"]


class SymbolNotFound(CodemodError):
    default_code = "symbol-not-found"


class SymbolsEntangled(CodemodError):
    default_code = "symbols-entangled"


@dataclass(frozen=True)
class Selection:
    """What leaves one module: statement indices, the helpers that go along, and the ties left.

    `needs_from_source` are names the moved code uses that stay (DEST imports them from the
    source); `source_uses` are moved names the code that stays still uses (the source imports
    them from DEST). At most one of the two is non-empty.
    """

    module: str
    moved: frozenset[int]
    names: tuple[str, ...]  # every name the moved statements bind, in source order
    helpers: tuple[str, ...]
    needs_from_source: tuple[str, ...]
    source_uses: tuple[str, ...]
    typing_from_source: tuple[str, ...] = ()  # staying names the moved code annotates with


def _check_requested(module: str, facts: ModuleFacts, names: tuple[str, ...]) -> None:
    for name in names:
        if "." in name:
            raise SymbolNotFound(
                f"'{module}:{name}' is not a top-level name: only classes, functions, constants "
                "and type aliases at module level can move.",
                hint=f"Move the enclosing definition: {module}:{name.split('.')[0]}.",
                code="not-top-level",
            )
        if facts.defining(name) is not None:
            continue
        if name in facts.imports:
            raise SymbolNotFound(
                f"'{name}' is imported into {module}, not defined there.",
                hint="Move it from the module that defines it.",
                code="not-defined-here",
            )
        close = difflib.get_close_matches(name, facts.definitions(), n=3, cutoff=0.6)
        raise SymbolNotFound(
            f"'{module}' defines no top-level name '{name}'.",
            hint=f"Did you mean {', '.join(close)}?"
            if close
            else f"Top-level names of {module}: {', '.join(facts.definitions()[:8]) or 'none'}.",
        )


def _users(facts: ModuleFacts, names: frozenset[str], exclude: frozenset[int]) -> set[int]:
    return {
        s.index
        for s in facts.statements
        if s.index not in exclude and s.uses & names and "__all__" not in s.names
    }


def _with_helpers(facts: ModuleFacts, moved: set[int]) -> set[int]:
    """`moved` plus every private definition only moved code uses (to a fixed point)."""
    changed = True
    while changed:
        changed = False
        used = set().union(*(facts.statements[i].uses for i in moved))
        for name in sorted(used):
            statement = facts.defining(name)
            if statement is None or statement.index in moved or not _private(name):
                continue
            if _users(facts, statement.names, frozenset(moved | {statement.index})):
                continue
            moved.add(statement.index)
            changed = True
    return moved


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def select(
    module: str,
    facts: ModuleFacts,
    names: tuple[str, ...],
    *,
    with_names: tuple[str, ...] = (),
    imports_dest: bool = False,
    allow_ties: bool = False,
) -> Selection:
    """The statements that move for `names` (and `with_names`); raises on an unknown name or
    when the moved code and the code that stays would need each other (`imports_dest`: the
    source already imports DEST, or will through a shim), unless `allow_ties` (stubs, which
    are never run, may import each other)."""
    _check_requested(module, facts, names)
    _check_requested(module, facts, tuple(n for n in with_names if facts.defining(n) is None))
    asked = {  # every definition of a name: `@overload` stubs go with their implementation
        s.index
        for n in (*names, *with_names)
        for s in facts.binders(n)
        if s.kind in DEFINITION_KINDS
    }
    moved = _with_helpers(facts, set(asked))
    bound = frozenset().union(*(facts.statements[i].names for i in moved))
    staying_defs = {
        n
        for s in facts.statements
        if s.index not in moved and (s.kind in DEFINITION_KINDS or s.kind == "block")
        for n in s.names
        if n not in facts.imports and n != "__all__"
    }
    runtime, typing = _runtime_and_typing(facts, moved)
    needs = tuple(sorted(runtime & staying_defs))
    typing_needs = tuple(sorted(typing & staying_defs))
    source_uses = tuple(
        sorted(
            n
            for i in _users(facts, bound, frozenset(moved))
            for n in facts.statements[i].uses & bound
        )
    )
    if needs and (source_uses or imports_dest) and not allow_ties:
        tied = ", ".join(needs)
        raise SymbolsEntangled(
            f"The moved code uses {tied}, which stay{'s' if len(needs) == 1 else ''} in "
            f"{module}, and {module} would still import the moved names "
            f"({', '.join(sorted(set(source_uses))) or 'through the shim or an import it has'}): "
            "the two modules would import each other.",
            hint="Move them too: " + " ".join(f"--with {n}" for n in needs) + ".",
        )
    ordered = [n for s in facts.statements if s.index in moved for n in sorted(s.names)]
    helpers = tuple(
        n for s in facts.statements if s.index in moved - asked for n in sorted(s.names)
    )
    return Selection(
        module,
        frozenset(moved),
        tuple(ordered),
        helpers,
        needs,
        tuple(sorted(set(source_uses))),
        typing_needs,
    )


def _runtime_and_typing(facts: ModuleFacts, moved: set[int]) -> tuple[set[str], set[str]]:
    """The names the moved code uses at run time, and those it uses in annotations only (when
    `from __future__ import annotations` keeps them from being evaluated; else at run time)."""
    statements = [facts.statements[i] for i in moved]
    runtime = set().union(*(s.uses - s.typing_uses for s in statements))
    typing = set().union(*(s.typing_uses for s in statements)) - runtime
    future = facts.imports.get("annotations")
    if future is None or "__future__" not in cst.Module([]).code_for_node(future.node):
        return runtime | typing, set()
    return runtime, typing
