"""The command line's shared options and the trading rules its help states."""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer

from bot.composition import RunOptions
from bot.domain.settings import FillRules, RiskLimits
from bot.domain.timeframes import parse_iso
from bot.errors import UsageError

__all__ = [
    "SIZE_RANGES",
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
    "StartingCash",
    "Strategy",
    "Symbol",
    "TimeframeOpt",
    "account_name",
    "build_options",
    "parse_moment",
    "size",
]

TRADING_RULES = (
    "Trading rules: spot, long only, one position per symbol. A market order fills at the last "
    "closed candle's close moved against the trader by the slippage (default 5 bps), with a fee "
    "(default 0.1%) on every fill and the amount rounded down to the lot size. Stop-loss and "
    "take-profit are checked against each new candle's low and high; when one candle reaches "
    "both, the stop is assumed. Risk guards: max fraction of equity per position (50%), minimum "
    "order value (10), stale data (last closed candle 2 timeframes old), bad data (NaN, zero, "
    "high < low), max drawdown kill switch (25%), cooldown: no entry at the "
    "close of a candle that stopped out nor at the next 2 closes. "
    "The unfinished candle is always dropped; a closed candle is traded once."
)

Strategy = Annotated[
    str,
    typer.Option("--strategy", "-s", help="fib (golden zone) or sma (crossover)."),
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
StartingCash = Annotated[str, typer.Option(help="Cash of the (new) account, quote units.")]


#: Each size option's range: (low, high, low excluded).
SIZE_RANGES: dict[str, tuple[Decimal, Decimal, bool]] = {
    "fee-rate": (Decimal(0), Decimal("0.1"), False),
    "slippage-bps": (Decimal(0), Decimal(1000), False),
    "lot-size": (Decimal(0), Decimal(1_000_000), True),
    "min-order-value": (Decimal(0), Decimal(10) ** 12, False),
    "position-size": (Decimal(0), Decimal(1), True),
    "starting-cash": (Decimal(0), Decimal(10) ** 12, True),
}


def size(text: str, name: str) -> Decimal:
    """The value of option `--name`, checked against its range in `SIZE_RANGES`."""
    low, high, low_open = SIZE_RANGES[name]
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = Decimal("NaN")
    inside = value.is_finite() and (value > low if low_open else value >= low) and value <= high
    if not inside:
        span = f"{'(' if low_open else '['}{low}, {high:,}]"
        raise UsageError(
            f"--{name} {text!r} is not a number in {span}.",
            code="bad-parameter",
            hint=f"Pass --{name} with a number in {span}.",
        )
    return value


def _params(items: list[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {item!r} is not NAME=VALUE.", code="bad-parameter")
        params[name.strip()] = value.strip()
    return params


def parse_moment(text: str | None, *, option: str = "--now") -> int | None:
    """Epoch seconds of an ISO 8601 moment between 1970 and the wall clock, or None."""
    if text is None:
        return None
    moment = parse_iso(text)
    if moment is None:
        raise UsageError(
            f"{option} {text!r} is not an ISO 8601 date.",
            code="bad-parameter",
            hint="e.g. 2026-01-01T12:00:00Z",
        )
    if moment > time.time():
        raise UsageError(
            f"{option} {text!r} is in the future.",
            code="moment-in-future",
            hint=f"{option} replays a moment of the past; leave it out to use the wall clock.",
        )
    if moment < 0:
        raise UsageError(
            f"{option} {text!r} is before 1970.",
            code="bad-parameter",
            hint="Candle times are epoch seconds: pass a moment from 1970 on.",
        )
    return moment


def account_name(name: str) -> str:
    if not name.strip() or len(name) > 64 or not name.isprintable():
        raise UsageError(
            f"--account {name!r} is not an account name.",
            code="bad-parameter",
            hint="Name the account with 1 to 64 printable characters, e.g. --account btc.",
        )
    return name


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
        slippage_bps=size(rules["slippage_bps"], "slippage-bps"),
        fee_rate=size(rules["fee_rate"], "fee-rate"),
        lot_size=size(rules["lot_size"], "lot-size"),
    )
    risk = RiskLimits(
        position_size=size(rules["position_size"], "position-size"),
        min_order_value=size(rules["min_order_value"], "min-order-value"),
    )
    return RunOptions(
        strategy=strategy,
        symbol=symbol,
        timeframe=timeframe,
        data=data,
        account=account_name(account),
        params=_params(params),
        fills=fills,
        risk=risk,
    )
