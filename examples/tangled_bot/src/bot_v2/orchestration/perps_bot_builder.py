"""The perps bot builder: wires a `PerpsBot` from a configuration and optional parts.

Every part has a default (a paper broker with the configured cash and fees, the sample market,
an in-memory store, the configured strategy); a test or a deployment swaps any of them with a
`with_*` call. `build()` checks the parts fit together before anything runs: each symbol has a
product, the leverage is within every cap, the history covers the strategy's warm-up, and a
live profile is never handed the paper broker by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from bot_v2.domain.market import CandleSource
from bot_v2.features.clock import SteppingClock
from bot_v2.features.market_data.sample import SampleCandles
from bot_v2.features.strategies.base import Strategy
from bot_v2.features.strategies.mean_reversion import MeanReversionStrategy
from bot_v2.features.strategies.momentum import MomentumStrategy
from bot_v2.orchestration import market_monitor, perps_bot
from bot_v2.orchestration.account_telemetry import AccountTelemetryService
from bot_v2.orchestration.configuration import BotConfig, Profile, load_config
from bot_v2.orchestration.equity_calculator import EquityCalculator
from bot_v2.orchestration.live_execution import (
    ExecutionError,
    LiveExecutionEngine,
    LiveRiskManager,
    PaperBroker,
    RiskLimits,
    product_for,
)
from bot_v2.orchestration.market_data_service import MarketDataService
from bot_v2.orchestration.spot_profile_service import SpotProfileService
from bot_v2.persistence.event_store import EventStore

__all__ = [
    "DEFAULT_START",
    "STRATEGIES",
    "BotComponents",
    "BuildError",
    "PerpsBotBuilder",
    "build_bot",
    "describe_components",
]

# 2024-01-01T00:00:00Z: where a dry run's clock starts unless told otherwise.
DEFAULT_START = 1704067200

StrategyFactory = Callable[[BotConfig], Strategy]


def _momentum(config: BotConfig) -> Strategy:
    slow = min(20, config.history - 2)
    return MomentumStrategy(fast=max(2, slow // 4), slow=slow, allow_short=config.derivatives)


def _mean_reversion(config: BotConfig) -> Strategy:
    return MeanReversionStrategy(
        lookback=min(20, config.history - 1), allow_short=config.derivatives
    )


STRATEGIES: dict[str, StrategyFactory] = {
    "momentum": _momentum,
    "mean_reversion": _mean_reversion,
}


class BuildError(ValueError):
    """Parts that do not fit together; `code` names the problem, `hint` says what to do."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(f"{message} ({hint})")
        self.code = code
        self.message = message
        self.hint = hint


@dataclass
class BotComponents:
    """Everything a `PerpsBot` owns, built and wired."""

    broker: PaperBroker
    store: EventStore
    market_data: MarketDataService
    market_monitor: market_monitor.MarketActivityMonitor
    telemetry: AccountTelemetryService
    engine: LiveExecutionEngine
    strategy: Strategy
    profiles: SpotProfileService
    equity: EquityCalculator
    clock: SteppingClock
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _RiskOverrides:
    max_leverage: int | None = None
    max_position_notional: Decimal | None = None
    daily_loss_limit: Decimal | None = None

    def apply(self, limits: RiskLimits) -> RiskLimits:
        return replace(
            limits,
            max_leverage=self.max_leverage or limits.max_leverage,
            max_position_notional=self.max_position_notional or limits.max_position_notional,
            daily_loss_limit=self.daily_loss_limit or limits.daily_loss_limit,
        )


