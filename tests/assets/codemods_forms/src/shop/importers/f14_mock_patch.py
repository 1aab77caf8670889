from unittest import mock

import shop.core.pricing


def result() -> float:
    with mock.patch("shop.core.pricing.DEFAULT_RATE", 1.2):
        return shop.core.pricing.price(10.0)


def result_object() -> float:
    with mock.patch.object(shop.core.pricing, "DEFAULT_RATE", 1.2):
        return shop.core.pricing.price(10.0)
