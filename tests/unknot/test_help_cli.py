"""`--help` shows every word of its text: no rich markup eats `[...]`, no `{TARGET}` braces."""

from __future__ import annotations

import pytest

from tests.unknot.cli import REPO, run_unknot


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("analyze", "analyze [OPTIONS] TARGET"),
        ("graph", "graph [OPTIONS] TARGET"),
        ("rules", "rules [OPTIONS] TARGET"),
        ("diff", "diff [OPTIONS] [BEFORE.json AFTER.json | TARGET]"),
        ("init", "init [OPTIONS] [PACKAGE]"),
    ],
)
def test_usage_lines_read_as_typed(command: str, usage: str) -> None:
    result = run_unknot(command, "--help", cwd=REPO)

    assert result.returncode == 0
    assert result.stdout.splitlines()[0].endswith(f"unknot {usage}")


def test_bracketed_text_survives_in_the_help() -> None:
    analyze = run_unknot("analyze", "--help", cwd=REPO)
    rules = run_unknot("rules", "--help", cwd=REPO)

    assert "A [tool.unknot.targets.NAME] or a dotted package." in analyze.stdout
    assert "Check TARGET's [tool.unknot.targets.TARGET.rules]" in rules.stdout
