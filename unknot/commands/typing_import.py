"""`unknot codemod typing-import MODULE IMPORTED`: an import used only in annotations moved under
`if TYPE_CHECKING:`."""

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


def typing_import(
    module: Annotated[
        str, typer.Argument(metavar="MODULE", help="The dotted name of the importing module.")
    ],
    imported: Annotated[
        str, typer.Argument(metavar="IMPORTED", help="The dotted name of the module it imports.")
    ],
    root: Root = None,
    import_root: ImportRoots = None,
    apply: Apply = False,
    allow_dirty: AllowDirty = False,
    output_format: Format = "text",
    defer: Annotated[
        bool,
        typer.Option(
            "--defer", help="Import names used at run time inside functions in those functions."
        ),
    ] = False,
) -> int:
    """Move MODULE's imports of IMPORTED under TYPE_CHECKING when only annotations use them."""
    from codemods import TypingImportRequest
    from codemods import typing_import as run

    _check_format(output_format)
    request = TypingImportRequest(
        _root(root), module, imported, tuple(import_root or ()), defer=defer
    )
    outcome = run(request, apply=apply, allow_dirty=allow_dirty, cycle_finder=AnalyzerCycles())
    return _render(outcome, output_format)


def register(codemod_app: typer.Typer) -> None:
    codemod_app.command("typing-import", cls=PlainUsage)(typing_import)
