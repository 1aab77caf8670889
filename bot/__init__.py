"""The reference paper-trading bot, whose orchestration layer unknot keeps cycle-free."""

from __future__ import annotations

__all__: list[str] = []
