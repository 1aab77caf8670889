"""Conversions between database rows and domain values (Decimals are stored as text)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from bot.domain.trading import Fill, Position

__all__ = ["dec", "fill_row", "opt_dec", "position_from_row", "position_row"]


def dec(text: str) -> Decimal:
    return Decimal(text)


def opt_dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _opt_str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def position_from_row(row: sqlite3.Row | None) -> Position | None:
    if row is None:
        return None
    return Position(
        symbol=row["symbol"],
        amount=dec(row["amount"]),
        entry_price=dec(row["entry_price"]),
        stop_loss=dec(row["stop_loss"]),
        take_profit=opt_dec(row["take_profit"]),
        take_profit_2=opt_dec(row["take_profit_2"]),
        opened_ts=row["opened_ts"],
        first_target_done=bool(row["first_target_done"]),
    )


def position_row(account_id: int, p: Position) -> tuple[object, ...]:
    return (
        account_id,
        p.symbol,
        str(p.amount),
        str(p.entry_price),
        str(p.stop_loss),
        _opt_str(p.take_profit),
        _opt_str(p.take_profit_2),
        p.opened_ts,
        int(p.first_target_done),
    )


def fill_row(account_id: int, cycle_id: int, f: Fill) -> tuple[object, ...]:
    return (
        account_id,
        cycle_id,
        f.symbol,
        f.side,
        f.reason,
        str(f.amount),
        str(f.requested_price),
        str(f.fill_price),
        str(f.fee),
        str(f.slippage),
        str(f.realised_pnl),
        f.candle_ts,
    )
