"""The multi-file runner: a result per file, bad files isolated, workers give the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.engine.names import Rename
from codemods.engine.runner import (
    Changed,
    Failed,
    FileJob,
    FilesUnreadable,
    Skipped,
    Unchanged,
    check_failures,
    prefilter,
)
from codemods.move.spec import run_move

RENAME = Rename("app.core.pricing", "app.billing.rates")


def _jobs(tmp_path: Path, files: dict[str, bytes]) -> list[FileJob]:
    jobs = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        jobs.append(FileJob(path, f"app.{path.stem}", "app"))
    return jobs


def test_one_result_per_file_and_a_bad_file_does_not_abort(tmp_path: Path) -> None:
    jobs = _jobs(
        tmp_path,
        {
            "a.py": b"from app.core.pricing import X\n",
            "b.py": b"import os\n",
            "c.py": b"from app.core.pricing import (\n",
            "d.py": b"from app.core import money  # pricing elsewhere\n",
            "e.py": b"import app.core.pricing\nS = '\xff'\n",
        },
    )
    results = run_move(jobs, RENAME, workers=1)
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Changed", "Skipped", "Failed", "Unchanged", "Failed"]
    changed, _, syntax, _, encoding = results
    assert isinstance(changed, Changed)
    assert changed.new_text == "from app.billing.rates import X\n"
    assert isinstance(syntax, Failed)
    assert syntax.code == "syntax-error"
    assert syntax.line == 1
    assert isinstance(encoding, Failed)
    assert encoding.code == "not-utf8"


def test_workers_give_the_same_results_as_one_process(tmp_path: Path) -> None:
    files = {
        f"m{i}.py": (b"from app.core.pricing import X\n" if i % 3 else b"import os\n")
        for i in range(120)
    }
    jobs = _jobs(tmp_path, files)
    assert run_move(jobs, RENAME, workers=2) == run_move(jobs, RENAME, workers=1)


def test_moved_files_are_always_run(tmp_path: Path) -> None:
    path = tmp_path / "pricing.py"
    path.write_text("from . import money\n")
    job = FileJob(path, "app.core.pricing", "app.core", "app.billing", always=True)
    (result,) = run_move([job], RENAME, workers=1)
    assert isinstance(result, Changed)
    assert result.new_text == "from ..core import money\n"


def test_prefilter_needs_the_leaf_and_the_top_package_or_a_relative_import() -> None:
    assert prefilter(b"import app.core.pricing", "app.core.pricing")
    assert prefilter(b"from . import pricing", "app.core.pricing")
    assert not prefilter(b"pricing = 1", "app.core.pricing")
    assert not prefilter(b"import app.core.pricingx", "app.core.pricing")
    assert isinstance(Skipped(Path("x"), "r"), Skipped)
    assert isinstance(Unchanged(Path("x"), "", (), frozenset()), Unchanged)


def test_a_refusal_is_worded_as_one_with_its_line_and_code(tmp_path: Path) -> None:
    refused = Failed(tmp_path / "user.py", "name-clash", "already binds IBot", 7)
    unreadable = Failed(tmp_path / "bad.py", "not-utf8", "not UTF-8 (byte 3)")
    with pytest.raises(FilesUnreadable) as caught:
        check_failures([refused], tmp_path)
    assert caught.value.code == "name-clash"
    assert caught.value.message == "1 file(s) cannot be rewritten: user.py:7: already binds IBot"
    with pytest.raises(FilesUnreadable) as caught:
        check_failures([unreadable], tmp_path)
    assert caught.value.message == (
        "1 file(s) that may need rewriting cannot be read: bad.py: not UTF-8 (byte 3)"
    )
    assert "UTF-8" in caught.value.hint


def test_nothing_failed_is_no_error(tmp_path: Path) -> None:
    check_failures([Skipped(tmp_path / "a.py", "does not mention the module")], tmp_path)
