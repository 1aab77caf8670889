"""The parent packages an import runs: `from pkg.sub.leaf import x` imports `pkg`, then
`pkg.sub`, then `pkg.sub.leaf`, running each `__init__` that is not running yet.

A circular import that fails only through a parent's `__init__` (`import pkg.a` fails with
"partially initialized module" because `pkg/b/__init__.py` imports `pkg.a` while `pkg.a`
imports `pkg.b.mod`) is a cycle only once these imports are edges. The importer's own
ancestors are left out: Python has started them before the importer runs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from analyzer.model import Edge, ImportSite, site_order

__all__ = ["import_edges", "with_parents"]

_Pair = tuple[str, str]


def import_edges(sites: Iterable[ImportSite], modules: Collection[str]) -> list[Edge]:
    """One edge per (importer, imported) of `sites` and of the parent packages (of `modules`)
    that they run, each holding its statements in file order, sorted by importer and imported.

    Built in one pass over statements grouped by module pair: the parents a pair runs are
    found once per pair, and only the groups that gain an implicit site are sorted again.
    """
    grouped = _grouped(sites)
    added = _implicit(grouped, modules)
    for pair, implicit in added.items():
        group = grouped.get(pair)
        grouped[pair] = sorted([*group, *implicit], key=site_order) if group else implicit
    return [Edge.of(pair[0], pair[1], tuple(grouped[pair])) for pair in sorted(grouped)]


def with_parents(sites: Sequence[ImportSite], modules: Collection[str]) -> list[ImportSite]:
    """`sites` and, for each, one implicit site per parent package of the imported module
    (one of `modules`) that the statement runs: not the importer nor one of its ancestors,
    and not a package the same statement names itself."""
    added = _implicit(_grouped(sites), modules)
    return [*sites, *(site for implicit in added.values() for site in implicit)]


def _grouped(sites: Iterable[ImportSite]) -> dict[_Pair, list[ImportSite]]:
    """The statements of each pair, self-imports left out, each list in file order."""
    grouped: dict[_Pair, list[ImportSite]] = {}
    for site in sites:
        if site.importer != site.imported:
            pair = (site.importer, site.imported)
            group = grouped.get(pair)
            if group is None:
                grouped[pair] = [site]
            else:
                group.append(site)
    for pair, group in grouped.items():
        if len(group) > 1:
            grouped[pair] = sorted(group, key=site_order)
    return grouped


def _implicit(
    grouped: dict[_Pair, list[ImportSite]], modules: Collection[str]
) -> dict[_Pair, list[ImportSite]]:
    """The implicit sites each pair gains: per statement, one per parent package it runs that
    the same statement does not name itself (nor an earlier statement on its line, through
    another module of that package)."""
    added: dict[_Pair, list[ImportSite]] = {}
    ancestors: dict[str, tuple[str, ...]] = {}
    running: dict[str, frozenset[str]] = {}
    for (importer, imported), group in grouped.items():
        parents = ancestors.get(imported)
        if parents is None:
            parents = ancestors[imported] = _ancestors(imported, modules)
        if not parents:
            continue
        started = running.get(importer)
        if started is None:  # the importer and its ancestors: running before it imports
            started = running[importer] = frozenset((importer, *_ancestors(importer, None)))
        for parent in parents:
            if parent in started:
                break  # and so are the ancestors above it
            pair = (importer, parent)
            bucket = added.get(pair)
            if bucket is None:
                added[pair] = [site.running(parent) for site in group]
            else:
                bucket += [site.running(parent) for site in group]
    # Most pairs gain one statement that names nothing else of theirs: only the others can
    # hold a line twice, or a line the statement names the parent on explicitly.
    for pair, sites in added.items():
        named = grouped.get(pair)
        if len(sites) > 1 or named:
            seen = {(s.file, s.line) for s in named} if named else set()
            kept = []
            for site in sites:
                line = (site.file, site.line)
                if line not in seen:
                    seen.add(line)
                    kept.append(site)
            added[pair] = kept
    return {pair: sites for pair, sites in added.items() if sites}


def _ancestors(module: str, modules: Collection[str] | None) -> tuple[str, ...]:
    """The packages above `module`, innermost first (those among `modules`, when given)."""
    found = []
    parent = module.rpartition(".")[0]
    while parent:
        if modules is None or parent in modules:
            found.append(parent)
        parent = parent.rpartition(".")[0]
    return tuple(found)
