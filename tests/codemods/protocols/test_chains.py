"""Members read through a dependent's own members typed with the class, found by spelling."""

from __future__ import annotations

from pathlib import Path

from codemods.protocols.chains import Chained, chained_members
from tests.codemods.repos import make_repo


def test_reads_and_writes_after_a_producer(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "a.py": "x = self.runtime.config.account\nself.config.count += 1\n",
            "b.py": "y = bot.settings().strategy\nz = bot.settings(1, 2).risk == 3\n",
            "c.py": "config.plain\nself.other.thing\n",
            "d.py": "cfg = self.cycle.config\nx = cfg.window\ncfg.seen = True\n",
        },
        use_git=False,
    )
    found = chained_members(sorted(root.glob("*.py")), {"config", "settings"})
    assert found == Chained(
        read=frozenset({"account", "count", "strategy", "risk", "window", "seen"}),
        written=frozenset({"count", "seen"}),
    )
    assert chained_members(sorted(root.glob("*.py")), set()) == Chained()
