"""The command class of unknot's commands: usage lines in the usual notation."""

from typer._click.core import Context
from typer.core import TyperCommand

__all__ = ["PlainUsage"]


class PlainUsage(TyperCommand):
    """Usage reads `unknot analyze [OPTIONS] TARGET`: typer writes a required argument as
    `{TARGET}`, which reads like a literal set of braces to type."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [
            piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
            for piece in super().collect_usage_pieces(ctx)
        ]
