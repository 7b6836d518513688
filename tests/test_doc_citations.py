"""Every `docs/<file>.md#anchor` the code cites, and every in-page link of the docs, exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"docs/([\w.-]+\.md)#([\w-]+)")
IN_PAGE_LINK = re.compile(r"\]\(#([\w-]+)\)")
ANCHOR = re.compile(r'<a id="([\w-]+)"></a>')


def _tracked(*patterns: str) -> list[Path]:
    """Files under version control, so build and cache folders never count."""
    out = subprocess.run(
        ["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [ROOT / line for line in out.splitlines()]


def _anchors(doc: str) -> set[str]:
    return set(ANCHOR.findall((ROOT / "docs" / doc).read_text(encoding="utf-8")))


def test_every_cited_anchor_exists() -> None:
    missing = [
        f"{path.relative_to(ROOT)}: docs/{doc}#{anchor}"
        for path in _tracked("*.py", "*.toml")
        for doc, anchor in CITATION.findall(path.read_text(encoding="utf-8"))
        if not (ROOT / "docs" / doc).is_file() or anchor not in _anchors(doc)
    ]
    assert missing == []


@pytest.mark.parametrize("doc", ["science.md", "strava.md"])
def test_every_in_page_link_lands(doc: str) -> None:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    assert set(IN_PAGE_LINK.findall(text)) <= _anchors(doc)
