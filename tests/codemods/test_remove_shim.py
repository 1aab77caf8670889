"""remove-shim on a hand-written re-export shim: importers re-pointed, shim deleted."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codemods import ShimRequest, remove_shim_module
from codemods.errors import ModuleNotFound, NotAShim
from tests.codemods.repos import snapshot

SHIM = "trade.orchestration.symbols"


def own_tests(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/check_shim.py"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_remove_shim_repoints_every_importer(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("codemods_shim")
    assert own_tests(root).returncode == 0
    outcome = remove_shim_module(ShimRequest(root, SHIM), apply=True)
    assert not (root / "src/trade/orchestration/symbols.py").exists()
    assert outcome.summary.files_deleted == ("src/trade/orchestration/symbols.py",)
    engine = (root / "src/trade/orchestration/engine.py").read_text()
    assert engine.startswith(
        "from ..shared.markets import (\n    MARKETS,\n)\n"
        "from ..shared.symbols import (\n"
        "    normalize,  # the one we need most\n    split as split_symbol,\n)\n"
    )
    assert (root / "src/trade/orchestration/runner.py").read_text() == (
        "import trade.shared.symbols\n\n\ndef first() -> str:\n"
        '    return trade.shared.symbols.normalize("btc/usd")\n'
    )
    check = (root / "tests/check_shim.py").read_text()
    assert '"trade.shared.symbols.normalize"' in check
    assert "from trade.shared.symbols import _CACHE" in check
    assert "symbols" not in check.replace("trade.shared.symbols", "")
    result = own_tests(root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_remove_shim_twice_is_refused_cleanly(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("codemods_shim")
    remove_shim_module(ShimRequest(root, SHIM), apply=True, allow_dirty=True)
    with pytest.raises(ModuleNotFound):
        remove_shim_module(ShimRequest(root, SHIM), apply=True, allow_dirty=True)


def test_a_module_with_its_own_code_is_not_a_shim(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("codemods_shim")
    before = snapshot(root)
    with pytest.raises(NotAShim) as caught:
        remove_shim_module(ShimRequest(root, "trade.orchestration.helpers"), apply=True)
    assert "shout" in caught.value.message
    assert snapshot(root) == before
