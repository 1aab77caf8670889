from .d import VALUE
