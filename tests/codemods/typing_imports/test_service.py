"""The typing-import use case end to end in-process: dry run, apply, the dirty-tree guard, the
import-time cycles it breaks (through a fake CycleFinder) and what its summary says."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods import CodemodError
from codemods.typing_imports.service import TypingImportRequest, typing_import
from tests.codemods.repos import make_repo, snapshot
from tests.fakes.cycle_finder import FakeCycleFinder

CYCLE = ("pkg.models", "pkg.user")
USER = "from pkg.models import Foo\n\n\ndef f(a: Foo, b: Foo) -> None: ...\n"
MODELS = "from pkg import user\n\n\nclass Foo:\n    def use(self) -> None:\n        user.f(self)\n"


def _repo(tmp_path: Path, user: str = USER) -> Path:
    files = {"pkg/__init__.py": "", "pkg/models.py": MODELS, "pkg/user.py": user}
    return make_repo(tmp_path / "repo", files)


def test_dry_run_shows_the_diff_and_the_broken_cycle_and_writes_nothing(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    before = snapshot(root)
    finder = FakeCycleFinder(
        import_time_when={("pkg/user.py", "from pkg.models import Foo"): (CYCLE,)}
    )
    outcome = typing_import(
        TypingImportRequest(root, "pkg.user", "pkg.models"), cycle_finder=finder
    )
    assert snapshot(root) == before
    assert "+if TYPE_CHECKING:\n+    from pkg.models import Foo\n" in outcome.diff
    assert "+from __future__ import annotations\n" in outcome.diff
    summary = outcome.summary
    assert summary.removed_cycles == (CYCLE,)
    assert summary.new_cycles == ()
    assert summary.as_dict()["removed_cycles"] == [list(CYCLE)]
    assert "import cycle broken: pkg.models <-> pkg.user" in summary.lines()
    assert any("pkg/user.py:4 (a parameter annotation)" in note for note in summary.notes)
    assert not any(note.count("pkg/user.py:4 (a parameter") > 1 for note in summary.notes)
    assert len({call[0] for call in finder.calls}) == 2, "the tree as it is, then a scratch copy"


def test_apply_writes_through_the_journal_and_refuses_a_dirty_tree(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "pkg/other.py").write_text("x = 1\n", encoding="utf-8")
    request = TypingImportRequest(root, "pkg.user", "pkg.models")
    with pytest.raises(CodemodError) as caught:
        typing_import(request, apply=True)
    assert caught.value.code == "dirty-tree"
    assert (root / "pkg/user.py").read_text(encoding="utf-8") == USER
    outcome = typing_import(request, apply=True, allow_dirty=True)
    assert outcome.summary.applied
    assert "if TYPE_CHECKING:" in (root / "pkg/user.py").read_text(encoding="utf-8")
    assert not (root / ".unknot_cache").exists()


def test_a_runtime_reader_of_annotations_is_named_in_a_warning(tmp_path: Path) -> None:
    user = (
        "import pydantic\n\nfrom pkg.models import Foo\n\n\n"
        "class M(pydantic.BaseModel):\n    foo: Foo\n"
    )
    root = _repo(tmp_path, user)
    outcome = typing_import(TypingImportRequest(root, "pkg.user", "pkg.models"))
    assert any(
        note.startswith("warning: the module mentions pydantic") for note in outcome.summary.notes
    )
