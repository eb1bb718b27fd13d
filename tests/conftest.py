"""Shared test fixtures. Gold data and corpora are read from ../shared/data at run time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, skipping the calling test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (shared data not available)")
    return path


@pytest.fixture
def gold() -> type:
    """``gold.path("meantime_en")`` gives a gold folder or skips the test."""

    class _Gold:
        @staticmethod
        def path(*parts: str) -> Path:
            return shared_path("gold", *parts)

    return _Gold


@pytest.fixture
def corpora() -> type:
    class _Corpora:
        @staticmethod
        def path(*parts: str) -> Path:
            return shared_path("corpora", *parts)

    return _Corpora
