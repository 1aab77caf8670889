"""The process exit codes, named once."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["ExitCode"]


class ExitCode(IntEnum):
    OK = 0
    GATE_FAILED = 1
    USAGE_ERROR = 2
    INTERRUPTED = 130
