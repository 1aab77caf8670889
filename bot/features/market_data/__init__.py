"""Market data: the service, candle windows, the activity monitor and the sources."""

from __future__ import annotations

__all__: list[str] = []
