"""The step registry: each operation a plan may name, its arguments, and the codemod it runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from codemods.plans.model import Step

if TYPE_CHECKING:
    from codemods.engine.outcome import Outcome
    from codemods.engine.ports import CycleFinder

__all__ = ["OPS", "OpSpec", "RunOptions", "run_step"]


@dataclass(frozen=True)
class RunOptions:
    """How a step runs: written or not, on a dirty tree or not, with a cycle check or not."""

    apply: bool = False
    allow_dirty: bool = False
    cycle_finder: CycleFinder | None = None


Runner = Callable[[Path, Step, RunOptions], "Outcome"]


@dataclass(frozen=True)
class OpSpec:
    """An operation: its required and optional arguments (which of them are lists of names
    or flags), the codemod it runs, and an example step for hints."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    lists: frozenset[str]
    flags: frozenset[str]
    run: Runner
    example: str


# Each runner imports its codemod when a step runs: reading, checking or proposing a plan
# needs none of them (nor libcst).


def _move(root: Path, step: Step, options: RunOptions) -> Outcome:
    from codemods.move.plan import MoveRequest
    from codemods.move.service import move_module

    request = MoveRequest(root, step.text("old"), step.text("new"), shim=step.arg("shim") is True)
    return move_module(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )


def _remove_shim(root: Path, step: Step, options: RunOptions) -> Outcome:
    from codemods.shims.remove_shim import ShimRequest, remove_shim_module

    request = ShimRequest(root, step.text("module"))
    return remove_shim_module(request, apply=options.apply, allow_dirty=options.allow_dirty)


def _move_symbol(root: Path, step: Step, options: RunOptions) -> Outcome:
    from codemods.symbols.service import SymbolRequest, move_symbols

    request = SymbolRequest(
        root,
        step.texts("symbols"),
        step.text("dest"),
        with_names=step.texts("with"),
        shim=step.arg("shim") is True,
    )
    return move_symbols(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )


def _extract_protocol(root: Path, step: Step, options: RunOptions) -> Outcome:
    from codemods.protocols import ProtocolRequest, extract_protocol

    request = ProtocolRequest(
        root,
        step.text("target"),
        step.text("into"),
        name=step.text("name") or None,
        dependents=step.texts("dependents"),
    )
    return extract_protocol(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )


def _typing_import(root: Path, step: Step, options: RunOptions) -> Outcome:
    from codemods.typing_imports import TypingImportRequest, typing_import

    request = TypingImportRequest(
        root, step.text("module"), step.text("imported"), defer=step.arg("defer") is True
    )
    return typing_import(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )


OPS: dict[str, OpSpec] = {
    spec.name: spec
    for spec in (
        OpSpec(
            "move",
            ("old", "new"),
            ("shim",),
            frozenset(),
            frozenset({"shim"}),
            _move,
            'op = "move", old = "pkg.layer.mod", new = "pkg.features.mod"',
        ),
        OpSpec(
            "remove-shim",
            ("module",),
            (),
            frozenset(),
            frozenset(),
            _remove_shim,
            'op = "remove-shim", module = "pkg.layer.old_name"',
        ),
        OpSpec(
            "move-symbol",
            ("symbols", "dest"),
            ("with", "shim"),
            frozenset({"symbols", "with"}),
            frozenset({"shim"}),
            _move_symbol,
            'op = "move-symbol", symbols = ["pkg.mod:Name"], dest = "pkg.shared.mod"',
        ),
        OpSpec(
            "extract-protocol",
            ("target", "into"),
            ("name", "dependents"),
            frozenset({"dependents"}),
            frozenset(),
            _extract_protocol,
            'op = "extract-protocol", target = "pkg.bot:Bot", into = "pkg.core.interfaces"',
        ),
        OpSpec(
            "typing-import",
            ("module", "imported"),
            ("defer",),
            frozenset(),
            frozenset({"defer"}),
            _typing_import,
            'op = "typing-import", module = "pkg.a", imported = "pkg.b"',
        ),
    )
}


def run_step(root: Path, step: Step, options: RunOptions) -> Outcome:
    """Run `step`'s codemod on the repository at `root`."""
    return OPS[step.op].run(root, step, options)
