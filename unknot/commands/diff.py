"""`unknot diff`: every figure before -> after, cycles gained and lost, modules moved."""

from pathlib import Path
from typing import Annotated

import typer

from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

__all__ = ["register"]


def diff(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[BEFORE.json AFTER.json | TARGET]",
            help="BEFORE.json AFTER.json (from analyze --format json), or TARGET.",
        ),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option("--against", help="Compare TARGET in the working tree with this revision."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown or json.")
    ] = "text",
    root: Annotated[Path | None, typer.Option("--root", help="Source root of the package.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> int:
    """Compare two analyses, or TARGET in the working tree with a git revision (--against)."""
    from unknot.diff_wiring import run_diff
    from unknot.output import check_output, write_text

    check_output(output)

    text = run_diff(
        arguments or [],
        against=against,
        output_format=output_format,
        root=root,
        quiet=quiet,
        cwd=Path.cwd(),
    )
    write_text(text, output)
    return ExitCode.OK


def register(app: typer.Typer) -> None:
    app.command("diff", cls=PlainUsage)(diff)
