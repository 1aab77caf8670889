"""The command line's shared options and the trading rules its help states."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer

from bot.composition import RunOptions
from bot.domain.settings import FillRules, RiskLimits
from bot.domain.timeframes import parse_iso
from bot.errors import UsageError

__all__ = [
    "TRADING_RULES",
    "Account",
    "Data",
    "Db",
    "FeeRate",
    "Json",
    "LotSize",
    "MinOrderValue",
    "Now",
    "Params",
    "PositionSize",
    "Slippage",
    "Strategy",
    "Symbol",
    "TimeframeOpt",
    "build_options",
    "parse_moment",
]

TRADING_RULES = (
    "Trading rules: spot, long only, one position per symbol. A market order fills at the last "
    "closed candle's close moved against the trader by the slippage (default 5 bps), with a fee "
    "(default 0.1%) on every fill and the amount rounded down to the lot size. Stop-loss and "
    "take-profit are checked against each new candle's low and high; when one candle reaches "
    "both, the stop is assumed. Risk guards: max fraction of equity per position (50%), minimum "
    "order value (10), stale data (last closed candle 2 timeframes old), bad data (NaN, zero, "
    "high < low), max drawdown kill switch (25%), cooldown of 3 candles after a stop-out. "
    "The unfinished candle is always dropped; a closed candle is traded once."
)

Strategy = Annotated[
    str, typer.Option("--strategy", "-s", help="fib (golden zone) or sma (crossover).")
]
Symbol = Annotated[str, typer.Option(help="Pair as BASE-QUOTE.")]
TimeframeOpt = Annotated[
    str, typer.Option("--timeframe", "-t", help="Candle timeframe: 1m, 15m, 1h, 4h, 1d.")
]
Data = Annotated[
    str, typer.Option(help="sample, csv:PATH or ccxt:EXCHANGE (needs the live extra).")
]
Db = Annotated[str, typer.Option(help="SQLite database of the paper accounts.")]
Account = Annotated[str, typer.Option(help="Paper account name.")]
Json = Annotated[bool, typer.Option("--json", help="Print one versioned JSON document.")]
Now = Annotated[
    str | None,
    typer.Option(help="The clock, ISO 8601 (default: now); replays a moment of history."),
]
Params = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="Strategy parameter NAME=VALUE (repeatable)."),
]
FeeRate = Annotated[str, typer.Option(help="Fee per fill, as a fraction of the notional.")]
Slippage = Annotated[str, typer.Option("--slippage-bps", help="Slippage against the trader, bps.")]
LotSize = Annotated[str, typer.Option(help="Amounts are rounded down to this lot size.")]
MinOrderValue = Annotated[str, typer.Option(help="Smallest order value, quote units.")]
PositionSize = Annotated[str, typer.Option(help="Fraction of equity an entry invests.")]


def _decimal(text: str, name: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0:
        raise UsageError(f"--{name} {text!r} is not a non-negative number.", code="bad-parameter")
    return value


def _params(items: list[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {item!r} is not NAME=VALUE.", code="bad-parameter")
        params[name.strip()] = value.strip()
    return params


def parse_moment(text: str | None) -> int | None:
    if text is None:
        return None
    moment = parse_iso(text)
    if moment is None:
        raise UsageError(
            f"{text!r} is not an ISO 8601 date.",
            code="bad-parameter",
            hint="e.g. 2026-01-01T12:00:00Z",
        )
    return moment


def build_options(
    *,
    strategy: str,
    symbol: str,
    timeframe: str,
    data: str,
    account: str,
    params: list[str] | None,
    rules: dict[str, str],
) -> RunOptions:
    """Run options from the raw option values (`rules`: fee_rate, slippage_bps, ...)."""
    fills = FillRules(
        slippage_bps=_decimal(rules["slippage_bps"], "slippage-bps"),
        fee_rate=_decimal(rules["fee_rate"], "fee-rate"),
        lot_size=_decimal(rules["lot_size"], "lot-size"),
    )
    if fills.lot_size <= 0:
        raise UsageError("--lot-size must be positive.", code="bad-parameter")
    risk = RiskLimits(
        position_size=_decimal(rules["position_size"], "position-size"),
        min_order_value=_decimal(rules["min_order_value"], "min-order-value"),
    )
    return RunOptions(
        strategy=strategy,
        symbol=symbol,
        timeframe=timeframe,
        data=data,
        account=account,
        params=_params(params),
        fills=fills,
        risk=risk,
    )
