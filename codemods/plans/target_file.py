"""The plan's `[target]` table: the layer and the gates it plans for, as the target's
`[tool.unknot.targets.NAME]` sets them, read with every mistake named and written in a stable
order.

```toml
[target]
name = "orchestration"
package = "app.orchestration"
root = "src"
max_module_lines = 300

[target.max_cycles]
import-time = 0

[target.allow_module_lines]
"app.orchestration.big" = 420

[[target.ignore]]
import = "app.orchestration.a -> app.orchestration.b"
reason = "goes with the split"
```
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from codemods.plans.errors import PlanError
from codemods.plans.model import CYCLE_KINDS, IgnoredImport, PlanTarget

__all__ = ["TARGET_KEYS", "dump_target", "known_keys", "read_target", "toml_key", "toml_value"]

TARGET_KEYS = (
    "name",
    "package",
    "root",
    "max_module_lines",
    "max_cycles",
    "allow_module_lines",
    "ignore",
)
_IGNORE_HINT = 'Write each as [[target.ignore]] with import = "a.b -> a.c" and reason = "why".'


def known_keys(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    """Raise `unknown-key` for the first key of `table` not in `known`, the nearest suggested."""
    for key in table:
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
            hint = f"Did you mean '{near[0]}'?" if near else f"Known keys: {', '.join(known)}."
            raise PlanError(f"Unknown key '{key}' in {where}.", hint=hint, code="unknown-key")


def read_target(raw: Mapping[str, Any]) -> PlanTarget:
    """The `[target]` table as a `PlanTarget`; raises `PlanError` naming the first mistake."""
    known_keys(raw, TARGET_KEYS, "[target]")
    package = raw.get("package")
    if not isinstance(package, str) or not package:
        raise PlanError(
            "[target] needs 'package', the dotted package of the layer.",
            hint='Write e.g. package = "app.orchestration".',
            code="missing-argument",
        )
    return PlanTarget(
        name=str(raw.get("name", package)),
        package=package,
        root=str(raw.get("root", ".")),
        max_module_lines=_count(raw.get("max_module_lines", 300), "[target] max_module_lines"),
        max_cycles=_max_cycles(raw.get("max_cycles", {"import-time": 0})),
        allow_module_lines=_allowances(raw.get("allow_module_lines", {})),
        ignores=_ignores(raw.get("ignore", [])),
    )


def _count(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PlanError(f"{where} must be a whole number >= 0, got {value!r}.", hint="e.g. 300")
    return value


def _max_cycles(cycles: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(cycles, dict):
        raise PlanError(
            "[target.max_cycles] must be a table.",
            hint='Write e.g. max_cycles = { "import-time" = 0 }.',
        )
    for kind in cycles:
        if kind not in CYCLE_KINDS:
            near = difflib.get_close_matches(kind, CYCLE_KINDS, n=1, cutoff=0.5)
            hint = f"Did you mean '{near[0]}'?" if near else f"Kinds: {', '.join(CYCLE_KINDS)}."
            raise PlanError(
                f"Unknown import kind '{kind}' in [target.max_cycles].",
                hint=hint,
                code="unknown-key",
            )
    return tuple(sorted((k, _count(v, f"[target.max_cycles] {k}")) for k, v in cycles.items()))


def _allowances(allow: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(allow, dict):
        raise PlanError(
            "[target.allow_module_lines] must be a table of module = lines.",
            hint='Write e.g. "app.orchestration.big" = 420.',
        )
    return tuple(
        sorted((k, _count(v, f"[target.allow_module_lines] {k}")) for k, v in allow.items())
    )


def _ignores(value: object) -> tuple[IgnoredImport, ...]:
    if not isinstance(value, list):
        raise PlanError("[target] ignore must be an array of tables.", hint=_IGNORE_HINT)
    ignores = []
    for item in value:
        text = item.get("import") if isinstance(item, dict) else None
        reason = item.get("reason") if isinstance(item, dict) else None
        if not isinstance(text, str) or "->" not in text or not isinstance(reason, str):
            raise PlanError(f"Bad entry in [[target.ignore]]: {item!r}.", hint=_IGNORE_HINT)
        known_keys(item, ("import", "reason"), "[[target.ignore]]")
        importer, imported = (part.strip() for part in text.split("->", 1))
        ignores.append(IgnoredImport(importer, imported, reason))
    return tuple(sorted(ignores))


def toml_value(value: object) -> str:
    """A TOML literal of a string, number, boolean or list of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def toml_key(key: str) -> str:
    """A bare key when TOML allows one, else a quoted one."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def dump_target(target: PlanTarget) -> list[str]:
    """The `[target]` table's lines; allowances and ignores only when there are some."""
    out = [
        "[target]",
        f"name = {toml_value(target.name)}",
        f"package = {toml_value(target.package)}",
        f"root = {toml_value(target.root)}",
        f"max_module_lines = {target.max_module_lines}",
        "",
        "[target.max_cycles]",
        *(f"{toml_key(kind)} = {limit}" for kind, limit in target.max_cycles),
    ]
    if target.allow_module_lines:
        out += ["", "[target.allow_module_lines]"]
        out += [f"{toml_key(name)} = {lines}" for name, lines in target.allow_module_lines]
    for ignore in target.ignores:
        out += [
            "",
            "[[target.ignore]]",
            f"import = {toml_value(f'{ignore.importer} -> {ignore.imported}')}",
            f"reason = {toml_value(ignore.reason)}",
        ]
    return out
