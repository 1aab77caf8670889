"""Golden files: compare a rendered report with `tests/reports/golden/NAME`.

Run with `UNKNOT_UPDATE_GOLDEN=1` to rewrite the files after an intended change, then review
the diff in git like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["assert_golden"]

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UNKNOT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; see git diff after updating"
