"""The CI snippets we publish (README's GitHub Actions job, pre-commit hooks) name real options."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]


def _help(command: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "unknot", command, "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"COLUMNS": "200", "TERM": "dumb", "NO_COLOR": "1", "PATH": ""},
    ).stdout


def _actions_snippet() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Reports, pictures and CI", 1)[1]
    return section.split("```yaml", 1)[1].split("```", 1)[0]


def test_every_unknot_command_in_the_actions_snippet_exists_with_its_options() -> None:
    snippet = _actions_snippet().replace(">\n", " ").replace("\n          --", " --")
    calls = re.findall(r"\bunknot (analyze|rules|diff|graph)\b([^\n|>]*)", snippet)
    assert {command for command, _ in calls} == {"analyze", "rules", "diff"}
    for command, arguments in calls:
        text = _help(command)
        for option in re.findall(r"--[a-z-]+", arguments):
            assert option in text, f"unknot {command} has no {option}"


def test_pre_commit_hooks_run_real_commands() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^  entry: unknot (\w+)$", hooks, flags=re.MULTILINE)
    assert entries == ["analyze", "rules"]
    ids = re.findall(r"^- id: (\S+)$", hooks, flags=re.MULTILINE)
    assert ids == ["unknot-analyze", "unknot-rules"]
    for entry in entries:
        assert "Usage:" in _help(entry)
