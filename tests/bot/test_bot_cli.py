"""End-to-end: the real `python -m bot` in subprocesses, on hand-made CSV candles."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest

from bot.domain.timeframes import iso
from tests.bot.bot_process import as_json, run_bot, start_bot
from tests.bot.bot_scenarios import check_invariants, close_time, golden_zone_candles, write_csv

CANDLES = golden_zone_candles()
NOW = iso(close_time(CANDLES) + 30)


@pytest.fixture
def csv_path(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "golden.csv", CANDLES)


def _dry_run(csv_path: Path, db: Path, *extra: str) -> list[str]:
    return ["dry-run", "-s", "fib", "--data", f"csv:{csv_path}", "--db", str(db),
            "--now", NOW, *extra]  # fmt: skip


def _fills(db: Path) -> int:
    conn = sqlite3.connect(db)
    (count,) = conn.execute("SELECT count(*) FROM fills").fetchone()
    conn.close()
    return int(count)


def test_dry_run_prints_one_versioned_result_and_never_trades_a_candle_twice(
    csv_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite"
    first = run_bot(*_dry_run(csv_path, db, "--json"))
    again = run_bot(*_dry_run(csv_path, db, "--json"))

    assert first.returncode == 0, first.stderr
    doc = as_json(first.stdout)
    assert doc["schema_version"] == 1
    assert doc["status"] == "executed"
    assert doc["trade_executed"] is True
    assert doc["signal"]["action"] == "BUY"
    assert set(doc["signal"]) >= {"action", "reason", "entry", "stop_loss", "take_profit", "extras"}
    assert set(doc["fill"]) >= {
        "side",
        "amount",
        "requested_price",
        "fill_price",
        "fee",
        "slippage",
    }
    assert set(doc["position"]) == {"cash_balance", "asset_balance", "price", "value"}
    assert set(doc["equity"]) >= {"total", "realised_pnl", "fees", "drawdown"}
    assert doc["error"] is None
    assert doc["timestamp"] == NOW
    assert as_json(again.stdout)["status"] == "no_new_candle"
    assert again.returncode == 0
    assert _fills(db) == 1
    check_invariants(db)


def test_the_readable_view_and_the_help_state_the_rules(csv_path: Path, tmp_path: Path) -> None:
    shown = run_bot(*_dry_run(csv_path, tmp_path / "bot.sqlite"))
    helped = run_bot("dry-run", "--help")

    assert shown.returncode == 0
    assert "executed" in shown.stdout
    assert "fill: buy" in shown.stdout
    assert "slippage" in helped.stdout
    assert "stop is assumed" in " ".join(helped.stdout.split())


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["dry-run", "-s", "martingale"], "unknown-strategy"),
        (["dry-run", "-s", "fib", "--symbol", "DOGE-USD"], "unknown-symbol"),
        (["dry-run", "-s", "fib", "--symbol", "bitcoin"], "unknown-symbol"),
        (["dry-run", "-s", "fib", "--timeframe", "1y"], "bad-timeframe"),
        (["dry-run", "-s", "fib", "--data", "ftp:x"], "bad-data-source"),
        (["dry-run", "-s", "fib", "--param", "golden_max=wide"], "bad-parameter"),
    ],
)
def test_bad_options_exit_2_with_a_code_and_a_hint(
    args: list[str], code: str, tmp_path: Path
) -> None:
    db = tmp_path / "bot.sqlite"
    shown = run_bot(*args, "--db", str(db))
    as_doc = run_bot(*args, "--db", str(db), "--json")

    assert shown.returncode == 2
    assert f"error[{code}]" in shown.stderr
    assert "hint:" in shown.stderr
    assert "Traceback" not in shown.stderr
    assert as_json(as_doc.stdout)["error"]["type"] == code
    assert not db.exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("1767225600,1,2,0.5,1,1\n1767225600,1,2,0.5,1,1\n", "csv-out-of-order"),
        ("1767225600,1,2,0.5,1,1\n1767236400,1,2,0.5,1,1\n", "csv-gap"),
        ("1767225600,1,2,0.5\n", "malformed-csv"),
    ],
)
def test_bad_csv_is_an_error_result_and_nothing_changes(
    body: str, code: str, tmp_path: Path, csv_path: Path
) -> None:
    db = tmp_path / "bot.sqlite"
    assert run_bot(*_dry_run(csv_path, db)).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("timestamp,open,high,low,close,volume\n" + body)
    result = run_bot("dry-run", "-s", "fib", "--data", f"csv:{bad}", "--db", str(db), "--json")

    doc = as_json(result.stdout)
    assert result.returncode == 1
    assert doc["status"] == "error"
    assert doc["error"]["type"] == code
    assert doc["error"]["hint"]
    assert _fills(db) == 1


def test_a_newer_schema_and_an_unwritable_path_exit_non_zero_without_loss(
    tmp_path: Path, csv_path: Path
) -> None:
    db = tmp_path / "bot.sqlite"
    run_bot(*_dry_run(csv_path, db))
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version VALUES (99, 0)")
    conn.commit()
    conn.close()
    newer = run_bot(*_dry_run(csv_path, db))
    blocked = run_bot(*_dry_run(csv_path, tmp_path / "golden.csv" / "bot.sqlite"))

    assert newer.returncode == 2
    assert "error[schema-too-new]" in newer.stderr
    assert _fills(db) == 1
    assert blocked.returncode == 2
    assert "error[database-not-writable]" in blocked.stderr


def test_reset_starts_a_new_account_and_status_shows_it(tmp_path: Path, csv_path: Path) -> None:
    db = tmp_path / "bot.sqlite"
    run_bot(*_dry_run(csv_path, db))
    before = as_json(run_bot("status", "--db", str(db), "--json").stdout)
    reset = run_bot("reset", "--db", str(db), "--starting-cash", "5000")
    after = as_json(run_bot("status", "--db", str(db), "--json").stdout)
    missing = run_bot("status", "--db", str(db), "--account", "nobody")

    assert before["fills"] == 1
    assert len(before["positions"]) == 1
    assert before["last_cycles"][0]["status"] == "executed"
    assert reset.returncode == 0
    assert after["cash"] == 5000
    assert after["positions"] == []
    assert after["fills"] == 0
    assert missing.returncode == 2
    assert "error[no-account]" in missing.stderr
    check_invariants(db)


def test_backtest_prints_trades_return_drawdown_win_rate_and_fees() -> None:
    result = run_bot("backtest", "-s", "sma", "--candles", "1500", "--end", "2026-06-01", "--json")

    doc = as_json(result.stdout)
    assert result.returncode == 0, result.stderr
    assert doc["status"] == "completed"
    assert doc["candles"] == 1500
    assert set(doc) >= {"trades", "total_return", "max_drawdown", "win_rate", "fees"}
    assert doc["trades"]


def test_the_daemon_repeats_cycles_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite"
    daemon = ["dry-run", "-s", "sma", "--db", str(db), "--now", NOW, "--json", "--daemon"]
    counted = run_bot(*daemon, "--interval", "0.01", "--max-cycles", "3")
    process = start_bot(*daemon, "--interval", "60", sync_dir=tmp_path)
    assert process.stdout is not None
    first = process.stdout.readline()  # the first cycle is done: the daemon now waits
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)

    assert [as_json(line)["status"] for line in counted.stdout.splitlines()][1:] == [
        "no_new_candle",
        "no_new_candle",
    ]
    assert as_json(first)["status"] == "no_new_candle"
    assert process.returncode == 0
    assert "Traceback" not in err


def test_bad_candles_exit_1_in_dry_run_and_in_backtest_alike(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(b"timestamp,open,high,low,close,volume\n1767225600,1,2,0.5,1,\xe9\n")
    data = f"csv:{bad}"
    dry = run_bot("dry-run", "-s", "sma", "--data", data, "--db", str(tmp_path / "b.sqlite"))
    replay = run_bot("backtest", "-s", "sma", "--data", data)

    for result in (dry, replay):
        assert result.returncode == 1
        assert "error[csv-not-utf8]" in result.stderr
        assert f"{bad}:2: not UTF-8" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "b.sqlite").exists()  # a failed first cycle leaves no empty database


def test_backtest_starts_with_the_cash_it_is_given() -> None:
    args = ["backtest", "-s", "sma", "--candles", "1500", "--end", "2026-06-01", "--json"]
    result = run_bot(*args, "--starting-cash", "500")

    assert result.returncode == 0, result.stderr
    assert as_json(result.stdout)["starting_cash"] == 500


def test_dry_run_alone_runs_the_fibonacci_strategy(tmp_path: Path) -> None:
    result = run_bot("dry-run", "--db", str(tmp_path / "bot.sqlite"), "--json")

    assert result.returncode == 0, result.stderr
    assert as_json(result.stdout)["strategy"] == "fib"


def test_trades_lists_the_fills_oldest_first(csv_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite"
    run_bot(*_dry_run(csv_path, db))
    listed = run_bot("trades", "--db", str(db), "--json")
    shown = run_bot("trades", "--db", str(db))

    assert listed.returncode == 0, listed.stderr
    (fill,) = as_json(listed.stdout)["fills"]
    assert (fill["side"], fill["reason"], fill["symbol"]) == ("buy", "entry", "BTC-USD")
    assert fill["amount"] > 0
    assert "entry" in shown.stdout
    assert "buy" in shown.stdout
