"""What plans ask of the outside world: the analyzer's figures, through a port the CLI fills."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from codemods.plans.model import Figures, PlanTarget

__all__ = ["Measure"]


class Measure(Protocol):
    """Measures a layer in a source tree (the CLI fills it with the analyzer)."""

    def figures(self, repo: Path, target: PlanTarget) -> Figures:
        """The figures of `target` in the repository at `repo` (its root is under `repo`),
        with the gates it fails; raises `PlanError` when the layer cannot be measured."""
        ...
