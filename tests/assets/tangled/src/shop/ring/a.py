import shop.ring.b
