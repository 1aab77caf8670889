"""The execution coordinator: places a decision's order and records what became of it."""

from __future__ import annotations

from bot_v2.domain.decisions import Decision, SymbolOutcome
from bot_v2.domain.orders import OrderStatus
from bot_v2.orchestration import perps_bot

__all__ = ["ExecutionCoordinator"]


class ExecutionCoordinator:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self._bot = bot

    def execute(self, decision: Decision) -> SymbolOutcome:
        """The outcome of `decision`: no order for HOLD, else the order or its refusal."""
        bot = self._bot
        mark = bot.market_data.mark(decision.symbol)
        side = decision.side
        if side is None or decision.quantity <= 0:
            return SymbolOutcome(decision.symbol, mark, decision)
        order = bot.engine.place(
            decision.symbol,
            side,
            decision.quantity,
            leverage=bot.config.leverage,
            reduce_only=decision.reduce_only,
        )
        rejection = order.reason if order.status is OrderStatus.REJECTED else ""
        bot.store.append(
            "order",
            bot.clock.now(),
            id=order.id,
            symbol=decision.symbol,
            side=side,
            quantity=order.request.quantity,
            status=order.status,
            price=order.average_price or "",
            reason=rejection or decision.reason,
        )
        return SymbolOutcome(decision.symbol, mark, decision, order, rejection)
