"""The remove-shim use case: check MODULE is a pure re-export, re-point its importers, delete it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from codemods.engine.apply import apply_changes, recovered_first
from codemods.engine.changes import ChangePlan, FileChange, check_writable
from codemods.engine.context import FileContext
from codemods.engine.errors import FilesUnreadable, NotAShim
from codemods.engine.layout import Layout, ModuleLocation, python_files
from codemods.engine.names import check_dotted
from codemods.engine.outcome import Outcome, check_clean, outcome_of
from codemods.engine.runner import (
    Changed,
    FileCodemod,
    FileJob,
    Skipped,
    check_failures,
    prefilter,
    run_codemod,
)
from codemods.shims.shim import Shim, public_names, read_shim
from codemods.shims.unshim import RemoveShimCodemod

__all__ = ["ShimRequest", "ShimSpec", "remove_shim_module"]


@dataclass(frozen=True)
class ShimSpec:
    """Run `RemoveShimCodemod` for the shim `module` and the real `homes` of its names."""

    module: str
    homes: tuple[tuple[str, tuple[str, str]], ...]

    def wants(self, data: bytes) -> bool:
        return prefilter(data, self.module)

    def make(self, context: FileContext) -> FileCodemod:
        return RemoveShimCodemod(context, self.module, dict(self.homes))


@dataclass(frozen=True)
class ShimRequest:
    root: Path
    module: str
    import_roots: tuple[Path, ...] = ()
    workers: int | None = None


def _shim_file(layout: Layout, module: str, files: list[Path]) -> ModuleLocation:
    found = layout.require(module, files)
    if found.is_package:
        others = [p for p in found.path.rglob("*.py") if p.name != "__init__.py"]
        if others:
            raise NotAShim(
                f"'{module}' is a package with modules of its own ({others[0].name}, ...).",
                hint="Only a module (or a package's lone __init__.py) that re-exports can go.",
            )
    return found


def _read(layout: Layout, location: ModuleLocation) -> Shim:
    path = location.path / "__init__.py" if location.is_package else location.path
    package = location.name if location.is_package else location.name.rpartition(".")[0]
    try:
        tree = cst.parse_module(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, cst.ParserSyntaxError) as exc:
        raise FilesUnreadable(f"Cannot parse {path}: {exc}", hint="Fix the file first.") from exc
    shim = read_shim(location.name, package, tree)
    if shim.own:
        raise NotAShim(
            f"'{location.name}' is not a pure shim: it defines {', '.join(shim.own[:5])}.",
            hint="Move those definitions to their real home first (codemod move), then retry.",
        )
    homes = dict(shim.homes)
    for star in shim.stars:
        target = layout.locate(star)
        if target is None:
            continue
        star_path = target.path / "__init__.py" if target.is_package else target.path
        for name in public_names(cst.parse_module(star_path.read_text(encoding="utf-8"))):
            homes.setdefault(name, (star, name))
    homes.pop("__all__", None)
    if not homes:
        raise NotAShim(f"'{location.name}' re-exports nothing.", hint="Delete it by hand.")
    return Shim(shim.module, homes, shim.stars, shim.own)


def plan_remove_shim(request: ShimRequest) -> ChangePlan:
    """What removing the shim would change, and the shim's file."""
    check_dotted(request.module, what="MODULE")
    layout = Layout.detect(request.root, request.import_roots)
    files = python_files(layout.root)
    location = _shim_file(layout, request.module, files)
    shim = _read(layout, location)
    shim_path = location.path / "__init__.py" if location.is_package else location.path
    jobs = []
    for path in files:
        if path == shim_path:
            continue
        names = layout.module_of(path)
        module, package = names if names is not None else (None, None)
        jobs.append(FileJob(path, module, package))
    spec = ShimSpec(request.module, tuple(sorted(shim.homes.items())))
    results = run_codemod(jobs, spec, workers=request.workers)
    check_failures(results, layout.root)
    changes = [
        FileChange(r.path, r.path, r.old_text, r.new_text, r.imports_rewritten, r.strings_rewritten)
        for r in results
        if isinstance(r, Changed)
    ]
    shim_text = shim_path.read_text(encoding="utf-8")
    changes.append(FileChange(shim_path, None, shim_text, ""))
    check_writable([c.old_path for c in changes if c.old_path is not None], layout.root)
    return ChangePlan(
        root=layout.root,
        changes=tuple(changes),
        scanned=len(files),
        parsed=sum(1 for r in results if not isinstance(r, Skipped)),
    )


def remove_shim_module(
    request: ShimRequest, *, apply: bool = False, allow_dirty: bool = False
) -> Outcome:
    """Re-point every importer of the shim at the real homes and delete it (dry run by default)."""
    with recovered_first(request.root.resolve()) as notes:
        plan = plan_remove_shim(request)
        if apply:
            check_clean(plan.root, allow_dirty=allow_dirty)
            apply_changes(plan.change_set())
    return outcome_of(f"remove-shim {request.module}", plan, applied=apply, notes=notes)
