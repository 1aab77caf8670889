"""Fixtures: the migration sample copied into a fresh git work tree, and a git identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.codemods.repos import copy_asset


@pytest.fixture
def layer_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/assets/migrate_layer, committed, with a git identity for the steps' commits."""
    for variable in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(variable, "t")
    for variable in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(variable, "t@example.com")
    return copy_asset("migrate_layer", tmp_path)
