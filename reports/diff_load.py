"""Read an analysis back from the JSON of `unknot analyze --format json` (for `unknot diff`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analyzer.model import (
    SCHEMA_VERSION,
    Analysis,
    Candidate,
    Cut,
    Cycle,
    Definition,
    Edge,
    GateOutcome,
    Ignore,
    ImportKind,
    ImportSite,
    Location,
    ModuleInfo,
    MutualPair,
    Shim,
    Summary,
    site_order,
)
from reports.errors import BadAnalysisFile

__all__ = ["analysis_from_data", "load_analysis"]


def _sites(items: list[dict[str, Any]], importer: str, imported: str) -> tuple[ImportSite, ...]:
    """The statements of one import; the edge or cut holding them names both modules."""
    return tuple(
        ImportSite(
            importer,
            imported,
            d["file"],
            int(d["line"]),
            d["text"],
            ImportKind(d["kind"]),
            implicit=bool(d.get("implicit", False)),
        )
        for d in items
    )


def _imports(items: list[dict[str, Any]]) -> tuple[Edge, ...]:
    """The edges; an implicit site written as a line takes its file, text and kind from the
    statement on that line that names a module inside the parent package (listed in full on
    another edge of the same importer)."""
    statements: dict[tuple[str, int], list[tuple[str, dict[str, Any]]]] = {}
    for e in items:
        for d in e["sites"]:
            if not d.get("implicit"):
                statements.setdefault((e["importer"], d["line"]), []).append((e["imported"], d))
    edges = []
    for e in items:
        importer, imported = e["importer"], e["imported"]
        sites = list(_sites(e["sites"], importer, imported))
        for line in e.get("implicit", ()):
            named = statements[(importer, line)]
            d = next((d for name, d in named if name.startswith(imported + ".")), named[0][1])
            sites.append(
                ImportSite(
                    importer, imported, d["file"], line, d["text"], ImportKind(d["kind"]), True
                )
            )
        edges.append(Edge(importer, imported, tuple(sorted(sites, key=site_order))))
    return tuple(edges)


def _cuts(items: list[dict[str, Any]]) -> tuple[Cut, ...]:
    return tuple(
        Cut(
            c["importer"],
            c["imported"],
            _sites(c["sites"], c["importer"], c["imported"]),
            tuple(c["witness"]),
        )
        for c in items
    )


def _cycle(d: dict[str, Any]) -> Cycle:
    return Cycle(
        tuple(d["modules"]),
        ImportKind(d["kind"]),
        tuple(d["witness"]),
        _cuts(d["cuts"]),
        d["exact"],
        gate_cuts=_cuts(d["gate_cuts"]),
        gate_exact=d["gate_exact"],
    )


def _summary(d: dict[str, Any]) -> Summary:
    by_kind = d["cycles_by_kind"]
    pairs = by_kind.items() if isinstance(by_kind, dict) else by_kind
    values = {key: value for key, value in d.items() if key != "cycles_by_kind"}
    return Summary(**values, cycles_by_kind=tuple(sorted((str(k), int(v)) for k, v in pairs)))


def _gate(d: dict[str, Any]) -> GateOutcome:
    locations = tuple(Location(**location) for location in d.get("locations", ()))
    values = {key: value for key, value in d.items() if key != "locations"}
    return GateOutcome(**values, locations=locations)


def analysis_from_data(data: dict[str, Any]) -> Analysis:
    """The `Analysis` that `reports.json_report.render` wrote as `data`."""
    return Analysis(
        target=data["target"],
        package=data["package"],
        root=data["root"],
        summary=_summary(data["summary"]),
        modules=tuple(ModuleInfo(**m) for m in data["modules"]),
        imports=_imports(data["imports"]),
        cycles=tuple(_cycle(c) for c in data["cycles"]),
        package_cycles=tuple(_cycle(c) for c in data["package_cycles"]),
        mutual_pairs=tuple(
            MutualPair(p["first"], p["second"], ImportKind(p["kind"])) for p in data["mutual_pairs"]
        ),
        largest_definitions=tuple(Definition(**d) for d in data["largest_definitions"]),
        candidates=tuple(Candidate(**c) for c in data["candidates"]),
        shims=tuple(
            Shim(s["module"], s["file"], tuple(s["sources"]), tuple(s["importers"]))
            for s in data["shims"]
        ),
        gates=tuple(_gate(g) for g in data["gates"]),
        ignores=tuple(Ignore(**i) for i in data.get("ignores", ())),
        unused_ignores=tuple(Ignore(**i) for i in data.get("unused_ignores", ())),
        warnings=tuple(data.get("warnings", ())),
    )


def load_analysis(path: Path) -> Analysis:
    """Read `path`; `BadAnalysisFile` when unreadable, not JSON, or of another schema version."""
    hint = f"Write it with `unknot analyze TARGET --format json > {path.name}`."
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BadAnalysisFile(f"Cannot read {path} ({error.strerror}).", hint=hint) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadAnalysisFile(f"{path} is not JSON ({error}).", hint=hint) from error
    version = data.get("schema_version") if isinstance(data, dict) else None
    if version is None:
        sarif = isinstance(data, dict) and "runs" in data
        raise BadAnalysisFile(
            f"{path} is not an unknot analysis: it has no schema_version"
            + (" (it is a SARIF log)." if sarif else "."),
            hint=hint,
        )
    if version != SCHEMA_VERSION:
        raise BadAnalysisFile(
            f"{path} has schema version {version!r}; this unknot reads {SCHEMA_VERSION}.",
            hint="Analyse both trees with the same version of unknot.",
            code="analysis-version",
        )
    try:
        return analysis_from_data(data)
    except (KeyError, TypeError, ValueError) as error:
        raise BadAnalysisFile(
            f"{path} is not an unknot analysis ({error!r}).", hint=hint
        ) from error
