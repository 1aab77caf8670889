"""What every strategy offers the bot."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from bot_v2.domain.decisions import Signal

__all__ = ["Strategy"]


class Strategy(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def warmup(self) -> int: ...

    def signal(self, closes: Sequence[Decimal], position: Decimal) -> Signal: ...
