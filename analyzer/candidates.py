"""Extraction candidates in the seed's tiers: how tied each module is to the rest of its layer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from analyzer.model import Candidate, Edge, ModuleInfo

__all__ = ["rank_candidates", "tier_of"]


def tier_of(target_imports: int, *, tier2_max: int) -> int:
    """1 imports nothing from the layer, 2 at most `tier2_max` of its modules, 3 the rest."""
    if target_imports == 0:
        return 1
    return 2 if target_imports <= tier2_max else 3


def rank_candidates(
    modules: Sequence[ModuleInfo],
    edges: Sequence[Edge],
    *,
    package: str,
    target_imports: Mapping[str, int],
) -> tuple[Candidate, ...]:
    """Every plain module of the layer (not its packages), cleanest first."""
    neighbours = _outside_neighbours(edges, package)
    candidates = []
    for module in modules:
        if module.name == package or module.file.endswith("__init__.py"):
            continue
        candidates.append(
            Candidate(
                tier=module.tier,
                target_imports=target_imports.get(module.name, 0),
                module=module.name,
                lines=module.lines,
                importers_inside=module.fan_in,
                importers_outside=module.importers_outside,
                in_cycle=module.in_cycle,
                destination=_destination(module.name, neighbours.get(module.name, Counter())),
            )
        )
    return tuple(sorted(candidates))


def _outside_neighbours(edges: Sequence[Edge], package: str) -> dict[str, Counter[str]]:
    """For each module of the layer, the packages outside it that it imports or is imported by,
    weighted by statements."""
    inside = package + "."
    votes: dict[str, Counter[str]] = {}
    for edge in edges:
        importer, imported = edge.importer, edge.imported
        if (importer == package or importer.startswith(inside)) and (
            imported == package or imported.startswith(inside)
        ):
            continue  # inside the layer: most edges
        for mine, other in ((importer, imported), (imported, importer)):
            if other == package or other.startswith(inside):
                continue
            if mine == package or mine.startswith(inside):
                home = other.rsplit(".", 1)[0] if "." in other else other
                votes.setdefault(mine, Counter())[home] += edge.weight
    return votes


def _destination(module: str, votes: Counter[str]) -> str | None:
    """The package outside the layer where most of what it imports, or what imports it, lives."""
    if not votes:
        return None
    best = max(sorted(votes), key=lambda name: votes[name])
    return f"{best}.{module.rsplit('.', 1)[-1]}"
