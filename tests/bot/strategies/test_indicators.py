from __future__ import annotations

from bot.strategies.indicators import compare_sma, compare_to_sma

TIE = [2.38, 2.27, 2.27, 2.29, 2.36, 2.31, 2.2, 2.36, 2.34]


def test_equal_averages_compare_equal_whatever_floats_say() -> None:
    assert compare_sma(TIE, 3, 8) == 0
    assert compare_sma(TIE, 3, 8, back=1) == -1
    assert compare_to_sma(2.3, TIE, 8) == 0


def test_clear_differences_keep_their_sign() -> None:
    assert compare_sma([1.0, 1.0, 1.0, 2.0], 1, 4) == 1
    assert compare_sma([3.0, 3.0, 3.0, 2.0], 1, 4) == -1
    assert compare_to_sma(1.0000001, [1.0, 1.0], 2) == 1
    assert compare_to_sma(0.9999999, [1.0, 1.0], 2) == -1
