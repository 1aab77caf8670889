"""Sync points for crash and concurrency tests, inert unless `BOT_TEST_SYNC_DIR` is set.

At each point the process creates `<dir>/<point>.<pid>`; if `<dir>/pause-<point>` exists, it
then waits until that file is removed. A test can thus kill or hold a process at an exact
place inside a transaction, observing it instead of sleeping and hoping.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["ENV_VAR", "sync_point"]

ENV_VAR = "BOT_TEST_SYNC_DIR"


def sync_point(name: str) -> None:
    folder = os.environ.get(ENV_VAR)
    if not folder:
        return
    directory = Path(folder)
    (directory / f"{name}.{os.getpid()}").touch()
    hold = directory / f"pause-{name}"
    while hold.exists():
        time.sleep(0.005)
