"""Real processes against one database: killed mid-cycle, and two at once on one account.

The bot's sync points (`BOT_TEST_SYNC_DIR`) make both deterministic: a process pauses inside
its transaction, just before COMMIT, and the test acts once it has observably got there.
"""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

from bot.domain.timeframes import iso
from tests.bot.bot_process import as_json, run_bot, start_bot, wait_for
from tests.bot.bot_scenarios import check_invariants, close_time, golden_zone_candles, write_csv

CANDLES = golden_zone_candles()
NOW = iso(close_time(CANDLES) + 30)


def _args(tmp_path: Path) -> list[str]:
    csv_path = write_csv(tmp_path / "golden.csv", CANDLES)
    db = tmp_path / "bot.sqlite"
    return ["dry-run", "-s", "fib", "--data", f"csv:{csv_path}", "--db", str(db),
            "--now", NOW, "--json"]  # fmt: skip


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    conn.close()
    return int(count)


def test_a_process_killed_inside_its_cycle_leaves_a_consistent_database(tmp_path: Path) -> None:
    sync = tmp_path / "sync"
    sync.mkdir()
    (sync / "pause-before-commit").touch()
    args = _args(tmp_path)
    process = start_bot(*args, sync_dir=sync)
    wait_for(sync / f"before-commit.{process.pid}", process)  # fill written, not committed
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    db = tmp_path / "bot.sqlite"

    assert process.returncode == -signal.SIGKILL
    assert _count(db, "fills") == 0
    assert _count(db, "cycles") == 0
    check_invariants(db)
    rerun = run_bot(*args)
    assert as_json(rerun.stdout)["status"] == "executed"
    assert _count(db, "fills") == 1
    check_invariants(db)


def test_two_processes_on_one_account_never_both_trade(tmp_path: Path) -> None:
    sync = tmp_path / "sync"
    sync.mkdir()
    pause = sync / "pause-before-commit"
    args = _args(tmp_path)
    run_bot("reset", "--db", str(tmp_path / "bot.sqlite"))  # the account exists beforehand
    pause.touch()
    first = start_bot(*args, sync_dir=sync)
    wait_for(sync / f"before-commit.{first.pid}", first)  # holds the write lock
    second = start_bot(*args, sync_dir=sync)
    wait_for(sync / f"before-begin.{second.pid}", second)  # about to ask for the lock
    pause.unlink()
    out_first, _ = first.communicate(timeout=30)
    out_second, _ = second.communicate(timeout=30)

    statuses = sorted([as_json(out_first)["status"], as_json(out_second)["status"]])
    assert statuses == ["executed", "no_new_candle"]
    assert _count(tmp_path / "bot.sqlite", "fills") == 1
    check_invariants(tmp_path / "bot.sqlite")


def test_an_unknown_option_is_a_usage_error_without_a_traceback() -> None:
    result = run_bot("dry-run", "--no-such-option")
    assert result.returncode == 2
    assert "No such option: --no-such-option" in result.stderr
    assert "Traceback" not in result.stderr
