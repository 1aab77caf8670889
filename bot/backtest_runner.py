"""The backtest use case: load a history, replay it through the dry-run's orchestrator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.composition import DataSpec, RunOptions, builder, make_config, make_source
from bot.domain.candles import CandleSeries
from bot.domain.trading import ErrorInfo, Fill
from bot.errors import UsageError
from bot.features.clock import SimulatedClock
from bot.features.equity.performance import Performance, summarise
from bot.features.market_data.sources.history import HistorySource
from bot.features.market_data.windows import closed_window
from bot.orchestration.backtesting import BacktestOrchestrator
from bot.orchestration.configuration import BotConfig
from bot.persistence.memory_store import MemoryStore
from bot.strategies.registry import build_strategy

__all__ = ["BacktestOutcome", "load_history", "run_backtest"]


@dataclass(frozen=True)
class BacktestOutcome:
    config: BotConfig
    candles: int
    cycles: int
    statuses: dict[str, int]
    performance: Performance | None
    error: ErrorInfo | None
    fills: tuple[Fill, ...] = ()
    rejections: int = 0


def load_history(options: RunOptions, config: BotConfig, *, candles: int, end: int) -> CandleSeries:
    """The closed candles to replay: the last `candles` before `end` (all of a CSV file)."""
    spec = DataSpec.parse(options.data)
    tf = config.timeframe
    if spec.kind == "sample":
        from bot.features.market_data.sources.sample import SampleSource

        last = end // tf.seconds - 1
        return SampleSource(config.symbol).range(tf, first=last - candles + 1, last=last)
    if spec.kind == "csv":
        from bot.features.market_data.sources.csv_file import CsvSource

        return CsvSource(Path(spec.argument)).series(tf)
    if candles > 1000:
        raise UsageError(
            "A ccxt backtest fetches at most 1000 candles.",
            code="bad-parameter",
            hint="Pass --candles 1000 or less, or export the history to CSV.",
        )
    raw = make_source(options.data, config.symbol).fetch(
        config.symbol, tf, until=end, limit=candles + 1
    )
    return closed_window(raw, tf, now=end, limit=candles)


def run_backtest(options: RunOptions, *, candles: int, end: int) -> BacktestOutcome:
    """Replay the history: one cycle at each candle's close, from the strategy's warm-up on."""
    config = make_config(options)
    series = load_history(options, config, candles=candles, end=end)
    clock, store = SimulatedClock(), MemoryStore()
    source = HistorySource(series)
    orchestrator = builder(
        config, options, source=source, store=store, clock=clock
    ).build_orchestrator()
    warmup = build_strategy(options.strategy, options.params).warmup
    step = config.timeframe.seconds
    times = [ts + step for ts in series.timestamps[max(0, warmup - 1) :]]
    run = BacktestOrchestrator(orchestrator, clock, times).execute()
    performance = None
    if run.last is not None and run.last.equity is not None:
        performance = summarise(
            run.fills,
            run.equity_curve,
            starting_cash=config.starting_cash,
            final_equity=run.last.equity.total,
        )
    return BacktestOutcome(
        config,
        len(series),
        sum(run.statuses.values()),
        run.statuses,
        performance,
        run.error,
        tuple(run.fills),
        run.rejections,
    )
