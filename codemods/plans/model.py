"""A migration plan as data: where it runs, the gates it plans for, and its ordered steps."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "CYCLE_KINDS",
    "FIGURE_KEYS",
    "Figures",
    "IgnoredImport",
    "Plan",
    "PlanTarget",
    "Step",
    "gate_figure",
]

# The figures a step can expect, in the order reports show them.
FIGURE_KEYS = (
    "cycles",
    "cycles.import-time",
    "cycles.deferred",
    "cycles.dynamic",
    "cycles.lazy",
    "cycles.typing",
    "imports_to_cut",
    "modules",
    "lines",
    "modules_over_limit",
)

# The import kinds a gate can count cycles of, weakest last.
CYCLE_KINDS = ("import-time", "deferred", "dynamic", "lazy", "typing")


def gate_figure(gate: str) -> str:
    """The figure an analyzer gate judges: `max-cycles.KIND` -> `cycles.KIND`,
    `max-module-lines` -> `modules_over_limit`."""
    if gate.startswith("max-cycles."):
        return "cycles." + gate.removeprefix("max-cycles.")
    return "modules_over_limit" if gate == "max-module-lines" else gate


@dataclass(frozen=True, order=True)
class IgnoredImport:
    """An import the target's gates leave out (`ignore` in its configuration), with why."""

    importer: str
    imported: str
    reason: str


@dataclass(frozen=True)
class PlanTarget:
    """The layer a plan works on: the target's name, its package, the source root (relative
    to the repository) and the gates it plans for, as `[tool.unknot.targets.NAME]` sets them:
    the line limit and per-module allowances, the cycles allowed per kind, ignored imports."""

    name: str
    package: str
    root: str = "."
    max_module_lines: int = 300
    max_cycles: tuple[tuple[str, int], ...] = (("import-time", 0),)
    allow_module_lines: tuple[tuple[str, int], ...] = ()
    ignores: tuple[IgnoredImport, ...] = ()


@dataclass(frozen=True)
class Step:
    """One codemod run: `op`, its arguments, and how to record and check it."""

    op: str
    args: tuple[tuple[str, object], ...]
    tag: str = ""
    message: str = ""
    why: str = ""
    expect: tuple[tuple[str, int], ...] = ()

    def arg(self, name: str, default: object = None) -> object:
        return dict(self.args).get(name, default)

    def text(self, name: str) -> str:
        value = self.arg(name, "")
        return value if isinstance(value, str) else ""

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.arg(name, ())
        if isinstance(value, str):
            return (value,)
        return (
            tuple(v for v in value if isinstance(v, str)) if isinstance(value, list | tuple) else ()
        )

    @property
    def title(self) -> str:
        """`move a.b c.d`: the operation and its main arguments, for logs, tables and commit
        subjects; a long list shows its first names and how many more."""
        return " ".join([self.op, *_shown(self, most=_SHOWN)])

    @property
    def command(self) -> str:
        """The operation and every argument."""
        return " ".join([self.op, *_shown(self, most=None)])


_SHOWN = 3  # names of a list argument a title shows


def _shown(step: Step, *, most: int | None) -> list[str]:
    shown: list[str] = []
    for name, value in step.args:
        if value is True:
            shown.append(f"--{name}")
        elif isinstance(value, str):
            shown.append(value)
        elif isinstance(value, list | tuple):
            names = [str(v) for v in value]
            if most is not None and len(names) > most:
                names = [*names[: most - 1], f"(and {len(names) - most + 1} more)"]
            shown.extend(names)
    return shown


@dataclass(frozen=True)
class Plan:
    """An ordered list of steps for one target. `source` is the file it was read from."""

    target: PlanTarget
    steps: tuple[Step, ...]
    source: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figures:
    """The analyzer's headline figures of the layer at one point of a migration."""

    values: Mapping[str, int] = field(default_factory=dict)
    failed_gates: tuple[str, ...] = ()

    def get(self, key: str) -> int:
        return self.values.get(key, 0)

    @property
    def passed(self) -> bool:
        return not self.failed_gates

    def line(self) -> str:
        """`modules=10 lines=800 ...`: every figure, in the reports' order."""
        return " ".join(f"{key}={self.get(key)}" for key in FIGURE_KEYS)

    @classmethod
    def parse(cls, text: str) -> Figures:
        values = {}
        for pair in text.split():
            key, _, value = pair.partition("=")
            if key in FIGURE_KEYS and value.isdigit():
                values[key] = int(value)
        return cls(values)
