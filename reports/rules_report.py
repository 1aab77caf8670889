"""A rules check as text: each rule KEPT or BROKEN, with the offending chains at file:line."""

from __future__ import annotations

from analyzer.rules import RulesReport

__all__ = ["render_rules"]


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
