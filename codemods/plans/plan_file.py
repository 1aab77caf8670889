"""The plan's TOML: read with every mistake named before anything runs, written in a stable order.

```toml
[target]                 # the layer and its gates: see codemods.plans.target_file
name = "orchestration"
package = "app.orchestration"
root = "src"

[[steps]]
op = "move"
old = "app.orchestration.market_monitor"
new = "app.features.market_monitor"
tag = "migrate/move-market_monitor"
why = "tier 1: imports nothing from the layer"

[steps.expect]
"cycles.import-time" = 1
modules = 9
```
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from codemods.plans.errors import PlanError
from codemods.plans.model import FIGURE_KEYS, Plan, Step
from codemods.plans.registry import OPS, OpSpec
from codemods.plans.target_file import (
    dump_target,
    known_keys,
    read_target,
    toml_key,
    toml_value,
)

__all__ = ["default_tag", "dump_plan", "load_plan", "parse_plan"]

_STEP_KEYS = ("op", "tag", "message", "why", "expect")
_TOP_KEYS = ("target", "steps", "notes")


def load_plan(path: Path) -> Plan:
    """The plan in the TOML file `path`; raises `PlanError` naming the first mistake."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PlanError(
            f"Cannot read the plan {path}: {error.strerror}.",
            hint="Pass the path of a plan written by `unknot plan` (or by hand).",
            code="plan-not-found",
        ) from error
    return parse_plan(text, source=str(path))


def parse_plan(text: str, *, source: str = "") -> Plan:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanError(
            f"The plan is not valid TOML: {error}.", hint="Fix the TOML syntax."
        ) from error
    known_keys(data, _TOP_KEYS, "the plan")
    target = read_target(_table(data.get("target"), "[target]"))
    raw_steps = data.get("steps", [])
    if not isinstance(raw_steps, list) or not all(isinstance(s, dict) for s in raw_steps):
        raise PlanError("'steps' must be an array of tables.", hint="Write each step as [[steps]].")
    steps = tuple(_step(raw, number) for number, raw in enumerate(raw_steps, start=1))
    steps = _with_tags(steps)
    notes = data.get("notes", [])
    return Plan(target, steps, source, tuple(str(n) for n in notes if isinstance(n, str)))


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PlanError(f"The plan needs a {where} table.", hint="See `unknot plan --help`.")
    return value


def _step(raw: dict[str, Any], number: int) -> Step:
    where = f"step {number}"
    op = raw.get("op")
    if not isinstance(op, str):
        raise PlanError(
            f"Step {number} has no 'op'.",
            hint=f"Name one of: {', '.join(OPS)}.",
            code="missing-argument",
        )
    spec = OPS.get(op)
    if spec is None:
        near = difflib.get_close_matches(op, list(OPS), n=1, cutoff=0.4)
        hint = f"Did you mean '{near[0]}'?" if near else f"Operations: {', '.join(OPS)}."
        raise PlanError(f"Unknown operation '{op}' in {where}.", hint=hint, code="unknown-op")
    known_keys(raw, (*_STEP_KEYS, *spec.required, *spec.optional), f"{where} ({op})")
    args = tuple((name, _argument(spec, name, raw[name], where)) for name in _arg_names(spec, raw))
    missing = [name for name in spec.required if name not in raw]
    if missing:
        raise PlanError(
            f"Step {number} ({op}) is missing its argument '{missing[0]}'.",
            hint=f"A {op} step reads: {spec.example}.",
            code="missing-argument",
        )
    return Step(
        op=op,
        args=args,
        tag=_text(raw, "tag", where),
        message=_text(raw, "message", where),
        why=_text(raw, "why", where),
        expect=_expect(raw.get("expect", {}), where),
    )


def _arg_names(spec: OpSpec, raw: Mapping[str, Any]) -> list[str]:
    return [name for name in (*spec.required, *spec.optional) if name in raw]


def _argument(spec: OpSpec, name: str, value: object, where: str) -> object:
    if name in spec.flags:
        if not isinstance(value, bool):
            raise PlanError(f"'{name}' in {where} must be true or false.", hint=spec.example)
        return value
    if name in spec.lists:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise PlanError(f"'{name}' in {where} must be a list of names.", hint=spec.example)
        return tuple(value)
    if not isinstance(value, str) or not value:
        raise PlanError(f"'{name}' in {where} must be a dotted name.", hint=spec.example)
    return value


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise PlanError(f"'{key}' in {where} must be a string.", hint=f'{key} = "..."')
    return value


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _expect(value: object, where: str) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict):
        raise PlanError(f"'expect' in {where} must be a table.", hint='"cycles.import-time" = 0')
    expected = []
    for key, number in _flatten(value).items():
        if key not in FIGURE_KEYS:
            near = difflib.get_close_matches(key, FIGURE_KEYS, n=1, cutoff=0.5)
            hint = f"Did you mean '{near[0]}'?" if near else f"Figures: {', '.join(FIGURE_KEYS)}."
            raise PlanError(
                f"Unknown figure '{key}' in {where}.expect.", hint=hint, code="unknown-key"
            )
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise PlanError(f"{where}.expect.{key} must be a whole number.", hint=f"{key} = 0")
        expected.append((key, number))
    return tuple(sorted(expected, key=lambda kv: FIGURE_KEYS.index(kv[0])))


def default_tag(step: Step) -> str:
    """`migrate/move-market_monitor`: the operation and the leaf of its first argument."""
    first = next((v for _, v in step.args if isinstance(v, str)), "")
    if not first:
        first = next((v[0] for _, v in step.args if isinstance(v, tuple) and v), "")
    leaf = str(first).replace(":", ".").rsplit(".", 1)[-1]
    return "migrate/" + re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{step.op}-{leaf}").strip("-.")


def _with_tags(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """Every step with a tag: its own, else a default one made unique within the plan."""
    seen: set[str] = {s.tag for s in steps if s.tag}
    tagged = []
    for step in steps:
        if not step.tag:
            tag, count = default_tag(step), 1
            while tag in seen:
                count += 1
                tag = f"{default_tag(step)}-{count}"
            seen.add(tag)
            tagged.append(Step(step.op, step.args, tag, step.message, step.why, step.expect))
        else:
            tagged.append(step)
    return tuple(tagged)


def dump_plan(plan: Plan, *, header: str = "") -> str:
    """The plan as TOML, keys in a fixed order, so a plan written twice is byte-identical."""
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    if plan.notes:
        out += ["notes = [", *(f"    {toml_value(n)}," for n in plan.notes), "]"]
    if out:
        out.append("")
    out += dump_target(plan.target)
    for step in plan.steps:
        out += ["", "[[steps]]", f"op = {toml_value(step.op)}"]
        out += [f"{toml_key(name)} = {toml_value(value)}" for name, value in step.args]
        out += [
            f"{key} = {toml_value(getattr(step, key))}"
            for key in ("tag", "message", "why")
            if getattr(step, key)
        ]
        if step.expect:
            out += ["", "[steps.expect]", *(f"{toml_key(k)} = {v}" for k, v in step.expect)]
    return "\n".join(out) + "\n"
