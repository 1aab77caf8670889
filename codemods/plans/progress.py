"""A migration's progress, recorded in git: a step is done when its tag points at a commit in
HEAD's history whose message carries `Unknot-Step: TAG`. While a step runs, a small state file
names it, so a run killed half-way is undone (or, if its commit was made, tagged) by the next.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from codemods.plans.errors import PlanError
from codemods.plans.model import Step
from codemods.plans.repo import TRAILER, Repository

__all__ = ["STATE", "cache_file", "clear_state", "done_steps", "recover", "write_state"]

STATE = Path(".unknot_cache") / "migrate" / "state.json"


def _ours(repo: Repository, commit: str, tag: str) -> bool:
    return f"{TRAILER}: {tag}" in repo.message(commit).splitlines()


def done_steps(repo: Repository, steps: tuple[Step, ...]) -> set[str]:
    """The tags of the steps already done; raises `tag-exists` for a tag that is someone
    else's (or from another history), and `bad-tag` for a name git refuses."""
    done = set()
    for number, step in enumerate(steps, start=1):
        if not repo.valid_tag(step.tag):
            raise PlanError(
                f"Step {number} has the tag '{step.tag}', which git does not accept as a name.",
                hint="Use letters, digits, '-', '_', '.' and '/'.",
                code="bad-tag",
            )
        commit = repo.tagged(step.tag)
        if commit is None:
            continue
        if not _ours(repo, commit, step.tag) or not repo.is_ancestor(commit):
            raise PlanError(
                f"The tag '{step.tag}' of step {number} already exists and is not this plan's "
                "step in the current history.",
                hint=f"Give step {number} another tag, or delete the old one: "
                f"git tag -d {step.tag}.",
                code="tag-exists",
            )
        done.add(step.tag)
    return done


def cache_file(repo: Repository, relative: Path) -> Path:
    """`relative` under the repository's `.unknot_cache/`, its folder made, and the cache's
    own `.gitignore` written (as the analyzer's scan cache has), so git never lists it."""
    path = repo.top / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    marker = repo.top / STATE.parts[0] / ".gitignore"
    if not marker.exists():
        marker.write_text("# Created by unknot: the scan cache.\n*\n", encoding="utf-8")
    return path


def write_state(repo: Repository, tag: str, head: str, untracked: frozenset[str]) -> None:
    path = cache_file(repo, STATE)
    data = {"tag": tag, "head": head, "untracked": sorted(untracked)}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, path)


def clear_state(repo: Repository) -> None:
    (repo.top / STATE).unlink(missing_ok=True)


def recover(repo: Repository) -> str | None:
    """Finish what a killed run left: tag a step committed but not tagged, or undo a step
    applied but not committed. Says what it did."""
    path = repo.top / STATE
    if not path.is_file():
        return None
    state = json.loads(path.read_text(encoding="utf-8"))
    head = repo.head()
    note = None
    if head != state["head"] and _ours(repo, head, state["tag"]):
        if repo.tagged(state["tag"]) is None:
            repo.tag(state["tag"], head)
        note = f"Tagged step '{state['tag']}', committed by an interrupted run."
    elif head == state["head"]:
        repo.restore(head, frozenset(state["untracked"]))
        note = f"Undid step '{state['tag']}', left half-done by an interrupted run."
    clear_state(repo)
    return note
