"""Guards that read TYPE_CHECKING in every spelling."""
