"""`apply_plan` on a real git repository with a fake `Measure`: each step committed and tagged;
a failing step undone exactly; `--resume` goes on; a finished plan does nothing; bad input is
refused before any change; a run killed half-way is completed by the next."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from codemods.plans import MigrateRequest, PlanError, Status, apply_plan, run_step
from codemods.plans.progress import write_state
from codemods.plans.registry import RunOptions
from codemods.plans.repo import Repository
from tests.codemods.plans.plan_texts import sample_plan
from tests.codemods.repos import git, snapshot
from tests.fakes.plans import FakeMeasure

HYGIENE = f"{sys.executable} scripts/hygiene.py"


def _tree_at(root: Path, ref: str) -> dict[str, bytes]:
    names = git(root, "ls-tree", "-r", "--name-only", ref).split()
    return {name: (root / name).read_bytes() for name in names}


def _files(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".unknot_cache/")}


def test_a_failing_step_leaves_the_last_good_step_and_resume_finishes(layer_repo: Path) -> None:
    request = MigrateRequest(sample_plan(), layer_repo, verify=(HYGIENE,))
    run = apply_plan(request, measure=FakeMeasure())
    assert [r.status for r in run.records] == [
        Status.APPLIED,
        Status.APPLIED,
        Status.FAILED,
        Status.NOT_RUN,
    ]
    failed = run.records[2]
    assert [(c.name, c.passed) for c in failed.checks][-1] == (f"`{HYGIENE}`", False)
    assert "app/orchestration/shared/symbol_utils.py" in failed.checks[-1].log
    assert git(layer_repo, "rev-parse", "HEAD") == git(
        layer_repo, "rev-parse", "migrate/move-equity_calculator^{commit}"
    )
    assert _files(layer_repo) == _tree_at(layer_repo, "HEAD")
    log = (layer_repo / run.log_file).read_text()
    assert "step 3 failed" in log
    assert "not in hygiene_allowlist.txt" in log

    with pytest.raises(PlanError) as raised:
        apply_plan(request, measure=FakeMeasure())
    assert raised.value.code == "plan-in-progress"

    allow = layer_repo / "hygiene_allowlist.txt"
    allow.write_text(
        allow.read_text() + "app/orchestration/shared/__init__.py\n"
        "app/orchestration/shared/symbol_utils.py\n"
    )
    git(layer_repo, "commit", "-qam", "allow the shared package")
    resumed = apply_plan(
        MigrateRequest(sample_plan(), layer_repo, verify=(HYGIENE,), resume=True),
        measure=FakeMeasure(),
    )
    assert [r.status for r in resumed.records] == [
        Status.DONE_BEFORE,
        Status.DONE_BEFORE,
        Status.APPLIED,
        Status.APPLIED,
    ]
    assert resumed.baseline.line() == run.baseline.line()
    tags = git(layer_repo, "tag").split()
    assert len(tags) == 4
    assert git(layer_repo, "status", "--porcelain", "--", "src") == ""
    again = apply_plan(request, measure=FakeMeasure())
    assert again.nothing_to_do


def test_the_commit_names_the_operation_and_the_figures(layer_repo: Path) -> None:
    plan = sample_plan()
    apply_plan(MigrateRequest(plan, layer_repo), measure=FakeMeasure())
    message = git(layer_repo, "log", "-1", "--format=%B", "migrate/move-market_monitor")
    assert message.startswith(
        "move app.orchestration.market_monitor app.features.market_monitor (step 1/4)\n"
    )
    assert "- modules: 8 -> 7" in message
    assert "Unknot-Step: migrate/move-market_monitor" in message


def test_an_expectation_that_fails_undoes_the_files_the_step_created(layer_repo: Path) -> None:
    plan = sample_plan((3, "[steps.expect]\nmodules = 99"))
    run = apply_plan(MigrateRequest(plan, layer_repo), measure=FakeMeasure())
    assert run.records[2].status is Status.FAILED
    assert run.records[2].checks[0].detail == "modules = 8, expected 99"
    assert not (layer_repo / "src/app/orchestration/shared").exists()
    assert _files(layer_repo) == _tree_at(layer_repo, "HEAD")


def test_a_gated_figure_that_gets_worse_fails_the_step(layer_repo: Path) -> None:
    class Worsening(FakeMeasure):
        def figures(self, repo: Path, target):  # type: ignore[no-untyped-def]
            self.cycles = len(self.calls)
            return super().figures(repo, target)

    run = apply_plan(MigrateRequest(sample_plan(), layer_repo), measure=Worsening())
    assert run.records[0].status is Status.FAILED
    assert run.records[0].checks[-1].detail == (
        "cycles.import-time 0 -> 1 (max-cycles.import-time fails now)"
    )


def _refused(root: Path, request: MigrateRequest) -> str:
    before = snapshot(root)
    with pytest.raises(PlanError) as raised:
        apply_plan(request, measure=FakeMeasure())
    assert snapshot(root) == before
    assert raised.value.hint
    return raised.value.code


def test_bad_input_is_refused_before_any_change(layer_repo: Path, tmp_path: Path) -> None:
    plan = sample_plan()
    (layer_repo / "src/app/orchestration/bot.py").write_text("# edited\n")
    assert _refused(layer_repo, MigrateRequest(plan, layer_repo)) == "dirty-tree"
    git(layer_repo, "checkout", "--", ".")
    assert _refused(layer_repo, MigrateRequest(plan, layer_repo, verify=("no-such-tool -q",))) == (
        "verify-command-not-found"
    )
    git(layer_repo, "tag", "migrate/move-equity_calculator")
    assert _refused(layer_repo, MigrateRequest(plan, layer_repo)) == "tag-exists"
    git(layer_repo, "tag", "-d", "migrate/move-equity_calculator")
    bad_tag = sample_plan((2, 'tag = "a..b"'))
    assert _refused(layer_repo, MigrateRequest(bad_tag, layer_repo)) == "bad-tag"
    outside = tmp_path / "outside"
    outside.mkdir()
    assert _refused(outside, MigrateRequest(plan, outside)) == "no-git"


def test_a_run_killed_after_applying_a_step_is_undone_then_completed(layer_repo: Path) -> None:
    plan = sample_plan()
    repo = Repository.open(layer_repo)
    write_state(repo, plan.steps[0].tag, repo.head(), repo.untracked())
    run_step(layer_repo, plan.steps[0], RunOptions(apply=True))  # killed before the commit
    assert (layer_repo / "src/app/features/market_monitor.py").is_file()
    run = apply_plan(MigrateRequest(plan, layer_repo), measure=FakeMeasure())
    assert [r.status for r in run.records] == [Status.APPLIED] * 4
    assert len(git(layer_repo, "tag").split()) == 4


def test_a_run_killed_between_commit_and_tag_gets_its_tag(layer_repo: Path) -> None:
    plan = sample_plan()
    repo = Repository.open(layer_repo)
    write_state(repo, plan.steps[0].tag, repo.head(), repo.untracked())
    run_step(layer_repo, plan.steps[0], RunOptions(apply=True))
    repo.stage(frozenset())
    repo.commit(f"step 1\n\nUnknot-Step: {plan.steps[0].tag}\n")  # killed before the tag
    run = apply_plan(MigrateRequest(plan, layer_repo, resume=True), measure=FakeMeasure())
    assert [r.status for r in run.records] == [Status.DONE_BEFORE] + [Status.APPLIED] * 3
