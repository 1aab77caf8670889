from shop.ring.a import *  # noqa

VALUE = 1
