"""What the planner needs to know about a layer, as plain data the CLI fills from the analysis
(this package never imports the analyzer)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codemods.plans.model import PlanTarget

__all__ = ["CutFact", "LayerFacts", "ModuleFact", "ShimFact"]


@dataclass(frozen=True, order=True)
class ModuleFact:
    """A module of the layer: its file (absolute), size, tier and suggested destination."""

    name: str
    file: Path
    lines: int
    tier: int
    destination: str | None = None
    is_package: bool = False


@dataclass(frozen=True, order=True)
class CutFact:
    """An import the gate needs cut: `importer` imports `imported`, and why (its cycle)."""

    importer: str
    imported: str
    witness: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class ShimFact:
    """A re-export shim and the modules that still import it."""

    module: str
    importers: tuple[str, ...]


@dataclass(frozen=True)
class LayerFacts:
    """The layer as the analysis saw it."""

    target: PlanTarget
    modules: tuple[ModuleFact, ...]
    cuts: tuple[CutFact, ...]
    shims: tuple[ShimFact, ...]

    def module(self, name: str) -> ModuleFact | None:
        return next((m for m in self.modules if m.name == name), None)
