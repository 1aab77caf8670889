"""What a move-symbol would change: select, cut, merge into DEST, re-point the rest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.codemod import CodemodContext

from codemods.engine.changes import ChangePlan, FileChange, StringHit, check_writable
from codemods.engine.dunder_all import remove_entries
from codemods.engine.layout import Layout, ModuleLocation, python_files, walk_sources
from codemods.engine.names import Rename
from codemods.engine.runner import Changed, FileJob, Skipped, Unchanged, check_failures, run_codemod
from codemods.move.mirror import missing_packages
from codemods.symbols.definitions import Statement, read_module
from codemods.symbols.destination import drop_self_imports, merge, respell
from codemods.symbols.extract import extract
from codemods.symbols.locate import (
    Source,
    SymbolRequest,
    dest_path,
    file_of,
    imports_dest,
    locate_source,
    parse_symbols,
    read_source,
)
from codemods.symbols.order import definitions_first, dependency_order
from codemods.symbols.selection import Selection, select
from codemods.symbols.spec import RenameAll, SymbolSpec
from codemods.symbols.stubs import stub_sources

__all__ = ["SymbolPlan", "plan_symbols"]


@dataclass(frozen=True, kw_only=True)
class SymbolPlan(ChangePlan):
    """What a move-symbol would do: the renames, and what moved along or stayed tied."""

    renames: tuple[Rename, ...] = ()
    selections: tuple[Selection, ...] = ()
    notes: tuple[str, ...] = field(default=())


def _rename_in(
    tree: cst.Module,
    renames: tuple[Rename, ...],
    module: str,
    package: str,
    *,
    shorten: bool = True,
) -> cst.Module:
    context = CodemodContext(full_module_name=module, full_package_name=package)
    return RenameAll(context, renames, shorten=shorten).transform_module(tree)


def plan_symbols(request: SymbolRequest) -> SymbolPlan:
    """Everything `move-symbol` would change, computed without writing anything."""
    layout = Layout.detect(request.root, request.import_roots)
    files = python_files(layout.root)
    grouped = parse_symbols(request.symbols)
    sources = [locate_source(layout, m, names, files) for m, names in grouped.items()]
    target = dest_path(layout, request, sources)
    dest_package = request.dest if target.name == "__init__.py" else request.dest.rpartition(".")[0]
    pending = [s for s in sources if any(s.facts.defining(n) for n in s.names)]
    if not pending and target.is_file():
        dest_facts = read_module(read_source(target, layout.root)[1])
        if all(dest_facts.defining(n) for s in sources for n in s.names):
            message = f"Nothing to do: {', '.join(request.symbols)} already in '{request.dest}'."
            return SymbolPlan(root=layout.root, message=message, scanned=len(files))
    selections = [
        select(
            s.location.name,
            s.facts,
            s.names,
            with_names=tuple(n for n in request.with_names if s.facts.defining(n)),
            imports_dest=request.shim or imports_dest(s, request.dest),
        )
        for s in sources
    ]
    renames = tuple(
        Rename(f"{sel.module}.{n}", f"{request.dest}.{n}", symbol=True)
        for sel in selections
        for n in sel.names
    )
    arrival = Arrival(layout, target, request.dest, dest_package, renames)
    changes, notes = _move_into(arrival, sources, selections, request)
    notes.extend(n for sel in selections for n in _notes(sel, request.dest))
    stubs = stub_sources(sources)
    if stubs:
        stub_changes, stub_notes = _move_stubs(arrival, stubs, request)
        changes.extend(stub_changes)
        notes.extend(stub_notes)
    changes.extend(_new_packages(layout, request.dest, sources[0].location))
    skip = {c.old_path for c in changes if c.old_path is not None} | {target}
    stub_files = walk_sources(layout.root, (".pyi",))
    stars = tuple(
        (sel.module, exported)
        for source, sel in zip(sources, selections, strict=True)
        if (exported := _star_exported(source, sel))
    )
    others, review, parsed = _rewrite_others(
        layout, [*files, *stub_files], skip, renames, request.workers, stars
    )
    changes.extend(others)
    check_writable([c.old_path for c in changes if c.old_path is not None], layout.root)
    return SymbolPlan(
        root=layout.root,
        changes=tuple(changes),
        review=review,
        scanned=len(files),
        parsed=parsed + len(skip),
        renames=renames,
        selections=tuple(selections),
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class Arrival:
    """Where the moved code goes, and the renames every reference follows."""

    layout: Layout
    path: Path
    dest: str
    package: str
    renames: tuple[Rename, ...]

    def stub(self) -> Arrival:
        return Arrival(
            self.layout, self.path.with_suffix(".pyi"), self.dest, self.package, self.renames
        )


def _move_into(
    arrival: Arrival, sources: list[Source], selections: list[Selection], request: SymbolRequest
) -> tuple[list[FileChange], list[str]]:
    """Cut the selections out of their sources and land them in the destination."""
    order = dependency_order(sources, selections)
    sources, selections = [sources[i] for i in order], [selections[i] for i in order]
    changes: list[FileChange] = []
    fragments: list[tuple[cst.Module, int]] = []
    for source, selection in zip(sources, selections, strict=True):
        change, fragment = _cut(source, selection, request, arrival.renames, arrival.package)
        changes.append(change)
        fragments.append((fragment, len(selection.moved)))
    changes.append(_arrive(arrival, fragments, sources, selections))
    return changes, []


def _move_stubs(
    arrival: Arrival, stubs: list[Source], request: SymbolRequest
) -> tuple[list[FileChange], list[str]]:
    """The same move in the `.pyi` stubs beside the source modules."""
    stub = arrival.stub()
    if arrival.path.is_file() and not stub.path.is_file():
        listed = ", ".join(str(s.location.path.relative_to(arrival.layout.root)) for s in stubs)
        return [], [f"stubs left as they are ({listed}): {arrival.dest} has no .pyi stub"]
    selections = [select(s.location.name, s.facts, s.names, allow_ties=True) for s in stubs]
    return _move_into(stub, stubs, selections, request)


def _cut(
    source: Source,
    selection: Selection,
    request: SymbolRequest,
    renames: tuple[Rename, ...],
    dest_package: str,
) -> tuple[FileChange, cst.Module]:
    module = source.location.name
    shim_names = tuple(n for n in selection.names if not n.startswith("_")) if request.shim else ()
    extraction = extract(
        source.facts,
        selection,
        package=source.package,
        dest=request.dest,
        shim_names=shim_names,
        keep_imports=source.location.is_package,
    )
    tree = extraction.source
    if not request.shim:
        tree = remove_entries(
            tree, [n for n in selection.names if n in (source.facts.dunder_all or ())]
        )
    tree = _rename_in(tree, renames, module, source.package)
    fragment = _rename_in(extraction.fragment, renames, module, source.package, shorten=False)
    fragment = respell(fragment, package=source.package, dest_package=dest_package)
    path = file_of(source.location)
    text = tree.code if tree.body or tree.header or tree.footer else ""
    return FileChange(path, path, source.text, text), fragment


def _arrive(
    arrival: Arrival,
    fragments: list[tuple[cst.Module, int]],
    sources: list[Source],
    selections: list[Selection],
) -> FileChange:
    """The destination's new text, with the fragments merged in (or created from them)."""
    path, dest, dest_package = arrival.path, arrival.dest, arrival.package
    names = frozenset(n for sel in selections for n in sel.names)
    header: list[Statement] = []
    moved: list[Statement] = []
    for fragment, count in fragments:
        split = len(fragment.body) - count
        seen = {cst.Module([]).code_for_node(s) for s in header}
        header.extend(
            s for s in fragment.body[:split] if cst.Module([]).code_for_node(s) not in seen
        )
        moved.extend(fragment.body[split:])
    combined = drop_self_imports(
        cst.Module(body=[*header, *moved]), module=dest, package=dest_package, names=names
    )
    count = len(moved)
    combined = definitions_first(combined, count)
    exported = [
        n
        for s, sel in zip(sources, selections, strict=True)
        for n in sel.names
        if (n in s.facts.dunder_all if s.facts.dunder_all is not None else n in s.names)
    ]
    if path.is_file():
        old_text, tree = read_source(path, arrival.layout.root)
        tree = _rename_in(tree, arrival.renames, dest, dest_package, shorten=False)
        tree = drop_self_imports(tree, module=dest, package=dest_package, names=names)
        new_tree = merge(tree, combined, moved_count=count, exported=exported, dest_name=dest)
        return FileChange(path, path, old_text, new_tree.code)
    listed = [n for s in sources for n in exported if n in (s.facts.dunder_all or ())]
    new_tree = merge(None, combined, moved_count=count, exported=listed, dest_name=dest)
    return FileChange(None, path, "", new_tree.code)


