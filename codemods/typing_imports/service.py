"""The typing-import use case: locate -> plan -> rewrite -> check -> apply.

`typing_import(TypingImportRequest(root, "pkg.a", "pkg.b"))` moves every module-level import of
`pkg.b` in `pkg.a` under `if TYPE_CHECKING:` when `pkg.a` uses the names they bind only in
annotations, and refuses (`runtime-use`, with file:line and why) when any is needed at run time.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from codemods.engine.apply import apply_changes, recovered_first
from codemods.engine.changes import ChangePlan, FileChange, check_writable
from codemods.engine.cycle_check import CycleDelta, cycle_delta
from codemods.engine.errors import FilesUnreadable
from codemods.engine.layout import Layout, python_files
from codemods.engine.outcome import Outcome, check_clean, outcome_of
from codemods.engine.ports import CycleFinder
from codemods.typing_imports.defer import deferred_note, functions_needing, import_in_functions
from codemods.typing_imports.errors import ImportNotFound, RuntimeUse
from codemods.typing_imports.imports import ModuleImports, find_imports, module_name
from codemods.typing_imports.reexports import Reexport, find_reexports
from codemods.typing_imports.rewrite import move_under_type_checking
from codemods.typing_imports.uses import EVALUATED, RUNTIME, Use, UseReport, read_uses

__all__ = ["TypingImportPlan", "TypingImportRequest", "plan_typing_import", "typing_import"]

# Libraries that read annotations at run time: their annotations must stay importable.
_RUNTIME_READERS = re.compile(
    r"\b(pydantic|attrs|msgspec|beartype|typeguard|sqlalchemy|get_type_hints)\b"
)


@dataclass(frozen=True)
class TypingImportRequest:
    """Move the imports of module `imported` in module `module` under `if TYPE_CHECKING:`."""

    root: Path
    module: str
    imported: str
    import_roots: tuple[Path, ...] = ()
    # Also take uses inside function bodies: each such function imports the names itself.
    defer: bool = False


@dataclass(frozen=True)
class _Located:
    layout: Layout
    path: Path
    package: str
    text: str
    tree: cst.Module


@dataclass(frozen=True, kw_only=True)
class TypingImportPlan(ChangePlan):
    """What typing-import would change: the names moved, and whether the module gains
    `from __future__ import annotations` (and for which annotations)."""

    moved: tuple[str, ...] = ()
    future_added: bool = False
    evaluated: tuple[Use, ...] = ()
    notes: tuple[str, ...] = field(default=())


def _locate(request: TypingImportRequest) -> _Located:
    layout = Layout.detect(request.root, request.import_roots)
    location = layout.require(request.module)
    path = location.path / "__init__.py" if location.is_package else location.path
    package = request.module if location.is_package else request.module.rpartition(".")[0]
    try:
        text = path.read_text(encoding="utf-8")
        tree = cst.parse_module(text)
    except (UnicodeDecodeError, cst.ParserSyntaxError) as exc:
        raise FilesUnreadable(
            f"{path.relative_to(layout.root)}: cannot parse: {exc}",
            hint="Fix the file and run again; nothing was written.",
        ) from exc
    return _Located(layout, path, package, text, tree)


def _where(located: _Located, line: int) -> str:
    return f"{located.path.relative_to(located.layout.root).as_posix()}:{line}"


def _statement_at(located: _Located, index: int) -> str:
    """file:line of the module's top-level statement `index`."""
    positions = MetadataWrapper(located.tree, unsafe_skip_copy=True).resolve(PositionProvider)
    return _where(located, positions[located.tree.body[index]].start.line)


def _imported_modules(tree: cst.Module) -> list[str]:
    """What the module's top-level imports name (`a.b` and `a.b.c` for `from a.b import c`)."""
    found = []
    for statement in tree.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Import):
                found += [str(a.evaluated_name) for a in small.names]
            elif isinstance(small, cst.ImportFrom):
                source = "." * len(small.relative) + (module_name(small.module) or "")
                found.append(source)
                if not isinstance(small.names, cst.ImportStar):
                    dot = "" if source.endswith(".") else "."
                    found += [f"{source}{dot}{a.evaluated_name}" for a in small.names]
    return found


def _check_found(located: _Located, request: TypingImportRequest, found: ModuleImports) -> None:
    if found.stars:
        raise RuntimeUse(
            f"{_statement_at(located, found.stars[0])}: `from {request.imported} import *` "
            "binds names that cannot be told apart.",
            hint="Import the names the module uses by name, then run again; nothing was written.",
            code="star-import",
        )
    if found.blocks:
        raise RuntimeUse(
            f"{_statement_at(located, found.blocks[0])}: '{request.module}' imports "
            f"'{request.imported}' inside a module-level block (try, if, with), which this "
            "codemod does not rewrite.",
            hint="Move that import out of the block (or under TYPE_CHECKING by hand), then run "
            "again; nothing was written.",
            code="import-in-block",
        )
    if not (found.movable or found.typing_only or found.nested):
        close = difflib.get_close_matches(request.imported, _imported_modules(located.tree), n=3)
        raise ImportNotFound(
            f"'{request.module}' does not import '{request.imported}'.",
            hint=f"It imports {', '.join(close)}." if close else "Check the module names.",
        )


