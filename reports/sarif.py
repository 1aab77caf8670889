"""The analysis as SARIF 2.1.0, for GitHub code scanning and any SARIF viewer.

One result per import to cut (at the importing line) and per oversized module (at line 1),
with stable rule ids (`UNK001`...) and partial fingerprints keyed by identity, not by line, so
code scanning keeps tracking an alert when the code above it moves. Byte-stable.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from analyzer.model import Analysis
from reports.findings import RULES, Finding, findings

__all__ = ["SARIF_SCHEMA", "render"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_INFORMATION_URI = "https://pypi.org/project/unknot/"


def _version() -> str:
    try:
        return metadata.version("unknot")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0"


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.help},
            "help": {"text": rule.help},
            "defaultConfiguration": {"level": "error" if rule.id == "UNK001" else "warning"},
        }
        for rule in RULES
    ]


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": finding.line}
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": finding.level,
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.file},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"unknot/v1": finding.fingerprint},
        "properties": dict(finding.properties),
    }


def render(analysis: Analysis) -> str:
    """A SARIF 2.1.0 log with one run of unknot over `analysis`."""
    rule_index = {rule.id: index for index, rule in enumerate(RULES)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "unknot",
                        "version": _version(),
                        "informationUri": _INFORMATION_URI,
                        "rules": _rules(),
                    }
                },
                "automationDetails": {"id": f"unknot/{analysis.target}/"},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index) for f in findings(analysis, package_level=True)],
                "properties": {
                    "package": analysis.package,
                    "passed": analysis.passed,
                    "target": analysis.target,
                },
            }
        ],
    }
    if analysis.warnings:  # configuration problems, such as a misspelt key, as notifications
        notes = [
            {"level": "warning", "message": {"text": warning}} for warning in analysis.warnings
        ]
        invocation = {"executionSuccessful": True, "toolConfigurationNotifications": notes}
        log["runs"][0]["invocations"] = [invocation]  # type: ignore[index]
    return json.dumps(log, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
