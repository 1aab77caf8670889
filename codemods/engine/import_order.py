"""Import blocks that were sorted stay sorted after a codemod rewrote or added imports in them.

A block is a run of import lines with no blank line between them (isort and ruff separate
sections by one). It is sorted again only when it was sorted before the change, by the key
ruff's isort rules use (its defaults, or the project's `force-sort-within-sections` and
`case-sensitive`): a block in some other order is the project's own choice and is left as it is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

__all__ = ["ImportOrder", "keep_sorted", "read_import_order"]


@dataclass(frozen=True)
class ImportOrder:
    """How the project sorts the imports of a block (ruff's isort defaults unless configured)."""

    force_sort_within_sections: bool = False
    case_sensitive: bool = False

    def key(self, line: cst.SimpleStatementLine) -> tuple[Any, ...]:
        """The sort key of an import line, as ruff's isort orders lines within a section."""
        statement = line.body[0]
        if isinstance(statement, cst.Import):
            module, level, member, straight = _name(statement.names[0].name), 0, "", 0
        else:
            assert isinstance(statement, cst.ImportFrom)
            module = _name(statement.module) if statement.module is not None else ""
            level, straight = len(statement.relative), 1
            names = statement.names
            member = "" if isinstance(names, cst.ImportStar) else _name(names[0].name)
        by_module = (-level, self._text(module), self._text(member))
        if self.force_sort_within_sections:
            return (*by_module, straight)
        return (straight, *by_module)

    def _text(self, name: str) -> tuple[Any, ...]:
        natural = tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name) if p)
        if self.case_sensitive:
            return natural
        lowered = tuple(p.lower() if isinstance(p, str) else p for p in natural)
        return (lowered, natural)


def _name(node: cst.BaseExpression) -> str:
    return get_full_name_for_node(node) or ""


def _setting(table: dict[str, Any], name: str) -> Any:
    return table.get(name, table.get(name.replace("-", "_")))


def read_import_order(root: Path) -> ImportOrder:
    """The import order of the project at `root`: ruff's isort settings (`ruff.toml`,
    `.ruff.toml` or pyproject's `[tool.ruff]`), else isort's (`[tool.isort]`), else defaults."""
    tables: list[dict[str, Any]] = []
    for name in ("ruff.toml", ".ruff.toml", "pyproject.toml"):
        try:
            data = tomllib.loads((root / name).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        if name == "pyproject.toml":
            tool = data.get("tool", {})
            ruff = tool.get("ruff", {})
            tables += [ruff.get("lint", {}).get("isort", {}), ruff.get("isort", {})]
            tables.append(tool.get("isort", {}))
        else:
            tables += [data.get("lint", {}).get("isort", {}), data.get("isort", {})]
    for table in tables:
        if not table:
            continue
        force = _setting(table, "force-sort-within-sections")
        if force is None and table.get("profile") == "google":
            force = True
        return ImportOrder(
            force_sort_within_sections=bool(force),
            case_sensitive=bool(_setting(table, "case-sensitive")),
        )
    return ImportOrder()


def _is_import_line(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Import | cst.ImportFrom)
    )


def _blocks(body: Sequence[cst.CSTNode]) -> list[tuple[int, int]]:
    """The (start, end) of every block of import lines."""
    blocks: list[tuple[int, int]] = []
    start = None
    for index, statement in enumerate([*body, None]):
        joins = (
            statement is not None
            and _is_import_line(statement)
            and start is not None
            and not any(
                line.comment is None
                for line in statement.leading_lines  # type: ignore[attr-defined]
            )
        )
        if joins:
            continue
        if start is not None:
            blocks.append((start, index))
        start = index if statement is not None and _is_import_line(statement) else None
    return blocks


def keep_sorted(
    original: Sequence[cst.BaseStatement], updated: Sequence[cst.BaseStatement], order: ImportOrder
) -> Sequence[cst.BaseStatement]:
    """`updated` (a body the codemod changed) with each import block sorted again that was
    sorted in `original`; `updated` itself when no block needs it."""
    before, after = _blocks(original), _blocks(updated)
    if len(before) != len(after) or original is updated:
        return updated
    result: list[cst.BaseStatement] = list(updated)
    for (b_start, b_end), (a_start, a_end) in zip(before, after, strict=True):
        lines = [s for s in original[b_start:b_end] if isinstance(s, cst.SimpleStatementLine)]
        keys = [order.key(line) for line in lines]
        if keys != sorted(keys):
            continue
        block = [s for s in result[a_start:a_end] if isinstance(s, cst.SimpleStatementLine)]
        ordered = sorted(block, key=order.key)
        if ordered == block:
            continue
        first, head = block[0], tuple(block[0].leading_lines)  # the block's header stays first
        fixed: list[cst.BaseStatement] = []
        for index, line in enumerate(ordered):
            own = () if line is first else tuple(line.leading_lines)
            fixed.append(line.with_changes(leading_lines=(*head, *own) if index == 0 else own))
        result[a_start:a_end] = fixed
    return result
