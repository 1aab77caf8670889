"""The leftovers of a move leave out the lines it listed for review, comments included."""

from __future__ import annotations

from pathlib import Path

from tests.codemods.realworld.checks import module_leftovers


def test_listed_comments_and_strings_are_not_leftovers(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(
        "import os\n"
        "# app.core.pricing moved away\n"
        'NOTE = """about\napp.core.pricing\n"""\n'
        "X = app.core.pricing.PRICE\n",
        encoding="utf-8",
    )
    listed = {("user.py", 2), ("user.py", 3)}
    assert module_leftovers(tmp_path, "app.core.pricing", listed) == ["user.py:6"]
    assert module_leftovers(tmp_path, "app.core.pricing", set()) == [
        "user.py:2",
        "user.py:4",
        "user.py:6",
    ]
