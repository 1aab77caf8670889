"""Read-only questions about an account: its balances, positions, last cycles and fills."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.domain.trading import Fill, Position
from bot.persistence.rows import dec, position_from_row

__all__ = ["AccountStatus", "account_fills", "account_status"]


@dataclass(frozen=True)
class AccountStatus:
    account: str
    created_at: int
    starting_cash: Decimal
    cash: Decimal
    realised_pnl: Decimal
    fees: Decimal
    peak_equity: Decimal
    positions: tuple[Position, ...]
    fills: int
    last_equity: Decimal | None
    last_cycles: tuple[dict[str, Any], ...]


def account_status(
    conn: sqlite3.Connection, account: str, *, last: int = 5
) -> AccountStatus | None:
    """The active paper account called `account`, or None when there is none."""
    row = conn.execute(
        "SELECT * FROM accounts WHERE name = ? AND active = 1", (account,)
    ).fetchone()
    if row is None:
        return None
    account_id = row["id"]
    positions = conn.execute(
        "SELECT * FROM positions WHERE account_id = ? ORDER BY symbol", (account_id,)
    ).fetchall()
    fills = conn.execute("SELECT count(*) FROM fills WHERE account_id = ?", (account_id,))
    equity = conn.execute(
        "SELECT equity FROM equity_snapshots WHERE account_id = ? ORDER BY id DESC LIMIT 1",
        (account_id,),
    ).fetchone()
    cycles = conn.execute(
        "SELECT result_json FROM cycles WHERE account_id = ? ORDER BY id DESC LIMIT ?",
        (account_id, last),
    ).fetchall()
    return AccountStatus(
        account=account,
        created_at=row["created_at"],
        starting_cash=dec(row["starting_cash"]),
        cash=dec(row["cash"]),
        realised_pnl=dec(row["realised_pnl"]),
        fees=dec(row["fees"]),
        peak_equity=dec(row["peak_equity"]),
        positions=tuple(p for p in map(position_from_row, positions) if p is not None),
        fills=int(fills.fetchone()[0]),
        last_equity=dec(equity["equity"]) if equity else None,
        last_cycles=tuple(json.loads(c["result_json"]) for c in cycles),
    )


def account_fills(
    conn: sqlite3.Connection, account: str, *, last: int = 20
) -> tuple[Fill, ...] | None:
    """The last `last` fills of the active account `account`, oldest first; None when there
    is no such account."""
    row = conn.execute(
        "SELECT id FROM accounts WHERE name = ? AND active = 1", (account,)
    ).fetchone()
    if row is None:
        return None
    rows = conn.execute(
        "SELECT * FROM fills WHERE account_id = ? ORDER BY id DESC LIMIT ?", (row["id"], last)
    ).fetchall()
    return tuple(
        Fill(
            side=r["side"],
            symbol=r["symbol"],
            reason=r["reason"],
            amount=dec(r["amount"]),
            requested_price=dec(r["requested_price"]),
            fill_price=dec(r["fill_price"]),
            fee=dec(r["fee"]),
            slippage=dec(r["slippage"]),
            realised_pnl=dec(r["realised_pnl"]),
            candle_ts=r["candle_ts"],
        )
        for r in reversed(rows)
    )
