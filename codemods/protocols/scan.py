"""Scan: the dependents of CLASS inside the packages searched, and how each one uses it."""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper

from codemods.engine.names import is_within
from codemods.engine.runner import PARALLEL_BYTES, PARALLEL_THRESHOLD, Failed, check_failures
from codemods.protocols.bindings import ClassRef, module_bindings
from codemods.protocols.chains import Chained, chained_members
from codemods.protocols.errors import ClassNeeded
from codemods.protocols.imports import ImportSite, import_sites
from codemods.protocols.locate import Located
from codemods.protocols.request import ProtocolRequest
from codemods.protocols.usage import Usage, UsageScan

__all__ = ["Dependent", "Scan", "scan_dependents"]


@dataclass(frozen=True)
class Dependent:
    """A module that refers to CLASS: its usage, and its imports of MODULE as they are."""

    path: Path
    module: str
    package: str
    usage: Usage
    imports: tuple[ImportSite, ...]


@dataclass(frozen=True)
class Scan:
    """The dependents found, and how many files were parsed to find them."""

    dependents: tuple[Dependent, ...]
    parsed: int
    chained: Chained = field(default_factory=Chained)


def _is_test(path: Path, root: Path) -> bool:
    """Tests build CLASS to exercise it: they are not dependents to re-type."""
    name = path.name
    return (
        name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or any(part in {"tests", "test"} for part in path.relative_to(root).parent.parts)
    )


def _in_scope(request: ProtocolRequest, located: Located) -> list[tuple[Path, str, str]]:
    """The modules of the packages searched (not MODULE, not DEST, no tests)."""
    found = []
    for path in located.files:
        if path in (located.source_path, located.dest_path) or _is_test(path, located.layout.root):
            continue
        names = located.layout.module_of(path)
        if names is not None and any(is_within(names[0], p) for p in request.scope):
            found.append((path, *names))
    return found


def _candidates(
    modules: list[tuple[Path, str, str]], located: Located
) -> list[tuple[Path, str, str]]:
    spelled = sorted({located.ref.name, *(n for _, n in located.ref.reexports)})
    word = re.compile(rb"\b(" + b"|".join(re.escape(n.encode()) for n in spelled) + rb")\b")
    found = []
    for path, *names in modules:
        try:
            wanted = bool(word.search(path.read_bytes()))
        except OSError:
            wanted = True  # the scan reports it
        if wanted:
            found.append((path, names[0], names[1]))
    return found


def _scan(path: Path, module: str, package: str, ref: ClassRef) -> Dependent | Failed:
    try:
        tree = cst.parse_module(path.read_text(encoding="utf-8"))
    except cst.ParserSyntaxError as exc:
        return Failed(path, "syntax-error", exc.message, exc.raw_line)
    except (OSError, UnicodeDecodeError) as exc:
        return Failed(path, "unreadable", str(exc))
    ref = ref.spelled_in(module_bindings(tree, module, package))
    visitor = UsageScan(ref, package)
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)  # scopes resolved once
    wrapper.visit(visitor)
    sites = import_sites(wrapper, ref, package)
    return Dependent(path, module, package, visitor.usage(), sites)


def _scan_all(
    candidates: list[tuple[Path, str, str]], ref: ClassRef, workers: int | None
) -> list[Dependent | Failed]:
    """Each candidate scanned, in worker processes when there are enough of them (the
    runner's thresholds: scope analysis of a large module takes a good part of a second)."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    size = sum(p.stat().st_size for p, _, _ in candidates if p.is_file())
    if workers < 2 or (len(candidates) < PARALLEL_THRESHOLD and size < PARALLEL_BYTES):
        return [_scan(path, module, package, ref) for path, module, package in candidates]
    columns = [list(column) for column in zip(*candidates, strict=True)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_scan, *columns, [ref] * len(candidates)))


def _refuse(dependents: list[Dependent], root: Path, name: str) -> None:
    sites = [(d, r) for d in dependents for r in d.usage.refusals]
    if not sites:
        return
    shown = "; ".join(f"{d.path.relative_to(root)}:{r.line}: {r.reason}" for d, r in sites)
    raise ClassNeeded(
        f"{len(sites)} use(s) of {name} a protocol cannot stand in for: {shown}.",
        hint=f"Change those uses first (build {name} in a module outside the packages searched, "
        "or pass it in), or narrow the search; nothing was written.",
        code=sites[0][1].code,
    )


def scan_dependents(request: ProtocolRequest, located: Located) -> Scan:
    """Every module of the packages searched that uses CLASS; raises when one needs CLASS
    itself (instantiates it, subclasses it, ...) or cannot be parsed."""
    modules = _in_scope(request, located)
    results = _scan_all(_candidates(modules, located), located.ref, request.workers)
    check_failures([r for r in results if isinstance(r, Failed)], located.layout.root)
    dependents = [r for r in results if isinstance(r, Dependent)]
    _refuse(dependents, located.layout.root, request.class_name)
    typed = tuple(d for d in dependents if d.usage.type_uses)
    producers = {p for d in typed for p in d.usage.producers}
    chained = chained_members([path for path, _, _ in modules], producers)
    return Scan(typed, len(results), chained)