class PerpsBotBuilder:
    def __init__(self, config: BotConfig) -> None:
        self.config = config
        self._broker: PaperBroker | None = None
        self._store: EventStore | None = None
        self._source: CandleSource | None = None
        self._strategy: Strategy | None = None
        self._clock: SteppingClock | None = None
        self._profile_rules: Mapping[str, Mapping[str, str]] = {}
        self._allow_paper_live = False
        self._telemetry_every = 0
        self._risk_overrides = _RiskOverrides()

    # --- parts a caller may swap -------------------------------------------------------------
    def with_broker(self, broker: PaperBroker, *, live_ok: bool = False) -> PerpsBotBuilder:
        """Use `broker`; `live_ok` lets a live profile run on it (a rehearsal)."""
        self._broker = broker
        self._allow_paper_live = live_ok
        return self

    def with_store(self, store: EventStore) -> PerpsBotBuilder:
        self._store = store
        return self

    def with_candle_source(self, source: CandleSource) -> PerpsBotBuilder:
        self._source = source
        return self

    def with_strategy(self, strategy: Strategy) -> PerpsBotBuilder:
        self._strategy = strategy
        return self

    def with_clock(self, clock: SteppingClock) -> PerpsBotBuilder:
        self._clock = clock
        return self

    def with_start(self, timestamp: int) -> PerpsBotBuilder:
        """Start the dry-run clock at `timestamp`, rounded down to a whole interval."""
        interval = self.config.interval_seconds
        self._clock = SteppingClock(timestamp - timestamp % interval, interval)
        return self

    def with_profile_rules(self, rules: Mapping[str, Mapping[str, str]]) -> PerpsBotBuilder:
        self._profile_rules = rules
        return self

    def with_telemetry_every(self, seconds: int) -> PerpsBotBuilder:
        self._telemetry_every = seconds
        return self

    def with_risk_limits(
        self,
        *,
        max_leverage: int | None = None,
        max_position_notional: Decimal | None = None,
        daily_loss_limit: Decimal | None = None,
    ) -> PerpsBotBuilder:
        """Tighten (or loosen) the risk limits the configuration set; None keeps a limit."""
        if max_leverage is not None and max_leverage < 1:
            raise BuildError(
                "bad-risk-limit", f"max_leverage {max_leverage} is below 1.", "Use 1 or more."
            )
        self._risk_overrides = _RiskOverrides(max_leverage, max_position_notional, daily_loss_limit)
        return self

    @classmethod
    def from_profile(
        cls, profile: Profile | str, *, env: Mapping[str, str] | None = None
    ) -> PerpsBotBuilder:
        """A builder for `profile` with its configuration loaded from `env`."""
        return cls(load_config(profile, env=env))

    # --- defaults ----------------------------------------------------------------------------
    def _build_broker(self) -> PaperBroker:
        if self._broker is not None:
            return self._broker
        fees = self.config.fees
        return PaperBroker(
            self.config.starting_cash, fee_bps=fees.fee_bps, slippage_bps=fees.slippage_bps
        )

    def _build_strategy(self) -> Strategy:
        if self._strategy is not None:
            return self._strategy
        factory = STRATEGIES.get(self.config.strategy)
        if factory is None:
            raise BuildError(
                "unknown-strategy",
                f"No strategy named {self.config.strategy!r}.",
                f"Use one of {', '.join(sorted(STRATEGIES))}.",
            )
        return factory(self.config)

    def _build_risk(self) -> LiveRiskManager:
        risk = self.config.risk
        limits = RiskLimits(
            max_leverage=risk.max_leverage,
            max_position_notional=risk.max_position_notional,
            daily_loss_limit=risk.daily_loss_limit,
            min_notional=risk.min_notional,
            max_slippage_bps=risk.max_slippage_bps,
        )
        limits = self._risk_overrides.apply(limits)
        return LiveRiskManager(limits, reduce_only=risk.reduce_only)

    def _build_clock(self) -> SteppingClock:
        if self._clock is not None:
            return self._clock
        interval = self.config.interval_seconds
        return SteppingClock(DEFAULT_START + self.config.history * interval, interval)

    # --- checks ------------------------------------------------------------------------------
    def _check(self, strategy: Strategy) -> list[str]:
        """Raise `BuildError` on parts that cannot work together; notes on ones that can."""
        config = self.config
        notes: list[str] = []
        for symbol in config.symbols:
            try:
                product = product_for(symbol)
            except ExecutionError:
                raise BuildError(
                    "no-product",
                    f"No product rules for {symbol}.",
                    "Trade a symbol of a known base (BTC, ETH, SOL, XRP, DOGE).",
                ) from None
            if config.leverage > product.max_leverage:
                raise BuildError(
                    "leverage-above-product",
                    f"{symbol} allows {product.max_leverage}x, the config asks {config.leverage}x.",
                    "Lower BOT_LEVERAGE.",
                )
        if config.history < strategy.warmup + 1:
            raise BuildError(
                "history-too-short",
                f"{strategy.name} needs {strategy.warmup + 1} candles, "
                f"history is {config.history}.",
                "Raise BOT_HISTORY.",
            )
        if config.live and self._broker is None:
            raise BuildError(
                "live-without-broker",
                f"Profile {config.profile} trades for real; this build has only the paper broker.",
                "Use a dry-run profile, or pass a broker with with_broker(..., live_ok=True).",
            )
        if config.live and not self._allow_paper_live:
            raise BuildError(
                "paper-broker-live",
                "A live profile was given a paper broker.",
                "Pass live_ok=True to rehearse a live profile on paper.",
            )
        unknown = sorted(set(self._profile_rules) - set(config.symbols))
        if unknown:
            raise BuildError(
                "rules-for-unknown-symbol",
                f"Profile rules name symbols the bot does not trade: {', '.join(unknown)}.",
                "Add them to BOT_SYMBOLS or drop their rules.",
            )
        if config.profile is Profile.SPOT and config.leverage > 1:
            notes.append("spot profile: leverage ignored")
        return notes

    # --- assembly ----------------------------------------------------------------------------
    def build_components(self) -> BotComponents:
        """Every part, defaults filled in, wired to each other; checked first."""
        strategy = self._build_strategy()
        notes = self._check(strategy)
        broker = self._build_broker()
        store = self._store if self._store is not None else EventStore()
        monitor = market_monitor.MarketActivityMonitor(max_age=3 * self.config.interval_seconds)
        market_data = MarketDataService(
            self._source or SampleCandles(),
            interval=self.config.interval_seconds,
            history=self.config.history,
            on_mark=broker.update_mark,
        )
        equity = EquityCalculator(peak=self.config.starting_cash)
        engine = LiveExecutionEngine(
            broker,
            self._build_risk(),
            equity=lambda: equity.total(broker.balances(), broker.positions(), market_data.marks()),
        )
        telemetry = AccountTelemetryService(broker, store, every=self._telemetry_every)
        return BotComponents(
            broker=broker,
            store=store,
            market_data=market_data,
            market_monitor=monitor,
            telemetry=telemetry,
            engine=engine,
            strategy=strategy,
            profiles=SpotProfileService(self.config, self._profile_rules),
            equity=equity,
            clock=self._build_clock(),
            notes=notes,
        )

    def build(self) -> perps_bot.PerpsBot:
        components = self.build_components()
        bot = perps_bot.PerpsBot(self.config, components)
        for note in components.notes:
            bot.store.append("note", components.clock.now(), text=note)
        return bot


def build_bot(
    profile: Profile | str = Profile.DEV,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
    start: int | None = None,
    starting_cash: Decimal | None = None,
) -> perps_bot.PerpsBot:
    """A dry-run bot from a profile: the configuration loaded, the builder's defaults."""
    settings = dict(overrides or {})
    if starting_cash is not None:
        settings["starting_cash"] = str(starting_cash)
    builder = PerpsBotBuilder(load_config(profile, env=env or {}, overrides=settings))
    if start is not None:
        builder.with_start(start)
    return builder.build()


def describe_components(components: BotComponents) -> list[str]:
    """One line per part, for the start of a run's log and for support requests."""
    limits = components.engine.risk.limits
    return [
        f"broker: paper, cash {components.broker.cash}",
        f"strategy: {components.strategy.name} (warm-up {components.strategy.warmup} candles)",
        f"market data: every {components.market_data.interval}s, "
        f"history {components.market_data.history}",
        f"risk: {limits.max_leverage}x max, position up to {limits.max_position_notional}, "
        f"daily loss {limits.daily_loss_limit}",
        f"clock: starts at {components.clock.now()}, step {components.clock.step}s",
        *(f"note: {note}" for note in components.notes),
    ]
