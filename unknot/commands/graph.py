"""`unknot graph TARGET`: draw the layer's import graph as Mermaid, DOT, SVG or HTML."""

from pathlib import Path
from typing import Annotated

import typer

from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

__all__ = ["register"]


def graph(
    target: Annotated[
        str,
        typer.Argument(metavar="TARGET", help="A [tool.unknot.targets.NAME] or a dotted package."),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="mermaid, dot, svg (needs Graphviz) or html.")
    ] = "mermaid",
    collapse: Annotated[
        int | None, typer.Option("--collapse", help="Draw packages this many levels down.")
    ] = None,
    cycles_only: Annotated[
        bool, typer.Option("--cycles-only", help="Draw only the cyclic parts, cuts marked.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    root: Annotated[Path | None, typer.Option("--root", help="Source root of the package.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> int:
    """Draw TARGET's import graph; cycles stand out and the imports to cut are marked."""
    from reports.pictures import draw
    from unknot.output import check_output, write_text
    from unknot.progress import progress
    from unknot.wiring import run_analysis

    check_output(output)

    with progress(f"Analysing {target}", quiet=quiet):
        analysis = run_analysis(target, cwd=Path.cwd(), root=root)
        picture = draw(analysis, output_format, collapse=collapse, cycles_only=cycles_only)
    write_text(picture, output)
    return ExitCode.OK


def register(app: typer.Typer) -> None:
    app.command("graph", cls=PlainUsage)(graph)
