"""Caches keyed by content, so a fresh checkout is warm: per-file scan results, the cut of
each component, and whole analyses.

Modification times change on every checkout; content does not. Scan entries also depend on
the set of modules in the package (an import `from a import b` resolves to `a.b` only if that
module exists), so their file is namespaced by a digest of that set. Every file records the
analyzer code and grimp release that wrote it (`code_version`); others are ignored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import importlib.util
import json
import os
import pickle
import re
import tempfile
from pathlib import Path
from typing import Any

from analyzer import model
from analyzer.model import Analysis
from analyzer.ports import SolvedComponent

__all__ = ["AnalysisCache", "CutCache", "ScanCache", "code_version", "content_hash"]

# Bump when the layout of a cache file changes. Entries written by other analyzer code, or
# with another grimp release, are ignored anyway (see `code_version`).
_FORMAT = 7


def content_hash(data: bytes) -> str:
    """128 bits of SHA-256: hardware-accelerated on current CPUs, faster than BLAKE2 there."""
    return hashlib.sha256(data).hexdigest()[:32]


class ScanCache:
    """Entries for one package and module set; `None` directory means no caching. The file is
    read on first use."""

    def __init__(self, directory: Path | None, *, package: str, modules: list[str]) -> None:
        digest = hashlib.blake2b("\n".join(sorted(modules)).encode(), digest_size=8).hexdigest()
        self._prefix = f"{package}-"
        self._path = directory / f"{self._prefix}{digest}.json" if directory else None
        self._loaded: dict[str, Any] | None = None
        self._dirty = False

    @property
    def _entries(self) -> dict[str, Any]:
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def _load(self) -> dict[str, Any]:
        if self._path is None or not self._path.is_file():
            return {}
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != code_version():
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    @property
    def empty(self) -> bool:
        """No cache file for this module set (or no caching): every file will be a miss.
        Answered without reading the file."""
        if self._loaded is not None:
            return not self._loaded
        return self._path is None or not self._path.is_file()

    def get(self, key: str) -> Any:
        return self._entries.get(key)

    def put(self, key: str, value: Any) -> None:
        self._entries[key] = value
        self._dirty = True

    def save(self, *, keep: set[str]) -> None:
        """Write the entries still in use, atomically; a cache that cannot be written is skipped."""
        if self._path is None or not (self._dirty or set(self._entries) - keep):
            return
        entries = {key: self._entries[key] for key in sorted(keep) if key in self._entries}
        payload = json.dumps({"format": code_version(), "entries": entries}, separators=(",", ":"))
        if _write_atomically(self._path, payload.encode()):
            # Files for an older module set of the same package will not be read again.
            for stale in self._path.parent.glob(f"{self._prefix}*.json"):
                if stale != self._path:
                    with contextlib.suppress(OSError):
                        stale.unlink()


class CutCache:
    """The cut found for each component of `package`'s graphs; implements the `CutStore` port.

    One file per analysed package, so targets analysed in turn keep each other's cuts.
    """

    def __init__(self, directory: Path | None, *, package: str) -> None:
        self._cache = ScanCache(directory, package=f"cuts.{package}", modules=[])
        self._used: set[str] = set()

    def get(self, key: str) -> SolvedComponent | None:
        entry = self._cache.get(key)
        try:
            solved = SolvedComponent(
                cut=tuple((a, b) for a, b in entry["cut"]),
                exact=bool(entry["exact"]),
                witness=tuple(entry["witness"]),
                cut_witnesses=tuple(tuple(ring) for ring in entry["cut_witnesses"]),
            )
        except (KeyError, TypeError, ValueError):
            return None  # absent, or written by another version
        self._used.add(key)
        return solved

    def put(self, key: str, solved: SolvedComponent) -> None:
        self._used.add(key)
        self._cache.put(key, dataclasses.asdict(solved))

    def save(self) -> None:
        """Keep the cuts of this run only: components that changed are dropped. A run that
        looked up nothing (its whole analysis was remembered) leaves the file as it is."""
        if self._used:
            self._cache.save(keep=self._used)


class AnalysisCache:
    """The last analysis of one target, keyed by a digest of its inputs; implements the
    `AnalysisStore` port.

    Pickled, behind a first line naming the key and the analyzer code that wrote it: loading
    Django's analysis takes ~7 ms where computing it again takes ~60 ms. Only the model's own
    classes are built on loading, so a cache restored from elsewhere cannot run code. The
    imports, most of it, are stored as rows of plain values (`_rows`): a third faster to
    write, half the size, and a fifth faster to read back.
    """

    def __init__(self, directory: Path | None, *, target: str) -> None:
        name = re.sub(r"[^\w.-]", "_", target)
        self._path = directory / f"analysis.{name}.pickle" if directory else None

    def get(self, key: str) -> Analysis | None:
        if self._path is None:
            return None
        try:
            with self._path.open("rb") as handle:
                if handle.readline() != self._header(key):
                    return None
                analysis, rows = _ModelUnpickler(handle).load()
            if not isinstance(analysis, Analysis):
                return None
            return dataclasses.replace(analysis, imports=_edges(rows))
        except Exception:  # absent, cut short, foreign or unreadable: analyse again
            return None

    def put(self, key: str, analysis: Analysis) -> None:
        if self._path is not None:
            stored = (dataclasses.replace(analysis, imports=()), _rows(analysis.imports))
            data = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
            _write_atomically(self._path, self._header(key) + data)

    @staticmethod
    def _header(key: str) -> bytes:
        return f"{code_version()} {key}\n".encode()


_Row = tuple[str, str, tuple[tuple[Any, ...], ...]]


def _rows(edges: tuple[model.Edge, ...]) -> list[_Row]:
    """Each edge as its modules and its sites' fields in order: tuples of strings, numbers
    and kinds pickle without an object, a dict and its keys each."""
    return [(e.importer, e.imported, tuple(map(model.site_order, e.sites))) for e in edges]


def _edges(rows: list[_Row]) -> tuple[model.Edge, ...]:
    """The edges of `_rows` again, equal to those stored; each site built as unpickling
    builds an object, its fields set without the frozen `__init__` (a fifth faster than
    unpickling the objects themselves)."""
    new, assign, site_type = object.__new__, object.__setattr__, model.ImportSite
    edges = []
    for importer, imported, values in rows:
        sites = []
        for a, b, file, line, text, kind, implicit in values:
            fields = {"importer": a, "imported": b, "file": file, "line": line, "text": text}
            fields["kind"], fields["implicit"] = kind, implicit
            assign(site := new(site_type), "__dict__", fields)
            sites.append(site)
        edges.append(model.Edge.of(importer, imported, tuple(sites)))
    return tuple(edges)


class _ModelUnpickler(pickle.Unpickler):
    """Builds nothing but the classes of `analyzer.model`."""

    def find_class(self, module: str, name: str) -> Any:
        found = getattr(model, name, None) if module == model.__name__ else None
        if not isinstance(found, type) or name not in model.__all__:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of an analysis")
        return found


def _write_atomically(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` whole or not at all; a cache that cannot be written is
    skipped (False)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


@functools.cache
def code_version() -> str:
    """What cached results depend on besides the user's files: the analyzer's own source and
    grimp's release, both by content (a fresh install in CI has new modification times)."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    base = Path(__file__).resolve().parent.parent
    for path in sorted([*base.glob("*.py"), *base.glob("adapters/*.py")]):
        digest.update(f"\n{path.relative_to(base)}\0".encode())
        digest.update(path.read_bytes())
    spec = importlib.util.find_spec("grimp")
    if spec is not None and spec.origin is not None:
        grimp = Path(spec.origin)
        digest.update(grimp.read_bytes())  # it declares grimp's version
        for extension in sorted(grimp.parent.glob("_rustgrimp*")):
            digest.update(f"\n{extension.name}\0{extension.stat().st_size}".encode())
    return digest.hexdigest()[:16]
