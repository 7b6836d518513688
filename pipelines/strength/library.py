"""Read the exercise library shipped inside the `training.strength` package."""

from __future__ import annotations

import functools
from importlib import resources

from training.strength.library import Library, parse_library

LIBRARY_FILE = "exercises.toml"


@functools.cache
def bundled_library() -> Library:
    """The library as shipped; read and checked once per process."""
    text = resources.files("training.strength").joinpath(LIBRARY_FILE).read_text(encoding="utf-8")
    return parse_library(text)
