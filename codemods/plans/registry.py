"""The step registry: each operation a plan may name, its arguments, and the codemod it runs.

`move`, `remove-shim` and `move-symbol` call the codemods of this package. `extract-protocol`
and `typing-import` call `codemods.protocols` and `codemods.typing_imports` by name: until
those codemods are installed, such a step fails with `op-unavailable` before anything changes.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codemods.engine.outcome import Outcome
from codemods.engine.ports import CycleFinder
from codemods.move.plan import MoveRequest
from codemods.move.service import move_module
from codemods.plans.errors import OpUnavailable
from codemods.plans.model import Step
from codemods.shims.remove_shim import ShimRequest, remove_shim_module
from codemods.symbols.service import SymbolRequest, move_symbols

__all__ = ["OPS", "OpSpec", "RunOptions", "check_available", "run_step"]


@dataclass(frozen=True)
class RunOptions:
    """How a step runs: written or not, on a dirty tree or not, with a cycle check or not."""

    apply: bool = False
    allow_dirty: bool = False
    cycle_finder: CycleFinder | None = None


Runner = Callable[[Path, Step, RunOptions], Outcome]


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
    module: str = ""  # the codemod package a late-bound operation needs


def _move(root: Path, step: Step, options: RunOptions) -> Outcome:
    request = MoveRequest(root, step.text("old"), step.text("new"), shim=step.arg("shim") is True)
    return move_module(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )


def _remove_shim(root: Path, step: Step, options: RunOptions) -> Outcome:
    request = ShimRequest(root, step.text("module"))
    return remove_shim_module(request, apply=options.apply, allow_dirty=options.allow_dirty)


def _move_symbol(root: Path, step: Step, options: RunOptions) -> Outcome:
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


def _late(module: str, op: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise OpUnavailable(
            f"The operation '{op}' needs the codemod package '{module}', which this build of "
            "unknot does not have.",
            hint=f"Remove or replace the '{op}' steps, or upgrade unknot; nothing was changed.",
        ) from error


def _extract_protocol(root: Path, step: Step, options: RunOptions) -> Outcome:
    protocols = _late("codemods.protocols", step.op)
    request = protocols.ProtocolRequest(
        root,
        step.text("target"),
        step.text("into"),
        name=step.text("name") or None,
        dependents=step.texts("dependents"),
    )
    outcome: Outcome = protocols.extract_protocol(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )
    return outcome


def _typing_import(root: Path, step: Step, options: RunOptions) -> Outcome:
    typing_imports = _late("codemods.typing_imports", step.op)
    request = typing_imports.TypingImportRequest(
        root, step.text("module"), step.text("imported"), defer=step.arg("defer") is True
    )
    outcome: Outcome = typing_imports.typing_import(
        request,
        apply=options.apply,
        allow_dirty=options.allow_dirty,
        cycle_finder=options.cycle_finder,
    )
    return outcome


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
            module="codemods.protocols",
        ),
        OpSpec(
            "typing-import",
            ("module", "imported"),
            ("defer",),
            frozenset(),
            frozenset({"defer"}),
            _typing_import,
            'op = "typing-import", module = "pkg.a", imported = "pkg.b"',
            module="codemods.typing_imports",
        ),
    )
}


def check_available(steps: tuple[Step, ...]) -> None:
    """Raise `op-unavailable` for the first step whose codemod is not installed."""
    for number, step in enumerate(steps, start=1):
        module = OPS[step.op].module
        if module and importlib.util.find_spec(module) is None:
            raise OpUnavailable(
                f"Step {number} ({step.op}) needs the codemod package '{module}', which this "
                "build of unknot does not have.",
                hint=f"Remove or replace the '{step.op}' steps, or upgrade unknot; "
                "nothing was changed.",
            )


def run_step(root: Path, step: Step, options: RunOptions) -> Outcome:
    """Run `step`'s codemod on the repository at `root`."""
    return OPS[step.op].run(root, step, options)
