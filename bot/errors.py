"""Errors the bot raises for bad input or an unavailable service: a kebab-case code, a message
and a hint. The CLI renders them as one line (or an `error` result) and exits non-zero."""

from __future__ import annotations

__all__ = [
    "BotError",
    "DataError",
    "DataUnavailable",
    "StorageError",
    "UsageError",
]


class BotError(Exception):
    """Base of every user-facing bot error."""

    default_code = "bot-error"
    #: Whether trying again later may succeed (the base orchestrator retries these).
    transient = False
    #: The process exit code: 2 for input the user must fix, 1 for a run that could not finish.
    exit_code = 1

    def __init__(self, message: str, *, hint: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or self.default_code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class UsageError(BotError):
    """A bad option: unknown strategy, symbol or timeframe, bad parameter."""

    default_code = "bad-usage"
    exit_code = 2


class DataError(BotError):
    """Market data that cannot be trusted: malformed, gapped or out-of-order candles."""

    default_code = "bad-data"


class DataUnavailable(BotError):
    """Market data that could not be fetched now (network, exchange down)."""

    default_code = "data-unavailable"
    transient = True


class StorageError(BotError):
    """The database cannot be used: newer schema, read-only or unwritable path, locked."""

    default_code = "storage-error"
    exit_code = 2
