"""A misspelt setting is reported in every format, before the verdict; `--strict-config`
makes it an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unknot.cli import copy_asset, run_unknot

WARNING = "unknown key 'max_modul_lines' in [tool.unknot.targets.app]. Did you mean"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_asset("layered", tmp_path)
    config = project / "pyproject.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('package = "app"\n', 'package = "app"\nmax_modul_lines = 100\n', 1),
        encoding="utf-8",
    )
    return project


def test_text_says_it_before_the_verdict(project: Path) -> None:
    result = run_unknot("analyze", "app", cwd=project)

    assert WARNING in result.stdout
    verdict = max(result.stdout.find("All gates passed."), result.stdout.find("Gate failed."))
    assert result.stdout.index(WARNING) < verdict


def test_github_annotates_it(project: Path) -> None:
    result = run_unknot("analyze", "app", "-f", "github", cwd=project)

    assert f"::warning title=unknot configuration::{WARNING}" in result.stdout


def test_sarif_carries_it_as_a_configuration_notification(project: Path) -> None:
    result = run_unknot("analyze", "app", "-f", "sarif", cwd=project)

    (invocation,) = json.loads(result.stdout)["runs"][0]["invocations"]
    (note,) = invocation["toolConfigurationNotifications"]
    assert note["level"] == "warning"
    assert note["message"]["text"].startswith(WARNING)


def test_strict_config_fails_before_any_report(project: Path) -> None:
    result = run_unknot("analyze", "app", "--strict-config", cwd=project)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "error[config-warning]: Unknown key 'max_modul_lines'" in result.stderr
    assert "hint: " in result.stderr
