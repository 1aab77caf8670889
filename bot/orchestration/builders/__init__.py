"""Builders: the bot builder, which depends only on the runtime protocol and the ports."""

from __future__ import annotations

from bot.orchestration.builders.bot_builder import BotAdapters, BotBuilder

__all__ = ["BotAdapters", "BotBuilder"]
