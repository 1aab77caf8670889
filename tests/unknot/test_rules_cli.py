"""`unknot rules` end to end, on a sample package with a broken layer and on this repository."""

from __future__ import annotations

import json

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


def test_json_lists_every_rule_with_its_chains() -> None:
    result = run_unknot("rules", "app", "--format", "json", cwd=ASSETS / "layered")

    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["passed"] is False
    broken = {rule["name"]: rule["chains"] for rule in data["rules"] if not rule["passed"]}
    (first,) = broken["api above services above db"][0][:1]
    assert (first["file"], first["line"], first["imported"]) == (
        "src/app/db/models.py",
        3,
        "app.api.views",
    )
    assert data["unused_ignores"][0]["imported"] == "app.audit.gone"


def test_github_annotates_the_first_import_of_each_chain() -> None:
    result = run_unknot("rules", "app", "-f", "github", cwd=ASSETS / "layered")

    assert result.returncode == 1
    assert (
        "::error file=src/app/db/models.py,line=3,title=unknot rule api above services above db"
        "::app.db.models -> app.api.views"
    ) in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "::notice title=unknot rules app::1 kept, 2 broken"


def test_sarif_has_one_result_per_chain() -> None:
    result = run_unknot("rules", "app", "-f", "sarif", cwd=ASSETS / "layered")

    (run,) = json.loads(result.stdout)["runs"]
    assert {
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in run["results"]
    } == {3}
    assert len(run["results"]) == 2
