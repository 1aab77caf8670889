"""Models."""

from app.api import views  # the violation: a lower layer imports a higher one
