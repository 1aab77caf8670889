from trading.monitoring.sink import RECORDS
from trading.orchestration.account_telemetry import AccountTelemetry
from trading.orchestration.configuration import TOP_VOLUME_BASES, BotConfig
from trading.orchestration.equity_calculator import EquityCalculator
from trading.orchestration.guardrails import all_guard, guard_03
from trading.orchestration.live_execution import all_execute
from trading.orchestration.market_data_service import MarketDataService
from trading.orchestration.market_monitor import MarketMonitor
from trading.orchestration.perps_bot import PerpsBot
from trading.orchestration.symbols import normalize_symbols


def test_the_bot_owns_its_services() -> None:
    bot = PerpsBot(BotConfig(["eth"]))
    assert bot.services()[0] == "perps_bot_builder of perps"
    assert bot.config.normalized() == ["ETH"]


def test_features() -> None:
    assert normalize_symbols(["doge", "btc"]) == ["BTC", "DOGE"]
    assert TOP_VOLUME_BASES[0] == "BTC"
    assert MarketDataService().update("BTC-USD") == 50_000.0
    assert MarketMonitor().known("ETH-USD")
    assert EquityCalculator().total({"BTC-USD": (2.0, 3.0)}) == 6.0
    AccountTelemetry().snapshot(1.0)
    assert RECORDS[-1] == "equity=1.00"


def test_rules() -> None:
    assert guard_03(10.0) == 4.0
    assert len(all_guard(0.5)) == 40
    assert all_execute(100.0)[-1] == 38.0
