"""The parent packages an import runs: `from pkg.sub.leaf import x` imports `pkg`, then
`pkg.sub`, then `pkg.sub.leaf`, running each `__init__` that is not running yet.

A circular import that fails only through a parent's `__init__` (`import pkg.a` fails with
"partially initialized module" because `pkg/b/__init__.py` imports `pkg.a` while `pkg.a`
imports `pkg.b.mod`) is a cycle only once these imports are edges. The importer's own
ancestors are left out: Python has started them before the importer runs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from analyzer.model import ImportSite

__all__ = ["with_parents"]


def with_parents(sites: Sequence[ImportSite], modules: Collection[str]) -> list[ImportSite]:
    """`sites` and, for each, one implicit site per parent package of the imported module
    (one of `modules`) that the statement runs: not the importer nor one of its ancestors,
    and not a package the same statement names itself."""
    found = list(sites)
    named = {(site.importer, site.file, site.line, site.imported) for site in sites}
    parents: dict[tuple[str, str], list[str]] = {}
    for site in sites:
        pair = (site.importer, site.imported)
        run = parents.get(pair)
        if run is None:
            run = parents[pair] = _parents_run(site.importer, site.imported, modules)
        for parent in run:
            key = (site.importer, site.file, site.line, parent)
            if key not in named:
                named.add(key)
                found.append(
                    ImportSite(
                        site.importer, parent, site.file, site.line, site.text, site.kind, True
                    )
                )
    return found


def _parents_run(importer: str, imported: str, modules: Collection[str]) -> list[str]:
    """The parent packages of `imported` that importing it from `importer` runs."""
    run = []
    inside = importer + "."
    parent = imported.rpartition(".")[0]
    while parent and not inside.startswith(parent + ".") and parent != importer:
        if parent in modules:
            run.append(parent)
        parent = parent.rpartition(".")[0]
    return run
