"""`unknot plan TARGET`: propose the untangling as an editable TOML plan for `unknot migrate`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

if TYPE_CHECKING:
    from codemods.plans import Plan, PlanTarget

__all__ = ["register"]


def plan(
    target: Annotated[
        str, typer.Argument(help="A [tool.unknot.targets.NAME] or a dotted package.")
    ],
    root: Annotated[
        Path | None,
        typer.Option("--root", help="Source root holding the package (as for analyze)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the plan here (default: stdout).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Scan every file afresh.")] = False,
    exact: Annotated[
        bool,
        typer.Option(
            "--exact",
            help="Try each step for real in a scratch copy and measure it (exact lines; "
            "slow on large layers).",
        ),
    ] = False,
) -> int:
    """Propose the steps that take TARGET to its gates, each with why and its expected figures,
    predicted on the layer's import graph in memory (`unknot migrate` runs them for real)."""
    from analyzer.config import load_target
    from codemods import find_repository_root
    from codemods.plans import dump_plan
    from unknot.output import check_output, write_text
    from unknot.plan_wiring import plan_target

    check_output(output)
    configured = load_target(target, cwd=Path.cwd(), root=root, no_cache=no_cache)
    top = find_repository_root(Path.cwd())
    wanted = plan_target(configured, top)
    cache = configured.cache_dir
    proposal = _exact(top, wanted) if exact else _in_memory(top, wanted, cache)
    header = (
        f"unknot plan for {configured.name} ({configured.package}). Edit freely: remove, "
        "reorder or rename steps;\nexpectations hold for the steps in this order (`unknot "
        "migrate --simulate` predicts them again)."
    )
    text = dump_plan(proposal, header=header)
    if output is None:
        print(text, end="")
    else:
        write_text(text, output)
        print(f"Wrote {output}: {len(proposal.steps)} step(s).")
    return ExitCode.OK


def _in_memory(top: Path, wanted: "PlanTarget", cache_dir: Path | None) -> "Plan":
    """The plan proposed on the layer's import graph, scanned once (through the analyzer's
    scan cache, as `unknot analyze` scans)."""
    from codemods.plans.planner import propose
    from codemods.plans.virtual import VirtualBench
    from unknot.virtual_graph import scan_graph
    from unknot.wiring import ignore_in_git

    proposal = propose(VirtualBench(scan_graph(top, wanted, cache_dir=cache_dir)))
    ignore_in_git(cache_dir)
    return proposal


def _exact(top: Path, wanted: "PlanTarget") -> "Plan":
    from codemods.plans.planner import ScratchBench, propose
    from codemods.plans.scratch import open_scratch
    from unknot.plan_wiring import AnalyzerFigures, AnalyzerSurvey

    with open_scratch(top, wanted, AnalyzerFigures()) as scratch:
        return propose(ScratchBench(scratch, AnalyzerSurvey()))


def register(app: typer.Typer) -> None:
    app.command("plan", cls=PlainUsage)(plan)
