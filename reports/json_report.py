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
from json.encoder import encode_basestring
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


def _imports_text(edges: tuple[Edge, ...], *, ignores: bool) -> str:
    """`_imports(edges)` as JSON text, written directly: byte for byte what the encoder writes
    for it with sorted keys, three times as fast (most of a large document is its imports)."""
    if not ignores:
        return f"[{','.join(map(_edge_text, edges))}]"
    listed = {(e.importer, s.line) for e in edges for s in e.sites if not s.implicit}
    return f"[{','.join(_edge_text(edge, listed) for edge in edges)}]"


def _edge_text(edge: Edge, listed: set[tuple[str, int]] | None = None) -> str:
    """An edge of `imports` as `_edge` gives it (with `listed`, as `_imports` does when some
    imports are ignored), keys in sorted order."""
    sites = edge.sites
    if len(sites) == 1 and listed is None:  # most edges
        site = sites[0]
        if site.implicit:
            return f'{{"implicit":[{site.line}],{_edge_head(edge)}],"weight":1}}'
        return f'{{{_edge_head(edge)}{_site_text(site)}],"weight":1}}'
    if listed is None:
        whole = [s for s in sites if not s.implicit]
        lines = [str(s.line) for s in sites if s.implicit]
    else:  # an implicit site whose statement is listed nowhere else is written whole
        importer = edge.importer
        whole = [s for s in sites if not s.implicit or (importer, s.line) not in listed]
        lines = [str(s.line) for s in sites if s.implicit and (importer, s.line) in listed]
    implicit = f'"implicit":[{",".join(lines)}],' if lines else ""
    written = ",".join(map(_site_text, whole))
    return f'{{{implicit}{_edge_head(edge)}{written}],"weight":{len(sites)}}}'


def _edge_head(edge: Edge) -> str:
    importer, imported = _string(edge.importer), _string(edge.imported)
    return f'"imported":{imported},"importer":{importer},"kind":"{edge.kind}","sites":['


def _site_text(site: ImportSite) -> str:
    file, text = _string(site.file), _string(site.text)
    implicit = '"implicit":true,' if site.implicit else ""
    return f'{{"file":{file},{implicit}"kind":"{site.kind}","line":{site.line},"text":{text}}}'


_string = encode_basestring  # what the encoder writes a str as (ensure_ascii off)


def render(analysis: Analysis) -> str:
    """The JSON document: compact, keys sorted, one line ending in a newline.

    Compact output uses the C encoder (an indented dump of Django's analysis is ~5x slower);
    pipe it through `python -m json.tool` or `jq` to read it. `imports`, most of the document,
    is written as text directly.
    """
    data = to_data(dataclasses.replace(analysis, imports=()))
    data["summary"]["cycles_by_kind"] = dict(analysis.summary.cycles_by_kind)
    del data["imports"]
    imports = _imports_text(analysis.imports, ignores=bool(analysis.ignores))
    # The keys on each side of `imports`, in sorted order, each part dumped as an object.
    before = _dumps({key: value for key, value in data.items() if key < "imports"})
    after = _dumps({key: value for key, value in data.items() if key > "imports"})
    head = before[:-1] + ("," if before != "{}" else "")
    tail = ("," if after != "{}" else "") + after[1:]
    return f'{head}"imports":{imports}{tail}\n'


def _dumps(data: dict[str, Any]) -> str:
    # The data is a tree: the encoder need not track the containers it is inside (~15% faster).
    return json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False
    )
