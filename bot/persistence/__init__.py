"""Persistence: the SQLite store and the in-memory store of backtests."""

from __future__ import annotations

__all__: list[str] = []
