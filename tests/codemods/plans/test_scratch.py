"""The scratch copy the planner and the simulation work in: a step runs there for real and is
measured; a step the caller rules out is undone there, and the figures go back with it."""

from __future__ import annotations

from pathlib import Path

from codemods.plans import PlanTarget, Status, Step
from codemods.plans.scratch import open_scratch
from tests.codemods.repos import make_repo, snapshot
from tests.fakes.plans import FakeMeasure

TARGET = PlanTarget("layer", "app.layer", ".")
MOVE = Step("move", (("old", "app.layer.b"), ("new", "app.b")), tag="migrate/move-b")


def _repo(tmp_path: Path) -> Path:
    files = {
        "app/__init__.py": "",
        "app/layer/__init__.py": "",
        "app/layer/a.py": "from app.layer import b\n\nX = b.Y\n",
        "app/layer/b.py": "Y = 1\n",
    }
    return make_repo(tmp_path / "repo", files)


def test_a_kept_step_moves_the_figures_on_and_a_refused_one_is_undone(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    before = snapshot(root)
    with open_scratch(root, TARGET, FakeMeasure()) as scratch:
        copy = snapshot(scratch.path)
        refused = scratch.attempt(1, MOVE, lambda record: "not wanted")
        assert refused.status is Status.LEFT_OUT
        assert refused.error == "not wanted"
        assert snapshot(scratch.path) == copy
        assert scratch.current == scratch.baseline
        kept = scratch.attempt(1, MOVE, lambda record: "")
        assert kept.status is Status.PREDICTED
        assert (scratch.path / "app/b.py").is_file()
        assert scratch.current.get("modules") == scratch.baseline.get("modules") - 1
    assert snapshot(root) == before


def test_a_step_that_fails_leaves_the_copy_as_it_was(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    missing = Step("move", (("old", "app.layer.nothing"), ("new", "app.nothing")), tag="t")
    with open_scratch(root, TARGET, FakeMeasure()) as scratch:
        copy = snapshot(scratch.path)
        record = scratch.attempt(1, missing, lambda r: r.error if r.status is Status.FAILED else "")
        assert record.status is Status.LEFT_OUT
        assert record.error.startswith("error[module-not-found]")
        assert snapshot(scratch.path) == copy