def _refuse(
    located: _Located,
    request: TypingImportRequest,
    runtime: tuple[Use, ...],
    reexports: tuple[Reexport, ...],
    *,
    deferrable: bool = False,
) -> None:
    root = located.layout.root
    found = [f"{_where(located, u.line)}: '{u.name}' in {u.reason}: {u.text}" for u in runtime]
    found += [
        f"{r.path.relative_to(root).as_posix()}:{r.line}: '{r.name}' imported from "
        f"{request.module} at run time: {r.text}"
        for r in reexports
    ]
    more = f" (and {len(found) - 5} more)" if len(found) > 5 else ""
    raise RuntimeUse(
        f"'{request.module}' needs '{request.imported}' at run time: "
        + "; ".join(found[:5])
        + f"{more}.",
        hint=(
            "Every one is inside a function: pass --defer to import it there; nothing was written."
            if deferrable and runtime and not reexports
            else "Keep the import, or change those uses (import the name inside the functions "
            "that need it at run time, quote a cast's type, import it from its own module), "
            "then run again; nothing was written."
        ),
    )


def _notes(located: _Located, uses: UseReport, *, future: bool) -> tuple[str, ...]:
    notes = []
    if future:
        # one entry per line and kind of annotation: `def f(a: T, b: T)` is one place
        evaluated = list(dict.fromkeys((u.line, u.reason) for u in uses.of_kind(EVALUATED)))
        where = ", ".join(f"{_where(located, line)} ({why})" for line, why in evaluated[:3])
        notes.append(
            "added `from __future__ import annotations`: without it these annotations are "
            f"evaluated at definition time and would need the import: {where}"
            + (f" and {len(evaluated) - 3} more" if len(evaluated) > 3 else "")
        )
    reader = _RUNTIME_READERS.search(located.text)
    if reader:
        notes.append(
            f"warning: the module mentions {reader.group(1)}, which may read annotations at run "
            "time (not detected here); check that it still works"
        )
    return tuple(notes)


def plan_typing_import(request: TypingImportRequest) -> TypingImportPlan:
    """Everything typing-import would change (one file), computed without writing anything."""
    located = _locate(request)
    found = find_imports(located.tree, request.imported, located.package)
    _check_found(located, request, found)
    if not found.movable:
        where = (
            "under TYPE_CHECKING"
            if found.typing_only
            else "where it runs later (functions, classes, __main__)"
        )
        message = f"Nothing to do: '{request.module}' imports '{request.imported}' only {where}."
        return TypingImportPlan(root=located.layout.root, message=message, scanned=1, parsed=1)
    uses = read_uses(located.tree, found.movable)
    runtime = uses.of_kind(RUNTIME)
    blocking = tuple(u for u in runtime if not (request.defer and u.function))
    if blocking:  # refused on the module alone: no need to read the others
        _refuse(located, request, blocking, (), deferrable=all(u.function for u in runtime))
    files = python_files(located.layout.root)
    names = frozenset(s.binding for s in found.movable if "." not in s.binding)
    reexports, parsed = find_reexports(
        located.layout, files, request.module, names, skip=located.path
    )
    if reexports:
        _refuse(located, request, (), reexports)
    future = bool(uses.of_kind(EVALUATED))
    typed = any(u.kind != RUNTIME for u in uses.uses)
    new_tree = move_under_type_checking(located.tree, found.movable, add_future=future, keep=typed)
    deferred = functions_needing(found.movable, runtime)
    new_tree = import_in_functions(new_tree, deferred)
    change = FileChange(
        located.path,
        located.path,
        located.text,
        new_tree.code,
        imports_rewritten=len(found.movable),
    )
    check_writable([located.path], located.layout.root)
    return TypingImportPlan(
        root=located.layout.root,
        changes=(change,),
        scanned=len(files),
        parsed=parsed + 1,
        moved=tuple(s.binding for s in found.movable),
        future_added=future,
        evaluated=uses.of_kind(EVALUATED),
        notes=_notes(located, uses, future=future) + deferred_note(deferred),
    )


def _check(
    request: TypingImportRequest, plan: TypingImportPlan, finder: CycleFinder | None
) -> CycleDelta:
    if finder is None:
        return CycleDelta((), ())
    layout = Layout.detect(request.root, request.import_roots)
    touched = [request.imported, request.module]
    return cycle_delta(layout, plan.change_set(), touched, finder, import_time=True)


def typing_import(
    request: TypingImportRequest,
    *,
    apply: bool = False,
    allow_dirty: bool = False,
    cycle_finder: CycleFinder | None = None,
) -> Outcome:
    """Move the imports under TYPE_CHECKING: a dry run unless `apply`; the summary names the
    import-time cycles the change breaks (asked through `cycle_finder`, when given)."""
    with recovered_first(request.root.resolve()) as recovered:
        plan = plan_typing_import(request)
        command = f"typing-import {request.module} {request.imported}" + (
            " --defer" if request.defer else ""
        )
        notes = recovered + plan.notes
        if not plan.changes:
            return outcome_of(command, plan, applied=False, notes=notes)
        delta = _check(request, plan, cycle_finder)
        if apply:
            check_clean(plan.root, allow_dirty=allow_dirty)
            apply_changes(plan.change_set())
    return outcome_of(
        command, plan, applied=apply, cycles=delta.new, removed_cycles=delta.removed, notes=notes
    )
