"""`unknot rules` end to end, on a sample package with a broken layer and on this repository."""

from __future__ import annotations

from tests.unknot.cli import ASSETS, REPO, run_unknot


def test_broken_rules_fail_with_chains_at_file_and_line() -> None:
    result = run_unknot("rules", "app", cwd=ASSETS / "layered")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "BROKEN api above services above db (layers)" in lines
    assert (
        "    src/app/db/models.py:3 app.db.models -> app.api.views: from app.api import views"
        in "\n".join(lines)
    )
    assert "KEPT audit stands alone (independent)" in lines
    assert (
        "UNUSED IGNORE app.db.models -> app.audit.gone (Kept from an old layout.): "
        "it matches no import"
    ) in lines
    assert lines[-1] == "Rules: 1 kept, 2 broken, 1 unused ignores."


def test_this_repository_keeps_its_own_rules() -> None:
    result = run_unknot("rules", "tool", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT unknot -> reports -> (analyzer | codemods), one way (layers)" in result.stdout


def test_a_target_without_rules_is_a_clear_error() -> None:
    result = run_unknot("rules", "orchestration", cwd=REPO)
    assert result.returncode == 2
    assert "error[no-rules]" in result.stderr
