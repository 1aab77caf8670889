"""The modules that import nothing from the layer: telemetry, equity, market data, monitor."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

from bot_v2.domain.orders import Balance, Position
from bot_v2.features.market_data.sample import SampleCandles
from bot_v2.orchestration.equity_calculator import EquityCalculator
from bot_v2.orchestration.market_data_service import MarketDataService
from bot_v2.persistence.event_store import EventStore


class _Account:
    def balances(self) -> list[Balance]:
        return [Balance("USD", Decimal(1000), Decimal(800))]

    def positions(self) -> list[Position]:
        return [Position("ETH-PERP", Decimal(-2), Decimal(3000), leverage=5)]

    def mark(self, symbol: str) -> Decimal | None:
        return Decimal(2900)


def test_account_telemetry_snapshots_and_publishes() -> None:
    from bot_v2.orchestration.account_telemetry import AccountTelemetryService

    store = EventStore()
    telemetry = AccountTelemetryService(_Account(), store, every=60)
    first = telemetry.collect(0)
    assert first is not None
    assert first.equity == Decimal(1200)
    assert first.exposure == Decimal(5800)
    assert telemetry.collect(30) is None
    assert telemetry.collect(60) is not None
    assert [e.data["equity"] for e in store.events("account")] == ["1200.00", "1200.00"]


def test_equity_tracks_its_peak_and_sizes_orders() -> None:
    calculator = EquityCalculator()
    balances = [Balance("USD", Decimal(1000), Decimal(1000))]
    long = Position("BTC-PERP", Decimal("0.1"), Decimal(50000), leverage=2)
    up = calculator.breakdown(balances, [long], {"BTC-PERP": Decimal(51000)})
    down = calculator.breakdown(balances, [long], {"BTC-PERP": Decimal(49000)})
    assert (up.total, down.total, down.peak) == (Decimal(1100), Decimal(900), Decimal(1100))
    assert down.margin_used == Decimal(2450)
    size = calculator.target_quantity(
        Decimal(1000), fraction=Decimal("0.5"), leverage=2, mark=Decimal(100)
    )
    assert size == Decimal(10)
    assert EquityCalculator.liquidation_price(long) == Decimal(27500)


def test_market_monitor_knows_stale_symbols() -> None:
    from bot_v2.orchestration import market_monitor

    monitor = market_monitor.MarketActivityMonitor(max_age=600)
    monitor.heartbeat("BTC-PERP", now=1000, last_candle_ts=700)
    assert monitor.stale_symbols(["BTC-PERP", "ETH-PERP"], now=1000) == ["ETH-PERP"]
    assert monitor.is_stale("BTC-PERP", now=1400)


def test_market_data_fetches_only_new_candles() -> None:
    marks: list[tuple[str, Decimal]] = []
    service = MarketDataService(interval=300, history=30, on_mark=lambda s, p: marks.append((s, p)))
    first = service.refresh("SOL-PERP", now=300 * 100)
    second = service.refresh("SOL-PERP", now=300 * 101)
    assert (len(first), len(second)) == (30, 1)
    assert len(service.window("SOL-PERP")) == 30
    assert marks[-1] == ("SOL-PERP", service.mark("SOL-PERP"))
    assert service.true_range("SOL-PERP") is not None


def test_market_data_asks_its_source() -> None:
    with mock.patch(
        "bot_v2.orchestration.market_data_service.SampleCandles.candles", return_value=[]
    ) as candles:
        service = MarketDataService(interval=60)
        assert service.refresh("BTC-PERP", now=6000) == []
    candles.assert_called_once_with("BTC-PERP", interval=60, until=6000, limit=60)
    assert SampleCandles().candles("BTC-PERP", interval=60, until=6000, limit=3)
