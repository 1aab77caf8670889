"""A rules check for people and for CI: text (each rule KEPT or BROKEN, with the offending
chains at file:line), JSON, GitHub annotations (one at the first import of each chain) and
SARIF (one result per chain). Byte-stable."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from analyzer.rules import Hop, RulesReport
from reports.github import escape_data, escape_property

__all__ = [
    "RULES_FORMATS",
    "render_rules",
    "render_rules_github",
    "render_rules_json",
    "render_rules_sarif",
]

RULES_SCHEMA_VERSION = 1
_BROKEN = (
    "An import chain breaks a layer, forbidden or independence rule of "
    "[tool.unknot.targets.TARGET.rules]."
)


def render_rules(report: RulesReport, *, target: str) -> str:
    """Plain text, byte-stable; the last line gives the count of kept and broken rules."""
    out = [f"unknot rules: {target}", ""]
    for outcome in report.outcomes:
        verdict = "KEPT" if outcome.passed else "BROKEN"
        out.append(f"{verdict} {outcome.rule.name} ({outcome.rule.kind})")
        for chain in outcome.chains:
            names = [chain[0].importer, *(hop.imported for hop in chain)]
            out.append("  " + " -> ".join(names))
            out += [
                f"    {hop.file}:{hop.line} {hop.importer} -> {hop.imported}: {hop.text}"
                for hop in chain
            ]
    for importer, imported, reason in report.unmatched_ignores:
        out.append(f"UNUSED IGNORE {importer} -> {imported} ({reason}): it matches no import")
    broken = sum(1 for o in report.outcomes if not o.passed)
    kept = len(report.outcomes) - broken
    out += [
        "",
        f"Rules: {kept} kept, {broken} broken, {len(report.unmatched_ignores)} unused ignores.",
    ]
    return "\n".join(out) + "\n"


def _hop(hop: Hop) -> dict[str, Any]:
    return {"file": hop.file, "line": hop.line, "importer": hop.importer,
            "imported": hop.imported, "text": hop.text}  # fmt: skip


def _ignore(ignore: tuple[str, str, str]) -> dict[str, str]:
    importer, imported, reason = ignore
    return {"importer": importer, "imported": imported, "reason": reason}


def render_rules_json(report: RulesReport, *, target: str) -> str:
    """One line of JSON with `schema_version`, keys sorted."""
    data = {
        "schema_version": RULES_SCHEMA_VERSION,
        "target": target,
        "passed": report.passed,
        "rules": [
            {
                "name": outcome.rule.name,
                "kind": outcome.rule.kind,
                "passed": outcome.passed,
                "chains": [[_hop(hop) for hop in chain] for chain in outcome.chains],
            }
            for outcome in report.outcomes
        ],
        "unused_ignores": [_ignore(ignore) for ignore in report.unmatched_ignores],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"


def _chain_text(chain: tuple[Hop, ...]) -> str:
    return " -> ".join([chain[0].importer, *(hop.imported for hop in chain)])


def render_rules_github(report: RulesReport, *, target: str) -> str:
    """`::error` at the first import of each chain that breaks a rule; `::warning` for an
    ignore that matches nothing."""
    lines = []
    for outcome in report.outcomes:
        title = escape_property(f"unknot rule {outcome.rule.name}")
        for chain in outcome.chains:
            first = chain[0]
            where = f"file={escape_property(first.file)},line={first.line}"
            lines.append(f"::error {where},title={title}::" + escape_data(_chain_text(chain)))
    for importer, imported, reason in report.unmatched_ignores:
        lines.append(
            f"::warning title={escape_property(f'unknot rules {target}')}::"
            + escape_data(f"The ignore {importer} -> {imported} ({reason}) matches no import.")
        )
    broken = sum(1 for outcome in report.outcomes if not outcome.passed)
    lines.append(
        f"::notice title={escape_property(f'unknot rules {target}')}::"
        + escape_data(f"{len(report.outcomes) - broken} kept, {broken} broken")
    )
    return "\n".join(lines) + "\n"


def render_rules_sarif(report: RulesReport, *, target: str) -> str:
    """A SARIF 2.1.0 log: one result per chain, at its first import, rule id `UNKR01`."""
    results = [
        {
            "ruleId": "UNKR01",
            "level": "error",
            "message": {"text": f"{outcome.rule.name}: {_chain_text(chain)}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": chain[0].file},
                        "region": {"startLine": chain[0].line},
                    }
                }
            ],
            "partialFingerprints": {"unknot/v1": f"{outcome.rule.name}|{_chain_text(chain)}"},
        }
        for outcome in report.outcomes
        for chain in outcome.chains
    ]
    rule = {"id": "UNKR01", "name": "BrokenImportRule", "shortDescription": {"text": _BROKEN}}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "unknot", "rules": [rule]}},
                "automationDetails": {"id": f"unknot-rules/{target}/"},
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


RULES_FORMATS: dict[str, Callable[..., str]] = {
    "text": render_rules,
    "json": render_rules_json,
    "github": render_rules_github,
    "sarif": render_rules_sarif,
}
