"""`unknot codemod move OLD NEW`, `move-symbol MODULE:NAME... DEST`, `remove-shim MODULE`
(and `typing-import`, registered from its own module)."""

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unknot.cycle_finder import AnalyzerCycles
from unknot.errors import CliError
from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

if TYPE_CHECKING:
    from codemods import Outcome

__all__ = ["register"]

codemod_app = typer.Typer(
    name="codemod",
    help="Change the code: move modules or top-level names, extract a protocol, move "
    "typing-only imports under TYPE_CHECKING, remove a re-export shim.",
    no_args_is_help=True,
)

Root = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The repository to change (default: the enclosing git work tree, "
        "else the nearest pyproject.toml, else .).",
    ),
]
ImportRoots = Annotated[
    list[Path] | None,
    typer.Option(
        "--import-root",
        help="A directory modules are imported from (repeatable; default: src/, "
        "pyproject's package dirs, the root).",
    ),
]
Apply = Annotated[
    bool, typer.Option("--apply", help="Write the changes (default: a dry run that prints a diff).")
]
AllowDirty = Annotated[
    bool,
    typer.Option("--allow-dirty", help="Write even if the git work tree has uncommitted changes."),
]
Format = Annotated[str, typer.Option("--format", "-f", help="Output format: text, json.")]


def _render(outcome: "Outcome", output_format: str) -> int:
    if output_format == "json":
        payload = {**outcome.summary.as_dict(), "diff": outcome.diff}
        sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    else:
        if not outcome.summary.applied and outcome.diff:
            sys.stdout.write(outcome.diff)
        sys.stdout.write("\n".join(outcome.summary.lines()) + "\n")
    return ExitCode.OK


@contextlib.contextmanager
def json_errors(output_format: str) -> Iterator[None]:
    """With `--format json`, a user error is also one JSON document on stdout (the same
    `error[code]` line and hint go to stderr, and the exit code stays 2)."""
    from codemods import CodemodError

    try:
        yield
    except (CodemodError, CliError) as exc:
        if output_format == "json":
            error = {"code": exc.code, "message": exc.message, "hint": exc.hint}
            sys.stdout.write(json.dumps({"error": error, "schema_version": 1}, indent=2) + "\n")
        raise


def _check_format(output_format: str) -> None:
    if output_format not in {"text", "json"}:
        raise CliError(
            code="unknown-format",
            message=f"Unknown format '{output_format}'.",
            hint="Choose text or json.",
        )


def _root(root: Path | None) -> Path:
    from codemods import find_repository_root

    return root.resolve() if root is not None else find_repository_root(Path.cwd())


@codemod_app.command("move", cls=PlainUsage)
def move(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="The dotted name of the module or package to move.")
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Its new dotted name.")],
    root: Root = None,
    import_root: ImportRoots = None,
    shim: Annotated[
        bool, typer.Option("--shim", help="Leave OLD as a re-export shim that warns on import.")
    ] = False,
    include_text: Annotated[
        bool,
        typer.Option(
            "--include-text",
            help="Also rewrite mentions in non-Python files (pyproject, docs, configs).",
        ),
    ] = False,
    apply: Apply = False,
    allow_dirty: AllowDirty = False,
    output_format: Format = "text",
) -> int:
    """Move OLD to NEW and rewrite every reference, tests included; a dry run unless --apply."""
    from codemods import MoveRequest, move_module

    _check_format(output_format)
    with json_errors(output_format):
        request = MoveRequest(
            _root(root), old, new, tuple(import_root or ()), shim=shim, include_text=include_text
        )
        outcome = move_module(
            request, apply=apply, allow_dirty=allow_dirty, cycle_finder=AnalyzerCycles()
        )
    return _render(outcome, output_format)


@codemod_app.command("remove-shim", cls=PlainUsage)
def remove_shim(
    module: Annotated[
        str, typer.Argument(metavar="MODULE", help="The dotted name of the re-export shim.")
    ],
    root: Root = None,
    import_root: ImportRoots = None,
    apply: Apply = False,
    allow_dirty: AllowDirty = False,
    output_format: Format = "text",
) -> int:
    """Point every importer of the shim MODULE at the real home of each name, then delete it."""
    from codemods import ShimRequest, remove_shim_module

    _check_format(output_format)
    with json_errors(output_format):
        request = ShimRequest(_root(root), module, tuple(import_root or ()))
        outcome = remove_shim_module(request, apply=apply, allow_dirty=allow_dirty)
    return _render(outcome, output_format)


@codemod_app.command("move-symbol", cls=PlainUsage)
def move_symbol(
    symbols: Annotated[
        list[str],
        typer.Argument(
            metavar="MODULE:NAME... DEST",
            help="The top-level names to move (MODULE:NAME, one or more), then the module to "
            "move them into.",
        ),
    ],
    with_names: Annotated[
        list[str] | None,
        typer.Option("--with", help="Also move this name of the same module (repeatable)."),
    ] = None,
    shim: Annotated[
        bool,
        typer.Option("--shim", help="Keep `from DEST import NAME` in MODULE for old importers."),
    ] = False,
    root: Root = None,
    import_root: ImportRoots = None,
    apply: Apply = False,
    allow_dirty: AllowDirty = False,
    output_format: Format = "text",
) -> int:
    """Move top-level classes, functions and constants to DEST and re-point every reference."""
    from codemods import SymbolRequest, move_symbols

    _check_format(output_format)
    with json_errors(output_format):
        if len(symbols) < 2:
            raise CliError(
                code="missing-argument",
                message="move-symbol needs at least one MODULE:NAME and a DEST module.",
                hint="unknot codemod move-symbol shop.orders:Order shop.models",
            )
        request = SymbolRequest(
            _root(root),
            tuple(symbols[:-1]),
            symbols[-1],
            tuple(import_root or ()),
            with_names=tuple(with_names or ()),
            shim=shim,
        )
        outcome = move_symbols(
            request, apply=apply, allow_dirty=allow_dirty, cycle_finder=AnalyzerCycles()
        )
    return _render(outcome, output_format)


def register(app: typer.Typer) -> None:
    # the commands in their own modules import this module's options: imported here
    from unknot.commands import extract_protocol, typing_import

    extract_protocol.register(codemod_app)
    typing_import.register(codemod_app)
    app.add_typer(codemod_app)
