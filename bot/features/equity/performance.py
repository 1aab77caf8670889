"""Backtest performance: round-trip trades, total return, max drawdown, win rate, fees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.trading import ZERO, Fill, quantised

__all__ = ["Performance", "Trade", "max_drawdown", "round_trips", "summarise"]


@dataclass(frozen=True, slots=True)
class Trade:
    """One round trip: a buy and the sells that closed it; `pnl` is net of every fee."""

    entry_ts: int
    exit_ts: int | None
    amount: Decimal
    entry_price: Decimal
    exit_price: Decimal | None
    pnl: Decimal
    fees: Decimal
    exit_reason: str | None


@dataclass(frozen=True, slots=True)
class Performance:
    trades: tuple[Trade, ...]
    starting_cash: Decimal
    final_equity: Decimal
    total_return: float
    max_drawdown: float
    win_rate: float | None
    fees: Decimal


def round_trips(fills: Sequence[Fill]) -> list[Trade]:
    """Fills grouped into trades; a trade still open at the end has no exit."""
    trades: list[Trade] = []
    group: list[Fill] = []
    held = ZERO
    for fill in fills:
        group.append(fill)
        held += fill.amount if fill.side == "buy" else -fill.amount
        if held <= 0:
            trades.append(_trade(group, closed=True))
            group, held = [], ZERO
    if group:
        trades.append(_trade(group, closed=False))
    return trades


def _trade(group: list[Fill], *, closed: bool) -> Trade:
    buy, sells = group[0], [f for f in group if f.side == "sell"]
    fees = sum((f.fee for f in group), ZERO)
    sold = sum((f.amount for f in sells), ZERO)
    exit_price = (
        quantised(sum((f.amount * f.fill_price for f in sells), ZERO) / sold) if sold else None
    )
    pnl = sum((f.realised_pnl for f in sells), ZERO) - fees
    return Trade(
        entry_ts=buy.candle_ts,
        exit_ts=sells[-1].candle_ts if closed and sells else None,
        amount=buy.amount,
        entry_price=buy.fill_price,
        exit_price=exit_price,
        pnl=pnl,
        fees=fees,
        exit_reason=sells[-1].reason if closed and sells else None,
    )


def max_drawdown(curve: Sequence[float]) -> float:
    """The largest fall from a peak of `curve`, as a fraction of that peak."""
    peak, worst = float("-inf"), 0.0
    for value in curve:
        if value > peak:
            peak = value
        elif peak > 0 and (peak - value) / peak > worst:
            worst = (peak - value) / peak
    return worst


def summarise(
    fills: Sequence[Fill], curve: Sequence[float], *, starting_cash: Decimal, final_equity: Decimal
) -> Performance:
    trades = round_trips(fills)
    closed = [t for t in trades if t.exit_ts is not None]
    wins = sum(1 for t in closed if t.pnl > 0)
    return Performance(
        trades=tuple(trades),
        starting_cash=starting_cash,
        final_equity=final_equity,
        total_return=float((final_equity - starting_cash) / starting_cash),
        max_drawdown=max_drawdown([float(starting_cash), *curve]),
        win_rate=wins / len(closed) if closed else None,
        fees=sum((f.fee for f in fills), ZERO),
    )
