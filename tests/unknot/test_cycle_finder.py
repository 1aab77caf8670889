"""The codemods' CycleFinder port as the CLI fills it: the analyzer, parent packages included."""

from __future__ import annotations

from pathlib import Path

from tests.codemods.repos import make_repo
from unknot.cycle_finder import AnalyzerCycles


def test_a_cycle_through_a_parent_init_is_a_cycle(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a/__init__.py": "from ..b.mod import X\n",
            "pkg/a/sib.py": "Y = 2\n",
            "pkg/b/__init__.py": "",
            "pkg/b/mod.py": "from ..a import sib\n\nX = 1\n",
        },
        use_git=False,
    )
    finder = AnalyzerCycles()
    assert finder.cycles(root, "pkg") == (("pkg.a", "pkg.b.mod"),)
    assert finder.cycles(root, "pkg", import_time=True) == (("pkg.a", "pkg.b.mod"),)
    assert finder.package_cycles(root, "pkg") == (("pkg.a", "pkg.b"),)


def test_cycles_between_packages_at_every_depth_and_none_of_modules_alone(
    tmp_path: Path,
) -> None:
    root = make_repo(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/x.py": "from shop import y\n",
            "shop/y.py": "from shop import x\n",
            "shop/inner/__init__.py": "",
            "shop/inner/common/__init__.py": "",
            "shop/inner/common/util.py": "from shop.inner.orders import models\n",
            "shop/inner/orders/__init__.py": "",
            "shop/inner/orders/models.py": "from shop.inner.common import util\n",
        },
        use_git=False,
    )
    finder = AnalyzerCycles()
    assert finder.package_cycles(root, "shop") == (("shop.inner.common", "shop.inner.orders"),)
    assert ("shop.x", "shop.y") in finder.cycles(root, "shop")
