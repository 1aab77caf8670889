"""One cycle's reads and writes inside the store's transaction."""

from __future__ import annotations

import json
import sqlite3
import time
from decimal import Decimal

from bot.domain.result_json import result_to_dict
from bot.domain.trading import ZERO, AccountState, CycleResult
from bot.orchestration.core.ports import CycleOutcome
from bot.persistence.rows import dec, fill_row, position_from_row, position_row

__all__ = ["SqliteCycle"]


class SqliteCycle:
    """Reads and writes of one account and symbol; the caller owns the transaction."""

    def __init__(self, conn: sqlite3.Connection, account: str, symbol: str) -> None:
        self._conn = conn
        self._account = account
        self._symbol = symbol
        self._account_id: int | None = None

    def _row(self) -> sqlite3.Row | None:
        return self._conn.execute(  # type: ignore[no-any-return]
            "SELECT * FROM accounts WHERE name = ? AND active = 1", (self._account,)
        ).fetchone()

    def retire(self) -> None:
        self._conn.execute("UPDATE accounts SET active = 0 WHERE name = ?", (self._account,))

    def load(self, *, starting_cash: Decimal) -> AccountState:
        row = self._row()
        if row is None:
            cash = str(starting_cash)
            self._conn.execute(
                "INSERT INTO accounts (name, starting_cash, cash, realised_pnl, fees, peak_equity,"
                " created_at) VALUES (?, ?, ?, '0', '0', ?, ?)",
                (self._account, cash, cash, cash, int(time.time())),
            )
            row = self._row()
            assert row is not None
        self._account_id = account_id = int(row["id"])
        key = (account_id, self._symbol)
        position = self._conn.execute(
            "SELECT * FROM positions WHERE account_id = ? AND symbol = ?", key
        ).fetchone()
        cursor = self._conn.execute(
            "SELECT * FROM cursors WHERE account_id = ? AND symbol = ?", key
        ).fetchone()
        return AccountState(
            account=self._account,
            symbol=self._symbol,
            starting_cash=dec(row["starting_cash"]),
            cash=dec(row["cash"]),
            realised_pnl=dec(row["realised_pnl"]),
            fees=dec(row["fees"]),
            peak_equity=dec(row["peak_equity"]),
            position=position_from_row(position),
            last_candle_ts=cursor["last_candle_ts"] if cursor else None,
            cooldown_until=cursor["cooldown_until"] if cursor else None,
        )

    def save(self, outcome: CycleOutcome) -> None:
        assert self._account_id is not None, "load() comes first"
        cycle_id = self._insert_cycle(outcome.result)
        if outcome.changed:
            self._save_state(outcome.state)
            rows = [fill_row(self._account_id, cycle_id, f) for f in outcome.fills]
            self._conn.executemany(
                "INSERT INTO fills (account_id, cycle_id, symbol, side, reason, amount,"
                " requested_price, fill_price, fee, slippage, realised_pnl, candle_ts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            self._snapshot(cycle_id, outcome.result)

    def _insert_cycle(self, result: CycleResult) -> int:
        document = json.dumps(result_to_dict(result), sort_keys=True)
        cursor = self._conn.execute(
            "INSERT INTO cycles (account_id, symbol, timeframe, strategy, status, candle_ts,"
            " created_at, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._account_id,
                self._symbol,
                result.timeframe,
                result.strategy,
                result.status.value,
                result.candle_ts,
                result.timestamp,
                document,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _save_state(self, state: AccountState) -> None:
        conn, account_id = self._conn, self._account_id
        conn.execute(
            "UPDATE accounts SET cash = ?, realised_pnl = ?, fees = ?, peak_equity = ?"
            " WHERE id = ?",
            (
                str(state.cash),
                str(state.realised_pnl),
                str(state.fees),
                str(state.peak_equity),
                account_id,
            ),
        )
        conn.execute(
            "INSERT OR REPLACE INTO cursors VALUES (?, ?, ?, ?)",
            (account_id, self._symbol, state.last_candle_ts, state.cooldown_until),
        )
        conn.execute(
            "DELETE FROM positions WHERE account_id = ? AND symbol = ?", (account_id, self._symbol)
        )
        if state.position is not None and account_id is not None:
            conn.execute(
                "INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                position_row(account_id, state.position),
            )

    def _snapshot(self, cycle_id: int, result: CycleResult) -> None:
        view, equity = result.position, result.equity
        if view is None or equity is None or result.candle_ts is None:
            return
        self._conn.execute(
            "INSERT INTO equity_snapshots (account_id, cycle_id, candle_ts, cash, asset, price,"
            " equity, drawdown) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._account_id,
                cycle_id,
                result.candle_ts,
                str(view.cash_balance),
                str(view.asset_balance),
                str(view.price),
                str(equity.total),
                str(equity.drawdown if equity.drawdown else ZERO),
            ),
        )
