"""`unknot codemod` end to end: the real CLI in a subprocess on sample repositories on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codemods.engine.apply import PAUSE_AFTER_ENV, PAUSE_FILE_ENV, STATE_DIR
from tests.codemods.repos import copy_asset, make_repo, snapshot

OLD, NEW = "shop.core.pricing", "shop.billing.rates"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "unknot", "codemod", *args]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(*args), cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def test_dry_run_prints_a_diff_and_a_summary_and_writes_nothing(tmp_path: Path) -> None:
    root = copy_asset("codemods_forms", tmp_path)
    before = snapshot(root)
    result = _run("move", OLD, NEW, cwd=root / "src" / "shop")  # --root: the git work tree
    assert result.returncode == 0, result.stderr
    assert "+++ b/src/shop/importers/f01_import_dotted.py" in result.stdout
    assert "rename to src/shop/billing/rates.py" in result.stdout
    assert "Dry run (pass --apply to write)" in result.stdout
    assert "files moved 1" in result.stdout
    assert snapshot(root) == before


def test_apply_and_json_report(tmp_path: Path) -> None:
    root = copy_asset("codemods_forms", tmp_path)
    result = _run(
        "move", OLD, NEW, "--root", str(root), "--apply", "--format", "json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert report["applied"] is True
    assert report["files_changed"] == 31
    assert report["tests_moved"] == [
        ["tests/unit/shop/core/test_pricing.py", "tests/unit/shop/billing/test_rates.py"]
    ]
    assert (root / "src/shop/billing/rates.py").is_file()
    again = _run("move", OLD, NEW, "--root", str(root), cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout.strip() == f"Nothing to do: '{OLD}' is already at '{NEW}'."


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("move", "shop.core.prcing", NEW), "module-not-found"),
        (("move", OLD, "shop.core.cart"), "target-exists"),
        (("move", "shop.core", "shop.core.inner"), "target-inside-source"),
        (("move", OLD, NEW, "--format", "xml"), "unknown-format"),
        (("remove-shim", "shop.core.cart"), "not-a-shim"),
        (("move", OLD, NEW, "--root", "/nonexistent/repo"), "root-not-found"),
        (("move", OLD, NEW, "--import-root", "/"), "outside-roots"),
    ],
)
def test_bad_input_exits_2_with_a_code_and_a_hint(
    tmp_path: Path, args: tuple[str, ...], code: str
) -> None:
    root = copy_asset("codemods_forms", tmp_path)
    before = snapshot(root)
    result = _run(*args, "--apply", cwd=root)
    assert result.returncode == 2
    assert f"error[{code}]" in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before


def test_dirty_tree_is_refused(tmp_path: Path) -> None:
    root = copy_asset("codemods_forms", tmp_path)
    (root / "src/shop/orders.py").write_text("# edited\n", encoding="utf-8")
    before = snapshot(root)
    result = _run("move", OLD, NEW, "--apply", cwd=root)
    assert result.returncode == 2
    assert "error[dirty-tree]" in result.stderr
    assert snapshot(root) == before


def test_a_sigkilled_apply_is_completed_by_the_next_run(tmp_path: Path) -> None:
    expected = copy_asset("codemods_forms", tmp_path / "expected")
    assert _run("move", OLD, NEW, "--apply", cwd=expected).returncode == 0
    root = copy_asset("codemods_forms", tmp_path / "killed")
    paused = tmp_path / "paused"
    env = {**os.environ, PAUSE_AFTER_ENV: "5", PAUSE_FILE_ENV: str(paused)}
    process = subprocess.Popen(
        _command("move", OLD, NEW, "--apply"),
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not paused.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert paused.exists(), "the apply never reached its pause point"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert (root / STATE_DIR / "journal.json").is_file()
    importers = sorted((root / "src/shop/importers").glob("f*.py"))
    still_old = [p for p in importers if "shop.core.pricing" in p.read_text(encoding="utf-8")]
    assert 0 < len(still_old) < len(importers) - 1, "killed half-way: neither tree yet"
    result = _run("move", OLD, NEW, "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Completed an interrupted apply" in result.stdout
    assert "Nothing to do" in result.stdout
    assert snapshot(root) == snapshot(expected)


def test_the_analyzer_warns_about_a_cycle_the_move_creates(tmp_path: Path) -> None:
    root = copy_asset("codemods_cycle", tmp_path)
    result = _run("move", "loop.core.pricing", "loop.billing.rates", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "warning: new import cycle: loop.a <-> loop.billing.rates" in result.stdout


def test_remove_shim(tmp_path: Path) -> None:
    root = copy_asset("codemods_shim", tmp_path)
    result = _run("remove-shim", "trade.orchestration.symbols", "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "deleted src/trade/orchestration/symbols.py" in result.stdout
    assert not (root / "src/trade/orchestration/symbols.py").exists()


def test_files_the_move_creates_are_added_to_git(tmp_path: Path) -> None:
    root = copy_asset("codemods_forms", tmp_path)
    result = _run("move", OLD, "shop.fresh.rates", "--root", str(root), "--apply", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "A  src/shop/fresh/__init__.py" in status
    assert not [line for line in status if line.startswith("??")]


@pytest.mark.parametrize(("old", "new"), [("a", "b.a"), ("a", "c"), ("util", "c")])
def test_top_level_modules_and_packages_move(tmp_path: Path, old: str, new: str) -> None:
    root = make_repo(
        tmp_path,
        {
            "a/__init__.py": "",
            "main.py": "import a\n",
            "util.py": "X = 1\n",
            "use.py": "from util import X\n",
        },
    )
    result = _run("move", old, new, "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert not (root / old.replace(".", "/")).with_suffix(".py").exists()
    assert not (root / old / "__init__.py").exists()


def test_the_dry_run_diff_applies_with_git(tmp_path: Path) -> None:
    root = copy_asset("codemods_forms", tmp_path)
    diff = _run("move", OLD, NEW, cwd=root).stdout
    (tmp_path / "move.diff").write_text(diff)
    applied = subprocess.run(
        ["git", "apply", "--index", str(tmp_path / "move.diff")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert applied.returncode == 0, applied.stderr
    assert (root / "src/shop/billing/rates.py").is_file()
    assert "shop.core.pricing" not in (root / "src/shop/importers/f01_import_dotted.py").read_text()


def test_a_chain_through_a_package_that_rebinds_the_name_is_left_alone(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/other/__init__.py": "",
            "pkg/sub/__init__.py": "from .mod import mod\n",
            "pkg/sub/mod.py": "def mod() -> int:\n    return 1\n",
            "pkg/user.py": "from . import sub\n\nVALUE = sub.mod()\n",
        },
    )
    result = _run("move", "pkg.sub.mod", "pkg.other.mod", "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "pkg/user.py").read_text() == "from . import sub\n\nVALUE = sub.mod()\n"
    assert (root / "pkg/sub/__init__.py").read_text() == "from ..other.mod import mod\n"
    check = subprocess.run(
        [sys.executable, "-c", "import pkg.user; assert pkg.user.VALUE == 1"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr


def test_a_cycle_through_a_parent_init_and_a_package_cycle_are_warned_about(
    tmp_path: Path,
) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a/__init__.py": "from .mod import X\n",
            "pkg/a/mod.py": "from . import sib\n\nX = 1\n",
            "pkg/a/sib.py": "Y = 2\n",
            "pkg/b/__init__.py": "",
        },
    )
    result = _run("move", "pkg.a.mod", "pkg.b.mod", "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "warning: new import cycle: pkg.a <-> pkg.b.mod" in result.stdout
    assert "warning: new package cycle: pkg.a <-> pkg.b" in result.stdout
    assert (root / "pkg/b/mod.py").read_text() == "from ..a import sib\n\nX = 1\n"
    importing = subprocess.run(
        [sys.executable, "-c", "import pkg.b.mod"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "partially initialized module" in importing.stderr, "the warning is a real failure"
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    after = snapshot(root)
    again = _run("move", "pkg.a.mod", "pkg.b.mod", "--apply", "--allow-dirty", cwd=root)
    assert again.returncode == 0, again.stderr
    assert "Nothing to do" in again.stdout
    assert snapshot(root) == after


def test_a_cycle_between_packages_alone_is_warned_about(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/helpers.py": "from shop.orders.models import Y\n",
            "shop/common/__init__.py": "",
            "shop/common/util.py": "X = 1\n",
            "shop/orders/__init__.py": "",
            "shop/orders/models.py": "Y = 1\n",
            "shop/orders/service.py": "from shop.common import util\n",
        },
    )
    result = _run("move", "shop.helpers", "shop.common.helpers", "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "warning: new package cycle: shop.common <-> shop.orders" in result.stdout
    assert "new import cycle" not in result.stdout
    again = _run("move", "shop.helpers", "shop.common.helpers", "--apply", cwd=root)
    assert "Nothing to do" in again.stdout
