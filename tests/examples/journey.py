"""The seed's journey on `examples/tangled_bot`, as a newcomer takes it: every command run for
real in a fresh git copy of the example, its output written into `docs/tutorial.md`.

    python -m tests.examples.journey            # exit 1 when docs/tutorial.md is not current
    python -m tests.examples.journey --write    # write it

Output is made deterministic: the copy's path reads `~/tangled_bot`, durations and commit
hashes are masked, the terminal is 100 columns wide, and git dates are fixed.
`tests/examples/test_journey.py` runs it once and checks both the journey and the file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["EXAMPLE", "PLAN", "SEED_DESTINATIONS", "TUTORIAL", "Journey", "Run", "take"]

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "tangled_bot"
PLAN = "plans/orchestration.toml"
TUTORIAL = REPO / "docs" / "tutorial.md"
# The only edits between `unknot plan`'s output and the committed plan: the seed's names for
# the four tier-1 modules (the analyzer suggests a place beside the layer).
SEED_DESTINATIONS = {
    "bot_v2.account_telemetry": "bot_v2.monitoring.telemetry.account_snapshot",
    "bot_v2.equity_calculator": "bot_v2.features.live_trade.equity.calculator",
    "bot_v2.market_monitor": "bot_v2.features.market_data.monitoring.activity_monitor",
    "bot_v2.market_data_service": "bot_v2.features.market_data.service",
}
TESTS = "python -m pytest -q"
MYPY = "python -m mypy --strict src tests"
_CACHES = (".unknot_cache", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache")
_DATE = "2025-10-05T09:00:00+00:00"


@dataclass(frozen=True)
class Run:
    """One command: as shown, its exit code, its output (normalised) and how long it took."""

    command: str
    returncode: int
    output: str
    seconds: float


@dataclass
class Journey:
    """The copy the journey runs in, and every run by name."""

    repo: Path
    runs: dict[str, Run] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        names = {"GIT_AUTHOR_NAME": "Newcomer", "GIT_COMMITTER_NAME": "Newcomer"}
        mails = {"GIT_AUTHOR_EMAIL": "newcomer@example.com"}
        mails["GIT_COMMITTER_EMAIL"] = mails["GIT_AUTHOR_EMAIL"]
        dates = {"GIT_AUTHOR_DATE": _DATE, "GIT_COMMITTER_DATE": _DATE}
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
        return {
            **clean,
            **names,
            **mails,
            **dates,
            "PATH": path,
            "COLUMNS": "100",
            "NO_COLOR": "1",
            "TERM": "dumb",
            "PYTHONHASHSEED": "0",
        }

    def run(self, name: str, command: str) -> Run:
        """`command` through the shell in the copy, stdout and stderr together."""
        started = time.perf_counter()
        done = subprocess.run(
            command,
            shell=True,
            cwd=self.repo,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=900,
            check=False,
        )
        seconds = time.perf_counter() - started
        run = Run(command, done.returncode, self.normalise(done.stdout), seconds)
        self.runs[name] = run
        return run

    def normalise(self, text: str) -> str:
        text = text.replace(str(self.repo.parent), "~")
        text = re.sub(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b", "<sha>", text)
        # a hash of digits only: at the start of `git log --oneline`, or in brackets
        text = re.sub(r"(?m)^[0-9]{7,40}\b|(?<=\()[0-9]{7,40}(?=\))", "<sha>", text)
        text = re.sub(r"\bin \d+(\.\d+)?s\b", "in <time>", text)
        return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def copy_example(workdir: Path) -> Path:
    """The example as its own git repository, one commit: the state the seed team began from."""
    repo = workdir / "tangled_bot"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns(*_CACHES))
    return repo


def take(workdir: Path) -> Journey:
    """Run the whole journey in a copy under `workdir`."""
    journey = Journey(copy_example(workdir))
    run = journey.run
    run("init", "git init -q -b main && git add -A && git commit -qm 'The tangled bot'")
    run("tests-before", TESTS)
    run("analyze-before", "unknot analyze orchestration")
    run("json-before", "unknot analyze orchestration --format json")
    run("graph-before", "unknot graph orchestration --format mermaid")
    run("plan", "unknot plan orchestration -o plan.toml")
    run("plan-text", "cat plan.toml")
    run("plan-edits", f"diff plan.toml {PLAN}")
    run("rm-plan", "rm plan.toml")
    run("simulate", f"unknot migrate {PLAN} --simulate")
    verify = f"--verify '{TESTS}' --verify '{MYPY}'"
    run("apply", f"unknot migrate {PLAN} --apply {verify} --report ../migration.md")
    run("report", "cat ../migration.md")
    run("log", "git log --oneline")
    run("diff", 'unknot diff orchestration --against "$(git rev-list --max-parents=0 HEAD)"')
    run("analyze-after", "unknot analyze orchestration")
    run("json-after", "unknot analyze orchestration --format json")
    run("graph-after", "unknot graph orchestration --format mermaid")
    run("tests-after", TESTS)
    run("mypy-after", MYPY)
    run("sizes-after", "find src -name '*.py' | xargs wc -l | sort -n | tail -4")
    return journey


def main(argv: list[str]) -> int:
    from tests.examples.tutorial import render

    with tempfile.TemporaryDirectory(prefix="unknot-journey-") as workdir:
        journey = take(Path(workdir))
        text = render(journey)
    for name, run in journey.runs.items():
        print(f"{name}: exit {run.returncode}, {run.seconds:.1f} s", file=sys.stderr)
    if "--write" in argv:
        TUTORIAL.write_text(text, encoding="utf-8")
        print(f"Wrote {TUTORIAL.relative_to(REPO)}.")
        return 0
    current = TUTORIAL.is_file() and TUTORIAL.read_text(encoding="utf-8") == text
    print("docs/tutorial.md is current." if current else "docs/tutorial.md is out of date.")
    return 0 if current else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
