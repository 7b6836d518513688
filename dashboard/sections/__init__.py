"""Self-contained parts of the Settings page, one module each."""
