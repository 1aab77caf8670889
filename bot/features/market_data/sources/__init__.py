"""Candle sources: the sample generator, CSV files, replayed history and ccxt."""

from __future__ import annotations

__all__: list[str] = []
