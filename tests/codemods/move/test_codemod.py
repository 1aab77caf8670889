"""Before/after cases of the move codemod; each runs twice and the second run changes nothing."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import libcst as cst
import pytest
from libcst.codemod import CodemodContext

from codemods.engine.names import Rename
from codemods.move.codemod import MoveModuleCodemod


@dataclass(frozen=True)
class Case:
    before: str
    after: str
    module: str = "app.user"  # the file's module before the move
    package: str = "app"
    old: str = "app.core.pricing"
    new: str = "app.billing.rates"
    moved_to: str | None = None  # the file's package after the move, for the moved file itself


def run(source: str, case: Case, *, module: str, package: str, moved_to: str | None) -> str:
    context = CodemodContext(full_module_name=module, full_package_name=package)
    codemod = MoveModuleCodemod(context, Rename(case.old, case.new), new_package=moved_to)
    return codemod.transform_module(cst.parse_module(source)).code


def check(case: Case) -> None:
    before, after = textwrap.dedent(case.before), textwrap.dedent(case.after)
    first = run(before, case, module=case.module, package=case.package, moved_to=case.moved_to)
    assert first == after
    package = case.moved_to if case.moved_to is not None else case.package
    second = run(after, case, module=case.module, package=package, moved_to=None)
    assert second == after, "running the codemod again must change nothing"


CASES = {
    "import_dotted_and_chain": Case(
        """\
        import app.core.pricing

        total = app.core.pricing.price(1) + app.core.pricing.RATE
        """,
        """\
        import app.billing.rates

        total = app.billing.rates.price(1) + app.billing.rates.RATE
        """,
    ),
    "import_as": Case(
        "import app.core.pricing as p\np.price(1)\n",
        "import app.billing.rates as p\np.price(1)\n",
    ),
    "import_among_others": Case(
        "import os, app.core.pricing, sys\n",
        "import os, app.billing.rates, sys\n",
    ),
    "import_parent_then_chain_adds_import": Case(
        """\
        import app.core

        app.core.pricing.price(1)
        app.core.other()
        """,
        """\
        import app.core
        import app.billing.rates

        app.billing.rates.price(1)
        app.core.other()
        """,
    ),
    "from_parent_takes_the_new_name": Case(
        "from app.core import pricing\npricing.price(1)\n",
        "from app.billing import rates\nrates.price(1)\n",
    ),
    "from_parent_as": Case(
        "from app.core import pricing as p\n",
        "from app.billing import rates as p\n",
    ),
    "from_parent_same_leaf_has_no_alias": Case(
        "from app.core import pricing\n",
        "from app.billing import pricing\n",
        new="app.billing.pricing",
    ),
    "from_module_names": Case(
        "from app.core.pricing import price, RATE\n",
        "from app.billing.rates import price, RATE\n",
    ),
    "from_module_as": Case(
        "from app.core.pricing import price as cost\n",
        "from app.billing.rates import price as cost\n",
    ),
    "from_module_multiline_with_comments": Case(
        """\
        from app.core.pricing import (  # api
            RATE,  # constant
            # the function:
            price,
        )
        """,
        """\
        from app.billing.rates import (  # api
            RATE,  # constant
            # the function:
            price,
        )
        """,
    ),
    "split_parenthesized": Case(
        """\
        from app.core import (
            money,  # stays
            pricing,  # moves
        )
        """,
        """\
        from app.core import (
            money,  # stays
        )
        from app.billing import rates
        """,
    ),
    "split_first_of_two": Case(
        "from app.core import pricing, money\n",
        "from app.core import money\nfrom app.billing import rates\n",
    ),
    "split_last_of_two": Case(
        "from app.core import money, pricing as p\n",
        "from app.core import money\nfrom app.billing import rates as p\n",
    ),
    "star": Case(
        "from app.core.pricing import *\n",
        "from app.billing.rates import *\n",
    ),
    "submodule_of_moved_package": Case(
        (
            "from app.core.pricing.tax import vat\n"
            "import app.core.pricing.tax\n"
            "app.core.pricing.tax.x\n"
        ),
        (
            "from app.billing.rates.tax import vat\n"
            "import app.billing.rates.tax\n"
            "app.billing.rates.tax.x\n"
        ),
    ),
    "type_checking_stays_guarded": Case(
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from app.core.pricing import Quote
            from app.core import pricing
        """,
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from app.billing.rates import Quote
            from app.billing import rates
        """,
    ),
    "type_checking_binding_used_in_a_string_annotation_keeps_its_name": Case(
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from app.core import pricing


        def total(quote: "pricing.Quote") -> None: ...
        """,
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from app.billing import rates as pricing


        def total(quote: "pricing.Quote") -> None: ...
        """,
    ),
    "function_level_stays_deferred": Case(
        """\
        def f():
            # deferred on purpose
            from app.core.pricing import price
            return price(1)
        """,
        """\
        def f():
            # deferred on purpose
            from app.billing.rates import price
            return price(1)
        """,
    ),
    "function_level_chain_adds_import_there": Case(
        """\
        def f():
            import app.core
            return app.core.pricing.price(1)
        """,
        """\
        def f():
            import app.core
            import app.billing.rates
            return app.billing.rates.price(1)
        """,
    ),
    "try_except": Case(
        """\
        try:
            from app.core.pricing import fast as price
        except ImportError:
            price = None
        """,
        """\
        try:
            from app.billing.rates import fast as price
        except ImportError:
            price = None
        """,
    ),
    "relative_sibling": Case(
        "from . import pricing\nfrom .pricing import price\n",
        "from ..billing import rates\nfrom ..billing.rates import price\n",
        module="app.core.cart",
        package="app.core",
    ),
    "relative_from_child": Case(
        "from .. import pricing\nfrom ..pricing import price\n",
        "from ...billing import rates\nfrom ...billing.rates import price\n",
        module="app.core.helpers.discount",
        package="app.core.helpers",
    ),
    "relative_from_parent_init": Case(
        (
            "from .core import pricing\n"
            "from .core.pricing import price\n"
            "__all__ = ['pricing', 'price']\n"
        ),
        (
            "from .billing import rates as pricing\n"
            "from .billing.rates import price\n"
            "__all__ = ['pricing', 'price']\n"
        ),
        module="app",
        package="app",
    ),
    "relative_to_other_top_package_becomes_absolute": Case(
        "from .pricing import price\n",
        "from billing.rates import price\n",
        module="app.core.cart",
        package="app.core",
        new="billing.rates",
    ),
    "moved_file_own_relative_imports": Case(
        """\
        from typing import TYPE_CHECKING
        from . import money
        from .money import Money
        from .. import catalog
        from .helpers.rounding import cents
        from .pricing_data import TABLE  # not a submodule of the moved module

        if TYPE_CHECKING:
            from .money import Currency

        def f():
            from . import money as m
            return m
        """,
        """\
        from typing import TYPE_CHECKING
        from ..core import money
        from ..core.money import Money
        from .. import catalog
        from ..core.helpers.rounding import cents
        from ..core.pricing_data import TABLE  # not a submodule of the moved module

        if TYPE_CHECKING:
            from ..core.money import Currency

        def f():
            from ..core import money as m
            return m
        """,
        module="app.core.pricing",
        package="app.core",
        moved_to="app.billing",
    ),
    "moved_package_init_keeps_inner_relative_imports": Case(
        "from .tax import vat\nfrom . import tax\nfrom ..money import Money\n",
        "from .tax import vat\nfrom . import tax\nfrom ...core.money import Money\n",
        module="app.core.pricing",
        package="app.core.pricing",
        moved_to="app.billing.rates",
    ),
    "strings": Case(
        """\
        mock.patch("app.core.pricing.RATE", 2)
        monkeypatch.setattr('app.core.pricing.RATE', 2)
        importlib.import_module("app.core.pricing")
        __import__("app.core.pricing")
        pkgutil.resolve_name("app.core.pricing:price")
        PLUGINS = ["app.core.pricing.price", "app.core.pricingx", "app.core"]
        NOTE = "see app.core.pricing for details"
        """,
        """\
        mock.patch("app.billing.rates.RATE", 2)
        monkeypatch.setattr('app.billing.rates.RATE', 2)
        importlib.import_module("app.billing.rates")
        __import__("app.billing.rates")
        pkgutil.resolve_name("app.billing.rates:price")
        PLUGINS = ["app.billing.rates.price", "app.core.pricingx", "app.core"]
        NOTE = "see app.core.pricing for details"
        """,
    ),
    "string_annotations": Case(
        "def f(q: 'app.core.pricing.Quote | None', r: \"list[app.core.pricing.Q]\"): ...\n",
        "def f(q: 'app.billing.rates.Quote | None', r: \"list[app.billing.rates.Q]\"): ...\n",
    ),
    "patch_object_chain": Case(
        "import app.core.pricing\nmock.patch.object(app.core.pricing, 'RATE', 2)\n",
        "import app.billing.rates\nmock.patch.object(app.billing.rates, 'RATE', 2)\n",
    ),
    "shadowed_local_is_left_alone": Case(
        """\
        import app.core.pricing

        def f():
            app = make()
            return app.core.pricing
        """,
        """\
        import app.billing.rates

        def f():
            app = make()
            return app.core.pricing
        """,
    ),
    "unrelated_imports_untouched": Case(
        (
            "from app.core import money\n"
            "import app.core.pricingx\n"
            "from app.core.pricing_data import T\n"
        ),
        (
            "from app.core import money\n"
            "import app.core.pricingx\n"
            "from app.core.pricing_data import T\n"
        ),
    ),
    "top_level_module_takes_the_new_name": Case(
        "import pricing\nimport pricing as p\nfrom pricing import price\npricing.price(p)\n",
        (
            "import app.billing.rates\n"
            "import app.billing.rates as p\n"
            "from app.billing.rates import price\n"
            "app.billing.rates.price(p)\n"
        ),
        old="pricing",
    ),
    # Issue 12, item 10: the spellings rope's and LibCST's own tests expect.
    "import_of_a_top_level_module_is_not_aliased": Case(
        "import mod1\nprint(mod1)\n",
        "import dest.mod1\nprint(dest.mod1)\n",
        old="mod1",
        new="dest.mod1",
    ),
    "from_import_takes_the_new_leaf_and_its_uses_follow": Case(
        "from aa import aaaa\n\n\nclass Foo(aaaa.Bar):\n    pass\n",
        "from b import c\n\n\nclass Foo(c.Bar):\n    pass\n",
        old="aa.aaaa",
        new="b.c",
    ),
    "uses_in_functions_and_classes_follow": Case(
        "from app.core import pricing\n\n\ndef f():\n    return pricing.price(1)\n",
        "from app.billing import rates\n\n\ndef f():\n    return rates.price(1)\n",
    ),
    "binding_listed_in_all_keeps_its_name": Case(
        'from app.core import pricing\n__all__ = ["pricing"]\n',
        'from app.billing import rates as pricing\n__all__ = ["pricing"]\n',
    ),
    "binding_in_a_package_init_keeps_its_name": Case(
        "from .core import pricing\n",
        "from .billing import rates as pricing\n",
        module="app",
        package="app",
    ),
    "new_name_taken_by_a_local_keeps_the_binding": Case(
        (
            "from app.core import pricing\n\n\n"
            "def f():\n    rates = 3\n    return pricing.price(rates)\n"
        ),
        (
            "from app.billing import rates as pricing\n\n\n"
            "def f():\n    rates = 3\n    return pricing.price(rates)\n"
        ),
    ),
    "new_root_taken_by_a_global_keeps_the_binding": Case(
        "import mod1\n\ndest = 1\nprint(mod1)\n",
        "import dest.mod1 as mod1\n\ndest = 1\nprint(mod1)\n",
        old="mod1",
        new="dest.mod1",
    ),
    # Issue 12, item 3: the import a chain needs must not rebind a name the module uses.
    "added_import_takes_a_name_nothing_binds": Case(
        "import app as _app\n\napp = 'a local value'\nprint(_app.core.pricing.X)\n",
        (
            "import app as _app\nimport app.billing.rates as _app_billing_rates\n\n"
            "app = 'a local value'\nprint(_app_billing_rates.X)\n"
        ),
    ),
    "import_of_old_never_rebinds_a_name_the_module_uses": Case(
        "import app.core.pricing\n\nbilling = 'local'\nprint(app.core.pricing.X, billing)\n",
        (
            "import billing.rates as _billing_rates\n\n"
            "billing = 'local'\nprint(_billing_rates.X, billing)\n"
        ),
        new="billing.rates",
    ),
    "binding_assigned_otherwise_keeps_its_name": Case(
        "try:\n    from app.core import pricing\nexcept ImportError:\n    pricing = None\n",
        (
            "try:\n    from app.billing import rates as pricing\n"
            "except ImportError:\n    pricing = None\n"
        ),
    ),
    "all_entry_of_a_submodule_that_left": Case(
        '__all__ = ["money", "pricing"]\n',
        '__all__ = ["money"]\n',
        module="app.core",
        package="app.core",
    ),
    "all_entry_kept_while_the_package_binds_it": Case(
        'from . import pricing\n__all__ = ["pricing"]\n',
        'from ..billing import rates as pricing\n__all__ = ["pricing"]\n',
        module="app.core",
        package="app.core",
    ),
    "all_entry_renamed_within_the_package": Case(
        "__all__ = ('pricing', 'money')\n",
        "__all__ = ('rates', 'money')\n",
        module="app.core",
        package="app.core",
        new="app.core.rates",
    ),
    "to_top_level": Case(
        "from app.core import pricing\nimport app.core.pricing as p\n",
        "import rates\nimport rates as p\n",
        new="rates",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_move_case(name: str) -> None:
    check(CASES[name])


# Forms whose way back is correct but spelled differently: a split import is not merged again,
# an import added for a chain stays, an import that had to become absolute stays absolute, and
# an `__all__` entry dropped from the package OLD left is not added back.
SPELLING_CHANGES = (
    "split",
    "all_entry_of_a_submodule_that_left",
    "import_parent_then",
    "added_import",
    "import_of_old_never",
    "function_level_chain",
    "to_top",
    "relative_to_other",
)


def test_moving_back_restores_the_original_text() -> None:
    for name, case in CASES.items():
        if name.startswith(SPELLING_CHANGES):
            continue
        before = textwrap.dedent(case.before)
        forward = run(
            before, case, module=case.module, package=case.package, moved_to=case.moved_to
        )
        back_case = Case(before="", after="", old=case.new, new=case.old)
        package = case.moved_to if case.moved_to is not None else case.package
        back = run(
            forward,
            back_case,
            module=case.module,
            package=package,
            moved_to=(case.package if case.moved_to is not None else None),
        )
        assert back == before, name


def test_strings_left_for_review_are_reported_with_their_line() -> None:
    context = CodemodContext(full_module_name="app.user", full_package_name="app")
    code = 'x = 1\nNOTE = "see app.core.pricing for details"\nF = f"{x} app.core.pricing"\n'
    rename = Rename("app.core.pricing", "app.billing.rates")
    codemod = MoveModuleCodemod(context, rename, source=code)
    codemod.transform_module(cst.parse_module(code))
    assert [(h.line, h.text) for h in codemod.review] == [
        (2, '"see app.core.pricing for details"'),
        (3, 'f"{x} app.core.pricing"'),
    ]
    assert codemod.strings_rewritten == 0


def _reviewed(code: str) -> tuple[str, list[tuple[int, str]]]:
    context = CodemodContext(full_module_name="app.user", full_package_name="app")
    rename = Rename("app.core.pricing", "app.billing.rates")
    codemod = MoveModuleCodemod(context, rename, source=code)
    out = codemod.transform_module(cst.parse_module(code)).code
    return out, [(h.line, h.text) for h in codemod.review]


def test_a_concatenated_string_is_one_string_never_rewritten_in_parts() -> None:
    code = 'import pytest\nMATCH = ("must be an instance of " "app.core.pricing.Price")\n'
    out, review = _reviewed(code)
    assert out == code
    assert review == [(2, '("must be an instance of " "app.core.pricing.Price")')]


def test_an_indented_concatenation_over_lines_is_listed_at_its_line() -> None:
    code = (
        "def f() -> None:\n    if True:\n        raise ValueError(\n"
        '            "must be an instance of "\n            "app.core.pricing.Price."\n'
        "        )\n"
    )
    out, review = _reviewed(code)
    assert out == code
    assert [line for line, _ in review] == [4]


def test_a_snippet_in_a_long_string_whose_lines_start_with_import_is_not_skipped() -> None:
    code = 'SNIPPET = """\nfrom app.core.pricing import Price\n"""\n'
    out, review = _reviewed(code)
    assert out == code
    assert review == [(1, '"""\nfrom app.core.pricing import Price\n"""')]
