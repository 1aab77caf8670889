"""The ledger: accounts and the orders booked against them."""

from shop.ledger import orders as orders  # first: orders needs accounts complete when it runs
from shop.ledger import accounts as accounts
