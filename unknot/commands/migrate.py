"""`unknot migrate PLAN.toml`: dry run, `--simulate`, or `--apply` (verified, committed, tagged)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unknot.errors import CliError, print_error
from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

if TYPE_CHECKING:
    from codemods.plans import Migration, Plan, PlanTarget

__all__ = ["register"]


def migrate(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN.toml", help="The plan to run.")],
    apply: Annotated[
        bool, typer.Option("--apply", help="Apply, verify, commit and tag each step.")
    ] = False,
    simulate: Annotated[
        bool, typer.Option("--simulate", help="Only the predicted figures after every step.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Go on with a plan a failed run stopped.")
    ] = False,
    verify: Annotated[
        list[str] | None,
        typer.Option("--verify", help="A shell command to run after each step (repeatable)."),
    ] = None,
    repo: Annotated[
        Path | None, typer.Option("--repo", help="The repository (default: the enclosing one).")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the Markdown report here.")
    ] = None,
) -> int:
    """Run a migration plan: a dry run of every step unless --apply or --simulate."""
    from codemods import find_repository_root
    from codemods.plans import MigrateRequest, Mode, apply_plan, load_plan, predict
    from reports.migration import render_markdown, render_steps, render_table
    from unknot.cycle_finder import AnalyzerCycles
    from unknot.output import check_output, write_text
    from unknot.plan_wiring import AnalyzerFigures, verify_commands

    if apply + simulate > 1 or (resume and not apply):
        raise CliError(
            code="bad-options",
            message="Choose one of --apply, --simulate (or neither, for a dry run); "
            "--resume goes with --apply.",
            hint="unknot migrate plan.toml --apply --resume",
        )
    check_output(report)
    plan = load_plan(plan_file)
    top = find_repository_root(repo or Path.cwd())
    _warn_unlike_config(plan.target, top)
    if not apply:
        mode = Mode.SIMULATE if simulate else Mode.DRY_RUN
        run = _simulated(plan, top) if simulate else None
        if run is None:
            run = predict(plan, top, measure=AnalyzerFigures(), mode=mode)
        print(
            render_table(run) if simulate else render_steps(run) + "\n" + render_table(run), end=""
        )
        if report is not None:
            write_text(render_markdown(run), report)
        return _verdict(run)
    request = MigrateRequest(plan, top, verify_commands(top, verify), resume=resume)
    run = apply_plan(request, measure=AnalyzerFigures(), cycle_finder=AnalyzerCycles())
    return _show_applied(run, report)


def _simulated(plan: "Plan", top: Path) -> "Migration | None":
    """The plan predicted on the layer's import graph in memory; None when a step's effect
    can only be told by running it (the scratch copy then runs them all)."""
    from codemods.engine.layout import Layout
    from codemods.plans.checks import check_modules_exist
    from codemods.plans.virtual import Unpredictable, simulate
    from unknot.virtual_graph import scan_graph

    check_modules_exist(plan.steps, Layout.detect(top))
    try:
        return simulate(plan, scan_graph(top, plan.target))
    except Unpredictable:
        return None


def _warn_unlike_config(target: "PlanTarget", top: Path) -> None:
    """Say when the plan judges the layer with other gates than `unknot analyze` would."""
    from unknot.plan_wiring import gates_unlike_config

    unlike = gates_unlike_config(target, top)
    if unlike:
        from rich.markup import escape

        section = escape(f"[tool.unknot.targets.{target.name}]")
        print_error(
            f"[yellow]warning[/]: the plan's gates differ from {section} in "
            f"{', '.join(unlike)}; the plan's are used (`unknot plan` records the configured "
            "ones)."
        )


def _show_applied(run: "Migration", report: Path | None) -> int:
    """The steps, the table and the Markdown report; exit 1 when a step failed."""
    from reports.migration import render_markdown, render_steps, render_table
    from unknot.output import write_text

    markdown = render_markdown(run)
    if report is not None:
        write_text(markdown, report)
    if run.nothing_to_do:
        print(f"Nothing to do: all {len(run.records)} steps of the plan are done.")
    else:
        print(render_steps(run) + "\n" + render_table(run) + "\n" + markdown, end="")
    if run.failed is not None:
        print_error(
            f"[bold red]step {run.failed.number} failed[/]: the tree is back at the last good "
            f"step; log in {run.log_file}. Fix the cause, then run again with --apply --resume."
        )
    return _verdict(run)


def _verdict(run: "Migration") -> int:
    """Exit 1 when a step failed (or would, in a dry run or simulation), or when the plan
    leaves the layer failing the target's gates, as `unknot analyze` would judge it."""
    from rich.markup import escape

    from codemods.plans import Mode

    if run.failed is not None:
        if run.mode is not Mode.APPLY:
            reason = escape(run.failed.error)
            print_error(f"[bold red]step {run.failed.number} would fail[/]: {reason}")
        return ExitCode.GATE_FAILED
    if run.failing_gates:
        print_error(
            "[bold red]gates still failing[/] after the plan's steps: "
            f"{', '.join(run.failing_gates)}. Add steps to the plan (`unknot plan` proposes "
            "them), or relax the target's gates."
        )
        return ExitCode.GATE_FAILED
    return ExitCode.OK


def register(app: typer.Typer) -> None:
    app.command("migrate", cls=PlainUsage)(migrate)
