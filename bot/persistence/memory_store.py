"""An in-memory account store for backtests: the same port as SQLite, without the disk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from bot.domain.trading import ZERO, AccountState
from bot.orchestration.core.ports import CycleOutcome

__all__ = ["MemoryStore"]


@dataclass
class _MemoryCycle:
    store: MemoryStore
    account: str
    symbol: str
    pending: AccountState | None = None

    def load(self, *, starting_cash: Decimal) -> AccountState:
        key = (self.account, self.symbol)
        state = self.store.states.get(key)
        if state is None:
            state = AccountState(
                self.account, self.symbol, starting_cash, starting_cash, ZERO, ZERO,
                starting_cash, None, None, None,
            )  # fmt: skip
        return state

    def save(self, outcome: CycleOutcome) -> None:
        self.store.cycles += 1
        if outcome.changed:
            self.pending = outcome.state


@dataclass
class MemoryStore:
    """Account states by (account, symbol); a transaction's writes apply only when it ends well."""

    states: dict[tuple[str, str], AccountState] = field(default_factory=dict)
    cycles: int = 0

    @contextmanager
    def cycle(self, account: str, symbol: str) -> Iterator[_MemoryCycle]:
        tx = _MemoryCycle(self, account, symbol)
        yield tx
        if tx.pending is not None:
            self.states[(account, symbol)] = tx.pending
