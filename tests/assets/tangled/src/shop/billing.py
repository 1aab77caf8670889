from shop.ledger import Ledger


class Billing:
    ledger = Ledger
