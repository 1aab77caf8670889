"""libcst codemods that move modules and rewrite every import of them, safely."""

from __future__ import annotations

__all__: list[str] = []
