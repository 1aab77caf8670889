"""The strategy orchestrator: turns a strategy's signal into a sized decision per symbol."""

from __future__ import annotations

from decimal import Decimal

from bot_v2.domain.decisions import Action, Decision
from bot_v2.domain.orders import ZERO
from bot_v2.features.strategies.base import Strategy
from bot_v2.orchestration import perps_bot
from bot_v2.orchestration.equity_calculator import EquityCalculator
from bot_v2.orchestration.spot_profile_service import SpotProfileService

__all__ = ["StrategyOrchestrator"]


class StrategyOrchestrator:
    def __init__(
        self,
        bot: perps_bot.PerpsBot,
        strategy: Strategy,
        *,
        profiles: SpotProfileService,
        equity: EquityCalculator | None = None,
    ) -> None:
        self._bot = bot
        self.strategy = strategy
        self.profiles = profiles
        self.equity = equity or EquityCalculator(peak=bot.config.starting_cash)

    def held(self, symbol: str) -> Decimal:
        position = self._bot.broker.position(symbol)
        return position.quantity if position else ZERO

    def decide(self, symbol: str) -> Decision:
        """What to do in `symbol` now: the signal, allowed by the profile, sized to equity."""
        bot = self._bot
        held = self.held(symbol)
        signal = self.strategy.signal(bot.market_data.closes(symbol), held)
        if not self.profiles.allows(symbol, signal.action, position=held):
            return Decision(symbol, Action.HOLD, reason=f"profile forbids {signal.action}")
        if signal.action is Action.CLOSE:
            side = Action.SELL if held > 0 else Action.BUY
            return Decision(symbol, side, abs(held), reduce_only=True, reason=signal.reason)
        if signal.action is Action.HOLD:
            return Decision(symbol, Action.HOLD, reason=signal.reason)
        mark = bot.market_data.mark(symbol)
        if mark is None:
            return Decision(symbol, Action.HOLD, reason="no mark price")
        quantity = self.equity.target_quantity(
            bot.equity(),
            fraction=self.profiles.profile_for(symbol).position_fraction,
            leverage=bot.config.leverage,
            mark=mark,
            strength=min(signal.strength * 100, Decimal(1)),
        )
        return Decision(symbol, signal.action, quantity, reason=signal.reason)
