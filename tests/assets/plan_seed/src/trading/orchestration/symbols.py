"""Symbol helpers."""

from __future__ import annotations

import trading.orchestration.configuration as configuration


def normalize_symbols(symbols: list[str]) -> list[str]:
    cleaned = {s.strip().upper() for s in symbols}
    top = [b for b in configuration.TOP_VOLUME_BASES if b in cleaned]
    return top + sorted(cleaned - set(top))
