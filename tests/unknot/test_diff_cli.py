"""`unknot diff` end to end: saved analyses, and the working tree against a git revision."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.unknot.cli import copy_asset, run_unknot


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=ci@example.com", "-c", "user.name=ci", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _move_catalog(project: Path) -> None:
    """Move shop.catalog into a new shop.products package and rewrite its importers."""
    shop = project / "src" / "shop"
    (shop / "products").mkdir()
    (shop / "products" / "__init__.py").write_text("")
    (shop / "catalog.py").rename(shop / "products" / "catalog.py")
    for path in shop.glob("*.py"):
        text = path.read_text()
        path.write_text(text.replace("shop.catalog", "shop.products.catalog"))


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    project = copy_asset("tangled", tmp_path)
    return project


def test_two_saved_analyses(shop: Path, tmp_path: Path) -> None:
    before = run_unknot("analyze", "shop", "--format", "json", cwd=shop)
    (tmp_path / "before.json").write_text(before.stdout)
    _move_catalog(shop)
    after = run_unknot("analyze", "shop", "--format", "json", cwd=shop)
    (tmp_path / "after.json").write_text(after.stdout)
    result = run_unknot(
        "diff", str(tmp_path / "before.json"), str(tmp_path / "after.json"), "-f", "json", cwd=shop
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(m["old"], m["new"]) for m in data["moved"]] == [
        ("shop.catalog", "shop.products.catalog")
    ]
    assert data["added"] == ["shop.products"]
    assert data["removed"] == []
    assert data["figures"]["modules"] == {"after": 19, "before": 18}


def test_against_a_revision_uses_a_temporary_worktree(shop: Path) -> None:
    _git("init", "-q", cwd=shop)
    _git("add", "-A", cwd=shop)
    _git("commit", "-qm", "before", cwd=shop)
    _move_catalog(shop)
    ledger = shop / "src" / "shop" / "ledger.py"
    ledger.write_text(ledger.read_text().replace("from shop.billing import Billing", "Billing = 1"))
    result = run_unknot("diff", "shop", "--against", "HEAD", "--format", "markdown", cwd=shop)
    assert result.returncode == 0, result.stderr
    assert (
        "| Circular Dependencies, all kinds (imports to cut) | 4 | 3 | -1, -25% |" in result.stdout
    )
    assert "- shop.catalog → shop.products.catalog (" in result.stdout
    assert "**Cycles lost (1)**\n\n- billing, ledger" in result.stdout
    assert _git("worktree", "list", cwd=shop).count("\n") == 1


def test_unknown_revision_is_a_clear_error(shop: Path) -> None:
    _git("init", "-q", cwd=shop)
    _git("add", "-A", cwd=shop)
    _git("commit", "-qm", "before", cwd=shop)
    result = run_unknot("diff", "shop", "--against", "no-such-rev", cwd=shop)
    assert result.returncode == 2
    assert "error[revision-not-found]: No revision 'no-such-rev'" in result.stderr


def test_bad_arguments_and_files_are_clear_errors(shop: Path) -> None:
    result = run_unknot("diff", "only-one.json", cwd=shop)
    assert result.returncode == 2
    assert "error[bad-arguments]" in result.stderr
    (shop / "broken.json").write_text("{")
    result = run_unknot("diff", "broken.json", "broken.json", cwd=shop)
    assert result.returncode == 2
    assert "error[bad-analysis-file]" in result.stderr
    assert "Traceback" not in result.stderr
