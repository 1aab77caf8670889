"""The bot's orchestration layer: runtime, builder, lifecycle and coordinators."""

from __future__ import annotations

__all__: list[str] = []
