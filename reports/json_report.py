"""The analysis as JSON: the full model, versioned by `schema_version`, sorted and byte-stable."""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from analyzer.model import Analysis, Cut, Edge

__all__ = ["render", "to_data"]

# Derived values that readers want without recomputing them.
_PROPERTIES: dict[type, tuple[str, ...]] = {Edge: ("kind", "weight"), Cut: ("weight",)}


def to_data(value: Any) -> Any:
    """Plain JSON data: dataclasses become objects, enums their values, tuples lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in _PROPERTIES.get(type(value), ()):
            data[name] = to_data(getattr(value, name))
        if isinstance(value, Analysis):
            data["passed"] = value.passed
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value


def render(analysis: Analysis) -> str:
    """The JSON document, keys sorted, two-space indented, ending in a newline."""
    data = to_data(analysis)
    data["summary"]["cycles_by_kind"] = dict(analysis.summary.cycles_by_kind)
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
