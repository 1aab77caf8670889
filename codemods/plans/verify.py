"""A step's verification: its expected figures, the gates (no gated figure may get worse), and
the user's verify commands run through the shell in the repository root."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from codemods.plans.errors import PlanError
from codemods.plans.model import Figures, PlanTarget, Step

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


def check_commands_exist(commands: tuple[str, ...]) -> None:
    """Raise `verify-command-not-found` for a command whose program is not on PATH."""
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
        if program and program not in _SHELL_WORDS and shutil.which(program) is None:
            raise PlanError(
                f"The verify command {command!r} runs '{program}', which is not on PATH.",
                hint="Install it, or fix the command in --verify or [tool.unknot.verify].",
                code="verify-command-not-found",
            )


def check_figures(step: Step, target: PlanTarget, before: Figures, after: Figures) -> list[Check]:
    """The step's expectations, then the gates' figures: none may get worse than before."""
    checks = []
    wrong = [
        f"{key} = {after.get(key)}, expected {value}"
        for key, value in step.expect
        if after.get(key) != value
    ]
    if step.expect:
        checks.append(Check("expected figures", not wrong, "; ".join(wrong)))
    gated = [f"cycles.{kind}" for kind, _ in target.max_cycles] + ["modules_over_limit"]
    worse = [
        f"{key} {before.get(key)} -> {after.get(key)}"
        for key in gated
        if after.get(key) > before.get(key)
    ]
    checks.append(Check("gates (no gated figure worse)", not worse, "; ".join(worse)))
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
