"""`unknot analyze --baseline/--update-baseline` end to end, on a copy of a sample package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unknot.cli import copy_asset, run_unknot


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """The tangled shop with a baseline recorded: 4 cycles, one module over 300 lines."""
    project = copy_asset("tangled", tmp_path)
    result = run_unknot("analyze", "shop", "--update-baseline", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Baseline written to" in result.stderr
    return project


def test_update_writes_a_sorted_baseline_and_the_debt_is_accepted(shop: Path) -> None:
    path = shop / ".unknot" / "baseline-shop.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["target"] == "shop"
    assert data["figures"]["circular_dependencies"] == 2
    assert data["figures"]["all_kinds_circular_dependencies"] == 4
    assert data["allowances"] == {"shop.big": 310}
    result = run_unknot("analyze", "shop", cwd=shop)
    assert result.returncode == 0, result.stdout
    assert "PASS baseline: same as the baseline" in result.stdout
    assert "(recorded in the baseline)" in result.stdout


def test_a_new_cycle_fails_at_its_line(shop: Path) -> None:
    with (shop / "src" / "shop" / "catalog.py").open("a", encoding="utf-8") as stream:
        stream.write("from shop import catalog2\n")
    (shop / "src" / "shop" / "catalog2.py").write_text("from shop import catalog\n")
    result = run_unknot("analyze", "shop", cwd=shop)
    assert result.returncode == 1
    assert "baseline: worse: new cycle of 2 modules: shop.catalog -> shop.catalog2" in result.stderr
    assert "FAIL baseline" in result.stdout
    assert "shop/catalog" in result.stdout


def test_an_improvement_passes_and_says_what_to_tighten(shop: Path) -> None:
    ledger = shop / "src" / "shop" / "ledger.py"
    ledger.write_text(
        "\n".join(
            line for line in ledger.read_text().splitlines() if "from shop.billing" not in line
        )
        + "\n"
    )
    result = run_unknot("analyze", "shop", cwd=shop)
    assert result.returncode == 0, result.stdout
    assert "baseline: can tighten: all_kinds_circular_dependencies 4 -> 3" in result.stderr
    assert "--update-baseline to tighten it" in result.stderr


def test_markdown_shows_baseline_and_current(shop: Path) -> None:
    result = run_unknot("analyze", "shop", "--format", "markdown", cwd=shop)
    assert "#### Baseline\n\n```\nModules: 18\n" in result.stdout
    assert "#### Current" in result.stdout


def test_bad_baselines_are_clear_errors(shop: Path) -> None:
    path = shop / ".unknot" / "baseline-shop.json"
    other = shop / "other.json"
    other.write_text(path.read_text().replace('"target": "shop"', '"target": "orchestration"'))
    result = run_unknot("analyze", "shop", "--baseline", str(other), cwd=shop)
    assert result.returncode == 2
    assert "error[baseline-mismatch]" in result.stderr
    path.write_text("{ half")
    result = run_unknot("analyze", "shop", cwd=shop)
    assert result.returncode == 2
    assert "error[bad-baseline]" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_unknot("analyze", "shop", "--baseline", "missing.json", cwd=shop)
    assert result.returncode == 2
    assert "error[baseline-not-found]" in result.stderr


def test_a_corrupt_baseline_is_replaced_by_the_command_its_error_suggests(shop: Path) -> None:
    path = shop / ".unknot" / "baseline-shop.json"
    path.write_text("{ not json", encoding="utf-8")
    refused = run_unknot("analyze", "shop", cwd=shop)
    replaced = run_unknot("analyze", "shop", "--update-baseline", cwd=shop)

    assert refused.returncode == 2
    assert "--update-baseline" in refused.stderr
    assert replaced.returncode == 0, replaced.stderr
    assert "baseline: replacing" in replaced.stderr
    assert json.loads(path.read_text(encoding="utf-8"))["target"] == "shop"


def test_markdown_says_when_a_gate_passes_on_recorded_debt(shop: Path) -> None:
    result = run_unknot("analyze", "shop", "-f", "markdown", cwd=shop)

    assert result.returncode == 0, result.stderr
    assert "(now 2, recorded in the baseline) ✅" in result.stdout
