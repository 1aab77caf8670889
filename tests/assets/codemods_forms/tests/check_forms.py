import importlib
import pkgutil

import pytest

import shop.importers

EXPECTED = {"f09_split": 12.0}


@pytest.mark.parametrize(
    "name", sorted(m.name for m in pkgutil.iter_modules(shop.importers.__path__))
)
def test_every_form_still_works(name: str) -> None:
    module = importlib.import_module(f"shop.importers.{name}")
    assert module.result() == pytest.approx(EXPECTED.get(name, 12.0))


def test_relative_importers() -> None:
    from shop import orders
    from shop.core import cart
    from shop.core.helpers import discount

    assert cart.result() == pytest.approx(6.0)
    assert discount.result() == pytest.approx(10.8)
    assert orders.result() == pytest.approx(2.4)


def test_reexport_from_package() -> None:
    import shop

    assert shop.price(1.0) == pytest.approx(1.2)
    assert shop.pricing.price(1.0) == pytest.approx(1.2)
    namespace: dict[str, object] = {}
    exec("from shop import *", namespace)
    assert callable(namespace["price"])
    assert "pricing" in namespace


def test_star_import_of_the_package_pricing_left() -> None:
    namespace: dict[str, object] = {}
    exec("from shop.core import *", namespace)
    assert "money" in namespace
    assert "cart" in namespace


def test_monkeypatch_string_target(monkeypatch: pytest.MonkeyPatch) -> None:
    from shop.importers import f04_from_parent

    monkeypatch.setattr("shop.core.pricing.DEFAULT_RATE", 2.0)
    assert f04_from_parent.result() == pytest.approx(20.0)