def _new_packages(layout: Layout, dest: str, location: ModuleLocation) -> list[FileChange]:
    created = missing_packages(layout.home_for(dest, location), dest)
    return [FileChange(None, p, "", "") for p in created]


def _star_exported(source: Source, selection: Selection) -> tuple[str, ...]:
    """The moved names `from MODULE import *` gave its importers."""
    listed = source.facts.dunder_all
    if listed is not None:
        return tuple(n for n in selection.names if n in listed)
    return tuple(n for n in selection.names if not n.startswith("_"))


def _rewrite_others(
    layout: Layout,
    files: list[Path],
    skip: set[Path],
    renames: tuple[Rename, ...],
    workers: int | None,
    stars: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[list[FileChange], tuple[tuple[Path, StringHit], ...], int]:
    jobs = []
    for path in files:
        if path in skip:
            continue
        names = layout.module_of(path)
        module, package = names if names is not None else (None, None)
        jobs.append(FileJob(path, module, package))
    results = run_codemod(jobs, SymbolSpec(renames, stars), workers=workers)
    check_failures(results, layout.root)
    changes = [
        FileChange(r.path, r.path, r.old_text, r.new_text, r.imports_rewritten, r.strings_rewritten)
        for r in results
        if isinstance(r, Changed)
    ]
    review = tuple(
        (r.path, hit) for r in results if isinstance(r, Changed | Unchanged) for hit in r.review
    )
    return changes, review, sum(1 for r in results if not isinstance(r, Skipped))


def _notes(selection: Selection, dest: str) -> Iterable[str]:
    module = selection.module
    if selection.helpers:
        yield f"moved along (used only by the moved code): {', '.join(selection.helpers)}"
    if selection.needs_from_source:
        yield f"{dest} imports {', '.join(selection.needs_from_source)} from {module}"
    if selection.typing_from_source:
        names = ", ".join(selection.typing_from_source)
        yield f"{dest} imports {names} from {module} for annotations only (under TYPE_CHECKING)"
    if selection.source_uses:
        yield f"{module} imports {', '.join(selection.source_uses)} from {dest}"
