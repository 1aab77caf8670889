"""Renderers of analyses: terminal, JSON, Markdown, SARIF, GitHub annotations, pictures."""

from __future__ import annotations

__all__: list[str] = []
