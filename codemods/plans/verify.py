"""A step's verification: its expected figures, the target's gates as the analyzer judges them
(no gate may start failing, nor a failing one get worse), and the user's verify commands run
through the shell in the repository root."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from codemods.plans.errors import PlanError
from codemods.plans.model import FIGURE_KEYS, Figures, Step, gate_figure

__all__ = ["Check", "check_commands_exist", "check_figures", "run_commands"]

_SHELL_WORDS = frozenset(
    {"!", "[", "cd", "test", "true", "false", "echo", "exit", "export", "set", "env", "command"}
)


@dataclass(frozen=True)
class Check:
    """One verification and its verdict; `log` holds what a failing command printed."""

    name: str
    passed: bool
    detail: str = ""
    log: str = ""


def check_commands_exist(commands: tuple[str, ...], cwd: Path) -> None:
    """Raise `verify-command-not-found` for a command whose program is not on PATH (or, for a
    path such as `./check.sh`, not in `cwd`, where the commands run)."""
    for command in commands:
        try:
            words = shlex.split(command)
        except ValueError as error:
            raise PlanError(
                f"The verify command {command!r} cannot be parsed: {error}.",
                hint="Quote it as the shell would.",
                code="bad-verify-command",
            ) from error
        words = [w for w in words if "=" not in w or w.startswith(("-", "/"))] or [""]
        program = words[0]
        if program and program not in _SHELL_WORDS and not _runnable(program, cwd):
            raise PlanError(
                f"The verify command {command!r} runs '{program}', which is not on PATH.",
                hint="Install it, or fix the command in --verify or [tool.unknot.verify].",
                code="verify-command-not-found",
            )


def _runnable(program: str, cwd: Path) -> bool:
    if "/" in program:
        path = Path(program) if Path(program).is_absolute() else cwd / program
        return path.is_file() and os.access(path, os.X_OK)
    return shutil.which(program) is not None


# Figures where fewer is better: a step that does better than expected passes.
_AT_MOST = frozenset(
    {"cycles", "imports_to_cut", "modules_over_limit"} | {k for k in FIGURE_KEYS if "." in k}
)


def check_figures(step: Step, before: Figures, after: Figures) -> list[Check]:
    """The step's expectations, then the gates: the analyzer's verdict after the step (with
    every gate setting of the target) may fail a gate only if it failed before the step, and
    with a figure no worse. A plan may start from a failing layer; no step may add to it."""
    checks = []
    wrong = [
        f"{key} = {after.get(key)}, expected {'at most ' if key in _AT_MOST else ''}{value}"
        for key, value in step.expect
        if (after.get(key) > value if key in _AT_MOST else after.get(key) != value)
    ]
    if step.expect:
        checks.append(Check("expected figures", not wrong, "; ".join(wrong)))
    worse = [
        f"{key} {before.get(key)} -> {after.get(key)} ({gate} "
        + ("fails now)" if gate not in before.failed_gates else "worse)")
        for gate, key in ((g, gate_figure(g)) for g in after.failed_gates)
        if gate not in before.failed_gates or after.get(key) > before.get(key)
    ]
    checks.append(Check("gates (none failing anew or worse)", not worse, "; ".join(worse)))
    return checks


def run_commands(commands: tuple[str, ...], cwd: Path) -> list[Check]:
    """Each command through the shell in `cwd`, in order, until one fails."""
    checks = []
    for command in commands:
        out = subprocess.run(
            command, shell=True, cwd=cwd, capture_output=True, text=True, check=False
        )
        passed = out.returncode == 0
        detail = "" if passed else f"exit {out.returncode}"
        checks.append(Check(f"`{command}`", passed, detail, out.stdout + out.stderr))
        if not passed:
            break
    return checks
