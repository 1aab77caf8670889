from __future__ import annotations

from decimal import Decimal

from bot_v2.domain.orders import Balance, Position
from bot_v2.persistence.event_store import EventStore


class _Account:
    def balances(self) -> list[Balance]:
        return [Balance("USD", Decimal(1000), Decimal(800))]

    def positions(self) -> list[Position]:
        return [Position("ETH-PERP", Decimal(-2), Decimal(3000), leverage=5)]

    def mark(self, symbol: str) -> Decimal | None:
        return Decimal(2900)


def test_snapshots_are_taken_at_most_every_interval_and_published() -> None:
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


def test_a_callback_hears_every_snapshot() -> None:
    import bot_v2.orchestration.account_telemetry as telemetry

    seen: list[telemetry.AccountSnapshot] = []
    service = telemetry.AccountTelemetryService(
        _Account(), EventStore(), keep=2, on_snapshot=seen.append
    )
    for ts in (0, 1, 2):
        service.collect(ts)
    assert [s.ts for s in seen] == [0, 1, 2]
    assert [s.ts for s in service.history()] == [1, 2]
    assert seen[0].leverage == Decimal(5800) / Decimal(1200)
