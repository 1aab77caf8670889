"""typing-import --defer: an import needed at run time only inside functions is written at the
top of each of them, and the module's own import goes under TYPE_CHECKING (or away, when no
annotation needs it); a use that runs with the module is still refused. Running it twice
changes nothing the second time."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods import CodemodError
from codemods.typing_imports.service import TypingImportRequest, typing_import
from tests.codemods.repos import make_repo

BOT = '''from __future__ import annotations

from pkg import builder, monitor


class Bot:
    def __init__(self, parts: builder.Parts) -> None:
        self.parts = parts
        self.monitor = monitor.Monitor()

    @classmethod
    def make(cls) -> Bot:
        """Built by the builder."""
        return builder.Builder().build()
'''
AFTER = '''from __future__ import annotations

from typing import TYPE_CHECKING

from pkg import monitor

if TYPE_CHECKING:
    from pkg import builder


class Bot:
    def __init__(self, parts: builder.Parts) -> None:
        self.parts = parts
        self.monitor = monitor.Monitor()

    @classmethod
    def make(cls) -> Bot:
        """Built by the builder."""
        from pkg import builder
        return builder.Builder().build()
'''


def _repo(tmp_path: Path, bot: str = BOT) -> Path:
    files = {
        "pkg/__init__.py": "",
        "pkg/bot.py": bot,
        "pkg/monitor.py": "class Monitor: ...\n",
        "pkg/builder.py": "from pkg import bot\n\n\nclass Parts: ...\n\n\nclass Builder:\n"
        "    def build(self) -> bot.Bot:\n        return bot.Bot(Parts())\n",
    }
    return make_repo(tmp_path / "repo", files)


def test_the_import_moves_into_the_function_that_runs_it(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    request = TypingImportRequest(root, "pkg.bot", "pkg.builder", defer=True)
    outcome = typing_import(request, apply=True)
    assert (root / "pkg/bot.py").read_text(encoding="utf-8") == AFTER
    assert "imported where it is needed at run time instead: Bot.make" in outcome.summary.notes
    again = typing_import(request, apply=True, allow_dirty=True)
    assert not again.summary.applied
    assert (root / "pkg/bot.py").read_text(encoding="utf-8") == AFTER


def test_without_defer_the_refusal_says_defer_would_do(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    with pytest.raises(CodemodError) as caught:
        typing_import(TypingImportRequest(root, "pkg.bot", "pkg.builder"))
    assert caught.value.code == "runtime-use"
    assert "--defer" in caught.value.hint


def test_no_annotation_left_means_no_import_left_at_module_level(tmp_path: Path) -> None:
    bot = BOT.replace("parts: builder.Parts", "parts: object")
    root = _repo(tmp_path, bot)
    typing_import(TypingImportRequest(root, "pkg.bot", "pkg.builder", defer=True), apply=True)
    text = (root / "pkg/bot.py").read_text(encoding="utf-8")
    assert "TYPE_CHECKING" not in text
    assert text.count("from pkg import builder") == 1
    assert "        from pkg import builder\n        return builder" in text


def test_a_use_that_runs_with_the_module_is_still_refused(tmp_path: Path) -> None:
    root = _repo(tmp_path, BOT + "\nDEFAULT = builder.Builder\n")
    with pytest.raises(CodemodError) as caught:
        typing_import(TypingImportRequest(root, "pkg.bot", "pkg.builder", defer=True))
    assert caught.value.code == "runtime-use"
    assert "DEFAULT = builder.Builder" in caught.value.message
