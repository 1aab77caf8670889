"""The bot's configuration: symbols and switches."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.orchestration import symbols

# The bases traded first, by volume.
TOP_VOLUME_BASES = ("BTC", "ETH", "SOL")


@dataclass
class BotConfig:
    """What the bot trades."""

    symbols: list[str] = field(default_factory=list)

    def normalized(self) -> list[str]:
        return symbols.normalize_symbols(self.symbols)

    def derivatives(self) -> bool:
        return symbols.derivatives_enabled()
