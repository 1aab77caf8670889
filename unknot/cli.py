"""The `unknot` command line: parse, call one use case, render, return the exit code.

Each command lives in `unknot.commands.<name>` and registers itself on the app here. The
heavy imports (grimp, libcst, networkx) happen inside the commands, so `unknot --help` stays fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer
from typer._click.exceptions import ClickException

from unknot import __version__
from unknot.commands import analyze, codemod, diff, graph, init, migrate, plan, rules
from unknot.errors import CliError, print_error, render_error, usage_error
from unknot.exit_codes import ExitCode

__all__ = ["app", "main", "run"]

app = typer.Typer(
    name="unknot",
    help="Untangle Python code bases: measure a layer's import graph, rewrite imports, gate CI.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        print(f"unknot {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    _state["debug"] = debug


analyze.register(app)
graph.register(app)
diff.register(app)
rules.register(app)
codemod.register(app)
init.register(app)
plan.register(app)
migrate.register(app)


def _user_error_types() -> tuple[type[Exception], ...]:
    from analyzer.errors import AnalyzerError
    from codemods.engine.errors import CodemodError
    from reports.errors import ReportError

    return (CliError, AnalyzerError, CodemodError, ReportError)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code; user errors print one line with a code and a hint."""
    try:
        result = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print_error("Interrupted.")
        sys.exit(ExitCode.INTERRUPTED)
    except ClickException as exc:
        context = getattr(exc, "ctx", None)
        render_error(usage_error(exc.format_message(), getattr(context, "command_path", None)))
        sys.exit(ExitCode.USAGE_ERROR)
    except KeyboardInterrupt:
        print_error("Interrupted.")
        sys.exit(ExitCode.INTERRUPTED)
    except _user_error_types() as exc:
        if _state["debug"]:
            raise
        render_error(exc)  # type: ignore[arg-type]
        sys.exit(ExitCode.USAGE_ERROR)
    sys.exit(int(result) if isinstance(result, int) else ExitCode.OK)


def run() -> None:
    """The console entry point: `main`, then end the process without tearing it down.

    An analysis leaves hundreds of thousands of objects; freeing them one by one at exit costs
    10-15 ms of every run on Django. Once the output is flushed the process ends at once.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
