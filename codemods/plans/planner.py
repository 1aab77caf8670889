"""`unknot plan`: propose the steps that take a layer to its gates, checked by running them.

Pipeline: the layer's facts -> candidate steps (imports to cut, tier-1 moves, splits of
oversized modules, unused shims) -> one run of the plan in a scratch copy, where a step that
fails, makes a gated figure worse, or was meant to cut an import and cuts none is undone and
left out (and said so) -> each kept step's expected figures, as measured in that run.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator

from codemods.engine.names import is_within
from codemods.plans.facts import CutFact, LayerFacts, ModuleFact
from codemods.plans.model import FIGURE_KEYS, Plan, PlanTarget, Step
from codemods.plans.plan_file import default_tag
from codemods.plans.results import Migration, Status, StepRecord
from codemods.plans.simulate import Accept
from codemods.plans.splits import split_module
from codemods.plans.usage import read_usage
from codemods.symbols.definitions import DEFINITION_KINDS, read_module

__all__ = ["propose"]

_FEW = 5
# The figures a proposed step expects, besides the cycles of each gated kind.
_EXPECTED = ("imports_to_cut", "modules", "modules_over_limit")
# Runs a plan in a scratch copy, leaving out (and undoing) the steps `Accept` gives a reason
# against.
Predict = Callable[[Plan, Accept], Migration]


def propose(facts: LayerFacts, *, predict: Predict) -> Plan:
    """A plan for the layer of `facts`; `predict` runs a plan in a scratch copy."""
    notes: list[str] = []
    cuts = _unique_tags(list(_cut_steps(facts, notes)))
    others = [*_tier_one_moves(facts), *_splits(facts), *_shims(facts)]
    steps = cuts + _unique_tags(others, taken={s.tag for s in cuts})
    plan = Plan(facts.target, tuple(steps), notes=tuple(notes))
    cutting = {s.tag for s in cuts}
    run = predict(plan, lambda record: _rejection(record, cutting=cutting))
    kept = [r for r in run.records if r.status is Status.PREDICTED]
    for record in run.records:
        if record.status is Status.LEFT_OUT:
            notes.append(f"left out `{record.step.title}`: {record.error}")
        elif record.status is not Status.PREDICTED:
            notes.append(f"left out `{record.step.title}`: {record.error or 'not run'}")
    return Plan(facts.target, tuple(_expecting(r, facts.target) for r in kept), notes=tuple(notes))


def _rejection(record: StepRecord, *, cutting: set[str]) -> str:
    """Why the scratch run rules a step out ("" when it does not): it failed, a check failed,
    or it was meant to cut an import and the imports to cut did not go down."""
    if record.status is Status.FAILED:
        return record.error or "failed"
    failed = [f"{c.name}: {c.detail}" for c in record.checks if not c.passed]
    if failed:
        return "; ".join(failed)
    before, after = record.before, record.after
    if record.step.tag not in cutting or before is None or after is None:
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


def _step(op: str, why: str, **args: object) -> Step:
    return Step(op, tuple(args.items()), why=why)


def _unique_tags(steps: list[Step], *, taken: set[str] | None = None) -> list[Step]:
    seen: set[str] = set(taken or ())
    tagged = []
    for step in steps:
        tag, count = default_tag(step), 1
        while tag in seen:
            count += 1
            tag = f"{default_tag(step)}-{count}"
        seen.add(tag)
        tagged.append(Step(step.op, step.args, tag, step.message, step.why, step.expect))
    return tagged


def _cut_steps(facts: LayerFacts, notes: list[str]) -> Iterator[Step]:
    """The cheapest step that removes each import to cut: typing-import, move-symbol of the
    few names into a shared module, a move of a tier-1 importer."""
    typing_ready = importlib.util.find_spec("codemods.typing_imports") is not None
    taken: set[str] = set()
    for cut in facts.cuts:
        step = _cut_step(facts, cut, typing_ready=typing_ready, taken=taken, notes=notes)
        if step is not None:
            yield step


def _cut_step(
    facts: LayerFacts, cut: CutFact, *, typing_ready: bool, taken: set[str], notes: list[str]
) -> Step | None:
    importer, imported = facts.module(cut.importer), facts.module(cut.imported)
    edge = f"{cut.importer} -> {cut.imported}"
    if importer is None or imported is None:
        return None
    usage = read_usage(
        importer.file, cut.imported, importer=importer.name, is_package=importer.is_package
    )
    if usage.annotations_only and typing_ready:
        why = f"cuts {edge}: its names are used only in annotations"
        return _step("typing-import", why, module=cut.importer, imported=cut.imported)
    if usage.annotations_only:
        notes.append(f"{edge} is used only in annotations: typing-import would cut it")
    reverse = _reverse_typing_import(cut, imported, importer) if typing_ready else None
    if reverse is not None:
        return reverse
    names = _movable(imported, usage.names)
    if names and not names & taken:
        taken.update(names)
        symbols = tuple(f"{cut.imported}:{n}" for n in sorted(names))
        dest = f"{facts.target.package}.shared.{cut.imported.rpartition('.')[2]}"
        why = f"cuts {edge}: {', '.join(sorted(names))} do not depend on the rest of their module"
        return _step("move-symbol", why, symbols=symbols, dest=dest)
    if importer.tier == 1 and importer.destination:
        why = f"cuts {edge}: tier 1, moves out of the layer"
        return _step("move", why, old=importer.name, new=importer.destination)
    notes.append(f"no cheap cut for {edge}: consider extract-protocol or a hand-made step")
    return None


def _reverse_typing_import(cut: CutFact, imported: ModuleFact, importer: ModuleFact) -> Step | None:
    """For a pair that imports each other (`a <-> b`), the other side's import when that one
    is used only in annotations: cutting it breaks the same pair (the seed's services typing
    their constructor against the bot that builds them)."""
    usage = read_usage(
        imported.file, cut.importer, importer=imported.name, is_package=imported.is_package
    )
    if not usage.annotations_only:
        return None
    why = (
        f"cuts {cut.imported} <-> {cut.importer} from the other side: "
        f"{cut.imported} uses {cut.importer} only in annotations"
    )
    return _step("typing-import", why, module=cut.imported, imported=cut.importer)


def _movable(module: ModuleFact, names: frozenset[str] | None) -> frozenset[str]:
    """`names` when they are few definitions of `module` that use none of its public names."""
    if not names or len(names) > _FEW or module.is_package:
        return frozenset()
    import libcst as cst

    try:
        found = read_module(cst.parse_module(module.file.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
        return frozenset()
    by_name = {n: s for s in found.statements if s.kind in DEFINITION_KINDS for n in s.names}
    if not names <= set(by_name):
        return frozenset()
    closure: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name in closure or name not in by_name:
            continue
        closure.add(name)
        stack.extend(by_name[name].uses)
    if any(not n.startswith("_") for n in closure - names):
        return frozenset()
    return frozenset(names)


def _tier_one_moves(facts: LayerFacts) -> Iterator[Step]:
    package = facts.target.package
    for module in sorted(facts.modules):
        destination = module.destination
        if module.tier == 1 and destination and not is_within(destination, package):
            why = (
                f"tier 1: imports nothing from {package}; its neighbours live in "
                + (destination.rpartition(".")[0])
            )
            yield _step("move", why, old=module.name, new=destination)


def _splits(facts: LayerFacts) -> Iterator[Step]:
    limit = facts.target.max_module_lines
    for module in sorted(facts.modules):
        if module.lines <= limit or module.is_package:
            continue
        for number, names in enumerate(split_module(module.file, limit=limit), start=2):
            why = f"{module.name} has {module.lines} lines, over {limit}: part {number - 1}"
            symbols = tuple(f"{module.name}:{n}" for n in names)
            yield _step("move-symbol", why, symbols=symbols, dest=f"{module.name}_{number}")


def _shims(facts: LayerFacts) -> Iterator[Step]:
    for shim in sorted(facts.shims):
        if not shim.importers:
            why = "a re-export shim that nothing imports any more"
            yield _step("remove-shim", why, module=shim.module)
