"""Symbol names: the bot writes a pair as `BASE-QUOTE` in upper case."""

from __future__ import annotations

import re

__all__ = ["normalize_symbol"]

_PAIR = re.compile(r"^([A-Z0-9]{2,12})[-/_]([A-Z0-9]{2,12})$")


def normalize_symbol(text: str) -> str | None:
    """`btc/usd`, `BTC_USD` and `BTC-USD` all become `BTC-USD`; None when not a pair."""
    match = _PAIR.match(text.strip().upper())
    return f"{match.group(1)}-{match.group(2)}" if match else None
