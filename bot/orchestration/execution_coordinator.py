"""The execution coordinator: exits first, then the signal through the risk guards to a fill."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.candles import Candle
from bot.domain.trading import AccountState, Action, Fill, Rejection, Signal
from bot.orchestration.configuration import BotConfig
from bot.orchestration.core.ports import EquityCalculator, ExitPolicy, FillModel, OrderGuard

__all__ = ["ExecutionCoordinator"]


class ExecutionCoordinator:
    def __init__(
        self,
        config: BotConfig,
        *,
        fill_model: FillModel,
        exits: ExitPolicy,
        guards: Sequence[OrderGuard],
        equity: EquityCalculator,
    ) -> None:
        self._config = config
        self._fills = fill_model
        self._exits = exits
        self._guards = tuple(guards)
        self._equity = equity

    def enforce_exits(
        self, state: AccountState, candles: Sequence[Candle]
    ) -> tuple[AccountState, list[Fill]]:
        """Stops and targets hit by each candle, oldest first; a stop-out starts the cooldown."""
        fills: list[Fill] = []
        for candle in candles:
            position = state.position
            if position is None:
                break
            for order in self._exits.exit_orders(position, candle):
                fill = self._fills.fill(
                    order, candle_ts=candle.ts, entry_price=position.entry_price
                )
                state = self._equity.apply_fill(state, fill, signal=None)
                fills.append(fill)
                if order.reason == "stop_loss":
                    state = replace(state, cooldown_until=self._cooldown_end(candle.ts))
        return state, fills

    def _cooldown_end(self, ts: int) -> int:
        # the stop-out candle's own close is the first of the `cooldown_candles` refused
        return ts + self._config.risk.cooldown_candles * self._config.timeframe.seconds

    def act(
        self, signal: Signal, state: AccountState, candle: Candle
    ) -> tuple[AccountState, list[Fill], Rejection | None]:
        """The account after acting on `signal` at `candle`'s close, or the guard's refusal."""
        position = state.position
        if signal.action is Action.SELL and position is not None:
            order = self._exits.signal_exit(position, price=candle.close)
            fill = self._fills.fill(order, candle_ts=candle.ts, entry_price=position.entry_price)
            return self._equity.apply_fill(state, fill, signal=signal), [fill], None
        if signal.action is not Action.BUY:
            return state, [], None
        return self._enter(signal, state, candle)

    def _enter(
        self, signal: Signal, state: AccountState, candle: Candle
    ) -> tuple[AccountState, list[Fill], Rejection | None]:
        equity = self._equity.equity(state, price=candle.close).total
        budget = min(equity * self._config.risk.position_size, state.cash)
        order = self._fills.entry_order(
            self._config.symbol, price=candle.close, budget=budget, reason="entry"
        )
        for guard in self._guards:
            rejection = guard.check_order(order, state, equity=equity, candle_ts=candle.ts)
            if rejection is not None:
                return state, [], rejection
        fill = self._fills.fill(order, candle_ts=candle.ts, entry_price=None)
        return self._equity.apply_fill(state, fill, signal=signal), [fill], None
