"""Each module's public names are exactly its `__all__`, so imports of them stay deliberate."""

from __future__ import annotations

import importlib
import inspect

import pytest

MODULES = [
    "analyzer.baseline",
    "analyzer.ratchet",
    "analyzer.rules",
    "analyzer.rules_source",
    "reports.diff",
    "reports.diff_git",
    "reports.diff_load",
    "reports.diff_render",
    "reports.errors",
    "reports.figures",
    "reports.findings",
    "reports.github",
    "reports.markdown",
    "reports.pictures",
    "reports.pictures.dot",
    "reports.pictures.html",
    "reports.pictures.layout",
    "reports.pictures.mermaid",
    "reports.pictures.svg",
    "reports.pictures.view",
    "reports.rules_report",
    "reports.sarif",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_lists_the_public_functions_and_classes(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(module.__all__)
    assert all(hasattr(module, item) for item in exported)
    defined = {
        item
        for item, value in vars(module).items()
        if not item.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == name
    }
    assert defined <= exported, f"{name}: public but not in __all__: {sorted(defined - exported)}"
