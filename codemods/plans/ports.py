"""What plans ask of the outside world: the analyzer's figures and the layer's facts, through
ports the CLI fills."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from codemods.plans.facts import LayerFacts
from codemods.plans.model import Figures, PlanTarget

__all__ = ["Measure", "Survey"]


class Measure(Protocol):
    """Measures a layer in a source tree (the CLI fills it with the analyzer)."""

    def figures(self, repo: Path, target: PlanTarget) -> Figures:
        """The figures of `target` in the repository at `repo` (its root is under `repo`),
        with the gates it fails; raises `PlanError` when the layer cannot be measured."""
        ...


class Survey(Protocol):
    """What the planner needs to know about a layer (the CLI fills it with the analyzer)."""

    def facts(self, repo: Path, target: PlanTarget) -> LayerFacts:
        """The modules, imports to cut and shims of `target` in the repository at `repo`,
        each module's file an absolute path under `repo`."""
        ...
