"""extract-protocol's public names: the package exports the use case, each module its `__all__`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import codemods.protocols

MODULES = sorted(
    f"codemods.protocols.{m.name}" for m in pkgutil.iter_modules(codemods.protocols.__path__)
)


def test_the_package_exports_the_request_and_the_use_case() -> None:
    assert codemods.protocols.__all__ == ["ProtocolRequest", "extract_protocol"]


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
    assert defined == exported, name
