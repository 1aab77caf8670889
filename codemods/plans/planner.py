"""`unknot plan`: propose the steps that take a layer to its gates, each computed on the layer
as the steps before it left it.

Pipeline, on a workbench (the layer's import graph in memory, `virtual.VirtualBench`, or a
scratch copy the steps really run in, `ScratchBench`): imports to cut -> tier-1
moves -> splits of oversized modules -> unused shims. Each phase asks for the layer's facts
afresh after every step it keeps, so no step names what an earlier one moved away; a step that
fails, makes a gated figure worse, or was meant to cut an import and cuts none is undone and
left out (and said so); each kept step expects the figures measured after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from codemods.engine.names import is_within
from codemods.plans.checks import check_order
from codemods.plans.cuts import cut_steps, make_step
from codemods.plans.facts import LayerFacts, ModuleFact
from codemods.plans.model import FIGURE_KEYS, Plan, PlanTarget, Step
from codemods.plans.outline import outline
from codemods.plans.plan_file import default_tag
from codemods.plans.ports import Survey
from codemods.plans.results import Status, StepRecord
from codemods.plans.scratch import Accept, Scratch
from codemods.plans.splits import part_name, split_module

__all__ = ["ScratchBench", "Workbench", "propose"]

# The figures a proposed step expects, besides the cycles of each gated kind.
_EXPECTED = ("imports_to_cut", "modules", "modules_over_limit")
# No layer needs more tries than this; a bound keeps a planner bug from looping for ever.
_MAX_TRIES = 200


class Workbench(Protocol):
    """Where the planner tries its steps: the layer's facts as the kept steps left it, and a
    step run there (undone again when `accept` gives a reason against it)."""

    def facts(self) -> LayerFacts: ...

    def attempt(self, number: int, step: Step, accept: Accept) -> StepRecord: ...


@dataclass
class ScratchBench:
    """The workbench of a scratch copy, its facts read by `survey`."""

    scratch: Scratch
    survey: Survey

    def facts(self) -> LayerFacts:
        return self.survey.facts(self.scratch.path, self.scratch.target)

    def attempt(self, number: int, step: Step, accept: Accept) -> StepRecord:
        return self.scratch.attempt(number, step, accept)


@dataclass
class _Proposal:
    bench: Workbench
    first: LayerFacts
    kept: list[StepRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tries: int = 0

    def attempt(self, step: Step, *, cutting: bool = False) -> bool:
        """Try `step`; True when it is kept."""
        self.tries += 1
        tags = {r.step.tag for r in self.kept}
        tag, count = default_tag(step), 1
        while tag in tags:
            count += 1
            tag = f"{default_tag(step)}-{count}"
        tagged = Step(step.op, step.args, tag, step.message, step.why, step.expect)
        record = self.bench.attempt(
            len(self.kept) + 1, tagged, lambda r: _rejection(r, cutting=cutting)
        )
        if record.status is Status.PREDICTED:
            self.kept.append(record)
            return True
        self.notes.append(f"left out `{tagged.title}`: {record.error or 'not run'}")
        return False

    @property
    def exhausted(self) -> bool:
        return self.tries >= _MAX_TRIES


def propose(bench: Workbench) -> Plan:
    """A plan for the layer on `bench`, every step tried there in order."""
    proposal = _Proposal(bench, bench.facts())
    target = proposal.first.target
    for phase in (_cuts, _tier_one_moves, _splits, _shims):
        phase(proposal)
    steps = tuple(_expecting(r, target) for r in proposal.kept)
    check_order(steps)  # holds by construction: each step was computed after the ones before
    return Plan(target, steps, notes=tuple(dict.fromkeys(proposal.notes)))


def _rejection(record: StepRecord, *, cutting: bool) -> str:
    """Why the scratch run rules a step out ("" when it does not): it failed, a check failed,
    or it was meant to cut an import and the imports to cut did not go down."""
    if record.status is Status.FAILED:
        return record.error or "failed"
    failed = [f"{c.name}: {c.detail}" for c in record.checks if not c.passed]
    if failed:
        return "; ".join(failed)
    before, after = record.before, record.after
    if not cutting or before is None or after is None:
        return ""
    if after.get("imports_to_cut") >= before.get("imports_to_cut"):
        return f"the imports to cut stay at {after.get('imports_to_cut')}"
    return ""


def _expecting(record: StepRecord, target: PlanTarget) -> Step:
    """The step with the figures its scratch run measured after it as its expectations."""
    step, after = record.step, record.after
    keys = [f"cycles.{kind}" for kind, _ in target.max_cycles] + list(_EXPECTED)
    expect = tuple((k, after.get(k)) for k in FIGURE_KEYS if k in keys) if after else ()
    return Step(step.op, step.args, step.tag, step.message, step.why, expect)


def _repeat(
    proposal: _Proposal,
    next_step: Callable[[LayerFacts, set[str]], Step | None],
    *,
    cutting: bool = False,
) -> None:
    """Ask `next_step` for a step on the layer as it is now, try it, and again until it has
    none: `seen` holds what it already proposed, so nothing is tried twice. Steps `cutting`
    an import must lower the imports to cut to be kept."""
    seen: set[str] = set()
    while not proposal.exhausted:
        step = next_step(proposal.bench.facts(), seen)
        if step is None:
            return
        proposal.attempt(step, cutting=cutting)


def _cuts(proposal: _Proposal) -> None:
    def next_cut(facts: LayerFacts, seen: set[str]) -> Step | None:
        for cut in facts.cuts:
            for step in cut_steps(facts, cut, typing_ready=True, notes=proposal.notes):
                if step.command not in seen:
                    seen.add(step.command)
                    return step
        return None

    _repeat(proposal, next_cut, cutting=True)


def _tier_one_moves(proposal: _Proposal) -> None:
    """The layer's tier-1 candidates as the user's analysis lists them (not the modules the
    cuts made or freed), each moved out when it still imports nothing from the layer."""
    listed = {m.name for m in proposal.first.modules if m.tier == 1}

    def next_move(facts: LayerFacts, seen: set[str]) -> Step | None:
        package = facts.target.package
        for module in sorted(facts.modules):
            destination = _destination(module, package)
            if module.name in seen or module.name not in listed or destination is None:
                continue
            if module.tier != 1:  # a cut made it import the layer: it stays
                continue
            seen.add(module.name)
            if module.lines > _limit(facts.target, module):  # it is split instead: moved
                continue  # out whole, it would take the problem along
            refusal = _unmovable(module, destination)
            if refusal:
                proposal.notes.append(f"{module.name} stays (tier 1): {refusal}")
                continue
            why = f"tier 1: imports nothing from {package}, so it can leave the layer"
            return make_step("move", why, old=module.name, new=destination)
        return None

    _repeat(proposal, next_move)


def _unmovable(module: ModuleFact, destination: str) -> str:
    """Why `module` cannot move to `destination` as it is ("" when it can): a name Python
    cannot import, a destination that exists already, or code that reads its own file's
    place (`__file__`: the paths it builds would change)."""
    if not all(part.isidentifier() for part in module.name.split(".")):
        return "its name is not one Python can import"
    depth = module.name.count(".") + (1 if module.is_package else 0)
    if depth >= len(module.file.parents):
        return ""
    target = module.file.parents[depth].joinpath(*destination.split("."))
    if target.with_suffix(".py").exists() or target.is_dir():
        return f"{destination} exists already; move it by hand to a name of your choice"
    code = outline(module.file)
    if code and any(s.place - {"__name__"} for s in code.statements):
        return "its code reads where its file is (`__file__`), which a move changes"
    return ""


def _limit(target: PlanTarget, module: ModuleFact) -> int:
    """The module's line limit: its allowance, else the target's."""
    return dict(target.allow_module_lines).get(module.name, target.max_module_lines)


def _destination(module: ModuleFact, package: str) -> str | None:
    """The analyzer's suggestion, else beside the layer (a module with no neighbours outside
    it); None for the layer's own packages."""
    if module.is_package:
        return None
    if module.destination and not is_within(module.destination, package):
        return module.destination
    parent = package.rpartition(".")[0]
    return f"{parent}.{module.name.rpartition('.')[2]}" if parent else None


