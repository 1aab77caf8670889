"""`unknot analyze TARGET`: measure a layer's import graph and gate it."""

from pathlib import Path
from typing import Annotated

import typer

from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

__all__ = ["register"]

_FORMATS = "text, json, markdown, sarif, github"


def analyze(
    target: Annotated[
        str,
        typer.Argument(metavar="TARGET", help="A [tool.unknot.targets.NAME] or a dotted package."),
    ],
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            help="Source root holding the package (default: config, else src/ beside "
            "pyproject.toml, else its folder).",
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {_FORMATS}.")
    ] = "text",
    max_module_lines: Annotated[
        int | None,
        typer.Option("--max-module-lines", min=1, help="Override the module size limit."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Scan every file afresh.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every row.")] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Fail when worse than this baseline (default: "
            ".unknot/baseline-TARGET.json when present).",
        ),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write the baseline from this analysis.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    strict_config: Annotated[
        bool,
        typer.Option("--strict-config", help="Exit 2 on a configuration warning (unknown key)."),
    ] = False,
) -> int:
    """Measure TARGET's import graph: cycles and imports to cut, sizes, extraction candidates,
    shims; exit 0 when every gate passes, 1 when one fails, 2 on bad input."""
    from unknot.baseline_cli import apply_baseline, write_with_baseline
    from unknot.progress import progress
    from unknot.wiring import check_config_warnings, check_format, collector_paused, run_analysis

    check_format(output_format)
    with collector_paused():
        with progress(f"Analysing {target}", quiet=quiet):
            analysis = run_analysis(
                target,
                cwd=Path.cwd(),
                root=root,
                no_cache=no_cache,
                max_module_lines=max_module_lines,
            )
        check_config_warnings(analysis, strict=strict_config)
        analysis, figures = apply_baseline(
            analysis, path=baseline, update=update_baseline, cwd=Path.cwd()
        )
        write_with_baseline(analysis, output_format, figures, verbose=verbose)
    return ExitCode.OK if analysis.passed else ExitCode.GATE_FAILED


def register(app: typer.Typer) -> None:
    app.command("analyze", cls=PlainUsage)(analyze)
