"""Targets and gates from `[tool.unknot]` in pyproject.toml, validated with helpful errors."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError, TargetNotFound
from analyzer.model import Ignore, ImportKind

__all__ = ["GateConfig", "Target", "find_pyproject", "load_target"]

DEFAULT_MAX_MODULE_LINES = 300
DEFAULT_TIER2_MAX_IMPORTS = 2
_TOOL_KEYS = ("root", "cache_dir", "targets")
_TARGET_KEYS = (
    "package",
    "root",
    "max_module_lines",
    "allow_module_lines",
    "max_cycles",
    "tier2_max_imports",
    "ignore",
    "rules",
    "baseline",
)
_KINDS = tuple(kind.value for kind in ImportKind)


@dataclass(frozen=True)
class GateConfig:
    """Limits a target must meet; `max_cycles` maps a kind to the most cycles of that kind."""

    max_module_lines: int = DEFAULT_MAX_MODULE_LINES
    allow_module_lines: Mapping[str, int] = field(default_factory=dict)
    max_cycles: Mapping[str, int] = field(default_factory=lambda: {"import-time": 0})
    tier2_max_imports: int = DEFAULT_TIER2_MAX_IMPORTS
    ignores: tuple[Ignore, ...] = ()


@dataclass(frozen=True)
class Target:
    """What to analyse: a name (from config, or the package itself), a package and a root."""

    name: str
    package: str
    root: Path
    gates: GateConfig
    cache_dir: Path | None
    raw: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def find_pyproject(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_target(
    name: str, *, cwd: Path, root: Path | None = None, no_cache: bool = False
) -> Target:
    """Resolve TARGET: a `[tool.unknot.targets.NAME]` entry, else a dotted package name."""
    pyproject = find_pyproject(cwd)
    tool = _read_tool(pyproject) if pyproject else {}
    base = pyproject.parent if pyproject else cwd
    warnings = _unknown_keys(tool, _TOOL_KEYS, "[tool.unknot]")
    targets = _table(tool.get("targets", {}), "[tool.unknot.targets]")
    entry = targets.get(name)
    if entry is None and not _is_dotted_name(name):
        raise TargetNotFound(
            f"'{name}' is neither a configured target nor a package name.",
            hint=_target_hint(name, list(targets)),
        )
    raw = _table(entry or {}, f"[tool.unknot.targets.{name}]")
    warnings += _unknown_keys(raw, _TARGET_KEYS, f"[tool.unknot.targets.{name}]")
    package = raw.get("package", name)
    if not isinstance(package, str) or not _is_dotted_name(package):
        raise ConfigError(
            f"[tool.unknot.targets.{name}] package must be a dotted name, got {package!r}.",
            hint='Write e.g. package = "bot.orchestration".',
        )
    configured_root = raw.get("root", tool.get("root"))
    return Target(
        name=name,
        package=package,
        root=_resolve_root(root, configured_root, base, cwd),
        gates=_gates(raw, name),
        cache_dir=None if no_cache else base / str(tool.get("cache_dir", ".unknot_cache")),
        raw=raw,
        warnings=warnings,
    )


def _read_tool(pyproject: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"{pyproject} is not valid TOML: {error}.",
            hint="Fix the TOML syntax at the line and column the message names.",
        ) from error
    tool = data.get("tool", {}).get("unknot", {})
    return _table(tool, "[tool.unknot]")


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table.", hint="See README: Configuration.")
    return value


def _unknown_keys(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> tuple[str, ...]:
    found = []
    for key in sorted(set(table) - set(known)):
        near = difflib.get_close_matches(key, known, n=1)
        suggestion = f" Did you mean '{near[0]}'?" if near else f" Known keys: {', '.join(known)}."
        found.append(f"unknown key '{key}' in {where}.{suggestion}")
    return tuple(found)


def _is_dotted_name(name: str) -> bool:
    return bool(name) and all(part.isidentifier() for part in name.split("."))


def _target_hint(name: str, known: list[str]) -> str:
    near = difflib.get_close_matches(name, known, n=1)
    if near:
        return f"Did you mean '{near[0]}'?"
    if known:
        return f"Configured targets: {', '.join(sorted(known))}."
    return "Pass a dotted package name, or add [tool.unknot.targets.NAME] to pyproject.toml."


def _resolve_root(given: Path | None, configured: object, base: Path, cwd: Path) -> Path:
    if given is not None:
        return given if given.is_absolute() else cwd / given
    if configured is not None:
        if not isinstance(configured, str):
            raise ConfigError("root must be a string path.", hint='Write e.g. root = "src".')
        return base / configured
    return cwd / "src" if (cwd / "src").is_dir() else cwd


def _gates(raw: Mapping[str, Any], name: str) -> GateConfig:
    where = f"[tool.unknot.targets.{name}]"
    max_lines = _int(
        raw.get("max_module_lines", DEFAULT_MAX_MODULE_LINES), f"{where} max_module_lines"
    )
    allow = _table(raw.get("allow_module_lines", {}), f"{where}.allow_module_lines")
    max_cycles = _table(raw.get("max_cycles", {"import-time": 0}), f"{where}.max_cycles")
    for kind in max_cycles:
        if kind not in _KINDS:
            near = difflib.get_close_matches(kind, _KINDS, n=1)
            raise ConfigError(
                f"Unknown import kind '{kind}' in {where}.max_cycles.",
                hint=f"Did you mean '{near[0]}'?" if near else f"Kinds: {', '.join(_KINDS)}.",
            )
    return GateConfig(
        max_module_lines=max_lines,
        allow_module_lines={
            k: _int(v, f"{where}.allow_module_lines.{k}") for k, v in allow.items()
        },
        max_cycles={k: _int(v, f"{where}.max_cycles.{k}") for k, v in max_cycles.items()},
        tier2_max_imports=_int(raw.get("tier2_max_imports", DEFAULT_TIER2_MAX_IMPORTS), where),
        ignores=_ignores(raw.get("ignore", []), where),
    )


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(
            f"{where} must be a whole number >= 0, got {value!r}.", hint="Fix pyproject.toml."
        )
    return value


def _ignores(value: object, where: str) -> tuple[Ignore, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}.ignore must be an array of tables.", hint=_IGNORE_HINT)
    ignores = []
    for item in value:
        text = item.get("import") if isinstance(item, dict) else None
        reason = item.get("reason") if isinstance(item, dict) else None
        if (
            not isinstance(text, str)
            or "->" not in text
            or not isinstance(reason, str)
            or not reason
        ):
            raise ConfigError(f"Bad entry in {where}.ignore: {item!r}.", hint=_IGNORE_HINT)
        importer, imported = (part.strip() for part in text.split("->", 1))
        ignores.append(Ignore(importer=importer, imported=imported, reason=reason))
    return tuple(sorted(ignores))


_IGNORE_HINT = 'Each ignore needs both keys: { import = "a.b -> a.c", reason = "why" }.'
