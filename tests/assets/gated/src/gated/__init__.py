"""A layer whose gate's cut differs from its all-kinds cut."""
