"""A cache of per-file scan results keyed by content hash, so a fresh checkout is warm.

Modification times change on every checkout; content does not. Entries also depend on the
set of modules in the package (an import `from a import b` resolves to `a.b` only if that
module exists), so the cache file is namespaced by a digest of that set.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from analyzer.ports import SolvedComponent

__all__ = ["CutCache", "ScanCache", "content_hash"]

# Bump when what a scan records, or how, changes: old entries are then ignored.
_FORMAT = 3


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ScanCache:
    """Entries for one package and module set; `None` directory means no caching."""

    def __init__(self, directory: Path | None, *, package: str, modules: list[str]) -> None:
        digest = hashlib.blake2b("\n".join(sorted(modules)).encode(), digest_size=8).hexdigest()
        self._prefix = f"{package}-"
        self._path = directory / f"{self._prefix}{digest}.json" if directory else None
        self._entries: dict[str, Any] = self._load()
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._path is None or not self._path.is_file():
            return {}
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    @property
    def empty(self) -> bool:
        """Nothing cached for this module set (or no caching): every file will be a miss."""
        return not self._entries

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
        payload = json.dumps({"format": _FORMAT, "entries": entries}, separators=(",", ":"))
        with contextlib.suppress(OSError):
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, self._path)
            # Files for an older module set of the same package will not be read again.
            for stale in self._path.parent.glob(f"{self._prefix}*.json"):
                if stale != self._path:
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
                kind=str(entry["kind"]),
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
        """Keep the cuts of this run only: components that changed are dropped."""
        self._cache.save(keep=self._used)
