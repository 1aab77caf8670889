"""The multi-file runner: a cheap text prefilter, then the codemod on each candidate.

Every file gets a result (`Changed | Unchanged | Skipped | Failed`); a bad file never aborts
the run, and the caller decides what to write. Candidates are parsed in worker processes when
there are enough of them for the start-up cost to pay off.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import libcst as cst

from codemods.engine.changes import StringHit, lines_as_written
from codemods.engine.context import FileContext, FileNames
from codemods.engine.errors import FilesUnreadable

__all__ = [
    "Changed",
    "Failed",
    "FileCodemod",
    "FileJob",
    "FileRefused",
    "FileResult",
    "NothingToReport",
    "Skipped",
    "Spec",
    "Unchanged",
    "check_failures",
    "prefilter",
    "run_codemod",
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


class FileRefused(Exception):
    """A codemod cannot rewrite this file for a reason the user must hear (a `Failed` result),
    at `line` when one statement is the reason."""

    code = "codemod-refused"

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class FileCodemod(Protocol):
    """A libcst codemod the runner drives: prepared again for each file, then run on its tree."""

    imports_rewritten: int
    strings_rewritten: int

    def prepare(
        self, context: FileContext, *, new_package: str | None = None, source: str | None = None
    ) -> None: ...

    def transform_module(self, tree: cst.Module) -> cst.Module: ...

    @property
    def review_items(self) -> tuple[StringHit, ...]: ...

    @property
    def used_names(self) -> frozenset[str]: ...


class NothingToReport:
    """For a codemod that lists no strings for review and collects no names (a `FileCodemod`
    needs both)."""

    @property
    def review_items(self) -> tuple[StringHit, ...]:
        return ()

    @property
    def used_names(self) -> frozenset[str]:
        return frozenset()


class Spec(Protocol):
    """Which codemod to run and which files it may concern (hashable and picklable)."""

    def __hash__(self) -> int: ...

    def wants(self, data: bytes) -> bool: ...

    def make(self, context: FileContext) -> FileCodemod: ...


def prefilter(data: bytes, module: str) -> bool:
    """Can this file mention `module`? Its leaf name must appear, with its top package or a
    relative import (`from .`)."""
    parts = module.split(".")
    if not re.search(rb"\b" + re.escape(parts[-1].encode()) + rb"\b", data):
        return False
    top = re.escape(parts[0].encode())
    return bool(re.search(rb"\b" + top + rb"\b", data) or re.search(rb"from\s+\.", data))


_CODEMODS: dict[Spec, FileCodemod] = {}


def _codemod(spec: Spec, context: FileContext) -> FileCodemod:
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
    context = FileNames(
        filename=str(job.path), full_module_name=job.module, full_package_name=job.package
    )
    codemod = _codemod(spec, context)
    codemod.prepare(context, new_package=job.new_package, source=text)
    try:
        new_tree = codemod.transform_module(tree)
    except FileRefused as exc:
        return Failed(job.path, exc.code, str(exc), exc.line)
    except Exception as exc:  # a codemod bug in one file must not abort the others
        return Failed(job.path, "codemod-failed", f"{type(exc).__name__}: {exc}")
    review, used = codemod.review_items, codemod.used_names
    if new_tree is tree:  # a codemod that changed nothing may say so by handing `tree` back
        return Unchanged(job.path, text, review, used)
    new_text = new_tree.code  # generated once: it costs about as much as the rewrite
    if new_text == text:
        return Unchanged(job.path, text, review, used)
    counts = (codemod.imports_rewritten, codemod.strings_rewritten)
    # the review lines are counted in the file as it will be written, where its path points
    review = lines_as_written(review, text, new_text)
    return Changed(job.path, text, new_text, *counts, review, used)


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
        # imported here: multiprocessing costs a small move more than the pool it never starts
        from concurrent.futures import ProcessPoolExecutor

        batches = _balanced(candidates, sizes, min(len(candidates), workers * 4))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for results in pool.map(_transform_many, batches, [spec] * len(batches)):
                by_path.update((r.path, r) for r in results)
    else:
        by_path.update((j.path, _transform(j, spec)) for j in candidates)
    return [by_path.get(j.path) or Skipped(j.path, "does not mention the module") for j in jobs]


def check_failures(results: Iterable[FileResult], root: Path) -> None:
    """Raise `FilesUnreadable` naming every file that could not be read, parsed or rewritten:
    worded as unreadable only when no codemod refused a file it could read."""
    failed = [r for r in results if isinstance(r, Failed)]
    if not failed:
        return
    lines = [
        f"{r.path.relative_to(root)}:{r.line}: {r.message}"
        if r.line
        else f"{r.path.relative_to(root)}: {r.message}"
        for r in failed
    ]
    code = failed[0].code if len({r.code for r in failed}) == 1 else "unparsable-file"
    if all(r.code in _UNREADABLE for r in failed):
        raise FilesUnreadable(
            f"{len(failed)} file(s) that may need rewriting cannot be read: " + "; ".join(lines),
            hint="Fix these files (UTF-8, valid Python) and run again; nothing was written.",
            code=code,
        )
    raise FilesUnreadable(
        f"{len(failed)} file(s) cannot be rewritten: " + "; ".join(lines),
        hint="Each file says why; change what it names and run again. Nothing was written.",
        code=code if len({r.code for r in failed}) == 1 else "codemod-refused",
    )


_UNREADABLE = frozenset({"unreadable", "not-utf8", "syntax-error"})


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
