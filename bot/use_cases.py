"""The use cases behind the commands: each takes plain values and returns plain results."""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import TypeVar

from bot.backtest_runner import BacktestOutcome, run_backtest
from bot.composition import RunOptions, builder, make_clock, make_config, make_source
from bot.domain.trading import CycleResult, Fill
from bot.errors import UsageError
from bot.orchestration.lifecycle import LifecycleService
from bot.orchestration.paper_bot import PaperBot
from bot.persistence.queries import AccountStatus, account_fills, account_status
from bot.persistence.sqlite_store import SqliteStore, translate

T = TypeVar("T")

__all__ = [
    "Session",
    "backtest",
    "forget_new_database",
    "open_session",
    "reset",
    "run_daemon",
    "status",
    "trades",
]


@dataclass(frozen=True)
class Session:
    bot: PaperBot
    lifecycle: LifecycleService
    store: SqliteStore
    #: Whether opening the session created the database file.
    created: bool = False


def forget_new_database(session: Session) -> None:
    """Remove the database file the session created, after a first cycle that failed: it
    holds only the schema (a failed cycle commits nothing), and an empty file left behind
    would pass for an account."""
    if not session.created:
        return
    session.store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{session.store.path}{suffix}").unlink(missing_ok=True)


def open_session(options: RunOptions, *, db: str, now: int | None) -> Session:
    """A bot wired to the SQLite store at `db`; bad options fail before the database opens."""
    config = make_config(options)
    source = make_source(options.data, config.symbol)
    created = not Path(db).exists()
    store = SqliteStore(Path(db))
    bot, lifecycle = builder(
        config, options, source=source, store=store, clock=make_clock(now)
    ).build()
    return Session(bot, lifecycle, store, created=created)


def run_daemon(
    session: Session,
    *,
    interval: float,
    max_cycles: int | None,
    on_result: Callable[[CycleResult], None],
) -> int:
    """Cycles every `interval` seconds; the first Ctrl-C stops between cycles, a second aborts."""
    if interval <= 0:
        raise UsageError("--interval must be positive.", code="bad-parameter")

    def stop(signum: int, frame: FrameType | None) -> None:
        session.bot.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, stop)
    previous_term = signal.signal(signal.SIGTERM, stop)
    try:
        return session.lifecycle.run_forever(interval, on_result, max_cycles=max_cycles)
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)


def backtest(options: RunOptions, *, candles: int, end: int) -> BacktestOutcome:
    return run_backtest(options, candles=candles, end=end)


def reset(*, db: str, account: str, starting_cash: Decimal) -> Decimal:
    SqliteStore(Path(db)).reset(account, starting_cash=starting_cash)
    return starting_cash


def _read(db: str, account: str, question: Callable[[sqlite3.Connection], T | None]) -> T:
    """The answer of a read-only `question` about `account` in the database at `db`."""
    if not Path(db).exists():
        raise UsageError(
            f"No database at {db}.", code="no-database", hint="Run dry-run or reset first."
        )
    try:
        found = question(SqliteStore(Path(db)).connection)
    except sqlite3.Error as exc:
        raise translate(exc, Path(db)) from None
    if found is None:
        raise UsageError(
            f"No paper account {account!r} in {db}.",
            code="no-account",
            hint="Run `unknot-bot reset --account NAME` or a dry-run first.",
        )
    return found


def status(*, db: str, account: str, last: int) -> AccountStatus:
    return _read(db, account, lambda conn: account_status(conn, account, last=last))


def trades(*, db: str, account: str, last: int) -> tuple[Fill, ...]:
    return _read(db, account, lambda conn: account_fills(conn, account, last=last))
