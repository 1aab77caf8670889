"""Migration plans: the TOML format, the step registry, the dry run in a scratch copy, the
simulation in memory (`predict`), the verified, committed and tagged `--apply`, and the
planner.

Graph facts come through ports the CLI fills with the analyzer (`Measure`, `LayerFacts`):
this package never imports it.
"""

from __future__ import annotations

from codemods.plans.errors import PlanError
from codemods.plans.migrate import MigrateRequest, apply_plan
from codemods.plans.model import FIGURE_KEYS, Figures, Plan, PlanTarget, Step
from codemods.plans.plan_file import dump_plan, load_plan, parse_plan
from codemods.plans.ports import Measure
from codemods.plans.registry import OPS, RunOptions, run_step
from codemods.plans.results import Migration, Mode, Status, StepRecord
from codemods.plans.simulate import predict

__all__ = [
    "FIGURE_KEYS",
    "OPS",
    "Figures",
    "Measure",
    "MigrateRequest",
    "Migration",
    "Mode",
    "Plan",
    "PlanError",
    "PlanTarget",
    "RunOptions",
    "Status",
    "Step",
    "StepRecord",
    "apply_plan",
    "dump_plan",
    "load_plan",
    "parse_plan",
    "predict",
    "run_step",
]
