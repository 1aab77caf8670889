"""`unknot codemod extract-protocol` on the seed's 7-module cycle, as a whole process.

The sample package tests/assets/protocol_cycle (a bot class whose six services import its
module back for their constructor annotations) is copied into a fresh git work tree for each
run; the CLI extracts the protocol with `--apply --with-test`, the analyzer's cycle check
included. Prints the median wall time of 5 runs of the whole process, and the same in process
(no interpreter start-up, no imports).
"""

from __future__ import annotations

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


def _cli(root: Path) -> float:
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
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _in_process(root: Path) -> float:
    from unknot.commands.codemod import _AnalyzerCycles

    request = ProtocolRequest(root, TARGET, DEST, name="IBotRuntime", with_test=True)
    start = time.perf_counter()
    extract_protocol(request, apply=True, cycle_finder=_AnalyzerCycles())
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="unknot-bench-") as tmp:
        scratch = Path(tmp)
        cli = [_cli(copy_asset(scratch / f"cli{i}")) for i in range(RUNS)]
        inside = [_in_process(copy_asset(scratch / f"in{i}")) for i in range(RUNS)]
    print(f"medians of {RUNS} runs, --apply --with-test, cycle check by the analyzer")
    print(f"{'extract-protocol, 7-module cycle, CLI process':<48} {statistics.median(cli):6.2f} s")
    print(
        f"{'extract-protocol, 7-module cycle, in process':<48} {statistics.median(inside):6.2f} s"
    )


if __name__ == "__main__":
    main()
