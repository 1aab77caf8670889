"""Domain types shared by every part of the bot: candles, signals, orders, fills, positions."""

from __future__ import annotations

__all__: list[str] = []
