"""Splitting an oversized module: parts under the limit, none importing another in a circle."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from codemods.plans.splits import split_module
from codemods.symbols.definitions import DEFINITION_KINDS, read_module

ASSETS = Path(__file__).resolve().parents[2] / "assets"
REPORTING = ASSETS / "symbols_split/src/shop/reporting.py"


def test_parts_fit_and_each_uses_only_itself_and_the_parts_before_it() -> None:
    parts = split_module(REPORTING, limit=300)
    assert len(parts) >= 1
    facts = read_module(cst.parse_module(REPORTING.read_text()))
    definitions = [s for s in facts.statements if s.kind in DEFINITION_KINDS]
    defined = {n for s in definitions for n in s.names}
    by_name = {n: s for s in definitions for n in s.names}
    lines = len(REPORTING.read_text().splitlines())
    moved = 0
    earlier: set[str] = set()
    for part in parts:
        statements = {id(by_name[n]): by_name[n] for n in part}.values()
        size = sum(s.last_line - s.first_line + 1 for s in statements)
        assert size < 300
        moved += size + len(statements)  # and the blank line after each
        uses = {u for s in statements for u in s.uses} & defined
        assert uses <= set(part) | earlier, uses - set(part) - earlier
        earlier |= set(part)
    assert lines - moved <= 300


def test_a_module_within_the_limit_is_not_split(tmp_path: Path) -> None:
    assert split_module(REPORTING, limit=500) == []
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    assert split_module(broken, limit=1) == []
