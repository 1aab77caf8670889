"""`scan_cycles`, the short way to the cycles (the codemods' CycleFinder port in the CLI)."""

from __future__ import annotations

from pathlib import Path

from analyzer import scan_cycles

FILES = {
    "loop/__init__.py": "",
    "loop/a.py": "from loop import b\n",
    "loop/b.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from loop import a\n",
    "loop/c.py": "from loop import d\n",
    "loop/d.py": "from loop import c\n",
}


def test_every_kind_counts_unless_only_import_time_is_asked(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert sorted(scan_cycles(tmp_path, "loop")) == [("loop.a", "loop.b"), ("loop.c", "loop.d")]
    assert scan_cycles(tmp_path, "loop", import_time=True) == (("loop.c", "loop.d"),)
