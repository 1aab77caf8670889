"""Public candles of a real exchange through ccxt (the optional `live` extra).

ccxt is imported only when this source is used. Its exceptions become ours here, once:
network trouble is `DataUnavailable` (transient, so the orchestrator retries a bounded number
of times and then prints an `error` result), an unknown market is a usage error.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe
from bot.errors import BotError, DataUnavailable, UsageError

__all__ = ["CcxtSource", "Exchange", "load_exchange"]

_NETWORK = {"NetworkError", "RequestTimeout", "ExchangeNotAvailable", "DDoSProtection"}
_MARKET = {"BadSymbol", "BadRequest"}


class Exchange(Protocol):
    """The part of a ccxt exchange object this source uses."""

    def fetch_ohlcv(
        self, symbol: str, timeframe: str, since: int | None = None, limit: int | None = None
    ) -> Sequence[Sequence[float]]: ...


def load_exchange(exchange_id: str) -> Exchange:
    """A ccxt exchange by id (`binance`, `kraken`, ...), imported lazily."""
    try:
        ccxt: Any = importlib.import_module("ccxt")
    except ImportError:
        raise UsageError(
            "The ccxt data source needs the optional `live` extra.",
            code="missing-extra",
            hint="pip install 'unknot[live]', or use --data sample or --data csv:PATH.",
        ) from None
    factory = getattr(ccxt, exchange_id, None)
    if not callable(factory):
        raise UsageError(
            f"ccxt knows no exchange {exchange_id!r}.",
            code="unknown-exchange",
            hint="Use a ccxt exchange id such as binance, kraken or coinbase.",
        )
    exchange: Exchange = factory({"enableRateLimit": True, "timeout": 10_000})
    return exchange


def _translate(exc: Exception, exchange_id: str, symbol: str) -> BotError:
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & _MARKET:
        return UsageError(
            f"{exchange_id} has no market {symbol!r}: {exc}",
            code="unknown-symbol",
            hint="Write the symbol as BASE-QUOTE, e.g. BTC-USDT.",
        )
    if names & _NETWORK or isinstance(exc, OSError):
        return DataUnavailable(
            f"{exchange_id} did not answer: {exc}",
            code="network-error",
            hint="Check the network connection, or use --data sample or csv:PATH offline.",
        )
    return DataUnavailable(
        f"{exchange_id} refused the request: {exc}", code="exchange-error", hint="Try again later."
    )


class CcxtSource:
    """Candles from `exchange`; `BTC-USD` is asked for as ccxt's `BTC/USD`."""

    def __init__(self, exchange_id: str, *, factory: Callable[[str], Exchange] = load_exchange):
        self.exchange_id = exchange_id
        self._factory = factory
        self._exchange: Exchange | None = None

    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        market = symbol.replace("-", "/")
        try:
            if self._exchange is None:
                self._exchange = self._factory(self.exchange_id)
            rows = self._exchange.fetch_ohlcv(market, timeframe.label, limit=limit)
        except BotError:
            raise
        except Exception as exc:  # ccxt raises its own hierarchy; translated once, here
            raise _translate(exc, self.exchange_id, symbol) from None
        return _series(rows, until=until)


def _series(rows: Sequence[Sequence[float]], *, until: int) -> CandleSeries:
    kept = sorted((int(r[0]) // 1000, r) for r in rows if int(r[0]) // 1000 <= until)
    return CandleSeries(
        [ts for ts, _ in kept],
        [float(r[1]) for _, r in kept],
        [float(r[2]) for _, r in kept],
        [float(r[3]) for _, r in kept],
        [float(r[4]) for _, r in kept],
        [float(r[5] or 0.0) for _, r in kept],
    )
