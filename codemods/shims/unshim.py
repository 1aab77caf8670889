"""The remove-shim codemod: point each importer of a re-export shim at the real homes.

`from shim import a, b` becomes one import per real home (`from pkg.x import a`,
`from pkg.y import b`) where the statement was; `shim.a` in code after `import shim` becomes
`pkg.x.a` with `import pkg.x` added next to the shim's import; dotted strings (`mock.patch`
targets and the like) follow. An import of the shim that is no longer used goes away.
"""

from __future__ import annotations

import libcst as cst
from libcst.codemod import VisitorBasedCodemodCommand
from libcst.helpers import get_full_name_for_node
from libcst.metadata import QualifiedNameProvider, QualifiedNameSource

from codemods.engine.context import FileContext, codemod_context
from codemods.engine.names import DOTTED_REF, relative_spelling, resolve_relative
from codemods.engine.runner import FileRefused, NothingToReport
from codemods.engine.syntax import dotted_expression, end_like

__all__ = ["MissingNames", "RemoveShimCodemod"]


class MissingNames(FileRefused):
    """Importers use names the shim does not provide."""

    code = "shim-name-missing"

    def __init__(self, names: set[str]) -> None:
        super().__init__(f"uses {', '.join(sorted(names))} which the shim does not provide")
        self.names = names


class RemoveShimCodemod(NothingToReport, VisitorBasedCodemodCommand):
    """Rewrite every use of the shim `shim` to the real home of each name (`homes`)."""

    DESCRIPTION = "Point importers of a re-export shim at the real home of each name."
    METADATA_DEPENDENCIES = (QualifiedNameProvider,)

    def __init__(self, context: FileContext, shim: str, homes: dict[str, tuple[str, str]]) -> None:
        super().__init__(codemod_context(context))
        self.shim = shim
        self.homes = homes
        self.prepare(context)

    def prepare(
        self, context: FileContext, *, new_package: str | None = None, source: str | None = None
    ) -> None:
        """Make this instance ready for another file (building one costs more than a parse)."""
        self.context = codemod_context(context)
        self.imports_rewritten = 0
        self.strings_rewritten = 0
        self._pending: list[cst.BaseSmallStatement] = []
        self._chain_homes: set[str] = set()
        self._shim_bindings: set[str] = set()
        self._import_depth = 0
        self._keep_home: str | None = None

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        self._keep_home = self._single_home(tree)
        return tree.visit(self)

    def _single_home(self, tree: cst.Module) -> str | None:
        """The one real home of every `shim.X` the code uses, when X keeps its name there and
        every import of the shim binds a name of its own: such imports are simply re-pointed
        (`import shim as s` -> `import home as s`) and the code is left alone."""
        used: set[str] = set()
        plain: list[bool] = []  # imports of the shim that bind no name of their own
        codemod = self

        class Uses(cst.CSTVisitor):
            def visit_Attribute(self, node: cst.Attribute) -> None:
                for qname in codemod.get_metadata(QualifiedNameProvider, node, set()):
                    head, _, name = qname.name.rpartition(".")
                    if qname.source is QualifiedNameSource.IMPORT and head == codemod.shim:
                        used.add(name)

            def visit_Import(self, node: cst.Import) -> bool:
                plain.extend(
                    True
                    for a in node.names
                    if a.asname is None and get_full_name_for_node(a.name) == codemod.shim
                )
                return False

        tree.visit(Uses())
        homes = {self.homes.get(name) for name in used}
        if plain or len(homes) != 1:
            return None
        (home,) = homes
        if home is None or any(self.homes[name][1] != name for name in used):
            return None
        return home[0]

    def _home(self, name: str) -> tuple[str, str]:
        if name not in self.homes:
            raise MissingNames({name})
        return self.homes[name]

    def visit_Import(self, node: cst.Import) -> None:
        self._import_depth += 1
        for alias in node.names:
            if get_full_name_for_node(alias.name) == self.shim:
                self._shim_bindings.add(str(alias.evaluated_alias or self.shim.split(".")[0]))

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        self._import_depth -= 1
        if self._keep_home is None:
            return updated_node
        names = [
            a.with_changes(name=dotted_expression(self._keep_home))
            if get_full_name_for_node(a.name) == self.shim
            else a
            for a in updated_node.names
        ]
        if all(new is old for new, old in zip(names, updated_node.names, strict=True)):
            return updated_node
        self.imports_rewritten += 1
        return updated_node.with_changes(names=names)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self._import_depth += 1

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.BaseSmallStatement | cst.RemovalSentinel:
        self._import_depth -= 1
        module = get_full_name_for_node(updated_node.module) if updated_node.module else None
        base = module
        if updated_node.relative:
            package = self.context.full_package_name or ""
            base = resolve_relative(package, len(updated_node.relative), module)
        if base != self.shim or isinstance(updated_node.names, cst.ImportStar):
            if base and not isinstance(updated_node.names, cst.ImportStar):
                for alias in updated_node.names:
                    if f"{base}.{alias.evaluated_name}" == self.shim:
                        self._shim_bindings.add(str(alias.evaluated_alias or alias.evaluated_name))
                        if self._keep_home is not None and len(updated_node.names) == 1:
                            return self._repoint(updated_node, alias, self._keep_home)
            return updated_node
        self.imports_rewritten += 1
        by_home: dict[str, list[cst.ImportAlias]] = {}
        for alias in updated_node.names:
            home, real = self._home(str(alias.evaluated_name))
            bound = str(alias.evaluated_alias or alias.evaluated_name)
            asname = None if bound == real else cst.AsName(name=cst.Name(bound))
            new_alias = alias.with_changes(name=cst.Name(real), asname=asname)
            by_home.setdefault(home, []).append(new_alias)
        statements = [
            self._from_import(updated_node, home, aliases) for home, aliases in by_home.items()
        ]
        self._pending.extend(statements[1:])
        return statements[0]

    def _repoint(self, node: cst.ImportFrom, alias: cst.ImportAlias, home: str) -> cst.ImportFrom:
        """`from parent import shim [as s]` -> `from home_parent import home_leaf as s`."""
        self.imports_rewritten += 1
        parent, _, leaf = home.rpartition(".")
        bound = str(alias.evaluated_alias or alias.evaluated_name)
        asname = None if bound == leaf else cst.AsName(name=cst.Name(bound))
        new_alias = alias.with_changes(name=cst.Name(leaf), asname=asname)
        return self._from_import(node, parent, [new_alias])

    def _from_import(
        self, like: cst.ImportFrom, home: str, aliases: list[cst.ImportAlias]
    ) -> cst.ImportFrom:
        assert not isinstance(like.names, cst.ImportStar)
        last = end_like(aliases[-1], like.names[-1], parenthesized=bool(like.lpar))
        aliases = [*aliases[:-1], last]
        spelling = relative_spelling(self.context.full_package_name or "", home)
        if not like.relative or spelling is None:
            return like.with_changes(relative=(), module=dotted_expression(home), names=aliases)
        level, module = spelling
        return like.with_changes(
            relative=[cst.Dot() for _ in range(level)],
            module=dotted_expression(module) if module else None,
            names=aliases,
        )

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        if not self._pending:
            return updated_node
        extra = [cst.SimpleStatementLine(body=[s]) for s in self._pending]
        self._pending = []
        return cst.FlattenSentinel([updated_node, *extra])

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        if self._import_depth or self._keep_home is not None:
            return updated_node
        for qname in self.get_metadata(QualifiedNameProvider, original_node, set()):
            head, _, name = qname.name.rpartition(".")
            if qname.source is QualifiedNameSource.IMPORT and head == self.shim:
                home, real = self._home(name)
                self._chain_homes.add(home)
                return dotted_expression(f"{home}.{real}")
        return updated_node

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        value = updated_node.evaluated_value
        if not isinstance(value, str) or value != updated_node.raw_value:
            return updated_node
        if not DOTTED_REF.fullmatch(value):
            return updated_node
        head, sep, tail = value.partition(":")
        if sep and head == self.shim:
            remainder = tail
        elif not sep and head.startswith(self.shim + "."):
            remainder = head[len(self.shim) + 1 :]
        else:
            return updated_node
        name, dot, rest = remainder.partition(".")
        home, real = self._home(name)
        new = f"{home}{sep or '.'}{real}{dot}{rest}"
        self.strings_rewritten += 1
        quote = updated_node.quote
        return updated_node.with_changes(value=f"{updated_node.prefix}{quote}{new}{quote}")

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._shim_bindings or self._keep_home is not None:
            return updated_node
        self.imports_rewritten += 1
        homes = sorted(self._chain_homes)
        package = self.context.full_package_name or ""
        return updated_node.visit(_ReplaceShimImport(self.shim, homes, package))


