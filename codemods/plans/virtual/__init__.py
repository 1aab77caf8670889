"""Plans predicted in memory: each step's effect on the layer's import graph (`effects`), the
graph as a port the CLI fills with the analyzer (`graph`), and the planner's workbench and
`migrate --simulate` standing on them (`bench`)."""

from __future__ import annotations

from codemods.plans.virtual.bench import VirtualBench, simulate
from codemods.plans.virtual.effects import Unpredictable
from codemods.plans.virtual.graph import ImportFact, VirtualGraph

__all__ = ["ImportFact", "Unpredictable", "VirtualBench", "VirtualGraph", "simulate"]
