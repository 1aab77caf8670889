"""`unknot codemod move` speed on generated repositories, side by side with rope's MoveModule.

A repository of 5,000 Python files where 500 import the moved module in assorted forms (plain
and aliased imports, from-imports, relative imports from siblings and children, function-level
and TYPE_CHECKING imports, attribute chains, mock.patch strings); rope gets the variant whose
importers use absolute forms only (it fails on `from ..pkg import module`). Also a 100-file
project, whose move should take well under a second. Prints files scanned, parsed and changed,
seconds in process (and for the CLI as a whole process), and the gain from worker processes.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from codemods import MoveRequest, move_module
from codemods.engine.runner import PARALLEL_BYTES, PARALLEL_THRESHOLD

OLD, NEW = "gen.core.pricing", "gen.billing.pricing"  # rope's MoveModule keeps the name

FILLER = '''"""Module {i}: unrelated work."""

import json
import os

VALUE_{i} = {i}


def work_{i}(items: list[int]) -> int:
    total = 0
    for item in items:
        total += item * {i} % 7
    return total + len(os.sep) + len(json.dumps(items))


class Thing{i}:
    def __init__(self) -> None:
        self.name = "thing {i}"
'''

ABSOLUTE_FORMS = [
    "import gen.core.pricing\n\n\ndef use():\n    return gen.core.pricing.price(1)\n",
    "from gen.core.pricing import price, RATE\n\n\ndef use():\n    return price(RATE)\n",
    "from gen.core import pricing\n\n\ndef use():\n    return pricing.price(1)\n",
    "import gen.core.pricing as p\n\n\ndef use():\n    return p.price(1)\n",
]
MIXED_FORMS = [
    *ABSOLUTE_FORMS,
    "from gen.core import (\n    money,  # stays\n    pricing,\n)\n\n\ndef use():\n"
    "    return pricing.price(money.M)\n",
    "def use():\n    from gen.core.pricing import price\n\n    return price(1)\n",
    "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
    "    from gen.core.pricing import price\n",
    'from unittest import mock\n\n\n@mock.patch("gen.core.pricing.RATE", 2)\ndef test_use():\n'
    "    pass\n",
    "import gen.core\n\n\ndef use():\n    return gen.core.pricing.price(1)\n",
]
RELATIVE_SIBLING = "from . import pricing\nfrom .pricing import price\n"
RELATIVE_CHILD = "from .. import pricing\nfrom ..pricing import price as p\n"


def generate(root: Path, *, files: int, importers: int, absolute_only: bool) -> None:
    """A package `gen` of `files` modules, `importers` of which import gen.core.pricing."""
    rng = random.Random(42)

    def write(rel: str, text: str) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    for package in ("gen", "gen/core", "gen/core/sub", "gen/billing"):
        write(f"{package}/__init__.py", "")
    write("gen/core/money.py", "M = 1\n")
    write(
        "gen/core/pricing.py",
        "from . import money\n\nRATE = 2\n\n\ndef price(x):\n    return x * RATE * money.M\n",
    )
    forms = ABSOLUTE_FORMS if absolute_only else MIXED_FORMS
    per_dir = 100
    remaining = files - 6 - -(-files // per_dir)  # minus the fixed files and the __init__s
    chosen = set(rng.sample(range(remaining), importers))
    for i in range(remaining):
        directory = f"gen/p{i // per_dir:03d}"
        if i % per_dir == 0:
            write(f"{directory}/__init__.py", "")
        text = FILLER.format(i=i)
        if i in chosen:
            kind = rng.randrange(len(forms) + (0 if absolute_only else 2))
            if kind == len(forms):
                write(f"gen/core/sib_{i}.py", RELATIVE_SIBLING + text)
                continue
            if kind == len(forms) + 1:
                write(f"gen/core/sub/child_{i}.py", RELATIVE_CHILD + text)
                continue
            text = forms[kind] + "\n\n" + text
        elif i % 10 == 0:
            text += "\n# pricing is mentioned in prose here, and nothing else\n"
        write(f"{directory}/m{i:05d}.py", text)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _fresh(template: Path, scratch: Path, name: str) -> Path:
    target = scratch / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


def _unknot(
    template: Path, scratch: Path, *, workers: int | None, runs: int = 3
) -> tuple[float, dict[str, object]]:
    times, cpu, summary = [], [], {}
    for _ in range(runs):
        root = _fresh(template, scratch, "unknot")
        request = MoveRequest(root, OLD, NEW, workers=workers)
        start, start_cpu = time.perf_counter(), _cpu()
        outcome = move_module(request, apply=True)
        times.append(time.perf_counter() - start)
        cpu.append(_cpu() - start_cpu)
        summary = outcome.summary.as_dict()
    return statistics.median(times), {**summary, "cpu": statistics.median(cpu)}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _rope(template: Path, scratch: Path, runs: int = 3) -> float | str:
    try:
        from rope.base.project import Project
        from rope.refactor.move import MoveModule
    except ImportError:
        return "rope not installed (run `nox -s bench`)"
    times = []
    for _ in range(runs):
        root = _fresh(template, scratch, "rope")
        start, start_cpu = time.perf_counter(), _cpu()
        project = Project(str(root), ropefolder=None)
        mover = MoveModule(project, project.get_resource("gen/core/pricing.py"))
        project.do(mover.get_changes(project.get_folder("gen/billing")))
        project.close()
        times.append(time.perf_counter() - start)
        _ROPE_CPU.append(_cpu() - start_cpu)
    return statistics.median(times)


_ROPE_CPU: list[float] = []


def _cli_seconds(template: Path, scratch: Path) -> float:
    root = _fresh(template, scratch, "cli")
    command = [
        sys.executable,
        "-m",
        "unknot",
        "codemod",
        "move",
        OLD,
        NEW,
        "--root",
        str(root),
        "--apply",
    ]
    return _timed(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL))


def _line(label: str, seconds: float, summary: dict[str, object]) -> None:
    print(
        f"{label:<44} {seconds:6.2f} s (cpu {summary['cpu']:5.2f} s)   scanned "
        f"{summary['files_scanned']}, parsed {summary['files_parsed']}, changed "
        f"{summary['files_changed']}, imports {summary['imports_rewritten']}, "
        f"strings {summary['strings_rewritten']}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="unknot-bench-") as tmp:
        scratch = Path(tmp)
        mixed, absolute, small = scratch / "mixed", scratch / "absolute", scratch / "small"
        generate(mixed, files=5000, importers=500, absolute_only=False)
        generate(absolute, files=5000, importers=500, absolute_only=True)
        generate(small, files=100, importers=10, absolute_only=False)
        print(
            f"workers start at {PARALLEL_THRESHOLD} candidate files or {PARALLEL_BYTES // 1024} KiB"
            " of them; medians of 3 runs, --apply, no git"
        )
        for label, template in (
            ("5,000 files, 500 importers, mixed forms", mixed),
            ("5,000 files, 500 importers, absolute only", absolute),
        ):
            for workers in (1, 2):
                seconds, summary = _unknot(template, scratch, workers=workers)
                _line(f"unknot {label} [{workers} proc]", seconds, summary)
        rope = _rope(absolute, scratch)
        if isinstance(rope, float):
            rope_cpu = statistics.median(_ROPE_CPU)
            print(f"{'rope MoveModule, absolute only':<44} {rope:6.2f} s (cpu {rope_cpu:5.2f} s)")
        else:
            print(f"{'rope MoveModule, absolute only':<44} {rope}")
        seconds, summary = _unknot(small, scratch, workers=None)
        _line("unknot 100 files, 10 importers", seconds, summary)
        print(f"{'unknot CLI process, 100 files':<44} {_cli_seconds(small, scratch):6.2f} s")
        print(
            f"{'unknot CLI process, 5,000 files mixed':<44} {_cli_seconds(mixed, scratch):6.2f} s"
        )


if __name__ == "__main__":
    main()
