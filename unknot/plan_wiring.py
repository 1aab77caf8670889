"""Wiring for `unknot plan` and `unknot migrate`: the analyzer behind the plans' ports, and the
verify commands from pyproject."""

from __future__ import annotations

import tomllib
from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis
from codemods.plans.facts import CutFact, LayerFacts, ModuleFact, ShimFact
from codemods.plans.model import Figures, PlanTarget
from unknot.errors import CliError

__all__ = [
    "AnalyzerFigures",
    "AnalyzerSurvey",
    "analyse_plan_target",
    "figures_of",
    "layer_facts",
    "plan_target",
    "verify_commands",
]


def analyse_plan_target(repo: Path, target: PlanTarget) -> Analysis:
    """The analysis of the plan's layer in the repository at `repo`, with the plan's gates."""
    gates = GateConfig(max_module_lines=target.max_module_lines, max_cycles=dict(target.max_cycles))
    root = (repo / target.root).resolve()
    analysed = Target(target.name, target.package, root, gates, cache_dir=None)
    return analyse(analysed, source=GrimpSource(root))


def figures_of(analysis: Analysis) -> Figures:
    summary = analysis.summary
    values = {
        "cycles": summary.cycles,
        "imports_to_cut": summary.circular_dependencies,
        "modules": summary.modules,
        "lines": summary.lines,
        "modules_over_limit": summary.modules_over_limit,
    }
    for kind in ("import-time", "deferred", "lazy", "typing"):
        values[f"cycles.{kind}"] = dict(summary.cycles_by_kind).get(kind, 0)
    failed = tuple(gate.gate for gate in analysis.gates if not gate.passed)
    return Figures(values, failed)


class AnalyzerFigures:
    """The plans' `Measure` port, filled with the analyzer."""

    def figures(self, repo: Path, target: PlanTarget) -> Figures:
        return figures_of(analyse_plan_target(repo, target))


class AnalyzerSurvey:
    """The plans' `Survey` port, filled with the analyzer."""

    def facts(self, repo: Path, target: PlanTarget) -> LayerFacts:
        analysis = analyse_plan_target(repo, target)
        return layer_facts(analysis, target, (repo / target.root).resolve())


def verify_commands(repo: Path, given: list[str] | None) -> tuple[str, ...]:
    """`--verify` commands when given, else `[tool.unknot.verify] commands` in pyproject."""
    if given:
        return tuple(given)
    pyproject = repo / "pyproject.toml"
    if not pyproject.is_file():
        return ()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CliError(
            code="bad-config", message=f"{pyproject} is not valid TOML: {error}.", hint="Fix it."
        ) from error
    commands = data.get("tool", {}).get("unknot", {}).get("verify", {}).get("commands", [])
    if not isinstance(commands, list) or not all(isinstance(c, str) for c in commands):
        raise CliError(
            code="bad-config",
            message="[tool.unknot.verify] commands must be a list of shell commands.",
            hint='Write e.g. commands = ["pytest -q", "mypy src"].',
        )
    return tuple(commands)


def plan_target(target: Target, top: Path) -> PlanTarget:
    """The plan's record of an analyzer target: its root relative to the repository."""
    root = target.root.resolve()
    relative = root.relative_to(top).as_posix() if root.is_relative_to(top) else str(root)
    return PlanTarget(
        name=target.name,
        package=target.package,
        root=relative or ".",
        max_module_lines=target.gates.max_module_lines,
        max_cycles=tuple(sorted(target.gates.max_cycles.items())),
    )


def layer_facts(analysis: Analysis, target: PlanTarget, root: Path) -> LayerFacts:
    """The planner's facts from an analysis whose files are relative to `root`."""
    destinations = {c.module: c.destination for c in analysis.candidates}
    modules = tuple(
        ModuleFact(
            name=m.name,
            file=root / m.file,
            lines=m.lines,
            tier=m.tier,
            destination=destinations.get(m.name),
            is_package=m.file.endswith("__init__.py"),
        )
        for m in analysis.modules
    )
    # The gate's cut: the imports of a gated kind (or stronger) that close its cycles; the
    # all-kinds cut would name imports a step already moved under TYPE_CHECKING.
    cuts = tuple(
        CutFact(cut.importer, cut.imported, cut.witness)
        for cycle in analysis.cycles
        for cut in cycle.gate_cuts
    )
    shims = tuple(ShimFact(s.module, s.importers) for s in analysis.shims)
    return LayerFacts(target, modules, cuts, shims)
