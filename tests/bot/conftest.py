"""Fixtures of the bot's tests: an in-process bot over hand-made candles and a SQLite file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.composition import RunOptions, builder, make_config
from bot.domain.candles import Candle
from bot.domain.trading import CycleResult
from bot.features.clock import FixedClock
from bot.features.market_data.sources.history import HistorySource
from bot.persistence.sqlite_store import SqliteStore
from tests.bot.bot_scenarios import RunCycle, check_invariants, close_time, series


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "bot.sqlite"


@pytest.fixture
def run_cycle(db: Path) -> RunCycle:
    """Run one dry-run cycle in process at the close of `candles[index]`, then check invariants.

    A fresh store and bot each time: a restart between cycles, as with the real CLI.
    """

    def run(
        candles: Sequence[Candle],
        *,
        strategy: str = "fib",
        index: int = -1,
        late: int = 0,
        **extra: str,
    ) -> CycleResult:
        options = RunOptions(strategy=strategy, symbol="BTC-USD", timeframe="1h", params=extra)
        config = make_config(options)
        store = SqliteStore(db)
        clock = FixedClock(close_time(candles, index) + 5 + late)
        source = HistorySource(series(candles))
        result = builder(config, options, source=source, store=store, clock=clock)
        outcome = result.build_orchestrator().execute()
        store.close()
        check_invariants(db)
        return outcome

    return run
