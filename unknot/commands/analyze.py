"""`unknot analyze TARGET`: measure a layer's import graph and gate it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unknot.exit_codes import ExitCode

__all__ = ["register"]

_FORMATS = "text, json"


def analyze(
    target: Annotated[
        str, typer.Argument(help="A [tool.unknot.targets.NAME] or a dotted package.")
    ],
    root: Annotated[
        Path | None,
        typer.Option(
            "--root", help="Source root holding the package (default: config, else src/, else .)."
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {_FORMATS}.")
    ] = "text",
    max_module_lines: Annotated[
        int | None, typer.Option("--max-module-lines", help="Override the module size limit.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Scan every file afresh.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every row.")] = False,
) -> int:
    """Measure TARGET's import graph: cycles and imports to cut, sizes, extraction candidates,
    shims; exit 0 when every gate passes, 1 when one fails, 2 on bad input."""
    from unknot.wiring import check_format, run_analysis, write_report

    check_format(output_format)
    analysis = run_analysis(
        target, cwd=Path.cwd(), root=root, no_cache=no_cache, max_module_lines=max_module_lines
    )
    write_report(analysis, output_format, verbose=verbose)
    return ExitCode.OK if analysis.passed else ExitCode.GATE_FAILED


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
