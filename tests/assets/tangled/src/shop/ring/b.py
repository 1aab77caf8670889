from shop.ring import c
