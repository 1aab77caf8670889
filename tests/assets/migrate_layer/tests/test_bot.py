from app.monitoring.sink import RECORDS
from app.orchestration.bot import Bot
from app.orchestration.configuration import TOP_VOLUME_BASES, BotConfig
from app.orchestration.symbols import normalize_symbols


def test_one_cycle_values_the_positions() -> None:
    bot = Bot(BotConfig(["eth", "btc"]))
    assert bot.run_cycle() == 53_000.0
    assert RECORDS[-1] == "equity=53000.00"
    assert bot.monitor.beats == 2


def test_top_bases_first() -> None:
    assert normalize_symbols(["doge", "eth", "btc"]) == ["BTC", "ETH", "DOGE"]
    assert TOP_VOLUME_BASES[0] == "BTC"
