"""The multi-file runner: a cheap text prefilter, then the codemod on each candidate.

Every file gets a result (`Changed | Unchanged | Skipped | Failed`); a bad file never aborts
the run, and the caller decides what to write. Candidates are parsed in worker processes when
there are enough of them for the start-up cost to pay off.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import libcst as cst
from libcst.codemod import CodemodContext

from codemods.move import MoveModuleCodemod
from codemods.names import Rename
from codemods.references import StringHit
from codemods.unshim import MissingNames, RemoveShimCodemod

__all__ = [
    "Changed",
    "Failed",
    "FileJob",
    "FileResult",
    "MoveSpec",
    "ShimSpec",
    "Skipped",
    "Unchanged",
    "prefilter",
    "run_codemod",
    "run_move",
]

# Below this many candidates (or bytes of them), starting worker processes costs more than it
# saves: measured by tests/benchmarks/bench_codemods.py and on click's large modules.
PARALLEL_THRESHOLD = 48
PARALLEL_BYTES = 256 * 1024


@dataclass(frozen=True)
class FileJob:
    """One file to run the move codemod on, with its module names before and after."""

    path: Path
    module: str | None
    package: str | None
    new_package: str | None = None
    always: bool = False  # moved files are rewritten even when the prefilter finds nothing


@dataclass(frozen=True)
class Changed:
    path: Path
    old_text: str
    new_text: str
    imports_rewritten: int
    strings_rewritten: int
    review: tuple[StringHit, ...]
    used_names: frozenset[str]


@dataclass(frozen=True)
class Unchanged:
    path: Path
    text: str
    review: tuple[StringHit, ...]
    used_names: frozenset[str]


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


@dataclass(frozen=True)
class Failed:
    path: Path
    code: str
    message: str
    line: int | None = None


FileResult = Changed | Unchanged | Skipped | Failed


@dataclass(frozen=True)
class MoveSpec:
    """Run `MoveModuleCodemod` for `rename` (picklable, for worker processes)."""

    rename: Rename

    def wants(self, data: bytes) -> bool:
        return prefilter(data, self.rename.old)

    def make(self, context: CodemodContext) -> MoveModuleCodemod | RemoveShimCodemod:
        return MoveModuleCodemod(context, self.rename)


@dataclass(frozen=True)
class ShimSpec:
    """Run `RemoveShimCodemod` for the shim `module` and the real `homes` of its names."""

    module: str
    homes: tuple[tuple[str, tuple[str, str]], ...]

    def wants(self, data: bytes) -> bool:
        return prefilter(data, self.module)

    def make(self, context: CodemodContext) -> MoveModuleCodemod | RemoveShimCodemod:
        return RemoveShimCodemod(context, self.module, dict(self.homes))


Spec = MoveSpec | ShimSpec


def prefilter(data: bytes, module: str) -> bool:
    """Can this file mention `module`? Its leaf name must appear, with its top package or a
    relative import (`from .`)."""
    parts = module.split(".")
    if not re.search(rb"\b" + re.escape(parts[-1].encode()) + rb"\b", data):
        return False
    top = re.escape(parts[0].encode())
    return bool(re.search(rb"\b" + top + rb"\b", data) or re.search(rb"from\s+\.", data))


_CODEMODS: dict[Spec, MoveModuleCodemod | RemoveShimCodemod] = {}


def _codemod(spec: Spec, context: CodemodContext) -> MoveModuleCodemod | RemoveShimCodemod:
    """One codemod instance per spec and process, prepared again for each file."""
    if spec not in _CODEMODS:
        _CODEMODS.clear()
        _CODEMODS[spec] = spec.make(context)
    return _CODEMODS[spec]


def _parse(job: FileJob, spec: Spec) -> tuple[str, cst.Module] | Skipped | Failed:
    """The file's text and tree, or why there is none."""
    try:
        data = job.path.read_bytes()
    except OSError as exc:
        return Failed(job.path, "unreadable", str(exc))
    if not job.always and not spec.wants(data):
        return Skipped(job.path, "does not mention the module")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failed(job.path, "not-utf8", f"not UTF-8 (byte {exc.start})")
    try:
        return text, cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        return Failed(job.path, "syntax-error", exc.message, exc.raw_line)


def _transform(job: FileJob, spec: Spec) -> FileResult:
    parsed = _parse(job, spec)
    if isinstance(parsed, Skipped | Failed):
        return parsed
    text, tree = parsed
    context = CodemodContext(
        filename=str(job.path), full_module_name=job.module, full_package_name=job.package
    )
    codemod = _codemod(spec, context)
    codemod.prepare(context, new_package=job.new_package, source=text)
    try:
        new_tree = codemod.transform_module(tree)
    except MissingNames as exc:
        return Failed(job.path, "shim-name-missing", f"uses {exc} which the shim does not provide")
    except Exception as exc:  # a codemod bug in one file must not abort the others
        return Failed(job.path, "codemod-failed", f"{type(exc).__name__}: {exc}")
    review: tuple[StringHit, ...] = ()
    used: frozenset[str] = frozenset()
    if isinstance(codemod, MoveModuleCodemod):
        review, used = tuple(codemod.review), frozenset(codemod.scan.used_names)
    if new_tree.code == text:
        return Unchanged(job.path, text, review, used)
    counts = (codemod.imports_rewritten, codemod.strings_rewritten)
    return Changed(job.path, text, new_tree.code, *counts, review, used)


def _transform_many(batch: list[FileJob], spec: Spec) -> list[FileResult]:
    return [_transform(job, spec) for job in batch]


def run_codemod(
    jobs: Iterable[FileJob], spec: Spec, *, workers: int | None = None
) -> list[FileResult]:
    """Run the codemod of `spec` over `jobs`: one result per job, in the same order."""
    jobs = list(jobs)
    sizes = {j.path: _candidate_size(j, spec) for j in jobs}
    candidates = [j for j in jobs if sizes[j.path] is not None]
    total = sum(sizes[j.path] or 0 for j in candidates)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    by_path: dict[Path, FileResult] = {}
    if workers > 1 and (len(candidates) >= PARALLEL_THRESHOLD or total >= PARALLEL_BYTES):
        batches = _balanced(candidates, sizes, min(len(candidates), workers * 4))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for results in pool.map(_transform_many, batches, [spec] * len(batches)):
                by_path.update((r.path, r) for r in results)
    else:
        by_path.update((j.path, _transform(j, spec)) for j in candidates)
    return [by_path.get(j.path) or Skipped(j.path, "does not mention the module") for j in jobs]


def run_move(
    jobs: Iterable[FileJob], rename: Rename, *, workers: int | None = None
) -> list[FileResult]:
    """Run the move codemod over `jobs`: one result per job, in the same order."""
    return run_codemod(jobs, MoveSpec(rename), workers=workers)


def _candidate_size(job: FileJob, spec: Spec) -> int | None:
    """The size of a file the codemod must run on, None for one the prefilter rules out."""
    try:
        data = job.path.read_bytes()
    except OSError:
        return 0  # let the transform report it
    return len(data) if job.always or spec.wants(data) else None


def _balanced(
    jobs: list[FileJob], sizes: dict[Path, int | None], count: int
) -> list[list[FileJob]]:
    """`count` batches of about the same number of bytes, largest files first."""
    batches: list[list[FileJob]] = [[] for _ in range(count)]
    loads = [0] * count
    for job in sorted(jobs, key=lambda j: sizes[j.path] or 0, reverse=True):
        lightest = loads.index(min(loads))
        batches[lightest].append(job)
        loads[lightest] += sizes[job.path] or 1
    return [b for b in batches if b]
