from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.errors import PackageNotFound
from analyzer.rules_source import build_rules_graph

LAYERED = Path(__file__).parents[1] / "assets" / "layered"


def test_graph_of_packages_on_disk_with_files() -> None:
    graph, files = build_rules_graph(LAYERED / "src", ("app",), cwd=LAYERED)
    assert "app.db.models" in graph.modules
    assert graph.direct_import_exists(importer="app.db.models", imported="app.api.views")
    assert files["app.db.models"] == "src/app/db/models.py"
    assert files["app.api"] == "src/app/api/__init__.py"


def test_imports_between_top_level_packages_are_edges() -> None:
    root = Path(__file__).parents[2]
    graph, _ = build_rules_graph(root, ("unknot", "reports"))
    assert graph.find_shortest_chains("unknot", "reports")


def test_missing_package_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PackageNotFound, match="No package 'nope'"):
        build_rules_graph(tmp_path, ("nope",))
