"""Checks of a plan before it runs: no step names what an earlier step moved away, or a module
that neither the repository has nor an earlier step makes, and no two steps share a tag."""

from __future__ import annotations

from codemods.engine.layout import Layout
from codemods.engine.names import is_within
from codemods.plans.errors import PlanError
from codemods.plans.model import Step

__all__ = ["check_modules_exist", "check_order"]


def _reads(step: Step) -> list[str]:
    """The modules (and `MODULE:NAME` symbols) a step needs to exist."""
    if step.op == "move":
        return [step.text("old")]
    if step.op == "remove-shim":
        return [step.text("module")]
    if step.op == "move-symbol":
        symbols = step.texts("symbols")
        return [s.partition(":")[0] for s in symbols] + list(symbols)
    if step.op == "extract-protocol":
        return [step.text("target").partition(":")[0], step.text("target")]
    if step.op == "typing-import":
        return [step.text("module"), step.text("imported")]
    return []


def _removes(step: Step) -> list[tuple[str, str]]:
    """What a step takes away, each with where it went."""
    if step.op == "move":
        return [(step.text("old"), step.text("new"))]
    if step.op == "remove-shim":
        return [(step.text("module"), "nowhere (deleted)")]
    if step.op == "move-symbol":
        dest = step.text("dest")
        return [(s, f"{dest}:{s.partition(':')[2]}") for s in step.texts("symbols")]
    return []


def _gone_by(name: str, gone: dict[str, tuple[int, str]]) -> tuple[str, int, str] | None:
    if name in gone:
        return (name, *gone[name])
    if ":" in name:
        return None
    for old, (number, new) in gone.items():
        if ":" not in old and is_within(name, old):
            return (old, number, new)
    return None


def check_order(steps: tuple[Step, ...]) -> None:
    """Raise `moved-away` for a step naming a module an earlier step moved or deleted, and
    `duplicate-tag` for two steps with one tag."""
    gone: dict[str, tuple[int, str]] = {}
    tags: dict[str, int] = {}
    for number, step in enumerate(steps, start=1):
        if step.tag in tags:
            raise PlanError(
                f"Steps {tags[step.tag]} and {number} share the tag '{step.tag}'.",
                hint="Give each step its own tag (or none, for a default one).",
                code="duplicate-tag",
            )
        tags[step.tag] = number
        for name in _reads(step):
            found = _gone_by(name, gone)
            if found is not None:
                old, earlier, new = found
                raise PlanError(
                    f"Step {number} ({step.op}) names '{name}', which step {earlier} moved "
                    f"away ('{old}' -> {new}).",
                    hint=f"Name it by its new place, or put step {number} before step {earlier}.",
                    code="moved-away",
                )
        for name, new in _removes(step):
            gone[name] = (number, f"'{new}'" if not new.startswith("nowhere") else new)
        for made in _makes(step):  # a move back (NEW -> OLD) brings OLD back
            for name in [n for n in gone if n == made or _inside(n, made)]:
                del gone[name]


def _inside(name: str, module: str) -> bool:
    return ":" not in name and ":" not in module and is_within(name, module)


def _makes(step: Step) -> list[str]:
    """The modules (and `MODULE:NAME` symbols) a step brings into being."""
    if step.op == "move":
        return [step.text("new")]
    if step.op == "move-symbol":
        dest = step.text("dest")
        return [dest, *(f"{dest}:{s.partition(':')[2]}" for s in step.texts("symbols"))]
    if step.op == "extract-protocol":
        return [step.text("into")]
    return []


def check_modules_exist(
    steps: tuple[Step, ...], layout: Layout, *, done: frozenset[str] = frozenset()
) -> None:
    """Raise `module-not-found` (close names suggested) for a step still to run (its tag not
    in `done`) naming a module that is not under the repository's import roots and that no
    earlier step still to run makes."""
    made: list[str] = []
    for number, step in enumerate(steps, start=1):
        if step.tag in done:
            continue
        for name in _reads(step):
            if ":" in name or any(is_within(name, new) for new in made):
                continue
            if layout.locate(name) is None:
                raise PlanError(
                    f"Step {number} ({step.op}) names the module '{name}', which is not in "
                    "the repository, and no earlier step makes it.",
                    hint=layout.not_found(name).hint,
                    code="module-not-found",
                )
        made += _makes(step)
