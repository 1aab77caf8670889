"""The layer's core: the runtime protocol and the ports the coordinators talk to."""

from __future__ import annotations

__all__: list[str] = []
