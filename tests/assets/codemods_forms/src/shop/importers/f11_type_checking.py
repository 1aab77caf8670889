from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shop.core.pricing import Money
    import shop.core.pricing


def result(m: Money | None = None) -> float:
    import shop.core.pricing as rt

    return rt.price(10.0)


def describe(mod: shop.core.pricing) -> str:  # type: ignore[valid-type]
    return "ok"