def _splits(proposal: _Proposal) -> None:
    """Each module over its limit split into the parts `split_module` finds in its code, one
    step a part, until it fits, no part is left, or a part is left out (the parts after it
    may use what it holds)."""
    pending: dict[str, list[tuple[str, ...]]] = {}
    last: dict[str, set[str]] = {}  # the symbols of the part last tried, by module
    planned = {m.name for m in proposal.first.modules}

    def next_part(facts: LayerFacts, seen: set[str]) -> Step | None:
        taken = {m.name for m in facts.modules}
        for module in sorted(facts.modules):
            limit = _limit(facts.target, module)
            if module.lines <= limit or module.is_package or module.name in seen:
                continue
            if module.name not in planned:  # a part this plan made: it was made to fit
                continue
            if module.name not in pending:
                pending[module.name] = split_module(module.file, limit=limit)
            gone = {
                symbol
                for record in proposal.kept
                if record.step.op == "move-symbol"
                for symbol in record.step.texts("symbols")
            }
            parts = pending[module.name]
            tried = last.get(module.name)
            if tried and not tried <= gone:  # left out: the parts after it may use it
                parts.clear()
            names: tuple[str, ...] = ()
            while parts and not names:  # a part less what earlier steps moved away
                names = tuple(n for n in parts.pop(0) if f"{module.name}:{n}" not in gone)
            if not names:
                seen.add(module.name)
                continue
            last[module.name] = {f"{module.name}:{n}" for n in names}
            dest = part_name(module.name, module.file, names, taken=taken)
            why = f"{module.name} has {module.lines} lines, over {limit}: {', '.join(names)}"
            symbols = tuple(f"{module.name}:{n}" for n in names)
            return make_step("move-symbol", why, symbols=symbols, dest=dest)
        return None

    _repeat(proposal, next_part)


def _shims(proposal: _Proposal) -> None:
    def next_shim(facts: LayerFacts, seen: set[str]) -> Step | None:
        for shim in sorted(facts.shims):
            if not shim.importers and shim.module not in seen:
                seen.add(shim.module)
                why = "a re-export shim that nothing imports any more"
                return make_step("remove-shim", why, module=shim.module)
        return None

    _repeat(proposal, next_shim)
