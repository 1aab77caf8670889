"""What the scan cache keeps of one file: the facts its text alone tells, and grimp's imports,
each with its kind.

An entry is plain JSON data (lists and numbers), so the cache file loads fast and restores on
any machine; `GrimpSource` turns entries into modules and import sites.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from analyzer.adapters.dynamic import dynamic_sites
from analyzer.adapters.kinds import classify_import_lines, classify_indented, indented_imports
from analyzer.adapters.textscan import reexport_sources
from analyzer.adapters.unresolved import unresolved_imports
from analyzer.model import ImportKind

if TYPE_CHECKING:
    from grimp.domain.valueobjects import DirectImport

__all__ = ["cache_entry", "text_facts"]


def text_facts(name: str, text: str, *, is_package: bool, known: Collection[str]) -> dict[str, Any]:
    """What the text of module `name` alone tells: its lines, whether it is a shim, the
    literal dynamic imports, the imports of submodules without source (not among `known`),
    and the kind of every indented statement that looks like an import (grimp says which
    ones are)."""
    froms: list[tuple[int, str]] = []
    indented = indented_imports(text, froms=froms)
    return {
        "kinds": classify_indented(text, indented),
        "lines": text.count("\n") + (0 if text.endswith("\n") or not text else 1),
        "reexports": None if is_package else _reexports(name, text),
        # Edges to the nearest module of what they name: literal dynamic imports, and
        # statements importing from a submodule without source.
        "nearest": dynamic_sites(name, text, is_package=is_package)
        + unresolved_imports(name, text, froms, is_package=is_package, known=known),
    }


def cache_entry(text: str, facts: dict[str, Any], direct: set[DirectImport]) -> dict[str, Any]:
    """The cache entry of one file: its text facts and grimp's imports, each with its kind."""
    kinds = facts["kinds"]
    # A statement that starts its line and is not among the indented ones is at column 0;
    # the others share their line (`if x: import y`), or are continued before their
    # `import` (`from x \`), and need a look.
    unseen = {
        imp.line_number
        for imp in direct
        if imp.line_number not in kinds
        and not (imp.line_contents.startswith(("import", "from")) and "import" in imp.line_contents)
    }
    if unseen:
        kinds = {**kinds, **classify_import_lines(text, unseen)}
    imports = sorted(
        [
            imp.imported.name,
            imp.line_number,
            imp.line_contents,
            ImportKind.LAZY.value
            if imp.is_lazy
            else kinds.get(imp.line_number, ImportKind.IMPORT_TIME).value,
        ]
        for imp in direct
    )
    return {
        "imports": imports,
        "lines": facts["lines"],
        "reexports": facts["reexports"],
        "nearest": facts["nearest"],
    }


def _reexports(name: str, text: str) -> list[str] | None:
    """The absolute modules a shim re-exports from, or None when it is not a shim (a
    package's `__init__` re-exporting is its facade, not a shim: the caller leaves it out)."""
    sources = reexport_sources(text)
    if sources is None:
        return None
    base = name.split(".")[:-1]
    resolved = []
    for source in sources:
        level = len(source) - len(source.lstrip("."))
        if level:
            prefix = base[: len(base) - (level - 1)] if level > 1 else base
            resolved.append(".".join([*prefix, source.lstrip(".")]).rstrip("."))
        else:
            resolved.append(source)
    return sorted(set(resolved))
