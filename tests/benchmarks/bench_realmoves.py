"""`unknot codemod move` on real projects, side by side with rope's `MoveModule`.

The sdists `nox -s realworld` uses (downloaded once into .bench/realworld/), one much-imported
module each, moved into a new package under the same name (rope's MoveModule keeps the name
and needs its destination to exist, so the package is created first for both tools). Each tool
runs as a whole process on a fresh copy, three times; the figures are the median wall seconds
and the CPU seconds of the process and its workers. A small generated project (8 files) comes
first: what one move costs where start-up is all there is.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.codemods.realworld.checks import import_root
from tests.codemods.realworld.projects import PROJECTS
from tests.codemods.realworld.sources import fetch

MOVES = (  # project, module, destination package
    ("small", "pkg.mod1", "pkg.sub"),
    ("markdown-it-py", "markdown_it.rules_block.state_block", "markdown_it.state"),
    ("marshmallow", "marshmallow.fields", "marshmallow.core"),
    ("attrs", "attr.validators", "attr.checks"),
    ("click", "click.utils", "click.support"),
    ("itsdangerous", "itsdangerous.signer", "itsdangerous.signing"),
)

# A project shaped like rope's own move tests: a package, a module moved into a new subpackage,
# a few importers in every import form, and a test.
SMALL = {
    "pkg/__init__.py": "",
    "pkg/mod1.py": "import os\n\n\nclass AClass:\n    pass\n\n\ndef a_func():\n    return os.sep\n",
    "pkg/mod2.py": "import pkg.mod1\n\n\ndef f():\n    return pkg.mod1.AClass()\n",
    "pkg/mod3.py": "from pkg import mod1\n\nvalue = mod1.a_func()\n",
    "pkg/mod4.py": "from pkg.mod1 import AClass, a_func\n\nX = AClass, a_func\n",
    "pkg/mod5.py": "from . import mod1\nfrom .mod1 import AClass\n\nY = mod1.AClass is AClass\n",
    "main.py": "import pkg.mod1 as m\n\nprint(m.a_func())\n",
    "tests/test_mod1.py": "from pkg.mod1 import a_func\n\n\ndef test_it():\n    assert a_func()\n",
}


def _small(scratch: Path) -> Path:
    root = scratch / "small-pristine"
    for name, text in SMALL.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


ROPE = """
import sys
from rope.base.project import Project
from rope.refactor.move import MoveModule
root, module, dest = sys.argv[1:]
project = Project(root, ropefolder=None)
mover = MoveModule(project, project.get_resource(module))
project.do(mover.get_changes(project.get_resource(dest)))
project.close()
"""

Figures = tuple[float, float]  # wall seconds, CPU seconds


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def _run(command: list[str]) -> Figures | str:
    start, cpu = time.perf_counter(), _children_cpu()
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return f"failed: {(out.stderr or out.stdout).strip().splitlines()[-1:]}"
    return time.perf_counter() - start, _children_cpu() - cpu


def _copy(pristine: Path, scratch: Path, name: str, dest: str) -> Path:
    root = scratch / name
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pristine, root)
    package = import_root(root) / dest.replace(".", "/")
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").touch()
    return root


def _median(runs: list[Figures | str]) -> Figures | str:
    failed = [r for r in runs if isinstance(r, str)]
    if failed:
        return failed[0]
    return (
        statistics.median(r[0] for r in runs if not isinstance(r, str)),
        statistics.median(r[1] for r in runs if not isinstance(r, str)),
    )


def _shown(figures: Figures | str) -> str:
    if isinstance(figures, str):
        return figures[:40]
    return f"{figures[0]:6.2f} s (cpu {figures[1]:5.2f})"


def main(runs: int = 3) -> None:
    projects = {p.name: p for p in PROJECTS}
    if importlib.util.find_spec("rope") is None:
        print("rope not installed (run `nox -s bench`)")
        return
    print(f"{'move':<52} {'unknot CLI':>24} {'rope MoveModule':>24}")
    with tempfile.TemporaryDirectory(prefix="unknot-bench-realmoves-") as tmp:
        scratch = Path(tmp)
        for name, module, dest in MOVES:
            pristine = _small(scratch) if name == "small" else fetch(projects[name])
            leaf = module.rpartition(".")[2]
            unknot, rope_runs = [], []
            for _ in range(runs):
                root = _copy(pristine, scratch, "unknot", dest)
                cli = [sys.executable, "-m", "unknot", "codemod", "move", module, f"{dest}.{leaf}"]
                unknot.append(_run([*cli, "--root", str(root), "--apply", "--format", "json"]))
                root = _copy(pristine, scratch, "rope", dest)
                relative = import_root(root).relative_to(root)
                path = (relative / module.replace(".", "/")).with_suffix(".py").as_posix()
                folder = (relative / dest.replace(".", "/")).as_posix()
                rope_runs.append(_run([sys.executable, "-c", ROPE, str(root), path, folder]))
            label = f"{name}: {module} -> {dest}"
            print(f"{label:<52} {_shown(_median(unknot)):>24} {_shown(_median(rope_runs)):>24}")


if __name__ == "__main__":
    main()
