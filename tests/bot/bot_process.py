"""Running the real bot CLI in subprocesses, and waiting on its sync points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bot.persistence.sync_points import ENV_VAR

REPO = Path(__file__).resolve().parents[2]


def bot_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", *args]


def run_bot(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        bot_command(*args), check=False, capture_output=True, text=True, timeout=60, cwd=REPO,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def start_bot(*args: str, sync_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        bot_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, ENV_VAR: str(sync_dir)},
    )  # fmt: skip


def wait_for(path: Path, process: subprocess.Popen[str], *, timeout: float = 30.0) -> None:
    """Wait until `process` reaches the sync point that creates `path` (fails if it exits)."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"the bot exited before {path.name}: {process.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"the bot never reached {path.name}")
        time.sleep(0.005)


def as_json(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    return document
