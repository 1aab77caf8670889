"""The move use case: validate, find what moves, run the codemod, and say what would change."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from codemods.engine.apply import FileMove
from codemods.engine.changes import ChangePlan, FileChange, TextHit, check_writable
from codemods.engine.errors import (
    OutsideRoots,
    TargetExists,
    TargetInsideSource,
)
from codemods.engine.import_order import read_import_order
from codemods.engine.layout import Layout, ModuleLocation, walk_sources
from codemods.engine.names import Rename, check_dotted, is_within, resolve_relative
from codemods.engine.runner import (
    Changed,
    FileJob,
    FileResult,
    Skipped,
    Unchanged,
    check_failures,
)
from codemods.move.mirror import (
    mirrored_test_packages,
    mirrored_tests,
    missing_packages,
    moved_files,
)
from codemods.move.spec import run_move
from codemods.move.textrefs import find_text_hits, rewrite_text
from codemods.shims.shim import shim_text

__all__ = ["MovePlan", "MoveRequest", "plan_move"]


@dataclass(frozen=True)
class MoveRequest:
    root: Path
    old: str
    new: str
    import_roots: tuple[Path, ...] = ()
    shim: bool = False
    include_text: bool = False
    workers: int | None = None


@dataclass(frozen=True, kw_only=True)
class MovePlan(ChangePlan):
    """What a move would do: the rename, and the names importers take from OLD (for a shim)."""

    rename: Rename
    used_names: frozenset[str] = field(default_factory=frozenset)


def _validate(request: MoveRequest, layout: Layout, files: list[Path]) -> ModuleLocation | None:
    """OLD's location, or None when the move is already done; raises on bad input."""
    if not layout.root.is_dir():
        raise OutsideRoots(
            f"The root {layout.root} is not a directory.",
            hint="Pass --root the repository to change.",
            code="root-not-found",
        )
    for import_root in layout.import_roots:
        if not import_root.is_relative_to(layout.root):
            raise OutsideRoots(
                f"Import root {import_root} is outside the repository root {layout.root}.",
                hint="Pass an --import-root inside --root, or a --root that contains it.",
            )
    if request.new == request.old or is_within(request.new, request.old):
        raise TargetInsideSource(
            f"'{request.new}' is inside '{request.old}': a module cannot move into itself.",
            hint="Choose a NEW outside OLD.",
        )
    source = layout.locate(request.old)
    target = layout.locate(request.new)
    if source is None:
        if target is not None:
            return None
        raise layout.not_found(request.old, files)
    _check_target(request, layout, target)
    return source


def _check_target(request: MoveRequest, layout: Layout, target: ModuleLocation | None) -> None:
    """Refuse a NEW that exists, or whose parent is a module rather than a package."""
    if target is not None:
        raise TargetExists(
            f"'{request.new}' already exists at {target.path}.",
            hint="Pick a new name, or move the existing module away first.",
        )
    parts = request.new.split(".")
    for depth in range(1, len(parts)):
        parent = layout.locate(".".join(parts[:depth]))
        if parent is not None and not parent.is_package:
            raise TargetExists(
                f"'{parent.name}' is a module ({parent.path.name}), so '{request.new}' cannot "
                "live inside it.",
                hint="Choose a NEW whose parents are packages (or do not exist yet).",
                code="parent-is-module",
            )


def _target_path(layout: Layout, source: ModuleLocation, new: str) -> Path:
    home = layout.home_for(new, source)
    path = home.joinpath(*new.split("."))
    if not source.is_package:
        path = path.with_suffix(".py")
    if path.exists():
        raise TargetExists(f"'{path}' already exists.", hint="Pick a new name.")
    return path


def _jobs(layout: Layout, files: list[Path], moves: dict[Path, Path], old: str) -> list[FileJob]:
    """One job per file; moved files, and the `__init__` of OLD's package (its `__all__` may
    name OLD without any import of it), are always run."""
    parent = old.rpartition(".")[0]
    jobs = []
    for path in files:
        names = layout.module_of(path)
        module, package = names if names is not None else (None, None)
        target = moves.get(path)
        new_package = None
        if target is not None:
            new_names = layout.module_of(target)
            new_package = new_names[1] if new_names is not None else None
        always = target is not None or (bool(parent) and names == (parent, parent))
        jobs.append(FileJob(path, module, package, new_package, always=always))
    return jobs


