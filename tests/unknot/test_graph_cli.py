"""`unknot graph` end to end: the real CLI in a subprocess, on sample packages on disk."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.unknot.cli import REPO, copy_asset, run_unknot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    project = copy_asset("tangled", tmp_path)
    return project


def test_mermaid_is_the_default_and_marks_the_cuts(shop: Path) -> None:
    result = run_unknot("graph", "shop", cwd=shop)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "flowchart LR" in text
    assert text.count("subgraph c") == 4
    assert '["ring.d<br/>3 lines"]' in text
    assert "linkStyle" in text


def test_collapse_draws_packages(shop: Path) -> None:
    result = run_unknot("graph", "shop", "--collapse", "1", "--format", "dot", cwd=shop)
    assert result.returncode == 0, result.stderr
    assert '"shop.ring" [label="ring\\n5 modules"' in result.stdout
    assert '"shop.ring.a"' not in result.stdout


def test_cycles_only_leaves_out_the_acyclic_modules(shop: Path) -> None:
    result = run_unknot("graph", "shop", "--cycles-only", "--format", "dot", cwd=shop)
    assert result.returncode == 0, result.stderr
    assert '"shop.catalog"' not in result.stdout
    # The gate's cut, as the text report heads it: ring.d -> ring.a and orders.pricing ->
    # orders.cart; the deferred and typing-only cycles pass the default gate.
    assert result.stdout.count('xlabel="cut"') == 2


def test_output_file_is_written_whole(shop: Path) -> None:
    result = run_unknot("graph", "shop", "--format", "html", "--output", "graph.html", cwd=shop)
    assert result.returncode == 0, result.stderr
    page = (shop / "graph.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert result.stdout == ""


def test_unknown_format_is_a_clear_error(shop: Path) -> None:
    result = run_unknot("graph", "shop", "--format", "png", cwd=shop)
    assert result.returncode == 2
    assert "error[unknown-format]: Unknown picture format 'png'." in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_svg_of_the_bundled_bot_layer_draws_its_modules() -> None:
    result = run_unknot("graph", "orchestration", "--format", "svg", cwd=REPO)
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(result.stdout)
    nodes = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert nodes
    titles = {g.findtext("{http://www.w3.org/2000/svg}title") for g in nodes}
    assert all(title and title.startswith("bot.orchestration") for title in titles)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian `chromium`)")
def test_html_of_the_bundled_bot_layer_draws_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "bot.html"
    result = run_unknot("graph", "orchestration", "--format", "html", "-o", str(page), cwd=REPO)
    assert result.returncode == 0, result.stderr
    expected = len(re.findall(r'"id":"n\d+"', page.read_text(encoding="utf-8")))
    dom = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert expected >= 1
    assert f'data-drawn-nodes="{expected}"' in dom
    assert len(re.findall(r'<g class="node[^"]*" id="n\d+"', dom)) == expected


def test_svg_without_graphviz_names_the_package(shop: Path, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "unknot", "graph", "shop", "--format", "svg"],
        cwd=shop,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"PATH": str(empty)},
    )
    assert result.returncode == 2
    assert "error[missing-tool]: SVG needs Graphviz's `dot` program" in result.stderr
    assert "apt-get install graphviz" in result.stderr


def test_a_bad_option_is_a_usage_error_not_a_traceback(shop: Path) -> None:
    result = run_unknot("graph", "shop", "--bogus", cwd=shop)
    assert result.returncode == 2
    assert "No such option: --bogus" in result.stderr
    assert "Traceback" not in result.stderr