class _ReplaceShimImport(cst.CSTTransformer):
    """Drop every import of the shim module itself; the first gives way to `import home`s."""

    def __init__(self, shim: str, homes: list[str], package: str) -> None:
        self.shim, self.homes, self.package, self.done = shim, homes, package, False

    def _is_shim_alias(self, alias: cst.ImportAlias, base: str | None) -> bool:
        full = get_full_name_for_node(alias.name) or ""
        return (f"{base}.{full}" if base else full) == self.shim

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        body: list[cst.BaseSmallStatement] = []
        touched = False
        for small in updated_node.body:
            base = None
            if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                base = get_full_name_for_node(small.module) if small.module else None
                if small.relative:
                    base = resolve_relative(self.package, len(small.relative), base)
            if isinstance(small, cst.Import | cst.ImportFrom) and not isinstance(
                small.names, cst.ImportStar
            ):
                keep = [a for a in small.names if not self._is_shim_alias(a, base)]
                if len(keep) != len(small.names):
                    touched = True
                    if keep:
                        keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                        body.append(small.with_changes(names=keep))
                    continue
            body.append(small)
        if not touched:
            return updated_node
        lines: list[cst.BaseStatement] = []
        if body:
            lines.append(updated_node.with_changes(body=body))
        if not self.done:
            self.done = True
            lines += [
                cst.SimpleStatementLine(
                    body=[cst.Import(names=[cst.ImportAlias(name=dotted_expression(h))])]
                )
                for h in self.homes
            ]
        if not lines:
            return cst.RemovalSentinel.REMOVE
        lines[0] = lines[0].with_changes(leading_lines=updated_node.leading_lines)
        return cst.FlattenSentinel(lines)
