"""A package with submodules that have no Python source: compiled extensions and a missing one."""
