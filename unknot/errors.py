"""User-facing errors: one line with a code, a message and a hint, never a traceback.

Each package raises its own error type (`AnalyzerError`, `CodemodError`, `ReportError`);
they share the `code`, `message` and `hint` attributes, and this module renders any of them.
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["CliError", "UserError", "print_error", "render_error", "usage_error"]


class UserError(Protocol):
    """What every user-facing error carries."""

    @property
    def code(self) -> str: ...

    @property
    def message(self) -> str: ...

    @property
    def hint(self) -> str: ...


class CliError(Exception):
    """An error found by the command line itself (bad option combination, missing file)."""

    def __init__(self, *, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def usage_error(message: str, command_path: str | None) -> CliError:
    """A command-line parsing mistake (unknown option, missing argument, value out of range)
    as one of ours, with the command's help as the hint."""
    command = command_path or "unknot"
    return CliError(code="bad-usage", message=message, hint=f"See `{command} --help`.")


def render_error(error: UserError) -> None:
    """Print `error[code]: message` and, on the next line, the hint, to stderr."""
    from rich.markup import escape

    print_error(f"[bold red]error\\[{escape(error.code)}][/]: {escape(error.message)}")
    if error.hint:
        print_error(f"  [yellow]hint[/]: {escape(error.hint)}")


def print_error(markup: str) -> None:
    """One line of rich markup on stderr (rich is loaded only when there is something to say)."""
    from rich.console import Console

    Console(stderr=True, highlight=False, soft_wrap=True).print(markup)
