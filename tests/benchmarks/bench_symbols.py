"""`unknot codemod move-symbol` speed and reach, side by side with rope's MoveGlobal.

One generated repository of 5,000 Python files: `gen/core/models.py` (2,000 lines) defines the
class `Invoice` (with a private helper used only by it) among 150 other definitions, and 300
importers reach it in assorted forms: from-imports (alone, beside a name that stays, aliased),
`import gen.core.models` + `gen.core.models.Invoice` chains, `import ... as` aliases, `from
gen.core import models`, relative imports from siblings and children, function-level imports and
`mock.patch("gen.core.models.Invoice")` strings. Both tools move `Invoice` into the existing,
empty module `gen.billing.invoices` (rope needs its destination to exist) on fresh copies.

Prints seconds and CPU seconds (unknot in process, median of 3, and the CLI as a whole process;
rope once; CPU counts worker processes too, and is the steadier figure on a shared machine) and,
for each tool, how many importers were rewritten correctly, by form. An importer
counts as rewritten when it no longer reaches `Invoice` through `gen.core.models` (no from-import
of it from there, relative forms resolved, and no `gen.core.models.Invoice` spelled anywhere),
and importing it and calling its `use()` gives `gen.billing.invoices.Invoice` (for a mock.patch
string: patching succeeds, as it cannot on a target that no longer exists).
"""

from __future__ import annotations

import ast
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from codemods import SymbolRequest, move_symbols

SOURCE, NAME, DEST = "gen.core.models", "Invoice", "gen.billing.invoices"
SYMBOL = f"{SOURCE}:{NAME}"

FILLER = '''"""Module {i}: unrelated work."""

import json
import os

VALUE_{i} = {i}


def work_{i}(items: list[int]) -> int:
    total = 0
    for item in items:
        total += item * {i} % 7
    return total + len(os.sep) + len(json.dumps(items))
'''

MODELS_HEAD = '''"""The domain models: 2,000 lines, one of which is about to leave."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


def _round_total(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


@dataclass
class Invoice:
    """An invoice: what the 300 importers use."""

    number: int
    amount: Decimal = Decimal("0")

    def total(self) -> Decimal:
        return _round_total(self.amount * Decimal("1.2"))


class Customer:
    """Stays here; some importers take it together with Invoice."""

    name: str = "someone"
'''

MODEL_FILLER = '''

def model_rule_{i}(values: list[int]) -> int:
    """Rule {i}: filler that keeps the module long."""
    result = 0
    for value in values:
        if value % {m} == 0:
            result += value
        else:
            result -= 1
    return result + {i}
'''

# Each form: (label, where the importer lives, its code). `use()` must return the class.
FORMS = [
    (
        "from-import",
        "abs",
        "from gen.core.models import Invoice\n\n\ndef use():\n    return Invoice\n",
    ),
    (
        "from-import beside a staying name",
        "abs",
        "from gen.core.models import Customer, Invoice\n\n\ndef use():\n"
        "    assert Customer\n    return Invoice\n",
    ),
    (
        "from-import aliased",
        "abs",
        "from gen.core.models import Invoice as Bill\n\n\ndef use():\n    return Bill\n",
    ),
    (
        "import + dotted chain",
        "abs",
        "import gen.core.models\n\n\ndef use():\n    return gen.core.models.Invoice\n",
    ),
    (
        "import as alias",
        "abs",
        "import gen.core.models as models\n\n\ndef use():\n    assert models.Customer\n"
        "    return models.Invoice\n",
    ),
    (
        "from package import module",
        "abs",
        "from gen.core import models\n\n\ndef use():\n    return models.Invoice\n",
    ),
    (
        "relative from a sibling",
        "sibling",
        "from .models import Invoice\n\n\ndef use():\n    return Invoice\n",
    ),
    (
        "relative from a child package",
        "child",
        "from ..models import Customer, Invoice\n\n\ndef use():\n    assert Customer\n"
        "    return Invoice\n",
    ),
    (
        "function-level import",
        "abs",
        "def use():\n    from gen.core.models import Invoice\n\n    return Invoice\n",
    ),
    (
        "mock.patch string",
        "abs",
        "from unittest import mock\n\n\ndef use():\n"
        '    with mock.patch("gen.core.models.Invoice") as patched:\n'
        "        assert patched\n    import gen.billing.invoices\n\n"
        "    return gen.billing.invoices.Invoice\n",
    ),
]


