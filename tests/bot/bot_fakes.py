"""Hand-written fakes of the bot's ports and of a ccxt exchange (no Mock, no network)."""

from __future__ import annotations

from collections.abc import Sequence


class NetworkError(Exception):
    """Named like ccxt's: the ccxt source recognises exceptions by their class names."""


class BadSymbol(Exception):
    pass


class FakeExchange:
    """Answers `fetch_ohlcv` with canned rows, or fails the first `failures` calls."""

    def __init__(self, rows: Sequence[Sequence[float]], *, failures: int = 0,
                 error: type[Exception] = NetworkError) -> None:  # fmt: skip
        self.rows = rows
        self.failures = failures
        self.error = error
        self.calls: list[tuple[str, str, int | None]] = []

    def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None = None, limit: int | None = None
    ) -> Sequence[Sequence[float]]:
        self.calls.append((symbol, timeframe, limit))
        if len(self.calls) <= self.failures:
            raise self.error("connection refused")
        return self.rows[-limit:] if limit else self.rows


class RecordingSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
