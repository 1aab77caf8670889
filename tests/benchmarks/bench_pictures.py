"""How fast the pictures render, and how a 500-module layer is laid out.

Prints: the time to draw Django's largest cycle in each format (Mermaid, DOT, HTML in-process;
SVG including Graphviz's layout), the whole `unknot graph django --cycles-only` process, and for
a generated 500-module layer the HTML layout's rows, widest row and page size. Writes the pages
to `.bench/` so that a person can open them.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 5
BIN = Path(sys.executable).parent
OUT = Path(__file__).parents[2] / ".bench"


def _median(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _largest_cycle_view(analysis):  # type: ignore[no-untyped-def]
    from reports.pictures.view import GraphView

    largest = max(analysis.cycles, key=lambda c: len(c.modules))
    keep = set(largest.modules)
    view = GraphView.of(analysis, cycles_only=True)
    return dataclasses.replace(
        view,
        nodes=tuple(n for n in view.nodes if n.name in keep),
        edges=tuple(e for e in view.edges if e.importer in keep and e.imported in keep),
        cycles=(largest.modules,),
    ), len(largest.modules)


def _django() -> None:
    from reports.pictures import dot, html, mermaid, svg
    from unknot.wiring import run_analysis

    spec = importlib.util.find_spec("django")
    if spec is None or spec.origin is None:
        print("django is not installed: run `nox -s bench`")
        return
    root = Path(spec.origin).parent.parent
    analysis = run_analysis("django", cwd=Path(tempfile.gettempdir()), root=root, no_cache=True)
    view, size = _largest_cycle_view(analysis)
    print(
        f"Django: {len(analysis.modules)} modules; largest cycle {size} modules, "
        f"{len(view.edges)} imports inside it"
    )
    for name, render in (("mermaid", mermaid.render), ("dot", dot.render)):
        print(f"  {name:8s} {_median(lambda r=render: r(view)) * 1000:8.1f} ms (median of {RUNS})")
    page = html.render(analysis, view)
    print(
        f"  html     {_median(lambda: html.render(analysis, view)) * 1000:8.1f} ms "
        f"({len(page) / 1024:.0f} KiB)"
    )
    if shutil.which("dot"):
        print(
            f"  svg      {_median(lambda: svg.render(view), runs=3) * 1000:8.1f} ms "
            "(Graphviz layout included, median of 3)"
        )
    else:
        print("  svg      skipped: Graphviz `dot` is not installed")
    OUT.mkdir(exist_ok=True)
    (OUT / "django-largest-cycle.html").write_text(page, encoding="utf-8")
    command = [
        str(BIN / "unknot"),
        "graph",
        "django",
        "--root",
        str(root),
        "--cycles-only",
        "--format",
        "html",
        "-o",
        str(OUT / "django-cycles.html"),
        "--quiet",
    ]
    seconds = _median(lambda: subprocess.run(command, check=True, capture_output=True), runs=3)
    print(f"  whole `unknot graph django --cycles-only -f html` process: {seconds:.2f} s")


def _generate(root: Path, modules: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    package = root / "layer"
    names = [f"layer.pkg{n % 20:02}.mod{n:03}" for n in range(modules)]
    for name in names:
        path = root / Path(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        targets = rng.sample(names, 3)
        lines = [f"import {t}" for t in targets if t != name]
        path.write_text("\n".join(lines) + "\n" + "x = 1\n" * rng.randint(5, 400))
    (package / "__init__.py").touch()


def _five_hundred() -> None:
    from reports.pictures import html
    from reports.pictures.layout import MAX_PER_ROW, layout
    from reports.pictures.view import GraphView
    from unknot.wiring import run_analysis

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        _generate(root, 500)
        analysis = run_analysis("layer", cwd=root, root=root, no_cache=True)
    for collapse in (None, 1):
        view = GraphView.of(analysis, collapse=collapse)
        boxes, width, height = layout(view)
        rows = len({box.y for box in boxes})
        seconds = _median(lambda v=view: html.render(analysis, v))
        label = "modules" if collapse is None else f"--collapse {collapse}"
        print(
            f"500-module layer, {label}: {len(view.nodes)} nodes, {len(view.edges)} edges; "
            f"{rows} rows of at most {MAX_PER_ROW}, {width}x{height} px; "
            f"html in {seconds * 1000:.0f} ms"
        )
        OUT.mkdir(exist_ok=True)
        suffix = "modules" if collapse is None else "collapsed"
        (OUT / f"layer500-{suffix}.html").write_text(html.render(analysis, view), "utf-8")


def main() -> None:
    _django()
    _five_hundred()


if __name__ == "__main__":
    main()
