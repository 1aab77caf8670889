"""`unknot analyze` speed and cut quality, as whole processes, against lint-imports and grimp.

Prints medians of several runs on Django and SymPy (installed from PyPI by `nox -s bench`),
each as wall and CPU (user + sys) seconds, with unknot installed from a wheel built from this
tree (as a user gets it: compiled bytecode, nothing recompiled per run) next to the editable
install of the current environment; the package-level cut sizes next to grimp's
`nominate_cycle_breakers`; the cut computation alone (parent packages' implicit edges in); and
the scaling curve on generated packages of 1,000 / 5,000 / 20,000 modules.
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

RUNS = 5
BIN = Path(sys.executable).parent
REPO = Path(__file__).parents[2]


def _run(command: list[str], *, cwd: Path) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _median_seconds(command: list[str], *, cwd: Path, runs: int = RUNS, before=None) -> str:  # type: ignore[no-untyped-def]
    """'WALL s (CPU s CPU)', medians of `runs`."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        wall, cpu = _run(command, cwd=cwd)
        walls.append(wall)
        cpus.append(cpu)
    return f"{statistics.median(walls):.3f} s ({statistics.median(cpus):.3f} CPU)"


def _wheel_bin(work: Path) -> Path:
    """The scripts folder of a virtual environment holding unknot from a wheel of this tree
    (its dependencies come from the current environment)."""
    wheels, venv = work / "wheel", work / "venv"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(REPO)], check=True)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bin_ = venv / "bin"
    # The dependencies: the current environment's folders, after the new one's own (plain
    # paths, so the editable install's import hook there is not loaded).
    own = subprocess.run(
        [str(bin_ / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    parents = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})
    Path(own, "dependencies.pth").write_text("".join(f"{p}\n" for p in parents))
    wheel = next(wheels.glob("unknot-*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--target", own, str(wheel)], check=True)
    launcher = bin_ / "unknot"  # what the wheel's console script does, on the new interpreter
    launcher.write_text(f"#!{bin_ / 'python'}\nfrom unknot.cli import run\nrun()\n")
    launcher.chmod(0o755)
    where = subprocess.run(
        [str(bin_ / "python"), "-c", "import analyzer; print(analyzer.__file__)"],
        cwd=venv,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not where.startswith(str(venv)):
        raise SystemExit(f"the wheel's unknot is shadowed by {where}")
    return bin_


def _site_root(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{package} is not installed: run `nox -s bench`")
    return Path(spec.origin).parent.parent


def _compare_with_lint_imports(package: str, work: Path, wheel_bin: Path) -> None:
    root = _site_root(package)
    config = work / f"{package}.ini"
    config.write_text(
        f"[importlinter]\nroot_package = {package}\n\n"
        "[importlinter:contract:acyclic]\nname = acyclic\ntype = acyclic_siblings\n"
        f"ancestors = {package}\n"
    )
    figures = {}
    for label, bin_ in (("wheel", wheel_bin), ("editable", BIN)):
        cwd = work / label
        cwd.mkdir(exist_ok=True)
        cache = cwd / ".unknot_cache"
        unknot = [str(bin_ / "unknot"), "analyze", package, "--root", str(root), "--format", "json"]
        cold = _median_seconds(
            unknot, cwd=cwd, before=lambda cache=cache: shutil.rmtree(cache, ignore_errors=True)
        )
        subprocess.run(unknot, cwd=cwd, stdout=subprocess.DEVNULL, check=False)
        figures[label] = (cold, _median_seconds(unknot, cwd=cwd))
    lint = [str(BIN / "lint-imports"), "--config", str(config), "--no-cache"]
    linter = _median_seconds(lint, cwd=work)
    # The floor of any tool built on grimp: a process that only builds grimp's graph.
    build = f"import grimp; grimp.build_graph({package!r}, cache_dir=None)"
    grimp_alone = _median_seconds([sys.executable, "-c", build], cwd=work)
    (cold, warm), (editable_cold, editable_warm) = figures["wheel"], figures["editable"]
    print(
        f"{package:8s} unknot (wheel) cold {cold} | warm {warm}\n"
        f"{'':8s} lint-imports acyclic_siblings {linter} | grimp.build_graph alone {grimp_alone}\n"
        f"{'':8s} unknot (editable install) cold {editable_cold} | warm {editable_warm}"
    )


def _cut_quality(package: str) -> None:
    import grimp

    from analyzer.adapters.grimp_source import GrimpSource, build_grimp_graph
    from analyzer.cycles import find_cycles
    from analyzer.packages import collapse_edges
    from analyzer.parents import import_edges

    root = _site_root(package)
    scanned = GrimpSource(root).scan(package)
    names = [m.name for m in scanned.modules]
    edges = import_edges(scanned.sites, set(names))
    start = time.perf_counter()
    find_cycles(names, edges)
    nodes, collapsed = collapse_edges(names, edges, package=package)
    package_cycles = find_cycles(nodes, collapsed, gate_kind=None, by_module_pairs=True)
    seconds = time.perf_counter() - start
    ours = sum(
        len({(s.importer, s.imported) for s in c.sites})
        for cycle in package_cycles
        for c in cycle.cuts
    )
    graph: grimp.ImportGraph = build_grimp_graph(root, package)
    theirs_edges = graph.nominate_cycle_breakers(package)
    theirs = sum(
        len(graph.find_matching_direct_imports(import_expression=f"{a} -> {b}")) or 1
        for a, b in theirs_edges
    )
    largest = max((len(c.modules) for c in package_cycles), default=0)
    print(
        f"{package:8s} package-level cut: {ours} module imports ({len(package_cycles)} cycle(s), "
        f"largest {largest} packages, exact={all(c.exact for c in package_cycles)}) | "
        f"grimp nominate_cycle_breakers: {theirs} | all cuts computed in {seconds * 1000:.0f} ms"
    )


def _generate(root: Path, modules: int, seed: int = 7) -> str:
    """A package `gen` of `modules` modules in packages of 50, each importing ~4 others."""
    rng = random.Random(seed)
    package = root / "gen"
    names = [f"gen.p{i // 50:03d}.m{i % 50:02d}" for i in range(modules)]
    for i, name in enumerate(names):
        path = root.joinpath(*name.split(".")).with_suffix(".py")
        if not path.parent.exists():
            path.parent.mkdir(parents=True)
            (path.parent / "__init__.py").write_text("")
        targets = {names[max(0, i - rng.randint(1, 200))] for _ in range(3)}
        if rng.random() < 0.05:  # an occasional import upward closes a cycle
            targets.add(names[min(modules - 1, i + rng.randint(1, 60))])
        lines = [f"import {t}" for t in sorted(targets - {name})]
        lines += [
            "",
            "",
            "def work():",
            "    from gen import p000  # deferred",
            "    return p000",
            "",
        ]
        path.write_text("\n".join(lines))
    (package / "__init__.py").write_text("")
    return "gen"


def _scaling(work: Path, wheel_bin: Path) -> None:
    print("scaling on generated packages (unknot from the wheel, whole process, median of 3):")
    previous = None
    for size in (1_000, 5_000, 20_000):
        root = work / f"gen{size}"
        package = _generate(root, size)
        os.sync()  # the disk writes of generating must not run during the timed runs
        command = [
            str(wheel_bin / "unknot"),
            "analyze",
            package,
            "--root",
            str(root),
            "-f",
            "json",
            "--no-cache",
        ]
        cold = _median_seconds(command, cwd=root, runs=3)
        subprocess.run(command[:-1], cwd=root, stdout=subprocess.DEVNULL, check=False)
        warm = _median_seconds(command[:-1], cwd=root, runs=3)
        seconds = float(cold.split()[0])
        growth = (
            f" | x{seconds / previous[1]:.1f} time for x{size / previous[0]:.0f} modules"
            if previous
            else ""
        )
        print(f"  {size:6,d} modules: cold {cold}, warm {warm}{growth}")
        previous = (size, seconds)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        wheel_bin = _wheel_bin(work)
        for package in ("django", "sympy"):
            _compare_with_lint_imports(package, work, wheel_bin)
        for package in ("django", "sympy"):
            _cut_quality(package)
        _scaling(work, wheel_bin)


if __name__ == "__main__":
    main()
