"""Fixtures: sample repositories copied from tests/assets/ into fresh git work trees."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.codemods.repos import copy_asset


@pytest.fixture
def asset_repo(tmp_path: Path) -> Callable[[str], Path]:
    """A function that copies an asset by name and returns its root."""
    return lambda name: copy_asset(name, tmp_path)
