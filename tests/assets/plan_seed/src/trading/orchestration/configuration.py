"""The bot's configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

from trading.orchestration import symbols

TOP_VOLUME_BASES = ("BTC", "ETH", "SOL")


@dataclass
class BotConfig:
    symbols: list[str] = field(default_factory=list)

    def normalized(self) -> list[str]:
        return symbols.normalize_symbols(self.symbols)
