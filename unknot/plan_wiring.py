"""Wiring for `unknot plan` and `unknot migrate`: the analyzer behind the plans' ports, and the
verify commands from pyproject."""

from __future__ import annotations

import tomllib
from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, Ignore, ImportKind
from codemods.plans.facts import CutFact, LayerFacts, ModuleFact, ShimFact
from codemods.plans.model import Figures, IgnoredImport, PlanTarget
from unknot.errors import CliError

__all__ = [
    "AnalyzerFigures",
    "AnalyzerSurvey",
    "analyse_plan_target",
    "figures_of",
    "gate_config",
    "gates_unlike_config",
    "layer_facts",
    "plan_target",
    "verify_commands",
]


def gate_config(target: PlanTarget) -> GateConfig:
    """The analyzer's gates from those the plan records: what `unknot analyze` judges."""
    return GateConfig(
        max_module_lines=target.max_module_lines,
        allow_module_lines=dict(target.allow_module_lines),
        max_cycles=dict(target.max_cycles),
        ignores=tuple(Ignore(i.importer, i.imported, i.reason) for i in target.ignores),
    )


def analyse_plan_target(repo: Path, target: PlanTarget) -> Analysis:
    """The analysis of the plan's layer in the repository at `repo`, with the plan's gates."""
    root = (repo / target.root).resolve()
    analysed = Target(target.name, target.package, root, gate_config(target), cache_dir=None)
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
    for kind in ImportKind:
        values[f"cycles.{kind.value}"] = dict(summary.cycles_by_kind).get(kind, 0)
    failed = tuple(gate.gate for gate in analysis.gates if not gate.passed)
    return Figures(values, failed)


class AnalyzerFigures:
    """The plans' `Measure` port, filled with the analyzer; its errors (a layer a step moved
    away, a file a step left unparsable) become the plans' own, so a step that causes one is
    undone like any failed step."""

    def figures(self, repo: Path, target: PlanTarget) -> Figures:
        from analyzer.errors import AnalyzerError
        from codemods.plans.errors import PlanError

        try:
            return figures_of(analyse_plan_target(repo, target))
        except AnalyzerError as error:
            raise PlanError(error.message, hint=error.hint, code=error.code) from error


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
    """The plan's record of an analyzer target: its root relative to the repository, and
    every gate setting of its configuration, so the plan is judged as `unknot analyze` judges
    the target."""
    root = target.root.resolve()
    relative = root.relative_to(top).as_posix() if root.is_relative_to(top) else str(root)
    gates = target.gates
    return PlanTarget(
        name=target.name,
        package=target.package,
        root=relative or ".",
        max_module_lines=gates.max_module_lines,
        max_cycles=tuple(sorted(gates.max_cycles.items())),
        allow_module_lines=tuple(sorted(gates.allow_module_lines.items())),
        ignores=tuple(
            sorted(IgnoredImport(i.importer, i.imported, i.reason) for i in gates.ignores)
        ),
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


def gates_unlike_config(plan: PlanTarget, top: Path) -> list[str]:
    """The gate settings in which the plan differs from `[tool.unknot.targets.NAME]` of the
    plan's target (none when no such target is configured, or it cannot be read: `unknot
    analyze` says why)."""
    from analyzer.config import load_target
    from analyzer.errors import AnalyzerError
    from unknot.wiring import configured_targets

    if plan.name not in configured_targets(top):
        return []
    try:
        configured = plan_target(load_target(plan.name, cwd=top, no_cache=True), top)
    except AnalyzerError:
        return []
    keys = ("max_module_lines", "max_cycles", "allow_module_lines", "ignores")
    return [key for key in keys if getattr(plan, key) != getattr(configured, key)]
