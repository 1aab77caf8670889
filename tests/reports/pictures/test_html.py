from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reports.pictures import html
from reports.pictures.view import GraphView
from tests.fakes.analyses import seed_layer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _page() -> str:
    analysis = seed_layer()
    return html.render(analysis, GraphView.of(analysis))


def test_page_is_self_contained() -> None:
    page = _page()
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page
    assert "@import" not in page


def test_page_embeds_the_layout_and_the_figures() -> None:
    page = _page()
    raw = page.split('<script type="application/json" id="unknot-data">')[1].split("</script>")[0]
    data = json.loads(raw)
    assert [n["label"] for n in data["nodes"]] == [
        "builder",
        "configuration",
        "core.protocol",
        "perps_bot",
        "symbols",
        "system_monitor",
    ]
    assert sum(e["cut"] for e in data["edges"]) == 1  # the gate's cut, as in the text report
    assert "To pass the gate, cut:" in page
    assert "Not gated: weaker than import-time; nothing to cut." in page
    assert "<th>Circular Dependencies (imports to cut to pass the gate)</th><td>1</td>" in page
    assert "<th>Circular Dependencies, all kinds (imports to cut)</th><td>3</td>" in page
    assert 'data-nodes="n0 n3 n5"' in page  # cycle 1 lists its nodes for highlighting
    assert "<code>bot/orchestration/builder.py:3</code>" in page


def test_script_cannot_be_closed_by_a_module_name() -> None:
    page = _page().replace("</script>", "", 0)
    assert page.count("</script>") == 2


def test_page_is_byte_stable() -> None:
    assert _page() == _page()


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian package `chromium`); the picture is not opened",
)
def test_chromium_draws_every_node(tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    page.write_text(_page(), encoding="utf-8")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    dom = result.stdout
    assert 'data-drawn-nodes="6"' in dom
    assert 'data-drawn-edges="7"' in dom
    drawn = re.findall(r'<g class="node( in-cycle)?" id="n\d+" data-name="([^"]+)"', dom)
    assert sorted(name for _, name in drawn)[0] == "bot.orchestration.builder"
    assert sum(1 for cycle, _ in drawn if cycle) == 5
    assert dom.count('class="edge import-time cut in-cycle"') == 1
