"""The bot's settings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BotConfig:
    """What the bot trades, and how."""

    symbols: tuple[str, ...] = ("BTC-PERP", "ETH-PERP")
    quantity: float = 0.1
    dry_run: bool = True
