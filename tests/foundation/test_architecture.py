"""The dependency direction of STYLE.md: training is pure, pipelines never import streamlit."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("training", ("streamlit", "duckdb", "requests", "stravalib", "pipelines", "dashboard")),
        ("pipelines", ("streamlit", "dashboard")),
    ],
)
def test_package_imports_stay_in_their_lane(package: str, forbidden: tuple[str, ...]) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"import {package}\n"
        f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        f"bad = [n for n in {forbidden!r} if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
