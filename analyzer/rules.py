"""Architecture rules from `[tool.unknot.targets.NAME.rules]`, checked with grimp's queries.

Three kinds, as import-linter users know them:
- `layers`: top to bottom; a lower layer never imports a higher one; `"a | b"` are independent
  siblings in one layer; `containers` repeat the layers inside each container package.
- `forbidden`: `source` modules never import `forbidden` ones (through other modules too, unless
  `indirect = false`).
- `independent`: none of `modules` imports another.
Each broken rule comes with its import chains, every hop at file:line. Ignores name an import
(`"a.b -> c.d"`) and must give a reason; an ignore that matches no import is reported.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, permutations
from typing import Any, Protocol

from analyzer.errors import AnalyzerError

__all__ = [
    "Hop",
    "ImportGraph",
    "Rule",
    "RuleOutcome",
    "RulesError",
    "RulesReport",
    "RulesSpec",
    "check",
    "parse_rules",
]


class RulesError(AnalyzerError):
    default_code = "bad-rules"


class ImportGraph(Protocol):
    """The part of `grimp.ImportGraph` the rules use."""

    @property
    def modules(self) -> set[str]: ...

    def find_illegal_dependencies_for_layers(
        self, layers: Sequence[Any], containers: set[str] | None = None
    ) -> set[Any]: ...

    def find_shortest_chains(
        self, importer: str, imported: str, as_packages: bool = True
    ) -> set[tuple[str, ...]]: ...

    def get_import_details(
        self, *, importer: str, imported: str
    ) -> Sequence[Mapping[str, object]]: ...

    def remove_import(self, *, importer: str, imported: str) -> None: ...

    def direct_import_exists(
        self, *, importer: str, imported: str, as_packages: bool = False
    ) -> bool: ...


@dataclass(frozen=True)
class Rule:
    kind: str  # layers | forbidden | independent
    name: str
    modules: tuple[str, ...]  # layers (top first), or the independent modules, or the sources
    forbidden: tuple[str, ...] = ()
    containers: tuple[str, ...] = ()
    indirect: bool = True


@dataclass(frozen=True)
class RulesSpec:
    packages: tuple[str, ...]
    rules: tuple[Rule, ...]
    ignores: tuple[tuple[str, str, str], ...]  # importer, imported, reason


@dataclass(frozen=True, order=True)
class Hop:
    importer: str
    imported: str
    file: str
    line: int
    text: str


@dataclass(frozen=True)
class RuleOutcome:
    rule: Rule
    chains: tuple[tuple[Hop, ...], ...]

    @property
    def passed(self) -> bool:
        return not self.chains


@dataclass(frozen=True)
class RulesReport:
    outcomes: tuple[RuleOutcome, ...]
    unmatched_ignores: tuple[tuple[str, str, str], ...]

    @property
    def passed(self) -> bool:
        return all(o.passed for o in self.outcomes) and not self.unmatched_ignores


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RulesError(f"{where} must be a list of module names.", hint='e.g. ["app.api"].')
    return tuple(value)


_RULE_KEYS = {
    "layers": ("name", "layers", "containers"),
    "forbidden": ("name", "source", "forbidden", "indirect"),
    "independent": ("name", "modules"),
}


def _check_keys(kind: str, entry: dict[str, Any], where: str) -> None:
    """A misspelt key (`forbiden`) is named, with the nearest valid one."""
    valid = _RULE_KEYS.get(kind, ())
    for key in entry:
        if key not in valid:
            close = difflib.get_close_matches(key, valid, n=1)
            raise RulesError(
                f"{where} has an unknown key '{key}'.",
                hint=f"Did you mean '{close[0]}'?" if close else f"Valid keys: {', '.join(valid)}.",
                code="unknown-key",
            )


def _rule(kind: str, entry: Any, where: str) -> Rule:
    if not isinstance(entry, dict):
        raise RulesError(f"{where} must be a table.", hint=f"Write [[{where}]] entries.")
    _check_keys(kind, entry, where)
    name = str(entry.get("name", f"{kind} rule"))
    if kind == "layers":
        return Rule(
            kind,
            name,
            _strings(entry.get("layers"), f"{where}.layers"),
            containers=_strings(entry.get("containers", []), f"{where}.containers"),
        )
    if kind == "forbidden":
        return Rule(
            kind,
            name,
            _strings(entry.get("source"), f"{where}.source"),
            forbidden=_strings(entry.get("forbidden"), f"{where}.forbidden"),
            indirect=bool(entry.get("indirect", True)),
        )
    return Rule(kind, name, _strings(entry.get("modules"), f"{where}.modules"))


def _ignore(entry: Any, where: str) -> tuple[str, str, str]:
    text = entry.get("import") if isinstance(entry, dict) else None
    reason = entry.get("reason") if isinstance(entry, dict) else None
    if not isinstance(text, str) or "->" not in text:
        raise RulesError(
            f'{where} needs import = "importer -> imported".',
            hint='e.g. { import = "app.api -> app.db", reason = "..." }',
        )
    if not isinstance(reason, str) or not reason.strip():
        raise RulesError(
            f"{where} ignores {text!r} without a reason.",
            hint="Say why the import is allowed and how it will go: reason = '...'.",
            code="ignore-without-reason",
        )
    importer, _, imported = (part.strip() for part in text.partition("->"))
    return importer, imported, reason.strip()


def parse_rules(raw: Mapping[str, Any], *, target: str, package: str) -> RulesSpec:
    """The rules of `[tool.unknot.targets.TARGET.rules]` (`raw`), validated."""
    where = f"tool.unknot.targets.{target}.rules"
    unknown = sorted(set(raw) - {"packages", "layers", "forbidden", "independent", "ignore"})
    if unknown:
        raise RulesError(
            f"[{where}] has unknown key {unknown[0]!r}.",
            hint="Known keys: packages, layers, forbidden, independent, ignore.",
        )
    rules = [
        _rule(kind, entry, f"{where}.{kind}")
        for kind in ("layers", "forbidden", "independent")
        for entry in raw.get(kind, [])
    ]
    ignores = [_ignore(entry, f"[[{where}.ignore]]") for entry in raw.get("ignore", [])]
    packages = _strings(raw.get("packages", [package.split(".")[0]]), f"{where}.packages")
    return RulesSpec(packages, tuple(rules), tuple(sorted(ignores)))


def _require(graph: ImportGraph, module: str, rule: Rule) -> None:
    if module not in graph.modules:
        close = difflib.get_close_matches(module, sorted(graph.modules), n=1)
        raise RulesError(
            f"Rule {rule.name!r} names {module!r}, which is not a module of the graph.",
            hint=f"Did you mean {close[0]!r}?" if close else "Check the name, and `packages`.",
            code="unknown-module",
        )


def _hops(graph: ImportGraph, chain: Sequence[str], files: Mapping[str, str]) -> tuple[Hop, ...]:
    hops = []
    for importer, imported in pairwise(chain):
        details = sorted(
            (int(str(d["line_number"])), str(d["line_contents"]))
            for d in graph.get_import_details(importer=importer, imported=imported)
        )
        line, text = details[0] if details else (0, "")
        hops.append(Hop(importer, imported, files.get(importer, ""), line, text))
    return tuple(hops)


def _layer_chains(graph: ImportGraph, rule: Rule) -> list[tuple[str, ...]]:
    # A set is a layer of independent siblings for grimp; a string, a layer of one module.
    layers: list[str | set[str]] = [
        {part.strip() for part in layer.split("|")} if "|" in layer else layer.strip()
        for layer in rule.modules
    ]
    if not rule.containers:
        for layer in rule.modules:
            for part in layer.split("|"):
                _require(graph, part.strip(), rule)
    dependencies = graph.find_illegal_dependencies_for_layers(
        layers=layers, containers=set(rule.containers) or None
    )
    chains = []
    for dependency in dependencies:
        for route in dependency.routes:
            chains.append((min(route.heads), *route.middle, min(route.tails)))
    return chains


def _pair_chains(
    graph: ImportGraph, rule: Rule, pairs: list[tuple[str, str]]
) -> list[tuple[str, ...]]:
    for module in {m for pair in pairs for m in pair}:
        _require(graph, module, rule)
    chains = [
        chain
        for importer, imported in pairs
        for chain in graph.find_shortest_chains(importer, imported, as_packages=True)
    ]
    return [chain for chain in chains if rule.indirect or len(chain) == 2]


def check(graph: ImportGraph, spec: RulesSpec, *, files: Mapping[str, str]) -> RulesReport:
    """Check every rule of `spec` on `graph` (modified: ignored imports are removed from it)."""
    unmatched = []
    for importer, imported, reason in spec.ignores:
        present = importer in graph.modules and imported in graph.modules
        if present and graph.direct_import_exists(importer=importer, imported=imported):
            graph.remove_import(importer=importer, imported=imported)
        else:
            unmatched.append((importer, imported, reason))
    outcomes = []
    for rule in spec.rules:
        if rule.kind == "layers":
            chains = _layer_chains(graph, rule)
        elif rule.kind == "forbidden":
            pairs = [(s, f) for s in rule.modules for f in rule.forbidden]
            chains = _pair_chains(graph, rule, pairs)
        else:
            chains = _pair_chains(graph, rule, list(permutations(rule.modules, 2)))
        found = sorted({_hops(graph, chain, files) for chain in chains})
        outcomes.append(RuleOutcome(rule, tuple(found)))
    return RulesReport(tuple(outcomes), tuple(unmatched))
