"""The SQLite schema and its version; a database from a newer bot is refused, never guessed at."""

from __future__ import annotations

import sqlite3

from bot.errors import StorageError

__all__ = ["SCHEMA_VERSION", "ensure_schema"]

SCHEMA_VERSION = 1

_TABLES = """
CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL);
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    starting_cash TEXT NOT NULL,
    cash TEXT NOT NULL,
    realised_pnl TEXT NOT NULL,
    fees TEXT NOT NULL,
    peak_equity TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX accounts_one_active ON accounts(name) WHERE active = 1;
CREATE TABLE cursors (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    symbol TEXT NOT NULL,
    last_candle_ts INTEGER,
    cooldown_until INTEGER,
    PRIMARY KEY (account_id, symbol)
);
CREATE TABLE positions (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    symbol TEXT NOT NULL,
    amount TEXT NOT NULL,
    entry_price TEXT NOT NULL,
    stop_loss TEXT NOT NULL,
    take_profit TEXT,
    take_profit_2 TEXT,
    opened_ts INTEGER NOT NULL,
    first_target_done INTEGER NOT NULL,
    PRIMARY KEY (account_id, symbol)
);
CREATE TABLE cycles (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    symbol TEXT NOT NULL,
    timeframe TEXT NOT NULL,
    strategy TEXT NOT NULL,
    status TEXT NOT NULL,
    candle_ts INTEGER,
    created_at INTEGER NOT NULL,
    result_json TEXT NOT NULL
);
CREATE TABLE fills (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    cycle_id INTEGER NOT NULL REFERENCES cycles(id),
    symbol TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    reason TEXT NOT NULL,
    amount TEXT NOT NULL,
    requested_price TEXT NOT NULL,
    fill_price TEXT NOT NULL,
    fee TEXT NOT NULL,
    slippage TEXT NOT NULL,
    realised_pnl TEXT NOT NULL,
    candle_ts INTEGER NOT NULL
);
CREATE TABLE equity_snapshots (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    cycle_id INTEGER NOT NULL REFERENCES cycles(id),
    candle_ts INTEGER NOT NULL,
    cash TEXT NOT NULL,
    asset TEXT NOT NULL,
    price TEXT NOT NULL,
    equity TEXT NOT NULL,
    drawdown TEXT NOT NULL
);
"""


def _version(conn: sqlite3.Connection) -> int | None:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if found is None:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        if tables[0]:
            raise StorageError(
                "The database holds tables but no bot schema.",
                code="not-a-bot-database",
                hint="Pass --db with a new file or one the bot created.",
            )
        return None
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _check(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"The database has schema version {version};"
            f" this bot knows versions up to {SCHEMA_VERSION}.",
            code="schema-too-new",
            hint="Upgrade the bot, or pass --db with another database file.",
        )


def ensure_schema(conn: sqlite3.Connection, *, now: int) -> None:
    """Create the schema in an empty database; refuse one written by a newer bot.

    An existing schema is only read (no write lock): opening the store never waits for a
    cycle running in another process.
    """
    version = _version(conn)
    if version is not None:
        _check(version)
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _version(conn)
        if version is None:
            for statement in _TABLES.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", (SCHEMA_VERSION, now))
        else:
            _check(version)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
