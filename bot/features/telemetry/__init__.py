"""Account telemetry: what the account holds, as the result shows it."""

from __future__ import annotations

__all__: list[str] = []
