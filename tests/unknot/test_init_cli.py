"""`unknot init` and `unknot targets` end to end, on copies of sample projects."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.unknot.cli import REPO, copy_asset, run_unknot


def _unconfigured(tmp_path: Path) -> Path:
    project = copy_asset("tangled", tmp_path)
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n', encoding="utf-8")
    return project


def test_init_writes_a_target_the_analysis_then_uses(tmp_path: Path) -> None:
    project = _unconfigured(tmp_path)

    written = run_unknot("init", cwd=project)
    listed = run_unknot("targets", cwd=project)
    analysed = run_unknot("analyze", "shop", cwd=project)

    assert written.returncode == 0, written.stderr
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "shop"\n')
    assert '[tool.unknot.targets.shop]\npackage = "shop"\n' in text
    assert listed.stdout == "shop: shop\n"
    assert analysed.returncode == 1, analysed.stderr  # the tangled shop fails its gate
    assert "FAIL max-cycles.import-time" in analysed.stdout


def test_init_refuses_a_configured_project_and_changes_nothing(tmp_path: Path) -> None:
    project = copy_asset("tangled", tmp_path)
    before = (project / "pyproject.toml").read_bytes()

    result = run_unknot("init", cwd=project)

    assert result.returncode == 2
    assert "error[already-configured]" in result.stderr
    assert (project / "pyproject.toml").read_bytes() == before


def test_init_asks_which_package_when_there_are_several(tmp_path: Path) -> None:
    project = _unconfigured(tmp_path)
    shutil.copytree(project / "src" / "shop", project / "src" / "other")

    asked = run_unknot("init", cwd=project)
    named = run_unknot("init", "shop.orders", cwd=project)

    assert asked.returncode == 2
    assert "error[several-packages]: Several packages under src/: other, shop." in asked.stderr
    assert named.returncode == 0, named.stderr
    assert 'package = "shop.orders"' in (project / "pyproject.toml").read_text(encoding="utf-8")


def test_targets_lists_this_repositorys_targets() -> None:
    result = run_unknot("targets", cwd=REPO)

    assert result.returncode == 0
    assert "orchestration: bot.orchestration\n" in result.stdout
    assert "tool: " in result.stdout
    assert "(with rules)" in result.stdout
