def cents(value: float) -> float:
    return round(value, 2)
