import gated.a
from gated.a import VALUE

ALIAS = VALUE
