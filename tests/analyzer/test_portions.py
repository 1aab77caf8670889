"""Folders without `__init__.py` inside a regular package are scanned as Python imports them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.errors import PackageNotFound, UnparsableModule
from analyzer.model import Analysis

PORTIONS = Path(__file__).parents[1] / "assets" / "portions" / "src"


def _analyse(root: Path, package: str) -> Analysis:
    target = Target(name=package, package=package, root=root, gates=GateConfig(), cache_dir=None)
    return analyse(target, source=GrimpSource(root))


def test_modules_in_a_folder_without_init_are_scanned_with_their_cycles() -> None:
    analysis = _analyse(PORTIONS, "regpkg")
    assert [m.name for m in analysis.modules] == [
        "regpkg",
        "regpkg.sub.deeper.leaf",
        "regpkg.sub.mod",
        "regpkg.user",
    ]
    assert [c.modules for c in analysis.cycles] == [("regpkg.sub.deeper.leaf", "regpkg.sub.mod")]
    assert not analysis.passed


def test_the_folder_itself_is_a_target() -> None:
    analysis = _analyse(PORTIONS, "regpkg.sub")
    assert analysis.summary.modules == 2
    assert analysis.summary.circular_dependencies == 1


def test_a_syntax_error_in_the_folder_stops_the_analysis(tmp_path: Path) -> None:
    shutil.copytree(PORTIONS, tmp_path / "src")
    (tmp_path / "src" / "regpkg" / "sub" / "broken.py").write_text("def (:\n")
    with pytest.raises(UnparsableModule, match=r"regpkg/sub/broken.py:1"):
        _analyse(tmp_path / "src", "regpkg")


def test_a_target_with_no_importable_module_is_an_error(tmp_path: Path) -> None:
    shutil.copytree(PORTIONS, tmp_path / "src")
    scripts = tmp_path / "src" / "regpkg" / "tools" / "not-a-name"
    scripts.mkdir(parents=True)
    (scripts / "run.py").write_text("print('hi')\n")
    with pytest.raises(PackageNotFound, match=r"No module of 'regpkg\.tools'") as caught:
        _analyse(tmp_path / "src", "regpkg.tools")
    assert "identifiers" in caught.value.hint
