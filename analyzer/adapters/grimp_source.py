"""The graph source that scans a package with grimp and classifies each import's kind.

grimp parses the files (in Rust, in parallel) and resolves every import; we add what it does
not say: whether the statement runs at import time, inside a function, or only for type
checkers. Results are cached by file content, and grimp is loaded only when a file is not in
the cache (loading it costs about as much as a whole warm scan).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.adapters.cache import ScanCache, content_hash
from analyzer.adapters.dynamic import nearest_module
from analyzer.adapters.entries import cache_entry, text_facts
from analyzer.adapters.grimp_scan import found_by_grimp, grimp_imports, paths_of
from analyzer.adapters.packages import find_package_directory, module_paths, require_root
from analyzer.adapters.strings import masked_lines
from analyzer.adapters.textscan import top_level_definitions
from analyzer.adapters.unresolved import known_names
from analyzer.errors import UnreadableModule
from analyzer.model import Definition, ImportKind, ImportSite, site_order
from analyzer.ports import ScannedModule, ScannedPackage

if TYPE_CHECKING:
    import grimp
    from grimp.application.ports.modulefinder import FoundPackage
    from grimp.domain.valueobjects import DirectImport

__all__ = ["GrimpSource", "build_grimp_graph"]


class GrimpSource:
    """Scans packages found on disk under `root`; caches in `cache_dir` unless it is None.

    Each file is read once per instance (for `digest` and `scan` both): a new instance sees
    later edits.
    """

    def __init__(self, root: Path, *, cache_dir: Path | None = None) -> None:
        self.root = require_root(root)
        self._cache_dir = cache_dir
        self._prepared: dict[str, _Prepared] = {}
        # One worker: grimp itself runs on every core.
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._texts: dict[str, str] = {}
        self._data: dict[str, tuple[str, bytes]] = {}
        self._keys: dict[str, str] = {}
        self._files: dict[str, str] = {}

    def digest(self, package: str) -> str:
        """A digest of everything `scan(package)` reads: the root, and each module's name and
        content. The files are read once, for both."""
        paths = self._prepare(package).paths
        contents = self._contents(paths)
        digest = hashlib.sha256(str(self.root).encode())
        for name in sorted(contents):
            digest.update(f"\n{name}\0{self._files[name]}\0{contents[name]}".encode())
        return digest.hexdigest()

    def scan(self, package: str) -> ScannedPackage:
        top = package.split(".")[0]
        prepared = self._prepare(package)
        paths, cache = prepared.paths, prepared.cache
        modules: list[ScannedModule] = []
        sites: list[ImportSite] = []
        misses: dict[str, tuple[str, str]] = {}
        facts: dict[str, dict[str, Any]] = {}
        imports: dict[str, set[DirectImport]] = {}
        contents = self._contents(paths)
        for name, key in contents.items():
            entry = cache.get(key)
            if entry is None:
                misses[name] = (key, self._text(name))
            else:
                modules.append(self._module(name, entry))
                sites.extend(self._sites(name, entry, paths))
        if misses:
            scanning = prepared.everything or self._pool.submit(
                self._grimp_scan, top, prepared.found, paths, list(misses)
            )
            known = known_names(paths)
            facts = {
                name: text_facts(
                    name, text, is_package=self._files[name].endswith("__init__.py"), known=known
                )
                for name, (_, text) in misses.items()
            }
            imports = scanning.result()
        for name, (key, text) in misses.items():
            entry = cache_entry(text, facts[name], imports[name])
            cache.put(key, entry)
            modules.append(self._module(name, entry))
            sites.extend(self._sites(name, entry, paths))
        cache.save(keep=set(contents.values()))
        return ScannedPackage(
            root=str(self.root),
            package=top,
            modules=tuple(sorted(modules, key=_module_order)),
            sites=tuple(sorted(sites, key=site_order)),
        )

    def _prepare(self, package: str) -> _Prepared:
        """List the modules of `package`'s top-level package and open its cache. With nothing
        cached, every file goes to grimp: its scan starts at once, in a worker thread (it parses
        in Rust without holding the GIL), while the files are read and their text scanned here."""
        find_package_directory(self.root, package)
        top = package.split(".")[0]
        prepared = self._prepared.get(top)
        if prepared is None:
            found: FoundPackage | None = None
            paths = module_paths(self.root / top, top)
            if paths is None:  # a namespace package: grimp's finder knows their rules
                found = found_by_grimp(self.root, top)
                paths = paths_of(found)
            cache = ScanCache(self._cache_dir, package=top, modules=list(paths))
            everything = None
            if cache.empty:
                self._check_readable(paths.values())
                import grimp.application.scanning  # noqa: F401  (loaded here, not in the worker)

                everything = self._pool.submit(self._grimp_scan, top, found, paths, list(paths))
            prepared = self._prepared[top] = _Prepared(paths, found, cache, everything)
        return prepared

    def _contents(self, paths: dict[str, str]) -> dict[str, str]:
        """Each module's content hash, each file read once. Its text is decoded only when
        asked for (`_text`): a run whose analysis or scan is cached needs none of them (a
        file in a cache decoded when it was scanned)."""
        keys = self._keys
        for name, path in paths.items():
            if name not in keys:
                data = self._read(path)
                keys[name] = content_hash(data)
                self._data[name] = (path, data)
                self._files[name] = self._relative(path)
        return {name: keys[name] for name in paths}

    def _text(self, name: str) -> str:
        text = self._texts.get(name)
        if text is None:
            path, data = self._data.pop(name)
            text = self._texts[name] = self._decode(path, data)
        return text

    def definitions(self, modules: Iterable[str]) -> tuple[Definition, ...]:
        found: list[Definition] = []
        for module in modules:
            if module not in self._keys:
                continue
            text = self._text(module)
            for name, kind, line, lines in top_level_definitions(text, mask=masked_lines(text)):
                found.append(
                    Definition(module=module, name=name, kind=kind, line=line, lines=lines)
                )
        return tuple(sorted(found))

    def _check_readable(self, paths: Iterable[str]) -> None:
        """grimp aborts on a file it cannot open: say which one first, as an error."""
        for path in paths:
            if not os.access(path, os.R_OK):
                self._read(path)  # raises UnreadableModule with the reason

    def _read(self, path: str) -> bytes:
        """The file's bytes, read with the os calls themselves: no file object is built for
        each of thousands of files (a quarter faster than `open(path, "rb").read()`)."""
        try:
            fd = os.open(path, os.O_RDONLY)
            try:
                size = os.fstat(fd).st_size
                data = os.read(fd, size + 1)
                if len(data) != size:  # it changed since, or the read stopped short
                    chunks = [data]
                    while chunk := os.read(fd, 1 << 16):
                        chunks.append(chunk)
                    data = b"".join(chunks)
                return data
            finally:
                os.close(fd)
        except OSError as error:
            raise UnreadableModule(
                f"Cannot read {self._relative(path)} ({error.strerror or error}).",
                hint="Make the file readable, or move it out of the package.",
            ) from error

    def _decode(self, path: str, data: bytes) -> str:
        """The file's text; a file that is not UTF-8 stops the analysis as one that cannot be
        parsed does (grimp reads source as UTF-8, and a graph without it could hide a cycle)."""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise UnreadableModule(
                f"{self._relative(path)}:{line}: not UTF-8 (byte {data[error.start]:#04x}).",
                hint="Save the file as UTF-8 (what Python reads by default), or move it out of "
                "the package.",
                code="not-utf8",
            ) from error

    def _grimp_scan(
        self, top: str, found: FoundPackage | None, paths: dict[str, str], names: list[str]
    ) -> dict[str, set[DirectImport]]:
        return grimp_imports(self.root, top, found, paths, names, relative=self._relative)

    def _module(self, name: str, entry: dict[str, Any]) -> ScannedModule:
        reexports = entry.get("reexports")
        file = self._files[name]
        return ScannedModule(
            name=name,
            file=file,
            lines=int(entry["lines"]),
            is_package=file.endswith("__init__.py"),
            reexports_from=tuple(reexports) if reexports else None,
        )

    def _sites(self, name: str, entry: dict[str, Any], modules: dict[str, str]) -> list[ImportSite]:
        """The module's imports: grimp's, then the literal dynamic ones and those from a
        submodule without source (compiled, or missing), each to the nearest module of the
        package it names."""
        file = self._files[name]
        site, kinds = ImportSite.of, _KINDS
        sites = [
            site(name, imported, file, line, text, kinds[kind])
            for imported, line, text, kind in entry["imports"]
        ]
        for target, line, text, kind in entry["nearest"]:
            imported = nearest_module(target, modules)
            if imported is not None and imported != name:
                sites.append(site(name, imported, file, line, text, kinds[kind]))
        return sites

    def _relative(self, path: str) -> str:
        prefix = str(self.root) + os.sep
        relative = path[len(prefix) :] if path.startswith(prefix) else path
        return relative.replace(os.sep, "/")


@dataclass
class _Prepared:
    """A package's modules and cache, and grimp's scan of every file when it started early."""

    paths: dict[str, str]
    found: FoundPackage | None
    cache: ScanCache
    everything: Future[dict[str, set[DirectImport]]] | None


# A kind by its value, as the cache stores it: a lookup, not a call of the enum.
_KINDS = {kind.value: kind for kind in ImportKind}


def _module_order(module: ScannedModule) -> str:
    return module.name


def build_grimp_graph(root: Path, package: str) -> grimp.ImportGraph:
    """A grimp graph of the top-level package of `package`, found on disk under `root`.

    For grimp's own queries (layers, chains); built from the same scan as the analysis.
    """
    import grimp

    source = GrimpSource(root)
    scanned = source.scan(package)
    graph = grimp.ImportGraph()
    for module in scanned.modules:
        graph.add_module(module.name)
    for site in scanned.sites:
        graph.add_import(
            importer=site.importer,
            imported=site.imported,
            line_number=site.line,
            line_contents=site.text,
        )
    return graph