def generate(root: Path, *, files: int = 5000, importers: int = 300) -> dict[str, str]:
    """Write the repository; return each importer's module name -> its form's label."""
    rng = random.Random(42)

    def write(rel: str, text: str) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    for package in ("gen", "gen/core", "gen/core/sub", "gen/billing"):
        write(f"{package}/__init__.py", "")
    write("gen/billing/invoices.py", '"""Billing: where Invoice belongs."""\n')
    models, i = MODELS_HEAD, 0
    while models.count("\n") < 2000:
        models += MODEL_FILLER.format(i=i, m=i % 5 + 2)
        i += 1
    write("gen/core/models.py", models)
    importer_forms: dict[str, str] = {}
    per_dir, fixed = 100, 7
    remaining = files - fixed - -(-files // per_dir)
    chosen = sorted(rng.sample(range(remaining), importers))
    form_of = {n: FORMS[k % len(FORMS)] for k, n in enumerate(chosen)}
    for n in range(remaining):
        directory = f"gen/p{n // per_dir:03d}"
        if n % per_dir == 0:
            write(f"{directory}/__init__.py", "")
        text = FILLER.format(i=n)
        if n not in form_of:
            write(f"{directory}/m{n:05d}.py", text)
            continue
        label, where, code = form_of[n]
        rel = {
            "abs": f"{directory}/m{n:05d}.py",
            "sibling": f"gen/core/sib_{n:05d}.py",
            "child": f"gen/core/sub/child_{n:05d}.py",
        }[where]
        write(rel, code + "\n\n" + text)
        importer_forms[rel.removesuffix(".py").replace("/", ".")] = label
    return importer_forms


CHECK = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
import gen.billing.invoices as dest
ok = {}
for module in json.loads(sys.argv[2]):
    try:
        ok[module] = importlib.import_module(module).use() is dest.Invoice
    except Exception:
        ok[module] = False
print(json.dumps(ok))
"""


def rewritten(root: Path, importer_forms: dict[str, str]) -> Counter[str]:
    """How many importers of each form reach Invoice only through its new module."""
    try:
        run = subprocess.run(
            [sys.executable, "-c", CHECK, str(root), json.dumps(sorted(importer_forms))],
            capture_output=True,
            text=True,
            check=True,
        )
        works = json.loads(run.stdout)
    except subprocess.CalledProcessError as error:  # DEST itself broken: nothing works
        print(f"  (importing {DEST} failed: {error.stderr.strip().splitlines()[-1:]})")
        works = {}
    good: Counter[str] = Counter()
    for module, label in importer_forms.items():
        path = root / (module.replace(".", "/") + ".py")
        if works.get(module) and not _names_old_location(path, module):
            good[label] += 1
    return good


def _names_old_location(path: Path, module: str) -> bool:
    text = path.read_text(encoding="utf-8")
    if f"{SOURCE}.{NAME}" in text:
        return True
    package = module.split(".")[:-1]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and any(a.name == NAME for a in node.names):
            base = package[: len(package) - node.level + 1] if node.level else []
            if ".".join([*base, *filter(None, [node.module])]) == SOURCE:
                return True
    return False


def _fresh(template: Path, scratch: Path, name: str) -> Path:
    target = scratch / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


Timing = tuple[float, float]  # wall seconds, CPU seconds


def _cpu() -> float:
    """CPU seconds of this process and its finished children (workers, the CLI process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _unknot(template: Path, scratch: Path, *, runs: int = 3) -> tuple[Timing, Path]:
    times, cpu = [], []
    root = template
    for _ in range(runs):
        root = _fresh(template, scratch, "unknot")
        start, start_cpu = time.perf_counter(), _cpu()
        move_symbols(SymbolRequest(root, symbols=(SYMBOL,), dest=DEST), apply=True)
        times.append(time.perf_counter() - start)
        cpu.append(_cpu() - start_cpu)
    return (statistics.median(times), statistics.median(cpu)), root


def _unknot_cli(template: Path, scratch: Path) -> tuple[Timing, Path]:
    root = _fresh(template, scratch, "cli")
    command = [sys.executable, "-m", "unknot", "codemod", "move-symbol", SYMBOL, DEST]
    start, start_cpu = time.perf_counter(), _cpu()
    subprocess.run(
        [*command, "--root", str(root), "--apply"], check=True, stdout=subprocess.DEVNULL
    )
    return (time.perf_counter() - start, _cpu() - start_cpu), root


def _rope(template: Path, scratch: Path) -> tuple[Timing | str, Path]:
    """rope's MoveGlobal as its docs show it: `create_move` at the name's offset in its
    definition, then `get_changes(dest)` over all Python files, then `project.do`."""
    root = _fresh(template, scratch, "rope")
    try:
        from rope.base.project import Project
        from rope.refactor.move import create_move
    except ImportError:
        return "rope not installed (run `nox -s bench`)", root
    start, start_cpu = time.perf_counter(), _cpu()
    project = Project(str(root), ropefolder=None)
    try:
        source = project.get_resource("gen/core/models.py")
        offset = source.read().index(f"class {NAME}") + len("class ")
        mover = create_move(project, source, offset)
        project.do(mover.get_changes(project.get_resource("gen/billing/invoices.py")))
    except Exception as error:  # rope's own failure is a result to print, not a crash
        return f"rope failed: {type(error).__name__}: {error}", root
    finally:
        project.close()
    return (time.perf_counter() - start, _cpu() - start_cpu), root


def _line(label: str, timing: Timing | str, good: Counter[str], total: int) -> None:
    shown = timing if isinstance(timing, str) else f"{timing[0]:6.2f} s (cpu {timing[1]:5.2f} s)"
    print(f"{label:<40} {shown:>22}   importers rewritten {sum(good.values())}/{total}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="unknot-bench-symbols-") as tmp:
        scratch = Path(tmp)
        template = scratch / "template"
        forms = generate(template)
        total = len(forms)
        print(
            f"5,000 files, {SOURCE} of 2,000 lines, {NAME} with {total} importers in "
            f"{len(FORMS)} forms -> {DEST}; --apply, no git"
        )
        timing, unknot_root = _unknot(template, scratch)
        unknot_good = rewritten(unknot_root, forms)
        _line("unknot move-symbol, in process (med 3)", timing, unknot_good, total)
        cli_timing, cli_root = _unknot_cli(template, scratch)
        _line("unknot move-symbol, CLI process", cli_timing, rewritten(cli_root, forms), total)
        rope_timing, rope_root = _rope(template, scratch)
        rope_good = rewritten(rope_root, forms)
        _line("rope MoveGlobal, in process (1 run)", rope_timing, rope_good, total)
        per_form = Counter(forms.values())
        print(f"\n{'form':<36} {'importers':>9} {'unknot':>7} {'rope':>5}")
        for label, _, _ in FORMS:
            print(f"{label:<36} {per_form[label]:>9} {unknot_good[label]:>7} {rope_good[label]:>5}")


if __name__ == "__main__":
    main()
