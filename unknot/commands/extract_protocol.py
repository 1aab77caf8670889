"""`unknot codemod extract-protocol MODULE:CLASS --into DEST_MODULE`."""

from typing import Annotated

import typer

from unknot.commands.codemod import (
    AllowDirty,
    Apply,
    Format,
    ImportRoots,
    Root,
    _check_format,
    _render,
    _root,
)
from unknot.cycle_finder import AnalyzerCycles
from unknot.usage import PlainUsage

__all__ = ["register"]


def extract_protocol(
    target: Annotated[
        str, typer.Argument(metavar="MODULE:CLASS", help="The class, as module:Class.")
    ],
    into: Annotated[
        str,
        typer.Option(
            "--into", help="The module the protocol goes into (created, with its packages)."
        ),
    ],
    name: Annotated[
        str | None, typer.Option("--name", help="The protocol's name (default: I<CLASS>).")
    ] = None,
    dependents: Annotated[
        list[str] | None,
        typer.Option(
            "--dependents",
            help="Also search this package for dependents (repeatable; MODULE's package always).",
        ),
    ] = None,
    with_test: Annotated[
        bool,
        typer.Option("--with-test", help="Write a test that CLASS satisfies the protocol."),
    ] = False,
    root: Root = None,
    import_root: ImportRoots = None,
    apply: Apply = False,
    allow_dirty: AllowDirty = False,
    output_format: Format = "text",
) -> int:
    """Type CLASS's dependents against a Protocol of what they use; a dry run unless --apply.

    Their imports of MODULE go, and the import cycles through them."""
    from codemods.protocols import ProtocolRequest
    from codemods.protocols import extract_protocol as run

    _check_format(output_format)
    request = ProtocolRequest(
        _root(root),
        target,
        into,
        name=name,
        dependents=tuple(dependents or ()),
        import_roots=tuple(import_root or ()),
        with_test=with_test,
    )
    outcome = run(request, apply=apply, allow_dirty=allow_dirty, cycle_finder=AnalyzerCycles())
    return _render(outcome, output_format)


def register(codemod_app: typer.Typer) -> None:
    codemod_app.command("extract-protocol", cls=PlainUsage)(extract_protocol)
