"""The cycle check: cycles before and after the change, asked through the CycleFinder port."""

from __future__ import annotations

from pathlib import Path

from codemods.protocols.cycles import CycleReport, cycle_report
from tests.codemods.repos import make_repo
from tests.fakes.cycle_finder import FakeCycleFinder

GONE = ("pkg.a", "pkg.bot")
KEPT = ("pkg.bot", "pkg.c")
NEW = ("pkg.api", "pkg.d")


def test_cycles_broken_left_and_created(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {"src/pkg/__init__.py": "", "src/pkg/bot.py": "", "src/stray.py": ""},
        use_git=False,
    )
    finder = FakeCycleFinder(
        {
            "stray.py": (GONE,),  # only in the tree as it is (the scratch copy holds pkg only)
            "pkg/bot.py": (KEPT,),
            "pkg/api.py": (NEW,),  # only after the change
        }
    )
    writes = ((root / "src/pkg/api.py", "class IBot: ...\n"),)
    report = cycle_report(finder, root / "src", "pkg.bot", writes)
    assert report == CycleReport(broken=(GONE,), remaining=(KEPT,), created=(NEW,))
    assert [package for _, package in finder.calls] == ["pkg", "pkg"]
    assert not (root / "src/pkg/api.py").exists()
