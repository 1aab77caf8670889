"""The analysis as JSON: the full model, versioned by `schema_version`, sorted and byte-stable.

The statements of an import (`sites`) sit inside its edge or cut, so each site leaves out the
importer and imported module its parent already names (schema version 2). In `imports`, a
parent package's `__init__` that a statement runs (an implicit site) is written as the line of
the statement (`implicit`), which is in the importer's file and listed in full on the
importer's edge to the module it names (schema version 4).
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from analyzer.model import (
    Analysis,
    Candidate,
    Cut,
    Definition,
    Edge,
    Ignore,
    ImportSite,
    Location,
    ModuleInfo,
    MutualPair,
)

__all__ = ["render", "to_data"]


def to_data(value: Any) -> Any:
    """Plain JSON data: dataclasses become objects, tuples lists; str enums stay (they are str)."""
    kind = type(value)
    if kind is tuple or kind is list:
        return [to_data(item) for item in value]
    special = _SPECIAL.get(kind)
    if special is not None:
        return special(value)
    names = _FIELDS.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        data = {name: to_data(getattr(value, name)) for name in names}
        if kind is Analysis:
            data["passed"] = value.passed
        return data
    if isinstance(value, Enum) and not isinstance(value, str):
        return value.value
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    return value


_FIELDS: dict[type, tuple[str, ...]] = {}


def _sites(sites: tuple[ImportSite, ...]) -> list[dict[str, Any]]:
    """Each statement; `implicit` is written only where it is true (a parent package's
    `__init__` that the statement runs), which keeps large documents small."""
    return [
        {"file": s.file, "kind": s.kind, "line": s.line, "text": s.text, "implicit": True}
        if s.implicit
        else {"file": s.file, "kind": s.kind, "line": s.line, "text": s.text}
        for s in sites
    ]


def _edge(edge: Edge) -> dict[str, Any]:
    """An edge of `imports`: its implicit sites as the lines of their statements only."""
    sites = edge.sites
    if len(sites) == 1 and not (site := sites[0]).implicit:  # most edges
        listed = [{"file": site.file, "kind": site.kind, "line": site.line, "text": site.text}]
    else:
        listed = [
            {"file": s.file, "kind": s.kind, "line": s.line, "text": s.text}
            for s in sites
            if not s.implicit
        ]
    data = {
        "importer": edge.importer,
        "imported": edge.imported,
        "kind": edge.kind,
        "sites": listed,
        "weight": len(sites),
    }
    if len(listed) < len(sites):
        data["implicit"] = [s.line for s in sites if s.implicit]
    return data


def _imports(edges: tuple[Edge, ...], *, ignores: bool) -> list[dict[str, Any]]:
    """The edges. An implicit site is written as the line of its statement, which is listed in
    full on the importer's edge to the module it names: always, unless an ignored import left
    it the only one (then it is written in full among the sites)."""
    if not ignores:
        return [_edge(edge) for edge in edges]
    listed = {(e.importer, s.line) for e in edges for s in e.sites if not s.implicit}
    found = []
    for edge in edges:
        data = _edge(edge)
        alone = {s for s in edge.sites if s.implicit and (edge.importer, s.line) not in listed}
        if alone:
            data["sites"] = _sites(tuple(s for s in edge.sites if not s.implicit or s in alone))
            data["implicit"] = [s.line for s in edge.sites if s.implicit and s not in alone]
            if not data["implicit"]:
                del data["implicit"]
        found.append(data)
    return found


def _cut(cut: Cut) -> dict[str, Any]:
    return {
        "importer": cut.importer,
        "imported": cut.imported,
        "sites": _sites(cut.sites),
        "weight": cut.weight,
        "witness": list(cut.witness),
    }


def _flat(value: Any) -> dict[str, Any]:
    """A dataclass whose fields are all plain values or tuples of them: its fields as they are
    (the encoder writes tuples as lists and str enums as strings)."""
    return dict(vars(value))


# The most numerous values, written field by field; `kind` and `weight` are derived values
# that readers want without recomputing them.
_SPECIAL: dict[type, Any] = {
    Edge: _edge,
    Cut: _cut,
    **dict.fromkeys((Candidate, Definition, Ignore, Location, ModuleInfo, MutualPair), _flat),
}


def render(analysis: Analysis) -> str:
    """The JSON document: compact, keys sorted, one line ending in a newline.

    Compact output uses the C encoder (an indented dump of Django's analysis is ~5x slower);
    pipe it through `python -m json.tool` or `jq` to read it.
    """
    data = to_data(dataclasses.replace(analysis, imports=()))
    data["imports"] = _imports(analysis.imports, ignores=bool(analysis.ignores))
    data["summary"]["cycles_by_kind"] = dict(analysis.summary.cycles_by_kind)
    # The data is a tree: the encoder need not track the containers it is inside (~15% faster).
    text = json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False
    )
    return text + "\n"
