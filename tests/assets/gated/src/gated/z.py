import gated.x
