from perps.orchestration.configuration import BotConfig
from perps.orchestration.perps_bot import PerpsBot
from perps.orchestration.strategy_orchestrator import cheapest


def test_a_cycle_trades_every_priced_symbol() -> None:
    bot = PerpsBot(BotConfig())
    traded = bot.run_cycle({"BTC-PERP": 100.0})
    assert traded == ["BTC-PERP"]
    assert bot.fills == [("BTC-PERP", 0.1, 100.0)]
    assert bot.is_running
    assert bot.monitor.health() == {"running": True, "cycles": 1}


def test_services_see_the_bot() -> None:
    bot = PerpsBot(BotConfig(symbols=("A", "B"), dry_run=False))
    assert bot.builder.summary() == "A, B (live)"
    assert bot.strategy.bot is bot
    bot.run_cycle({"A": 2.0, "B": 1.0})
    assert cheapest(bot) == "B"
    bot.lifecycle.shutdown("test over")
    assert not bot.is_running
    assert bot.stop_reason == "test over"
