"""The ccxt source with a fake exchange: parsing, error translation, retries, no state change."""

from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.composition import RunOptions, make_adapters, make_config
from bot.domain.timeframes import Timeframe
from bot.domain.trading import CycleStatus
from bot.errors import DataUnavailable, UsageError
from bot.features.clock import FixedClock
from bot.features.market_data.sources.ccxt_exchange import CcxtSource, load_exchange
from bot.orchestration.builders import BotBuilder
from bot.persistence.sqlite_store import SqliteStore
from tests.bot.bot_fakes import BadSymbol, FakeExchange, RecordingSleep
from tests.bot.bot_scenarios import close_time, golden_zone_candles

HOUR = Timeframe("1h", 3600)
CANDLES = golden_zone_candles()
ROWS = [[c.ts * 1000, c.open, c.high, c.low, c.close, c.volume] for c in CANDLES]


def test_rows_become_candles_in_order_and_pairs_are_written_with_a_slash() -> None:
    exchange = FakeExchange(list(reversed(ROWS)))
    source = CcxtSource("binance", factory=lambda _: exchange)
    series = source.fetch("BTC-USD", HOUR, until=CANDLES[-1].ts, limit=500)

    assert list(series.timestamps) == [c.ts for c in CANDLES]
    assert exchange.calls == [("BTC/USD", "1h", 500)]


def test_errors_are_translated_once() -> None:
    down = CcxtSource("binance", factory=lambda _: FakeExchange(ROWS, failures=9))
    with pytest.raises(DataUnavailable) as caught:
        down.fetch("BTC-USD", HOUR, until=0, limit=5)
    assert caught.value.code == "network-error"
    assert caught.value.transient

    unknown = CcxtSource(
        "binance", factory=lambda _: FakeExchange(ROWS, failures=1, error=BadSymbol)
    )
    with pytest.raises(UsageError) as refused:
        unknown.fetch("NOPE-USD", HOUR, until=0, limit=5)
    assert refused.value.code == "unknown-symbol"


@pytest.mark.skipif(importlib.util.find_spec("ccxt") is not None, reason="ccxt is installed")
def test_without_the_extra_the_source_says_how_to_install_it() -> None:
    with pytest.raises(UsageError) as caught:
        load_exchange("binance")
    assert caught.value.code == "missing-extra"
    assert "unknot[live]" in caught.value.hint


def _cycle(db: Path, exchange: FakeExchange, sleep: RecordingSleep) -> CycleStatus:
    options = RunOptions(strategy="fib", symbol="BTC-USD", timeframe="1h", data="ccxt:binance")
    config = make_config(options)
    store = SqliteStore(db)
    source = CcxtSource("binance", factory=lambda _: exchange)
    clock = FixedClock(close_time(CANDLES) + 5)
    adapters = make_adapters(config, options, source=source, store=store, clock=clock)
    adapters = replace(adapters, sleep=sleep)  # record the backoff instead of sleeping
    orchestrator = BotBuilder(config, adapters).build_orchestrator()
    result = orchestrator.execute()
    store.close()
    return result.status


def test_a_dead_network_is_retried_a_bounded_number_of_times_then_an_error_result(
    tmp_path: Path,
) -> None:
    db = tmp_path / "bot.sqlite"
    exchange, sleep = FakeExchange(ROWS, failures=100), RecordingSleep()

    assert _cycle(db, exchange, sleep) is CycleStatus.ERROR
    assert len(exchange.calls) == 4  # one try and three retries
    assert sleep.delays == [0.5, 1.0, 2.0]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM accounts").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM cycles").fetchone() == (0,)


def test_a_network_that_comes_back_within_the_retries_trades(tmp_path: Path) -> None:
    exchange, sleep = FakeExchange(ROWS, failures=2), RecordingSleep()

    assert _cycle(tmp_path / "bot.sqlite", exchange, sleep) is CycleStatus.EXECUTED
    assert len(sleep.delays) == 2
