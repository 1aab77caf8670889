"""The findings of an analysis, as plain frozen data. Renderers in `reports` decide how they look.

Everything here is sorted and deterministic, so reports built from it are byte-stable."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Candidate",
    "Cut",
    "Cycle",
    "Definition",
    "Edge",
    "GateOutcome",
    "Ignore",
    "ImportKind",
    "ImportSite",
    "Location",
    "ModuleInfo",
    "MutualPair",
    "Shim",
    "Summary",
    "site_order",
]

SCHEMA_VERSION = 4


class ImportKind(StrEnum):
    """When an import statement runs.

    `import-time`: at module level (also in class bodies and module-level `if`/`try`).
    `deferred`: inside a function or method, so only when it is called, or under
    `if __name__ == "__main__":`, so only when the module is run as a script.
    `dynamic`: a call with a literal module name (`importlib.import_module("pkg.b")`,
    `import_module(".c", __package__)`, `__import__("pkg.d")`), which runs when the call does.
    `lazy`: PEP 810 `lazy import`, resolved on first use.
    `typing`: under `if TYPE_CHECKING:`, never at run time.
    """

    IMPORT_TIME = "import-time"
    DEFERRED = "deferred"
    DYNAMIC = "dynamic"
    LAZY = "lazy"
    TYPING = "typing"

    @property
    def strength(self) -> int:
        """How early the import runs: an edge takes the kind of its strongest statement."""
        return _STRENGTH[self]


# The kinds are declared strongest first: import-time 4, deferred 3, ... typing 0.
_STRENGTH = {kind: strength for strength, kind in enumerate(reversed(ImportKind))}


@dataclass(frozen=True, order=True)
class Location:
    """A line in a file; `file` is relative to the analysed root, with forward slashes."""

    file: str
    line: int
    text: str = ""


@dataclass(frozen=True, order=True)
class ImportSite:
    """One import statement of `imported` by `importer`.

    `implicit` marks a package whose `__init__` the statement runs without naming it:
    `from pkg.sub.leaf import x` also imports `pkg.sub` (unless the importer is inside it).
    """

    importer: str
    imported: str
    file: str
    line: int
    text: str
    kind: ImportKind
    implicit: bool = False

    @classmethod
    def of(
        cls, importer: str, imported: str, file: str, line: int, text: str, kind: ImportKind
    ) -> ImportSite:
        """`ImportSite(...)` without the frozen `__init__`: twice as fast, one per statement."""
        fields = {"importer": importer, "imported": imported, "file": file, "line": line}
        object.__setattr__(site := object.__new__(cls), "__dict__", fields)
        fields["text"], fields["kind"], fields["implicit"] = text, kind, False
        return site

    def running(self, parent: str) -> ImportSite:
        """The implicit site of this statement for `parent`, a package it runs: its dict copied."""
        object.__setattr__(site := object.__new__(ImportSite), "__dict__", self.__dict__.copy())
        site.__dict__["imported"], site.__dict__["implicit"] = parent, True
        return site


def _strongest(sites: tuple[ImportSite, ...]) -> ImportKind:
    if len(sites) == 1:  # most edges
        return sites[0].kind
    return max({site.kind for site in sites}, key=_STRENGTH.__getitem__)  # a few kinds


def site_order(site: ImportSite) -> tuple[str, str, str, int, str, str, bool]:
    """The sort key of a site: the dataclass order, several times faster to sort by."""
    return (site.importer, site.imported, site.file, site.line, site.text, site.kind, site.implicit)


@dataclass(frozen=True, order=True)
class Edge:
    """All the statements by which one module imports another; its kind is the strongest."""

    importer: str
    imported: str
    sites: tuple[ImportSite, ...]

    @functools.cached_property
    def kind(self) -> ImportKind:
        return _strongest(self.sites)

    @classmethod
    def of(cls, importer: str, imported: str, sites: tuple[ImportSite, ...]) -> Edge:
        """`Edge(importer, imported, sites)` with its kind, without the frozen `__init__`."""
        fields = {"importer": importer, "imported": imported, "sites": sites, "kind": None}
        object.__setattr__(edge := object.__new__(cls), "__dict__", fields)
        fields["kind"] = _strongest(sites)
        return edge

    @property
    def weight(self) -> int:
        return len(self.sites)


@dataclass(frozen=True, order=True)
class Cut:
    """An import to remove to break a cycle, with a cycle through it as evidence."""

    importer: str
    imported: str
    sites: tuple[ImportSite, ...]
    witness: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.sites)


@dataclass(frozen=True)
class Cycle:
    """A strongly connected component of the import graph.

    `witness` is one shortest cycle in it through imports of the component's `kind` or
    stronger (first module repeated at the end is implied). `gate_cuts` is a small set of
    imports whose removal leaves no cycle of the gate's kind (import-time by default) or a
    stronger one, each holding only its statements of that kind or stronger: what the gate
    needs cut; empty when the component's kind is weaker than the gate's. `cuts` makes the
    component acyclic through every kind of import. Each is minimal when its `exact` is true.
    """

    modules: tuple[str, ...]
    kind: ImportKind
    witness: tuple[str, ...]
    cuts: tuple[Cut, ...]
    exact: bool
    gate_cuts: tuple[Cut, ...] = ()
    gate_exact: bool = True


@dataclass(frozen=True, order=True)
class MutualPair:
    """Two modules that import each other directly (the seed's `a <-> b`)."""

    first: str
    second: str
    kind: ImportKind


@dataclass(frozen=True, order=True)
class ModuleInfo:
    """One module of the target, with its size and its coupling inside the target."""

    name: str
    file: str
    lines: int
    fan_in: int
    fan_out: int
    importers_outside: int
    in_cycle: bool
    tier: int


@dataclass(frozen=True, order=True)
class Definition:
    """A top-level function or class and its size in lines, for splitting oversized modules."""

    module: str
    name: str
    kind: str
    line: int
    lines: int


@dataclass(frozen=True, order=True)
class Candidate:
    """A module that could move out of the target, in the seed's tiers (1 = cleanest)."""

    tier: int
    target_imports: int
    module: str
    lines: int
    importers_inside: int
    importers_outside: int
    in_cycle: bool
    destination: str | None


@dataclass(frozen=True, order=True)
class Shim:
    """A module whose body only re-exports names from elsewhere, and who still imports it."""

    module: str
    file: str
    sources: tuple[str, ...]
    importers: tuple[str, ...]


@dataclass(frozen=True, order=True)
class Ignore:
    """An import excluded from the cycle gates by configuration, with the reason."""

    importer: str
    imported: str
    reason: str


@dataclass(frozen=True)
class GateOutcome:
    """One gate's verdict: `actual` against `limit`, and where the violations are."""

    gate: str
    passed: bool
    limit: int
    actual: int
    message: str
    locations: tuple[Location, ...] = ()


@dataclass(frozen=True)
class Summary:
    """The headline figures. `circular_dependencies` is the number of imports to cut to pass
    the gate (to leave no cycle of `gate_kind` or a stronger kind), `statements_to_cut` the
    distinct statements they hold; the `all_kinds_` figures make the layer acyclic through
    every kind of import."""

    modules: int
    lines: int
    circular_dependencies: int
    statements_to_cut: int
    all_kinds_circular_dependencies: int
    all_kinds_statements_to_cut: int
    gate_kind: str
    cycles: int
    cycles_by_kind: tuple[tuple[str, int], ...]
    mutual_pairs: int
    modules_over_limit: int
    max_module_lines: int
    package_circular_dependencies: int


@dataclass(frozen=True)
class Analysis:
    """Everything `unknot analyze` found for one target."""

    target: str
    package: str
    root: str
    summary: Summary
    modules: tuple[ModuleInfo, ...]
    imports: tuple[Edge, ...]
    cycles: tuple[Cycle, ...]
    package_cycles: tuple[Cycle, ...]
    mutual_pairs: tuple[MutualPair, ...]
    largest_definitions: tuple[Definition, ...]
    candidates: tuple[Candidate, ...]
    shims: tuple[Shim, ...]
    gates: tuple[GateOutcome, ...]
    ignores: tuple[Ignore, ...] = ()
    unused_ignores: tuple[Ignore, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: int = field(default=SCHEMA_VERSION)

    @property
    def passed(self) -> bool:
        return all(outcome.passed for outcome in self.gates)
