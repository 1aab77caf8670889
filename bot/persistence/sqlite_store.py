"""The SQLite account store: WAL, one `BEGIN IMMEDIATE` transaction per cycle.

`BEGIN IMMEDIATE` takes the write lock before the cycle reads the account, so two processes
running a cycle on one account are serialised: the second one waits, then reads what the first
committed (its candle is no longer new) and cannot trade it again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path

from bot.errors import StorageError
from bot.persistence.cycle_rows import SqliteCycle
from bot.persistence.schema import ensure_schema
from bot.persistence.sync_points import sync_point

__all__ = ["SqliteStore", "translate"]


def translate(exc: sqlite3.Error, path: Path) -> StorageError:
    """A sqlite3 error as a user-facing error about the database at `path`."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StorageError(
            f"The database {path} stayed locked by another process.",
            code="database-locked",
            hint="Another bot holds this account; wait for it or use another --account.",
        )
    if "readonly" in text or "unable to open" in text or "disk I/O" in text:
        return StorageError(
            f"Cannot write the database {path}: {text}.",
            code="database-not-writable",
            hint="Pass --db with a path in a writable folder.",
        )
    return StorageError(
        f"The database {path} cannot be used: {text}.",
        code="database-error",
        hint="Pass --db with a new file, or check the file is a bot database.",
    )


class SqliteStore:
    def __init__(self, path: Path, *, busy_timeout: float = 30.0) -> None:
        self.path = path
        try:
            self._conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            mode = self._conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError("readonly database: WAL mode unavailable")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            ensure_schema(self._conn, now=int(time.time()))
        except sqlite3.Error as exc:
            raise translate(exc, path) from None

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def cycle(self, account: str, symbol: str) -> Iterator[SqliteCycle]:
        """One exclusive transaction; an exception anywhere rolls everything back."""
        conn = self._conn
        try:
            sync_point("before-begin")
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        try:
            yield SqliteCycle(conn, account, symbol)
            sync_point("before-commit")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise translate(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # A failed COMMIT may already have ended the transaction; the first error is the story.
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def reset(self, account: str, *, starting_cash: Decimal) -> None:
        """Retire the account's current paper account (kept for history) and open a new one."""
        with self.cycle(account, "") as tx:
            tx.retire()
            tx.load(starting_cash=starting_cash)
