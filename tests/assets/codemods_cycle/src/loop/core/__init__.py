"""The core package; it does not import pricing itself."""
