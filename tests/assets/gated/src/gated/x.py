import gated.y
from gated.y import First
from gated.y import Second

BOTH = (First, Second)
