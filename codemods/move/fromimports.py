"""The move codemod's `from` imports: respelled for NEW, relative where they were and can stay
so, and split when only some of their names move (mixed into `MoveModuleCodemod`)."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.names import Rename, relative_spelling, resolve_relative
from codemods.engine.syntax import dotted_expression, end_like

__all__ = ["ImportRespelling"]


class ImportRespelling(cst.CSTTransformer):
    """Spelling `from` imports of NEW; the codemod provides the file's packages."""

    rename: Rename
    _pending: list[cst.BaseSmallStatement]

    @property
    def _old_package(self) -> str:
        raise NotImplementedError

    @property
    def _home(self) -> str:
        raise NotImplementedError

    def _absolute_base(self, node: cst.ImportFrom) -> str | None:
        module = get_full_name_for_node(node.module) if node.module is not None else None
        if not node.relative:
            return module
        return resolve_relative(self._old_package, len(node.relative), module)

    def _respell(self, node: cst.ImportFrom, target: str) -> cst.ImportFrom:
        """`node` importing from `target`, relative if it was and still can be."""
        spelling = relative_spelling(self._home, target) if node.relative else None
        if spelling is None:
            new = node.with_changes(relative=(), module=dotted_expression(target))
        else:
            level, module = spelling
            dots = [cst.Dot() for _ in range(level)]
            new = node.with_changes(
                relative=dots, module=dotted_expression(module) if module else None
            )
        if new.deep_equals(node):
            return node
        if node.module is None and new.module is not None:
            new = new.with_changes(whitespace_after_from=cst.SimpleWhitespace(" "))
        return new

    def _split(
        self, node: cst.ImportFrom, moving: Sequence[tuple[cst.ImportAlias, bool]]
    ) -> cst.BaseSmallStatement:
        """`node` without the names that import OLD; each of those gets an import of NEW (with
        `True`, under NEW's own name rather than the one it had)."""
        names = node.names
        assert not isinstance(names, cst.ImportStar)
        leaving = [alias for alias, _ in moving]
        staying = [a for a in names if a not in leaving]
        if not staying and len(moving) == 1:
            return self._import_of_new(moving[0][0], like=node, plain=moving[0][1])
        if staying and names[-1] in leaving:
            staying[-1] = end_like(staying[-1], names[-1], parenthesized=bool(node.lpar))
        self._pending.extend(
            self._import_of_new(alias, like=node, plain=plain) for alias, plain in moving
        )
        if not staying:
            return cst.RemovalSentinel.REMOVE  # type: ignore[return-value]
        return node.with_changes(names=staying)

    def _import_of_new(
        self, alias: cst.ImportAlias, *, like: cst.ImportFrom, plain: bool
    ) -> cst.BaseSmallStatement:
        """An import that binds the same local name as `alias` (with `plain`, NEW's own name,
        its uses being renamed), but to NEW."""
        parent, _, leaf = self.rename.new.rpartition(".")
        bound = leaf if plain else str(alias.evaluated_alias or alias.evaluated_name)
        asname = None if bound == leaf else cst.AsName(name=cst.Name(bound))
        if bound == leaf and alias.evaluated_name == bound and alias.asname is not None:
            asname = cst.AsName(name=cst.Name(bound))  # `X as X`: an explicit re-export stays one
        if not parent:
            return cst.Import(names=[cst.ImportAlias(name=cst.Name(leaf), asname=asname)])
        new_alias = alias.with_changes(name=cst.Name(leaf), asname=asname)
        if alias in like.names:  # type: ignore[operator]
            new_alias = new_alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)
            if len(like.names) > 1:  # type: ignore[arg-type]
                new_alias = cst.ImportAlias(name=cst.Name(leaf), asname=asname)
        base = like.with_changes(names=[new_alias], lpar=None, rpar=None)
        if len(like.names) == 1:  # type: ignore[arg-type]
            base = like.with_changes(names=[new_alias])
        return self._respell(base, parent)
