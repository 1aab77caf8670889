"""A dry-run over the same candles takes the same trades as the backtest."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from bot.backtest_runner import run_backtest
from bot.composition import RunOptions, builder, make_config, make_source
from bot.domain.timeframes import Timeframe
from bot.features.clock import SimulatedClock
from bot.features.market_data.sources.sample import SampleSource
from bot.persistence.sqlite_store import SqliteStore
from tests.bot.bot_scenarios import check_invariants, write_csv

HOUR = 3600
CANDLES = 1200


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    series = SampleSource("BTC-USD").range(
        Timeframe("1h", HOUR), first=490_000, last=490_000 + CANDLES - 1
    )
    candles = [series.candle(i) for i in range(len(series))]
    return write_csv(tmp_path_factory.mktemp("bt") / "btc.csv", candles)


def _dry_run_fills(options: RunOptions, db: Path) -> list[tuple[object, ...]]:
    config = make_config(options)
    store = SqliteStore(db)
    clock = SimulatedClock()
    source = make_source(options.data, config.symbol)
    orchestrator = builder(
        config, options, source=source, store=store, clock=clock
    ).build_orchestrator()
    series = source.fetch(config.symbol, config.timeframe, until=2**40, limit=10**6)
    for ts in series.timestamps:
        clock.set(ts + HOUR + 1)  # a minute after each close, like a cron job would
        orchestrator.execute()
    store.close()
    check_invariants(db)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT side, reason, amount, fill_price, fee, candle_ts FROM fills ORDER BY id"
    ).fetchall()
    conn.close()
    return [(s, r, Decimal(a), Decimal(p), Decimal(f), ts) for s, r, a, p, f, ts in rows]


@pytest.mark.parametrize("strategy", ["fib", "sma"])
def test_dry_run_and_backtest_take_the_same_trades(
    strategy: str, history: Path, tmp_path: Path
) -> None:
    options = RunOptions(strategy=strategy, symbol="BTC-USD", timeframe="1h", data=f"csv:{history}")
    outcome = run_backtest(options, candles=CANDLES, end=0)
    assert outcome.error is None
    assert outcome.performance is not None
    backtest = [
        (f.side, f.reason, f.amount, f.fill_price, f.fee, f.candle_ts) for f in outcome.fills
    ]

    dry_run = _dry_run_fills(options, tmp_path / "dry.sqlite")

    assert len(backtest) >= 4
    assert dry_run == backtest
