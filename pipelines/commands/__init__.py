"""CLI subcommands: each module exposes `register(subparsers, common)` and a handler."""
