"""The composition root: the one place that picks adapters and plugs them into the ports."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bot.domain.settings import FillRules, RiskLimits
from bot.domain.timeframes import Timeframe
from bot.errors import UsageError
from bot.features.clock import FixedClock, SystemClock
from bot.features.equity.calculator import EquityCalculator
from bot.features.execution.exits import StopAndTargetExits
from bot.features.execution.fill_model import PaperFillModel
from bot.features.market_data.activity_monitor import ActivityMonitor
from bot.features.market_data.service import CandleSource, MarketDataService
from bot.features.risk import guards
from bot.features.telemetry.account_snapshot import AccountTelemetry
from bot.orchestration.builders import BotAdapters, BotBuilder
from bot.orchestration.configuration import DEFAULT_STARTING_CASH, BotConfig
from bot.orchestration.core.ports import AccountStore, Clock
from bot.orchestration.shared.symbol_utils import normalize_symbol
from bot.strategies.registry import build_strategy

__all__ = ["WINDOW_MARGIN", "DataSpec", "RunOptions", "make_adapters", "make_config", "make_source"]

#: Closed candles a cycle fetches beyond the strategy's warm-up.
WINDOW_MARGIN = 20
#: The longest timeframe, four weeks, in seconds.
MAX_TIMEFRAME = 4 * 7 * 86400


@dataclass(frozen=True)
class RunOptions:
    """What the command line asked for, before validation."""

    strategy: str
    symbol: str
    timeframe: str
    data: str = "sample"
    account: str = "default"
    params: Mapping[str, str] = field(default_factory=dict)
    starting_cash: Decimal = DEFAULT_STARTING_CASH
    fills: FillRules = field(default_factory=FillRules)
    risk: RiskLimits = field(default_factory=RiskLimits)


def make_config(options: RunOptions) -> BotConfig:
    # an unknown strategy or parameter fails first; the window covers the warm-up and a margin
    warmup = build_strategy(options.strategy, options.params).warmup
    symbol = normalize_symbol(options.symbol)
    if symbol is None:
        raise UsageError(
            f"{options.symbol!r} is not a symbol.",
            code="unknown-symbol",
            hint="Write a pair as BASE-QUOTE, e.g. BTC-USD.",
        )
    timeframe = Timeframe.parse(options.timeframe)
    if timeframe is None or timeframe.seconds > MAX_TIMEFRAME:
        raise UsageError(
            f"{options.timeframe!r} is not a timeframe.",
            code="bad-timeframe",
            hint="Use a number and a unit, at most 4w: 1m, 15m, 1h, 4h, 1d, 1w.",
        )
    return BotConfig(
        account=options.account,
        symbol=symbol,
        timeframe=timeframe,
        strategy=options.strategy,
        window=warmup + WINDOW_MARGIN,
        starting_cash=options.starting_cash,
        risk=options.risk,
        fills=options.fills,
    )


@dataclass(frozen=True)
class DataSpec:
    kind: str
    argument: str

    @classmethod
    def parse(cls, text: str) -> DataSpec:
        kind, _, argument = text.partition(":")
        if kind == "sample" and not argument:
            return cls(kind, "")
        if kind in {"csv", "ccxt"} and argument:
            return cls(kind, argument)
        raise UsageError(
            f"Unknown data source {text!r}.",
            code="bad-data-source",
            hint="Use --data sample, --data csv:PATH or --data ccxt:EXCHANGE.",
        )


def make_source(text: str, symbol: str) -> CandleSource:
    spec = DataSpec.parse(text)
    if spec.kind == "csv":
        from bot.features.market_data.sources.csv_file import CsvSource

        return CsvSource(Path(spec.argument))
    if spec.kind == "ccxt":
        from bot.features.market_data.sources.ccxt_exchange import CcxtSource

        return CcxtSource(spec.argument)
    from bot.features.market_data.sources.sample import SampleSource

    return SampleSource(symbol)


def make_clock(now: int | None) -> Clock:
    return SystemClock() if now is None else FixedClock(now)


def make_adapters(
    config: BotConfig,
    options: RunOptions,
    *,
    source: CandleSource,
    store: AccountStore,
    clock: Clock,
) -> BotAdapters:
    limits = config.risk
    return BotAdapters(
        clock=clock,
        market=MarketDataService(source),
        store=store,
        strategy=build_strategy(options.strategy, options.params),
        data_guards=(guards.StaleDataGuard(limits), guards.BadDataGuard()),
        order_guards=(
            guards.DrawdownKillSwitch(limits),
            guards.CooldownGuard(),
            guards.OnePositionGuard(),
            guards.MinOrderValueGuard(limits),
            guards.MaxPositionFractionGuard(limits),
        ),
        fill_model=PaperFillModel(config.fills),
        exits=StopAndTargetExits(config.fills, limits),
        equity=EquityCalculator(),
        telemetry=AccountTelemetry(),
        activity=ActivityMonitor(),
        sleep=time.sleep,
    )


def builder(
    config: BotConfig,
    options: RunOptions,
    *,
    source: CandleSource,
    store: AccountStore,
    clock: Clock,
) -> BotBuilder:
    adapters = make_adapters(config, options, source=source, store=store, clock=clock)
    return BotBuilder(config, adapters)
