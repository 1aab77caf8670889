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

# For one importer: each module it imports -> its statements of that import, in file order.
_Targets = dict[str, list[ImportSite]]


def import_edges(sites: Iterable[ImportSite], modules: Collection[str]) -> list[Edge]:
    """One edge per (importer, imported) of `sites` and of the parent packages (of `modules`)
    that they run, each holding its statements in file order, sorted by importer and imported.

    Built importer by importer: the statements of each are grouped by the module they name,
    the parents those run are added, and the edges come out in order with a sort of each
    importer's few targets rather than of every module pair.
    """
    ancestors: dict[str, tuple[str, ...]] = {}
    of = Edge.of
    edges: list[Edge] = []
    by_importer = _by_importer(sites)
    for importer in sorted(by_importer):
        targets = by_importer[importer]
        _merge(targets, _implicit(importer, targets, modules, ancestors))
        edges += [of(importer, imported, tuple(targets[imported])) for imported in sorted(targets)]
    return edges


def with_parents(sites: Sequence[ImportSite], modules: Collection[str]) -> list[ImportSite]:
    """`sites` and, for each, one implicit site per parent package of the imported module
    (one of `modules`) that the statement runs: not the importer nor one of its ancestors,
    and not a package the same statement names itself."""
    ancestors: dict[str, tuple[str, ...]] = {}
    found = list(sites)
    for importer, targets in _by_importer(sites).items():
        added = _implicit(importer, targets, modules, ancestors)
        found += [site for kept in _kept(targets, added).values() for site in kept]
    return found


def _by_importer(sites: Iterable[ImportSite]) -> dict[str, _Targets]:
    """The statements of each importer by the module they name, self-imports left out, each
    list in file order."""
    found: dict[str, _Targets] = {}
    several: list[list[ImportSite]] = []
    for site in sites:
        importer = site.importer
        imported = site.imported
        if importer == imported:
            continue
        targets = found.get(importer)
        if targets is None:
            found[importer] = {imported: [site]}
            continue
        group = targets.get(imported)
        if group is None:
            targets[imported] = [site]
        else:
            if len(group) == 1:
                several.append(group)
            group.append(site)
    for group in several:
        group.sort(key=site_order)
    return found


def _implicit(
    importer: str,
    targets: _Targets,
    modules: Collection[str],
    ancestors: dict[str, tuple[str, ...]],
) -> _Targets:
    """The implicit sites `importer` gains, by parent package: per statement, one per parent
    of the module it names that is not running yet (`ancestors` caches the parents among
    `modules` of each module)."""
    added: _Targets = {}
    started: frozenset[str] | None = None
    for imported, group in targets.items():
        parents = ancestors.get(imported)
        if parents is None:
            parents = ancestors[imported] = _ancestors(imported, modules)
        if not parents:
            continue
        if started is None:  # the importer and its ancestors: running before it imports
            started = frozenset((importer, *_ancestors(importer, None)))
        for parent in parents:
            if parent in started:
                break  # and so are the ancestors above it
            bucket = added.get(parent)
            if bucket is None:
                bucket = added[parent] = []
            for site in group:
                bucket.append(site.running(parent))
    return added


def _kept(targets: _Targets, added: _Targets) -> _Targets:
    """`added` without the sites whose statement names the parent itself, nor a line twice
    (an earlier statement on it, through another module of that package)."""
    kept: _Targets = {}
    for parent, sites in added.items():
        named = targets.get(parent)
        # Most parents gain one statement that names nothing else of theirs: only the others
        # can hold a line twice, or a line the statement names the parent on explicitly.
        if len(sites) == 1 and named is None:
            kept[parent] = sites
            continue
        seen = {(s.file, s.line) for s in named} if named else set()
        unique = []
        for site in sites:
            line = (site.file, site.line)
            if line not in seen:
                seen.add(line)
                unique.append(site)
        if unique:
            kept[parent] = unique
    return kept


def _merge(targets: _Targets, added: _Targets) -> None:
    """Add the implicit sites to the statements of each parent, in file order."""
    if not added:
        return
    for parent, sites in _kept(targets, added).items():
        named = targets.get(parent)
        targets[parent] = sorted([*named, *sites], key=site_order) if named else sites


def _ancestors(module: str, modules: Collection[str] | None) -> tuple[str, ...]:
    """The packages above `module`, innermost first (those among `modules`, when given)."""
    found = []
    parent = module.rpartition(".")[0]
    while parent:
        if modules is None or parent in modules:
            found.append(parent)
        parent = parent.rpartition(".")[0]
    return tuple(found)
