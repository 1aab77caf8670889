"""Spot profiles: per-symbol rules a spot account trades under (no shorts, smaller sizes)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from bot_v2.domain.decisions import Action
from bot_v2.orchestration.configuration import BotConfig, Profile

__all__ = ["SpotProfile", "SpotProfileService"]


@dataclass(frozen=True, slots=True)
class SpotProfile:
    symbol: str
    position_fraction: Decimal
    allow_short: bool = False
    enabled: bool = True


class SpotProfileService:
    """The spot rules of each symbol; a perpetuals bot gets permissive profiles."""

    def __init__(self, config: BotConfig, rules: Mapping[str, Mapping[str, str]] | None = None):
        self._config = config
        self._profiles = {s: self._default(s) for s in config.symbols}
        for symbol, rule in (rules or {}).items():
            self._profiles[symbol] = self._parse(symbol, rule)

    @property
    def spot(self) -> bool:
        return self._config.profile is Profile.SPOT or not self._config.derivatives

    def _default(self, symbol: str) -> SpotProfile:
        fraction = self._config.risk.position_fraction
        return SpotProfile(symbol, fraction, allow_short=not self.spot)

    def _parse(self, symbol: str, rule: Mapping[str, str]) -> SpotProfile:
        base = self._default(symbol)
        fraction = Decimal(rule.get("position_fraction", str(base.position_fraction)))
        return SpotProfile(
            symbol,
            min(fraction, base.position_fraction),
            allow_short=rule.get("allow_short", "no") == "yes" and not self.spot,
            enabled=rule.get("enabled", "yes") == "yes",
        )

    def profile_for(self, symbol: str) -> SpotProfile:
        return self._profiles.get(symbol) or self._default(symbol)

    def allows(self, symbol: str, action: Action, *, position: Decimal) -> bool:
        """May `action` be taken on `symbol` holding the signed `position`?"""
        profile = self.profile_for(symbol)
        if action in (Action.HOLD, Action.CLOSE):
            return True
        if not profile.enabled:
            return False
        return action is Action.BUY or position > 0 or profile.allow_short
