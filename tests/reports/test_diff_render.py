from __future__ import annotations

import json

from reports.diff import diff
from reports.diff_render import render_json, render_markdown, render_text
from tests.reports.golden import assert_golden
from tests.reports.test_diff import _after, _before


def test_text_matches_golden() -> None:
    assert_golden("diff.txt", render_text(diff(_before(), _after())))


def test_markdown_matches_golden() -> None:
    assert_golden("diff.md", render_markdown(diff(_before(), _after())))


def test_text_says_before_arrow_after_like_the_seed() -> None:
    text = render_text(diff(_before(), _after()))
    assert "Circular Dependencies (imports to cut to pass the gate): 1 -> 0 (-1, -100%)\n" in text
    assert "Modules: 5 -> 5 (unchanged)\n" in text
    assert "  bot.orchestration.builder -> bot.orchestration.builders.perps_bot_builder (" in text


def test_json_is_sorted_and_versioned() -> None:
    text = render_json(diff(_before(), _after()))
    data = json.loads(text)
    assert data["schema_version"] == 1
    assert data["figures"]["circular_dependencies"] == {"after": 0, "before": 1}
    assert [m["new"] for m in data["moved"]] == [
        "bot.orchestration.telemetry.account_snapshot",
        "bot.orchestration.builders.perps_bot_builder",
    ]
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
