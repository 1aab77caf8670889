"""The move codemod as the runner runs it: a picklable spec, and `run_move`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from codemods.engine.context import FileContext
from codemods.engine.import_order import ImportOrder
from codemods.engine.names import Rename
from codemods.engine.runner import FileCodemod, FileJob, FileResult, prefilter, run_codemod
from codemods.move.codemod import MoveModuleCodemod

__all__ = ["MoveSpec", "run_move"]


@dataclass(frozen=True)
class MoveSpec:
    """Run `MoveModuleCodemod` for `rename` (picklable, for worker processes)."""

    rename: Rename
    keep_chains: bool = False
    order: ImportOrder | None = None
    names: bool = True  # collect the names used through OLD (a shim re-exports them)

    def wants(self, data: bytes) -> bool:
        return prefilter(data, self.rename.old)

    def make(self, context: FileContext) -> FileCodemod:
        return MoveModuleCodemod(
            context, self.rename, keep_chains=self.keep_chains, order=self.order, names=self.names
        )


def run_move(
    jobs: Iterable[FileJob],
    rename: Rename,
    *,
    workers: int | None = None,
    keep_chains: bool = False,
    order: ImportOrder | None = None,
    names: bool = True,
) -> list[FileResult]:
    """Run the move codemod over `jobs`: one result per job, in the same order; with `names`,
    each result carries the names its file uses through OLD."""
    return run_codemod(jobs, MoveSpec(rename, keep_chains, order, names), workers=workers)
