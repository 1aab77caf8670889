"""The JSON document: `imports` is written as text directly, the bytes the encoder would write."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, Edge, Ignore, ImportKind, ImportSite
from reports import json_report

PARENTS = Path(__file__).parents[1] / "assets" / "parents" / "src"


def _analysis(*, ignored: bool) -> Analysis:
    ignores = (Ignore("pkg.a", "pkg.b.mod", reason="test"),) if ignored else ()
    gates = GateConfig(ignores=ignores)
    target = Target(name="pkg", package="pkg", root=PARENTS, gates=gates, cache_dir=None)
    return analyse(target, source=GrimpSource(PARENTS))


def _encoded(text: str) -> str:
    """The document dumped again by the encoder, as `render` dumps the rest of it."""
    data = json.loads(text)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


@pytest.mark.parametrize("ignored", [False, True])
def test_the_document_is_byte_for_byte_what_the_encoder_writes(ignored: bool) -> None:
    text = json_report.render(_analysis(ignored=ignored))
    assert text == _encoded(text)


def test_each_import_is_the_edge_as_to_data_gives_it() -> None:
    analysis = _analysis(ignored=False)
    expected: Any = json.loads(json.dumps(json_report.to_data(analysis.imports)))
    assert json.loads(json_report.render(analysis))["imports"] == expected
    assert any("implicit" in edge for edge in expected)


def test_strings_are_escaped_as_the_encoder_escapes_them() -> None:
    text = 'from p.b import x  # \\ "é" \t \x7f \u2028 \U0001f600'
    site = ImportSite("p.a", "p.b", 'p/"a".py', 3, text, ImportKind.IMPORT_TIME)
    edges = (Edge.of("p.a", "p", (site.running("p"),)), Edge.of("p.a", "p.b", (site,)))
    for ignores in [(), (Ignore("p.x", "p.y", reason="unused"),)]:
        analysis = dataclasses.replace(_analysis(ignored=False), imports=edges, ignores=ignores)
        document = json_report.render(analysis)
        assert document == _encoded(document)
        written = json.loads(document)["imports"]
        assert [e["sites"][0]["text"] for e in written if e["sites"]] == [text]
        assert [e.get("implicit") for e in written] == [[3], None]
