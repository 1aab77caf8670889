"""A package whose cycle runs through a parent __init__."""
