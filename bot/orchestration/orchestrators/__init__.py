"""Orchestrators: the base orchestrator and the paper-trading orchestrator."""

from __future__ import annotations

__all__: list[str] = []
