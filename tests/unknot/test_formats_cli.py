"""`unknot analyze --format markdown|sarif|github` end to end on a sample package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

ASSETS = Path(__file__).parents[1] / "assets"
SARIF_SCHEMA = ASSETS / "schemas" / "sarif-schema-2.1.0.json"


def _analyze(output_format: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "unknot",
            "analyze",
            "shop",
            "--format",
            output_format,
            "--no-cache",
        ],
        cwd=ASSETS / "tangled",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_markdown_of_a_real_package() -> None:
    result = _analyze("markdown")
    assert result.returncode == 1, result.stderr
    assert "**Gate: ❌ failed** (2 of 2 gates failed)" in result.stdout
    assert (
        "Imports to cut to pass the gate and leave no cycle of any kind (1, minimal):\n"
        "- [ ] `src/shop/ring/"
    ) in result.stdout
    assert "| `src/shop/big.py` | 310 | +10 |" in result.stdout


def test_sarif_of_a_real_package_is_valid_and_located_under_the_root() -> None:
    result = _analyze("sarif")
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert any(uri.startswith("src/shop/ring/") for uri in uris)
    assert all(uri.startswith("src/shop/") for uri in uris)


def test_github_annotations_of_a_real_package() -> None:
    result = _analyze("github")
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=src/shop/ring/") for line in lines)
    assert lines[-1].startswith("::notice title=unknot shop::Modules: 18;")
