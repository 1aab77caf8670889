"""Bad input to the bot, every command: exit 2, one `error[code]` line and a hint, no traceback,
and the database as it was (never created when there was none).

Each row is a mistake a user makes; the real `python -m bot` runs in a subprocess.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.bot.bot_process import run_bot


def _no_database(db: Path) -> None:
    del db


def _damaged_database(db: Path) -> None:
    assert run_bot("reset", "--db", str(db)).returncode == 0
    with db.open("r+b") as handle:
        handle.seek(2 * 4096)
        handle.write(b"\xff" * 3 * 4096)


@dataclass(frozen=True)
class Mistake:
    name: str
    args: tuple[str, ...]
    code: str
    setup: Callable[[Path], None] = _no_database


def _dry(*args: str) -> tuple[str, ...]:
    return ("dry-run", "-s", "sma", *args)


MISTAKES = [
    Mistake("unknown strategy", ("dry-run", "-s", "martingale"), "unknown-strategy"),
    Mistake("fast=0", _dry("-p", "fast=0"), "bad-parameter"),
    Mistake("stop_loss=nan", _dry("-p", "stop_loss=nan"), "bad-parameter"),
    Mistake("stop above the entry", _dry("-p", "stop_loss=-0.5"), "bad-parameter"),
    Mistake("fast above slow", _dry("-p", "fast=60"), "bad-parameter"),
    Mistake("huge window", _dry("-p", "slow=100000000"), "bad-parameter"),
    Mistake("golden_max=2", ("dry-run", "-s", "fib", "-p", "golden_max=2"), "bad-parameter"),
    Mistake("lookback=0", ("dry-run", "-s", "fib", "-p", "lookback=0"), "bad-parameter"),
    Mistake("position size 0", _dry("--position-size", "0"), "bad-parameter"),
    Mistake("position size 2", _dry("--position-size", "2"), "bad-parameter"),
    Mistake("negative fee", _dry("--fee-rate", "-0.1"), "bad-parameter"),
    Mistake("empty account", _dry("--account", ""), "bad-parameter"),
    Mistake("endless timeframe", _dry("-t", "99999999999w"), "bad-timeframe"),
    Mistake("--now in the future", _dry("--now", "2099-01-01T00:00:00Z"), "moment-in-future"),
    Mistake("--now in year 9999", _dry("--now", "9999-12-31"), "moment-in-future"),
    Mistake("--now before 1970", _dry("--now", "1900-01-01"), "bad-parameter"),
    Mistake("--now not a date", _dry("--now", "yesterday"), "bad-parameter"),
    Mistake("no cycles", _dry("--daemon", "--max-cycles", "0"), "bad-usage"),
    Mistake("no interval", _dry("--daemon", "--interval", "0"), "bad-usage"),
    Mistake("missing CSV", _dry("--data", "csv:missing.csv"), "csv-not-found"),
    Mistake("unknown data source", _dry("--data", "ftp:x"), "bad-data-source"),
    Mistake("unknown option", _dry("--candles", "5"), "bad-usage"),
    Mistake("zero candles", ("backtest", "-s", "sma", "--candles", "0"), "bad-usage"),
    Mistake("too many candles", ("backtest", "-s", "sma", "--candles", "100000000"), "bad-usage"),
    Mistake(
        "--end in the future", ("backtest", "-s", "sma", "--end", "2099-01-01"), "moment-in-future"
    ),
    Mistake(
        "backtest on a missing CSV",
        ("backtest", "-s", "sma", "--data", "csv:missing.csv"),
        "csv-not-found",
    ),
    Mistake("huge starting cash", ("reset", "--starting-cash", "1e21"), "bad-parameter"),
    Mistake("starting cash not a number", ("reset", "--starting-cash", "lots"), "bad-parameter"),
    Mistake("status without a database", ("status",), "no-database"),
    Mistake("status of no cycles", ("status", "--last", "0"), "bad-usage"),
    Mistake("status of a damaged database", ("status",), "database-error", _damaged_database),
    Mistake("trades without a database", ("trades",), "no-database"),
    Mistake("trades of no fills", ("trades", "--last", "0"), "bad-usage"),
    Mistake("trades of a damaged database", ("trades",), "database-error", _damaged_database),
    Mistake("dry-run on a damaged database", _dry(), "database-error", _damaged_database),
]


def _digest(db: Path) -> str | None:
    return hashlib.sha256(db.read_bytes()).hexdigest() if db.exists() else None


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_a_mistake_is_one_error_line_with_a_hint_and_changes_nothing(
    mistake: Mistake, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite"
    mistake.setup(db)
    before = _digest(db)
    args = list(mistake.args)
    if args[0] != "backtest":
        args += ["--db", str(db)]

    result = run_bot(*args)

    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error[{mistake.code}]: "), result.stderr
    assert "hint: " in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(db) == before
