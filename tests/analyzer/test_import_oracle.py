"""The oracle: real imports in fresh interpreters, on 200 generated packages.

Not every import-time cycle fails when run (`import a` forms often survive), so the check goes
one way: every "partially initialized module" failure lies on a reported import-time cycle,
and so no cycle reported as deferred, dynamic or typing ever causes one.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import ImportKind

PACKAGES = 200

# Each importer imports fresh: the package's modules are dropped from sys.modules first.
_DRIVER = """
import importlib, json, re, sys
failures = {}
for package, modules in json.loads(sys.argv[1]).items():
    for module in modules:
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
        try:
            importlib.import_module(module)
        except (ImportError, AttributeError) as error:
            found = re.search(r"partially initialized module '([\\w.]+)'", str(error))
            failures.setdefault(package, []).append([module, found and found.group(1)])
print(json.dumps(failures))
"""


def _statement(rng: random.Random, target: str) -> tuple[str, str]:
    """An import of `target` in one of the forms and kinds the analysis knows (code, where)."""
    form = rng.choice(["from", "from", "import", "typing", "deferred", "dynamic"])
    if form == "from":
        return f"from {target} import NAME as _{target.replace('.', '_')}\n", "top"
    if form == "import":
        return f"import {target}\n", "top"
    if form == "typing":
        return f"if TYPE_CHECKING:\n    from {target} import NAME\n", "top"
    if form == "deferred":
        return f"def _use_{target.replace('.', '_')}():\n    from {target} import NAME\n", "end"
    return f"importlib.import_module({target!r})\n", "top"


def _generate(root: Path, rng: random.Random, package: str) -> list[str]:
    """A package of a few modules and one subpackage, with random imports between them."""
    names = [package, *(f"{package}.m{i}" for i in range(rng.randint(2, 4)))]
    names += [f"{package}.sub", *(f"{package}.sub.s{i}" for i in range(rng.randint(1, 3)))]
    packages = {package, f"{package}.sub"}
    for name in names:
        head = "import importlib\nfrom typing import TYPE_CHECKING\n"
        top, end = [], []
        for target in rng.sample(names, rng.randint(0, 3)):
            if target != name:
                code, where = _statement(rng, target)
                (top if where == "top" else end).append(code)
        path = root / Path(*name.split("."))
        path = path / "__init__.py" if name in packages else path.with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(head + "".join(top) + "NAME = 1\n" + "".join(end))
    return names


def test_every_partially_initialized_failure_is_on_a_reported_import_time_cycle(
    tmp_path: Path,
) -> None:
    rng = random.Random(14)
    generated = {f"gen{i}": _generate(tmp_path, rng, f"gen{i}") for i in range(PACKAGES)}
    run = subprocess.run(
        [sys.executable, "-B", "-c", _DRIVER, json.dumps(generated)],
        check=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    failures = json.loads(run.stdout)
    assert len(failures) > PACKAGES // 10  # the generator does make circular imports
    for package, failed in failures.items():
        target = Target(
            name=package, package=package, root=tmp_path, gates=GateConfig(), cache_dir=None
        )
        analysis = analyse(target, source=GrimpSource(tmp_path))
        import_time = {
            m for c in analysis.cycles if c.kind is ImportKind.IMPORT_TIME for m in c.modules
        }
        for module, partial in failed:
            assert partial is not None, (package, module)
            assert re.fullmatch(rf"{package}(\.\w+)*", partial)
            assert partial in import_time, (package, module, partial)
