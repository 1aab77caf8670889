from gated import b, c

VALUE = (b, c)