def parent_rebinds(layout: Layout, old: str) -> bool:
    """Does OLD's parent package bind OLD's leaf name to something else than the module
    (`from .mod import mod`, `def mod(): ...`)? Then `parent.mod` is never the module."""
    parent, _, leaf = old.rpartition(".")
    location = layout.locate(parent) if parent else None
    if location is None or not location.is_package:
        return False
    try:
        tree = cst.parse_module((location.path / "__init__.py").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
        return False
    for statement in tree.body:
        if isinstance(statement, cst.FunctionDef | cst.ClassDef) and statement.name.value == leaf:
            return True
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                source = resolve_relative(parent, len(small.relative), _dotted(small.module))
                source = source if small.relative else _dotted(small.module)
                bound = {str(a.evaluated_alias or a.evaluated_name) for a in small.names}
                if leaf in bound and source != parent:
                    return True
            if isinstance(small, cst.Assign) and any(
                isinstance(t.target, cst.Name) and t.target.value == leaf for t in small.targets
            ):
                return True
    return False


def _dotted(node: cst.BaseExpression | None) -> str | None:
    return cst.Module([]).code_for_node(node) if node is not None else None


def plan_move(request: MoveRequest) -> MovePlan:
    """Everything `move OLD NEW` would change, computed without writing anything."""
    check_dotted(request.old, what="OLD")
    check_dotted(request.new, what="NEW")
    layout = Layout.detect(request.root, request.import_roots)
    rename = Rename(request.old, request.new)
    sources = walk_sources(layout.root, (".py", ".pyi"))
    files = [path for path in sources if path.suffix == ".py"]
    source = _validate(request, layout, files)
    if source is None:
        message = f"Nothing to do: '{request.old}' is already at '{request.new}'."
        return MovePlan(rename=rename, root=layout.root, message=message, scanned=len(sources))
    target = _target_path(layout, source, request.new)
    moves = moved_files(source, target)
    tests = mirrored_tests(layout.root, files, request.old, request.new)
    moved = {m.source: m.target for m in [*moves, *tests]}
    jobs = _jobs(layout, sources, moved, request.old)  # stubs (.pyi) are rewritten too
    rebinds = parent_rebinds(layout, request.old)
    order = read_import_order(layout.root)
    results = run_move(
        jobs,
        rename,
        workers=request.workers,
        keep_chains=rebinds,
        order=order,
        names=request.shim,  # only a shim needs the names importers use through OLD
    )
    check_failures(results, layout.root)
    used = frozenset().union(*(r.used_names for r in results if isinstance(r, Changed | Unchanged)))
    changes = _changes(results, moved) + _new_files(request, layout, source, tests, used)
    text_hits = find_text_hits(layout.root, rename)
    if request.include_text:
        changes += _text_changes(text_hits, rename)
    check_writable([c.old_path for c in changes if c.old_path is not None], layout.root)
    return MovePlan(
        rename=rename,
        root=layout.root,
        changes=tuple(changes),
        moves=tuple(moves),
        tests_moved=tuple(tests),
        review=tuple(  # named where the file is after the move
            (moved.get(r.path, r.path), hit)
            for r in results
            if isinstance(r, Changed | Unchanged)
            for hit in r.review
        ),
        text_hits=tuple(text_hits),
        used_names=used,
        scanned=len(sources),
        parsed=sum(1 for r in results if not isinstance(r, Skipped)),
    )


def _new_init_text(path: Path, root: Path) -> str:
    """A new package's `__init__.py`: empty, or an empty `__all__` where the nearest existing
    parent package declares one (a project whose packages all name their public names)."""
    for directory in path.parents[1:]:
        if not directory.is_relative_to(root):
            break
        init = directory / "__init__.py"
        if init.is_file():
            text = init.read_text(encoding="utf-8", errors="replace")
            return "__all__: list[str] = []\n" if "__all__" in text else ""
    return ""


def _new_files(
    request: MoveRequest,
    layout: Layout,
    source: ModuleLocation,
    tests: list[FileMove],
    used: frozenset[str],
) -> list[FileChange]:
    """The packages to create, and the shim left at OLD when asked for."""
    created = [
        *missing_packages(layout.home_for(request.new, source), request.new),
        *mirrored_test_packages(tests),
    ]
    changes = [FileChange(None, p, "", _new_init_text(p, layout.root)) for p in created]
    if request.shim:
        # The shim takes OLD's place; OLD's file is still there to read its public names from.
        old_file = source.path / "__init__.py" if source.is_package else source.path
        text = shim_text(Rename(request.old, request.new), old_file, used)
        changes.append(FileChange(None, old_file, "", text))
    return changes


def _changes(results: list[FileResult], moved: dict[Path, Path]) -> list[FileChange]:
    changes = []
    for result in results:
        target = moved.get(result.path, result.path)
        if isinstance(result, Changed):
            changes.append(
                FileChange(
                    result.path,
                    target,
                    result.old_text,
                    result.new_text,
                    result.imports_rewritten,
                    result.strings_rewritten,
                )
            )
        elif isinstance(result, Unchanged) and target != result.path:
            changes.append(FileChange(result.path, target, result.text, result.text))
    moved_results = {r.path for r in results if isinstance(r, Changed | Unchanged)}
    for source, target in moved.items():
        if source not in moved_results:  # data files of a moved package, or skipped files
            text = (
                source.read_text(encoding="utf-8", errors="surrogateescape")
                if source.suffix == ".py"
                else ""
            )
            changes.append(FileChange(source, target, text, text))
    return changes


def _text_changes(hits: list[TextHit], rename: Rename) -> list[FileChange]:
    changes = []
    for path in sorted({h.path for h in hits}):
        text = path.read_text(encoding="utf-8")
        changes.append(FileChange(path, path, text, rewrite_text(text, rename)))
    return changes
