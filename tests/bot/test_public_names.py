"""Every bot module's `__all__` names what it defines, and nothing else."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bot

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(bot.__path__, "bot.") if info.name != "bot.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)

    assert isinstance(exported, list)
    assert len(set(exported)) == len(exported)
    assert [n for n in exported if not hasattr(module, n)] == []
