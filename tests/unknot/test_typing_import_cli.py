"""`unknot codemod typing-import` end to end: the real CLI in subprocesses on a sample repository.

tests/assets/typing_import_cycle: `shop.ledger.orders` names `Account` only in annotations, so
moving its import of `shop.ledger.accounts` under TYPE_CHECKING leaves the cycle typing-only:
`unknot analyze` then reports 0 import-time cycles, and the package's own tests and
`mypy --strict` pass. A runtime use is refused with file:line, exit 2, and nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.codemods.repos import copy_asset, run_module, run_own_tests, snapshot

pytestmark = pytest.mark.slow

ORDERS, ACCOUNTS = "shop.ledger.orders", "shop.ledger.accounts"


def test_the_cycle_becomes_typing_only(tmp_path: Path) -> None:
    root = copy_asset("typing_import_cycle", tmp_path)
    before = run_module("unknot", "analyze", "ledger", cwd=root)
    assert before.returncode == 1, before.stdout
    assert run_own_tests(root).returncode == 0
    tree = snapshot(root)

    dry = run_module("unknot", "codemod", "typing-import", ORDERS, ACCOUNTS, cwd=root)
    assert dry.returncode == 0, dry.stderr
    assert "+if TYPE_CHECKING:\n+    from shop.ledger import accounts\n" in dry.stdout
    assert f"import cycle broken: {ACCOUNTS} <-> {ORDERS}" in dry.stdout
    assert "added `from __future__ import annotations`" in dry.stdout
    assert snapshot(root) == tree

    result = run_module("unknot", "codemod", "typing-import", ORDERS, ACCOUNTS, "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    after = run_module("unknot", "analyze", "ledger", cwd=root)
    assert after.returncode == 0, after.stdout
    assert "0 import-time cycle(s)" in after.stdout
    tests = run_own_tests(root)
    assert tests.returncode == 0, tests.stdout
    mypy = run_module("mypy", "--strict", "src", "tests", cwd=root)
    assert mypy.returncode == 0, mypy.stdout

    again = run_module("unknot", "codemod", "typing-import", ORDERS, ACCOUNTS, cwd=root)
    assert again.returncode == 0
    assert again.stdout.startswith("Nothing to do: 'shop.ledger.orders' imports"), again.stdout


def test_json_report_names_the_broken_cycle(tmp_path: Path) -> None:
    root = copy_asset("typing_import_cycle", tmp_path)
    args = ("unknot", "codemod", "typing-import", ORDERS, ACCOUNTS, "--format", "json")
    result = run_module(*args, cwd=root)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["removed_cycles"] == [[ACCOUNTS, ORDERS]]
    assert report["new_cycles"] == []
    assert report["files_changed"] == 1


BAD_INPUT = [
    ((ACCOUNTS, ORDERS), "runtime-use", "src/shop/ledger/accounts.py:14: 'orders' in a call"),
    ((ORDERS, "shop.ledger.acounts"), "import-not-found", "shop.ledger.accounts"),
    (("shop.ledger.order", ACCOUNTS), "module-not-found", "shop.ledger.orders"),
    ((ORDERS, ACCOUNTS, "--format", "yaml"), "unknown-format", "text or json"),
]


@pytest.mark.parametrize(("args", "code", "text"), BAD_INPUT)
def test_bad_input_is_one_coded_line_and_nothing_written(
    tmp_path: Path, args: tuple[str, ...], code: str, text: str
) -> None:
    root = copy_asset("typing_import_cycle", tmp_path)
    before = snapshot(root)
    result = run_module("unknot", "codemod", "typing-import", *args, "--apply", cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error[{code}]"), result.stderr
    assert text in result.stderr
    assert "hint:" in result.stderr
    assert snapshot(root) == before


def test_a_dirty_tree_is_refused(tmp_path: Path) -> None:
    root = copy_asset("typing_import_cycle", tmp_path)
    (root / "notes.txt").write_text("wip\n", encoding="utf-8")
    before = snapshot(root)
    result = run_module("unknot", "codemod", "typing-import", ORDERS, ACCOUNTS, "--apply", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("error[dirty-tree]"), result.stderr
    assert snapshot(root) == before


def test_defer_takes_an_import_a_function_needs_into_it(tmp_path: Path) -> None:
    from tests.codemods.repos import make_repo

    files = {
        "pyproject.toml": '[tool.unknot]\nroot = "."\n',
        "app/__init__.py": "",
        "app/bot.py": "from app import builder\n\n\ndef make() -> object:\n"
        "    return builder.build()\n",
        "app/builder.py": "from app import bot\n\n\ndef build() -> object:\n    return bot\n",
    }
    root = make_repo(tmp_path / "repo", files)
    refused = run_module("unknot", "codemod", "typing-import", "app.bot", "app.builder", cwd=root)
    assert refused.returncode == 2
    assert refused.stderr.startswith("error[runtime-use]")
    assert "pass --defer" in refused.stderr
    args = ("codemod", "typing-import", "app.bot", "app.builder", "--defer", "--apply")
    deferred = run_module("unknot", *args, cwd=root)
    assert deferred.returncode == 0, deferred.stderr
    assert "imported where it is needed at run time instead: make" in deferred.stdout
    text = (root / "app/bot.py").read_text(encoding="utf-8")
    assert (
        text == "def make() -> object:\n    from app import builder\n    return builder.build()\n"
    )
    analysed = run_module("unknot", "analyze", "app", cwd=root)
    assert analysed.returncode == 0, analysed.stdout
