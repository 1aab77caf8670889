"""Account telemetry: snapshots of balances and positions, published to the event store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from bot_v2.domain.orders import ZERO, Balance, Position
from bot_v2.persistence.event_store import EventStore

__all__ = ["AccountSnapshot", "AccountSource", "AccountTelemetryService"]


class AccountSource(Protocol):
    def balances(self) -> list[Balance]: ...

    def positions(self) -> list[Position]: ...

    def mark(self, symbol: str) -> Decimal | None: ...


@dataclass(frozen=True, slots=True)
class AccountSnapshot:
    ts: int
    cash: Decimal
    available: Decimal
    positions: tuple[Position, ...]
    unrealised_pnl: Decimal
    exposure: Decimal

    @property
    def equity(self) -> Decimal:
        return self.cash + self.unrealised_pnl

    @property
    def leverage(self) -> Decimal:
        return self.exposure / self.equity if self.equity > 0 else ZERO


class AccountTelemetryService:
    """Takes a snapshot when asked, at most once per `every` seconds, and keeps the last few."""

    def __init__(
        self,
        source: AccountSource,
        store: EventStore,
        *,
        every: int = 0,
        keep: int = 50,
        on_snapshot: Callable[[AccountSnapshot], None] | None = None,
    ) -> None:
        self._source = source
        self._store = store
        self._every = every
        self._keep = keep
        self._on_snapshot = on_snapshot
        self._history: list[AccountSnapshot] = []

    def snapshot(self, ts: int) -> AccountSnapshot:
        balances = self._source.balances()
        cash = sum((b.total for b in balances), ZERO)
        available = sum((b.available for b in balances), ZERO)
        positions = tuple(self._source.positions())
        unrealised = ZERO
        exposure = ZERO
        for position in positions:
            mark = self._source.mark(position.symbol) or position.entry_price
            unrealised += position.unrealised_pnl(mark)
            exposure += position.notional(mark)
        return AccountSnapshot(ts, cash, available, positions, unrealised, exposure)

    def collect(self, ts: int) -> AccountSnapshot | None:
        """A new snapshot, recorded and published; None when the last one is too recent."""
        last = self.latest()
        if last is not None and ts - last.ts < self._every:
            return None
        snap = self.snapshot(ts)
        self._history = [*self._history, snap][-self._keep :]
        self._store.append(
            "account",
            ts,
            equity=f"{snap.equity:.2f}",
            cash=f"{snap.cash:.2f}",
            positions=len(snap.positions),
            exposure=f"{snap.exposure:.2f}",
        )
        if self._on_snapshot is not None:
            self._on_snapshot(snap)
        return snap

    def latest(self) -> AccountSnapshot | None:
        return self._history[-1] if self._history else None

    def history(self) -> tuple[AccountSnapshot, ...]:
        return tuple(self._history)
