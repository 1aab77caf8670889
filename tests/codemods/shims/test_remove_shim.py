"""remove-shim on a hand-written re-export shim: importers re-pointed, shim deleted."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codemods import ShimRequest, remove_shim_module
from codemods.engine.errors import ModuleNotFound, NotAShim
from tests.codemods.repos import make_repo, snapshot

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
    # Every name used through the module binding lives in one home: the binding is re-pointed.
    assert (root / "src/trade/orchestration/runner.py").read_text() == (
        "from trade.shared import symbols\n\n\ndef first() -> str:\n"
        '    return symbols.normalize("btc/usd")\n'
    )
    check = (root / "tests/check_shim.py").read_text()
    assert "import trade.shared.symbols as sym\n" in check
    assert '"trade.shared.symbols.normalize"' in check
    assert "from trade.shared.symbols import _CACHE" in check
    assert "orchestration.symbols" not in check
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


def test_names_from_several_homes_are_reached_through_their_modules(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/lib/__init__.py": "",
            "src/lib/a.py": "def f():\n    return 1\n",
            "src/lib/b.py": "def g():\n    return 2\n",
            "src/lib/shim.py": "from lib.a import f\nfrom lib.b import g as h\n",
            "src/lib/user.py": "import lib.shim\n\nX = lib.shim.f() + lib.shim.h()\n",
        },
    )
    remove_shim_module(ShimRequest(root, "lib.shim"), apply=True)
    assert (root / "src/lib/user.py").read_text() == (
        "import lib.a\nimport lib.b\n\nX = lib.a.f() + lib.b.g()\n"
    )
