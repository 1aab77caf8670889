"""Property test of the configuration parser: whatever values a `[tool.unknot]` table holds
and whatever TARGET is asked for, loading it gives a target or one of the analyzer's own
errors (a code and a hint), never a traceback."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.config import Target, load_target
from analyzer.errors import AnalyzerError

KEYS = ["package", "root", "max_module_lines", "allow_module_lines", "max_cycles",
        "tier2_max_imports", "ignore", "baseline", "max_modul_lines"]  # fmt: skip
SCALARS = st.one_of(
    st.integers(-5, 10**6),
    st.booleans(),
    st.text(max_size=12),
    st.floats(allow_nan=False, allow_infinity=False),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["import", "reason", "import-time", "typing", "x.y"]), inner, max_size=3
        ),
    ),
    max_leaves=6,
)
NAMES = st.one_of(
    st.sampled_from(["app", "app.core", "", ".app", "app..x", "class", "a-b", "ápp"]),
    st.text(max_size=10),
)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {_toml(v)}' for k, v in value.items()) + "}"
    return repr(value)


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=4), NAMES)
def test_any_configuration_loads_or_is_a_clear_error(table: dict[str, Any], name: str) -> None:
    lines = ["[tool.unknot.targets.app]"] + [f"{key} = {_toml(v)}" for key, v in table.items()]
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        (project / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            target: Target | AnalyzerError = load_target(name, cwd=project)
        except AnalyzerError as error:
            target = error
    if isinstance(target, AnalyzerError):
        assert target.code
        assert target.hint
        return
    assert target.name == name
    assert target.gates.max_module_lines >= 0
