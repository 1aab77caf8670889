from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from bot_v2.cli import main

SRC = Path(__file__).parents[1] / "src"
MODULES = sorted(
    ".".join(p.relative_to(SRC).with_suffix("").parts)
    for p in (SRC / "bot_v2" / "orchestration").rglob("*.py")
    if p.name != "__init__.py"
)


def test_dry_run_prints_cycles_and_a_summary() -> None:
    out = io.StringIO()
    assert main(["dry-run", "--cycles", "40", "--symbols", "BTC-PERP,SOL-PERP"], out=out) == 0
    text = out.getvalue()
    assert text.startswith("profile dev (dry run), strategy momentum")
    assert "40 cycles," in text.splitlines()[-1]


def test_bad_configuration_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dry-run", "--strategy", "astrology"]) == 2
    assert "unknown strategy" in capsys.readouterr().err


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_first(module: str) -> None:
    """Whichever module of a cycle Python meets first, the import works."""
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        env={"PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
