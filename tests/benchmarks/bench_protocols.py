"""`unknot codemod extract-protocol` on the seed's 7-module cycle, as a whole process.

The sample package tests/assets/protocol_cycle (a bot class whose six services import its
module back for their constructor annotations) is copied into a fresh git work tree for each
run; the CLI extracts the protocol with `--apply --with-test`, the analyzer's cycle check
included. Prints the median wall time of 5 runs of the whole process, and the same in process
(no interpreter start-up, no imports), with the CPU seconds of each (less sensitive to a
busy machine than wall time).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from codemods.protocols import ProtocolRequest, extract_protocol

TARGET = "perps.orchestration.perps_bot:PerpsBot"
DEST = "perps.orchestration.core.bot_interface"
RUNS = 5
ASSET = Path(__file__).resolve().parents[1] / "assets" / "protocol_cycle"


def copy_asset(destination: Path) -> Path:
    """The sample package (without its conftest.py) in a fresh, committed git work tree."""
    root = destination / "protocol_cycle"
    shutil.copytree(ASSET, root, ignore=shutil.ignore_patterns("conftest.py", "__pycache__"))
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "sample"]):
        subprocess.run(
            ["git", "-c", "user.email=b@example.com", "-c", "user.name=b", *args],
            cwd=root,
            check=True,
        )
    return root


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _cli(root: Path) -> tuple[float, float]:
    command = [
        sys.executable,
        "-m",
        "unknot",
        "codemod",
        "extract-protocol",
        TARGET,
        "--into",
        DEST,
        "--name",
        "IBotRuntime",
        "--with-test",
        "--apply",
        "--root",
        str(root),
    ]
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _cpu() - cpu


def _in_process(root: Path) -> tuple[float, float]:
    from unknot.cycle_finder import AnalyzerCycles

    request = ProtocolRequest(root, TARGET, DEST, name="IBotRuntime", with_test=True)
    start, cpu = time.perf_counter(), _cpu()
    extract_protocol(request, apply=True, cycle_finder=AnalyzerCycles())
    return time.perf_counter() - start, _cpu() - cpu


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="unknot-bench-") as tmp:
        scratch = Path(tmp)
        cli = [_cli(copy_asset(scratch / f"cli{i}")) for i in range(RUNS)]
        inside = [_in_process(copy_asset(scratch / f"in{i}")) for i in range(RUNS)]
    print(f"medians of {RUNS} runs, --apply --with-test, cycle check by the analyzer")
    for label, runs in (("CLI process", cli), ("in process", inside)):
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"extract-protocol, 7-module cycle, {label:<12} {wall:6.2f} s (cpu {cpu:5.2f} s)")


if __name__ == "__main__":
    main()
