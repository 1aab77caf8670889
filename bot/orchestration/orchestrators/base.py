"""The base orchestrator: step logging, bounded retries of transient errors, error results.

A subclass implements `_run` (the workflow) and `_failure` (the result that reports an
error). `execute` never raises for a user-facing or unexpected error: it returns `_failure`'s
result, so a caller always gets one result to print.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic, TypeVar

from bot.domain.trading import ErrorInfo
from bot.errors import BotError

__all__ = ["BaseOrchestrator"]

R = TypeVar("R")
T = TypeVar("T")


class BaseOrchestrator(ABC, Generic[R]):
    workflow = "workflow"

    def __init__(
        self,
        *,
        max_retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        logger: logging.Logger | None = None,
    ) -> None:
        self._max_retries = max_retries
        self._backoff = backoff
        self._sleep = sleep
        self._log = logger or logging.getLogger(f"bot.{self.workflow}")
        # asked once: a backtest runs 100,000 workflows and logs none of their steps
        self._debug = self._log.isEnabledFor(logging.DEBUG)

    def execute(self) -> R:
        """Run the workflow once; errors come back as the subclass's failure result."""
        if self._debug:
            self._log.debug("%s: start", self.workflow)
        try:
            result = self._run()
        except BotError as exc:
            self._log.info("%s: %s", self.workflow, exc)
            result = self._failure(ErrorInfo(exc.code, exc.message, exc.hint, exc.exit_code))
        except Exception as exc:  # the promise is one result, never a traceback
            self._log.error("%s: unexpected %s: %s", self.workflow, type(exc).__name__, exc)
            self._log.debug("%s: traceback", self.workflow, exc_info=True)
            hint = "Run `unknot-bot --debug ...` for the traceback." if not self._debug else ""
            info = ErrorInfo("internal-error", f"{type(exc).__name__}: {exc}", hint)
            result = self._failure(info)
        if self._debug:
            self._log.debug("%s: end", self.workflow)
        return result

    def _step(self, name: str, action: Callable[[], T], *, retry: bool = False) -> T:
        """Run one named step; transient errors are retried `max_retries` times with backoff."""
        attempt = 0
        while True:
            if self._debug:
                self._log.debug("%s: step %s (attempt %d)", self.workflow, name, attempt + 1)
            try:
                return action()
            except BotError as exc:
                if not (retry and exc.transient and attempt < self._max_retries):
                    raise
                delay = self._backoff * 2**attempt
                self._log.warning(
                    "%s: %s failed (%s), retrying in %.1fs", self.workflow, name, exc, delay
                )
                self._sleep(delay)
                attempt += 1

    @abstractmethod
    def _run(self) -> R: ...

    @abstractmethod
    def _failure(self, error: ErrorInfo) -> R: ...
