from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest

from bot_v2.orchestration.configuration import load_config
from bot_v2.orchestration.perps_bot import PerpsBot
from bot_v2.orchestration.perps_bot_builder import (
    BuildError,
    PerpsBotBuilder,
    build_bot,
    describe_components,
)


def test_a_dry_run_trades_the_sample_market() -> None:
    bot = build_bot("dev")
    reports = bot.run(60)
    assert len(reports) == 60
    assert not bot.is_running
    assert bot.stop_reason == "run finished"
    assert bot.engine.filled()
    assert len(bot.store.events("cycle")) == 60
    assert bot.system_monitor.status()["cycles"] == 60


def test_a_dry_run_is_deterministic() -> None:
    def equity() -> Decimal:
        bot = build_bot("dev", overrides={"symbols": "SOL-PERP,ETH-PERP"})
        bot.run(50)
        return bot.equity()

    assert equity() == equity()


def test_the_bot_builds_itself_through_the_builder() -> None:
    bot = PerpsBot.from_config(load_config("demo", env={}))
    assert bot.config.symbols == ("BTC-USD", "ETH-USD")
    assert bot.strategy.profiles.spot


def test_failing_cycles_stop_the_bot() -> None:
    bot = build_bot("dev")
    with mock.patch(
        "bot_v2.orchestration.strategy_orchestrator.StrategyOrchestrator.decide",
        side_effect=RuntimeError("boom"),
    ):
        reports = bot.run(10)
    assert len(reports) == bot.config.max_errors
    assert bot.stop_reason == "3 failed cycles in a row"


def test_stale_data_holds() -> None:
    bot = build_bot("dev")
    with mock.patch("bot_v2.orchestration.market_monitor.MarketActivityMonitor.is_stale") as stale:
        stale.return_value = True
        report = bot.run_cycle()
    assert {o.decision.reason for o in report.outcomes} == {"market data is stale"}


def test_the_builder_checks_its_parts() -> None:
    from bot_v2.features.strategies.momentum import MomentumStrategy

    config = load_config("dev", env={}, overrides={"history": "10"})
    with pytest.raises(BuildError) as caught:
        PerpsBotBuilder(config).with_strategy(MomentumStrategy(slow=30)).build()
    assert caught.value.code == "history-too-short"
    assert caught.value.hint == "Raise BOT_HISTORY."
    live = load_config("canary", env={})
    with pytest.raises(BuildError, match="only the paper broker"):
        PerpsBotBuilder(live).build()


def test_a_canary_rehearses_on_paper_and_only_reduces() -> None:
    from bot_v2.orchestration.live_execution import PaperBroker

    config = load_config("canary", env={})
    broker = PaperBroker(config.starting_cash)
    bot = PerpsBotBuilder(config).with_broker(broker, live_ok=True).build()
    bot.run(40)
    assert bot.runtime.reduce_only
    assert not bot.engine.filled()
    assert bot.store.last("reduce_only") is not None


def test_risk_limits_can_be_tightened() -> None:
    builder = PerpsBotBuilder(load_config("dev", env={})).with_risk_limits(max_leverage=1)
    components = builder.build_components()
    assert components.engine.risk.limits.max_leverage == 1
    assert describe_components(components)[0].startswith("broker: paper")
    with pytest.raises(BuildError, match="below 1"):
        builder.with_risk_limits(max_leverage=0)
