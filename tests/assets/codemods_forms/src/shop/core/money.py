from dataclasses import dataclass

Currency = str


@dataclass(frozen=True)
class Money:
    amount: float
    currency: Currency = "EUR"
