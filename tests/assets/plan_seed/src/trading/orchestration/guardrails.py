"""Guardrails: many small rules."""

from __future__ import annotations


def guard_00(value: float) -> float:
    """Rule 0."""
    limit = 1.0
    if value > limit:
        return limit
    return value


def guard_01(value: float) -> float:
    """Rule 1."""
    limit = 2.0
    if value > limit:
        return limit
    return value


def guard_02(value: float) -> float:
    """Rule 2."""
    limit = 3.0
    if value > limit:
        return limit
    return value


def guard_03(value: float) -> float:
    """Rule 3."""
    limit = 4.0
    if value > limit:
        return limit
    return value


def guard_04(value: float) -> float:
    """Rule 4."""
    limit = 5.0
    if value > limit:
        return limit
    return value


def guard_05(value: float) -> float:
    """Rule 5."""
    limit = 6.0
    if value > limit:
        return limit
    return value


def guard_06(value: float) -> float:
    """Rule 6."""
    limit = 7.0
    if value > limit:
        return limit
    return value


def guard_07(value: float) -> float:
    """Rule 7."""
    limit = 8.0
    if value > limit:
        return limit
    return value


def guard_08(value: float) -> float:
    """Rule 8."""
    limit = 9.0
    if value > limit:
        return limit
    return value


def guard_09(value: float) -> float:
    """Rule 9."""
    limit = 10.0
    if value > limit:
        return limit
    return value


def guard_10(value: float) -> float:
    """Rule 10."""
    limit = 11.0
    if value > limit:
        return limit
    return value


def guard_11(value: float) -> float:
    """Rule 11."""
    limit = 12.0
    if value > limit:
        return limit
    return value


def guard_12(value: float) -> float:
    """Rule 12."""
    limit = 13.0
    if value > limit:
        return limit
    return value


def guard_13(value: float) -> float:
    """Rule 13."""
    limit = 14.0
    if value > limit:
        return limit
    return value


def guard_14(value: float) -> float:
    """Rule 14."""
    limit = 15.0
    if value > limit:
        return limit
    return value


def guard_15(value: float) -> float:
    """Rule 15."""
    limit = 16.0
    if value > limit:
        return limit
    return value


def guard_16(value: float) -> float:
    """Rule 16."""
    limit = 17.0
    if value > limit:
        return limit
    return value


def guard_17(value: float) -> float:
    """Rule 17."""
    limit = 18.0
    if value > limit:
        return limit
    return value


def guard_18(value: float) -> float:
    """Rule 18."""
    limit = 19.0
    if value > limit:
        return limit
    return value


def guard_19(value: float) -> float:
    """Rule 19."""
    limit = 20.0
    if value > limit:
        return limit
    return value


def guard_20(value: float) -> float:
    """Rule 20."""
    limit = 21.0
    if value > limit:
        return limit
    return value


def guard_21(value: float) -> float:
    """Rule 21."""
    limit = 22.0
    if value > limit:
        return limit
    return value


def guard_22(value: float) -> float:
    """Rule 22."""
    limit = 23.0
    if value > limit:
        return limit
    return value


def guard_23(value: float) -> float:
    """Rule 23."""
    limit = 24.0
    if value > limit:
        return limit
    return value


def guard_24(value: float) -> float:
    """Rule 24."""
    limit = 25.0
    if value > limit:
        return limit
    return value


def guard_25(value: float) -> float:
    """Rule 25."""
    limit = 26.0
    if value > limit:
        return limit
    return value


def guard_26(value: float) -> float:
    """Rule 26."""
    limit = 27.0
    if value > limit:
        return limit
    return value


def guard_27(value: float) -> float:
    """Rule 27."""
    limit = 28.0
    if value > limit:
        return limit
    return value


def guard_28(value: float) -> float:
    """Rule 28."""
    limit = 29.0
    if value > limit:
        return limit
    return value


def guard_29(value: float) -> float:
    """Rule 29."""
    limit = 30.0
    if value > limit:
        return limit
    return value


def guard_30(value: float) -> float:
    """Rule 30."""
    limit = 31.0
    if value > limit:
        return limit
    return value


def guard_31(value: float) -> float:
    """Rule 31."""
    limit = 32.0
    if value > limit:
        return limit
    return value


def guard_32(value: float) -> float:
    """Rule 32."""
    limit = 33.0
    if value > limit:
        return limit
    return value


def guard_33(value: float) -> float:
    """Rule 33."""
    limit = 34.0
    if value > limit:
        return limit
    return value


def guard_34(value: float) -> float:
    """Rule 34."""
    limit = 35.0
    if value > limit:
        return limit
    return value


def guard_35(value: float) -> float:
    """Rule 35."""
    limit = 36.0
    if value > limit:
        return limit
    return value


def guard_36(value: float) -> float:
    """Rule 36."""
    limit = 37.0
    if value > limit:
        return limit
    return value


def guard_37(value: float) -> float:
    """Rule 37."""
    limit = 38.0
    if value > limit:
        return limit
    return value


def guard_38(value: float) -> float:
    """Rule 38."""
    limit = 39.0
    if value > limit:
        return limit
    return value


def guard_39(value: float) -> float:
    """Rule 39."""
    limit = 40.0
    if value > limit:
        return limit
    return value



def all_guard(value: float) -> list[float]:
    return [guard_00(value), guard_01(value), guard_02(value), guard_03(value), guard_04(value), guard_05(value), guard_06(value), guard_07(value), guard_08(value), guard_09(value), guard_10(value), guard_11(value), guard_12(value), guard_13(value), guard_14(value), guard_15(value), guard_16(value), guard_17(value), guard_18(value), guard_19(value), guard_20(value), guard_21(value), guard_22(value), guard_23(value), guard_24(value), guard_25(value), guard_26(value), guard_27(value), guard_28(value), guard_29(value), guard_30(value), guard_31(value), guard_32(value), guard_33(value), guard_34(value), guard_35(value), guard_36(value), guard_37(value), guard_38(value), guard_39(value)]
