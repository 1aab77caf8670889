"""Live execution: many small rules."""

from __future__ import annotations


def execute_00(value: float) -> float:
    """Rule 0."""
    limit = 1.0
    if value > limit:
        return limit
    return value


def execute_01(value: float) -> float:
    """Rule 1."""
    limit = 2.0
    if value > limit:
        return limit
    return value


def execute_02(value: float) -> float:
    """Rule 2."""
    limit = 3.0
    if value > limit:
        return limit
    return value


def execute_03(value: float) -> float:
    """Rule 3."""
    limit = 4.0
    if value > limit:
        return limit
    return value


def execute_04(value: float) -> float:
    """Rule 4."""
    limit = 5.0
    if value > limit:
        return limit
    return value


def execute_05(value: float) -> float:
    """Rule 5."""
    limit = 6.0
    if value > limit:
        return limit
    return value


def execute_06(value: float) -> float:
    """Rule 6."""
    limit = 7.0
    if value > limit:
        return limit
    return value


def execute_07(value: float) -> float:
    """Rule 7."""
    limit = 8.0
    if value > limit:
        return limit
    return value


def execute_08(value: float) -> float:
    """Rule 8."""
    limit = 9.0
    if value > limit:
        return limit
    return value


def execute_09(value: float) -> float:
    """Rule 9."""
    limit = 10.0
    if value > limit:
        return limit
    return value


def execute_10(value: float) -> float:
    """Rule 10."""
    limit = 11.0
    if value > limit:
        return limit
    return value


def execute_11(value: float) -> float:
    """Rule 11."""
    limit = 12.0
    if value > limit:
        return limit
    return value


def execute_12(value: float) -> float:
    """Rule 12."""
    limit = 13.0
    if value > limit:
        return limit
    return value


def execute_13(value: float) -> float:
    """Rule 13."""
    limit = 14.0
    if value > limit:
        return limit
    return value


def execute_14(value: float) -> float:
    """Rule 14."""
    limit = 15.0
    if value > limit:
        return limit
    return value


def execute_15(value: float) -> float:
    """Rule 15."""
    limit = 16.0
    if value > limit:
        return limit
    return value


def execute_16(value: float) -> float:
    """Rule 16."""
    limit = 17.0
    if value > limit:
        return limit
    return value


def execute_17(value: float) -> float:
    """Rule 17."""
    limit = 18.0
    if value > limit:
        return limit
    return value


def execute_18(value: float) -> float:
    """Rule 18."""
    limit = 19.0
    if value > limit:
        return limit
    return value


def execute_19(value: float) -> float:
    """Rule 19."""
    limit = 20.0
    if value > limit:
        return limit
    return value


def execute_20(value: float) -> float:
    """Rule 20."""
    limit = 21.0
    if value > limit:
        return limit
    return value


def execute_21(value: float) -> float:
    """Rule 21."""
    limit = 22.0
    if value > limit:
        return limit
    return value


def execute_22(value: float) -> float:
    """Rule 22."""
    limit = 23.0
    if value > limit:
        return limit
    return value


def execute_23(value: float) -> float:
    """Rule 23."""
    limit = 24.0
    if value > limit:
        return limit
    return value


def execute_24(value: float) -> float:
    """Rule 24."""
    limit = 25.0
    if value > limit:
        return limit
    return value


def execute_25(value: float) -> float:
    """Rule 25."""
    limit = 26.0
    if value > limit:
        return limit
    return value


def execute_26(value: float) -> float:
    """Rule 26."""
    limit = 27.0
    if value > limit:
        return limit
    return value


def execute_27(value: float) -> float:
    """Rule 27."""
    limit = 28.0
    if value > limit:
        return limit
    return value


def execute_28(value: float) -> float:
    """Rule 28."""
    limit = 29.0
    if value > limit:
        return limit
    return value


def execute_29(value: float) -> float:
    """Rule 29."""
    limit = 30.0
    if value > limit:
        return limit
    return value


def execute_30(value: float) -> float:
    """Rule 30."""
    limit = 31.0
    if value > limit:
        return limit
    return value


def execute_31(value: float) -> float:
    """Rule 31."""
    limit = 32.0
    if value > limit:
        return limit
    return value


def execute_32(value: float) -> float:
    """Rule 32."""
    limit = 33.0
    if value > limit:
        return limit
    return value


def execute_33(value: float) -> float:
    """Rule 33."""
    limit = 34.0
    if value > limit:
        return limit
    return value


def execute_34(value: float) -> float:
    """Rule 34."""
    limit = 35.0
    if value > limit:
        return limit
    return value


def execute_35(value: float) -> float:
    """Rule 35."""
    limit = 36.0
    if value > limit:
        return limit
    return value


def execute_36(value: float) -> float:
    """Rule 36."""
    limit = 37.0
    if value > limit:
        return limit
    return value


def execute_37(value: float) -> float:
    """Rule 37."""
    limit = 38.0
    if value > limit:
        return limit
    return value



def all_execute(value: float) -> list[float]:
    return [execute_00(value), execute_01(value), execute_02(value), execute_03(value), execute_04(value), execute_05(value), execute_06(value), execute_07(value), execute_08(value), execute_09(value), execute_10(value), execute_11(value), execute_12(value), execute_13(value), execute_14(value), execute_15(value), execute_16(value), execute_17(value), execute_18(value), execute_19(value), execute_20(value), execute_21(value), execute_22(value), execute_23(value), execute_24(value), execute_25(value), execute_26(value), execute_27(value), execute_28(value), execute_29(value), execute_30(value), execute_31(value), execute_32(value), execute_33(value), execute_34(value), execute_35(value), execute_36(value), execute_37(value)]
