from __future__ import annotations

from typing import Any

import grimp
import pytest

from analyzer.rules import RulesError, check, parse_rules

FILES = {
    "app.api.views": "app/api/views.py",
    "app.services.orders": "app/services/orders.py",
    "app.db.models": "app/db/models.py",
}


def _graph(*imports: tuple[str, str, int]) -> Any:
    graph = grimp.ImportGraph()
    for package in ("app", "app.api", "app.services", "app.db", "app.audit", "app.cache"):
        graph.add_module(package)
    for importer, imported, line in imports:
        graph.add_import(
            importer=importer,
            imported=imported,
            line_number=line,
            line_contents=f"import {imported}",
        )
    return graph


LAYERS = {
    "layers": [{"name": "layers", "layers": ["app.api", "app.services", "app.db | app.cache"]}]
}


def test_layers_kept_when_imports_go_down() -> None:
    graph = _graph(
        ("app.api.views", "app.services.orders", 1), ("app.services.orders", "app.db.models", 2)
    )
    report = check(graph, parse_rules(LAYERS, target="app", package="app"), files=FILES)
    assert report.passed
    assert [o.passed for o in report.outcomes] == [True]


def test_layers_broken_with_the_chain_at_file_and_line() -> None:
    graph = _graph(
        ("app.api.views", "app.services.orders", 1), ("app.db.models", "app.api.views", 7)
    )
    report = check(graph, parse_rules(LAYERS, target="app", package="app"), files=FILES)
    assert not report.passed
    [outcome] = report.outcomes
    [chain] = outcome.chains
    assert [(h.importer, h.imported, h.file, h.line, h.text) for h in chain] == [
        ("app.db.models", "app.api.views", "app/db/models.py", 7, "import app.api.views")
    ]


def test_independent_siblings_in_a_layer() -> None:
    graph = _graph(("app.db.models", "app.cache.store", 3))
    report = check(graph, parse_rules(LAYERS, target="app", package="app"), files=FILES)
    assert not report.passed
    assert report.outcomes[0].chains[0][0].imported == "app.cache.store"


def test_forbidden_indirect_and_direct_only() -> None:
    graph = _graph(
        ("app.db.models", "app.services.orders", 1), ("app.services.orders", "app.api.views", 2)
    )
    raw = {"forbidden": [{"name": "f", "source": ["app.db"], "forbidden": ["app.api"]}]}
    report = check(graph, parse_rules(raw, target="app", package="app"), files=FILES)
    chain = report.outcomes[0].chains[0]
    assert [h.importer for h in chain] == ["app.db.models", "app.services.orders"]
    raw["forbidden"][0]["indirect"] = False
    assert check(graph, parse_rules(raw, target="app", package="app"), files=FILES).passed


def test_independence_both_ways() -> None:
    graph = _graph(("app.services.orders", "app.db.models", 1))
    raw = {"independent": [{"name": "i", "modules": ["app.db", "app.services"]}]}
    report = check(graph, parse_rules(raw, target="app", package="app"), files=FILES)
    assert [h.importer for c in report.outcomes[0].chains for h in c] == ["app.services.orders"]


def test_ignores_remove_an_import_and_unused_ones_are_reported() -> None:
    graph = _graph(("app.db.models", "app.api.views", 7))
    raw = {
        **LAYERS,
        "ignore": [
            {"import": "app.db.models -> app.api.views", "reason": "until the split"},
            {"import": "app.db.models -> app.gone", "reason": "old"},
        ],
    }
    report = check(graph, parse_rules(raw, target="app", package="app"), files=FILES)
    assert report.outcomes[0].passed
    assert report.unmatched_ignores == (("app.db.models", "app.gone", "old"),)
    assert not report.passed


def test_an_ignore_needs_a_reason() -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules({"ignore": [{"import": "a -> b"}]}, target="app", package="app")
    assert caught.value.code == "ignore-without-reason"


def test_a_rule_naming_a_missing_module_is_a_clear_error() -> None:
    raw = {"forbidden": [{"name": "f", "source": ["app.dbb"], "forbidden": ["app.api"]}]}
    with pytest.raises(RulesError) as caught:
        check(_graph(), parse_rules(raw, target="app", package="app"), files=FILES)
    assert caught.value.code == "unknown-module"
    assert caught.value.hint == "Did you mean 'app.db'?"


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(RulesError, match="unknown key 'layer'"):
        parse_rules({"layer": []}, target="app", package="app")


def test_containers_repeat_the_layers_inside_each_package() -> None:
    graph = grimp.ImportGraph()
    for module in ("shop", "shop.one", "shop.two", "shop.one.api", "shop.one.db", "shop.two.api"):
        graph.add_module(module)
    graph.add_module("shop.two.db")
    graph.add_import(
        importer="shop.two.db", imported="shop.two.api", line_number=2, line_contents="x"
    )
    graph.add_import(
        importer="shop.one.api", imported="shop.one.db", line_number=1, line_contents="y"
    )
    raw = {
        "layers": [{"name": "l", "layers": ["api", "db"], "containers": ["shop.one", "shop.two"]}]
    }
    report = check(graph, parse_rules(raw, target="shop", package="shop"), files={})
    assert [(h.importer, h.imported, h.line) for c in report.outcomes[0].chains for h in c] == [
        ("shop.two.db", "shop.two.api", 2)
    ]


def test_a_misspelt_key_inside_a_rule_is_named_with_the_nearest_valid_one() -> None:
    raw = {"forbidden": [{"name": "f", "source": ["app.db"], "forbiden": ["app.api"]}]}
    with pytest.raises(RulesError, match="unknown key 'forbiden'") as caught:
        parse_rules(raw, target="app", package="app")
    assert caught.value.code == "unknown-key"
    assert caught.value.hint == "Did you mean 'forbidden'?"
