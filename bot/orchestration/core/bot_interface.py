"""`IBotRuntime`: what services need from the running bot, without importing the bot itself."""

from __future__ import annotations

from typing import Protocol

from bot.orchestration.configuration import BotConfig

__all__ = ["IBotRuntime"]


class IBotRuntime(Protocol):
    """The running bot as its services see it: its configuration, whether it runs, a stop."""

    @property
    def config(self) -> BotConfig: ...

    @property
    def is_running(self) -> bool: ...

    def stop(self) -> None:
        """Ask the bot to stop after the current cycle."""
        ...
