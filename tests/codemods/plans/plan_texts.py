"""The sample migration plan of tests/assets/migrate_layer: three moves and a shim removal."""

from __future__ import annotations

from codemods.plans import Plan, parse_plan

STEPS = [
    'op = "move"\nold = "app.orchestration.market_monitor"\nnew = "app.features.market_monitor"',
    'op = "move"\nold = "app.orchestration.equity_calculator"\n'
    'new = "app.features.equity_calculator"',
    'op = "move-symbol"\nsymbols = ["app.orchestration.configuration:TOP_VOLUME_BASES"]\n'
    'dest = "app.orchestration.shared.symbol_utils"',
    'op = "remove-shim"\nmodule = "app.orchestration.legacy_symbols"',
]
HEAD = '[target]\nname = "orchestration"\npackage = "app.orchestration"\nroot = "src"\n'


def plan_text(*extra: tuple[int, str]) -> str:
    """The plan's TOML; `extra` adds lines to step N (1-based)."""
    added = dict(extra)
    steps = [step + ("\n" + added[n] if n in added else "") for n, step in enumerate(STEPS, 1)]
    return HEAD + "".join(f"\n[[steps]]\n{step}\n" for step in steps)


def sample_plan(*extra: tuple[int, str]) -> Plan:
    return parse_plan(plan_text(*extra), source="plan.toml")
