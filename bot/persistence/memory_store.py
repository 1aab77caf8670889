"""An in-memory account store for backtests: the same port as SQLite, without the disk."""

from __future__ import annotations

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

    def cycle(self, account: str, symbol: str) -> _MemoryTransaction:
        return _MemoryTransaction(_MemoryCycle(self, account, symbol))


class _MemoryTransaction:
    """Commits the cycle's state when the block ends without an exception (a class, not a
    generator: a backtest opens 100,000 of these)."""

    def __init__(self, tx: _MemoryCycle) -> None:
        self._tx = tx

    def __enter__(self) -> _MemoryCycle:
        return self._tx

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        tx = self._tx
        if kind is None and tx.pending is not None:
            tx.store.states[(tx.account, tx.symbol)] = tx.pending
