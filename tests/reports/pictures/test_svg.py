from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from reports.errors import MissingTool
from reports.pictures import svg
from reports.pictures.view import GraphView
from tests.fakes.analyses import seed_layer

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz `dot` is not installed (Debian package `graphviz`; .ci/run installs it)",
)


@needs_dot
def test_svg_draws_every_node_and_edge() -> None:
    text = svg.render(GraphView.of(seed_layer()))
    root = ET.fromstring(text)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    groups = root.findall(".//svg:g", ns)
    nodes = [g for g in groups if g.get("class") == "node"]
    edges = [g for g in groups if g.get("class") == "edge"]
    assert len(nodes) == 6
    assert len(edges) == 7
    titles = sorted(g.findtext("svg:title", namespaces=ns) or "" for g in nodes)
    assert titles[0] == "bot.orchestration.builder"
    assert "420 lines" in text


@needs_dot
def test_svg_is_byte_stable() -> None:
    view = GraphView.of(seed_layer())
    assert svg.render(view) == svg.render(view)


def test_missing_dot_names_the_package() -> None:
    with pytest.raises(MissingTool) as caught:
        svg.render(GraphView.of(seed_layer()), program="dot-that-is-not-installed")
    assert caught.value.code == "missing-tool"
    assert "graphviz" in caught.value.hint
