"""Shared fixtures: the real list files in ``shared/`` beside the repository, one index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hireguard.paths import package_data
from hireguard.sanctions.index import SanctionsIndex
from hireguard.sanctions.parsers import read_paths
from hireguard.sanctions.screener import Screener

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
LISTS = SHARED / "data" / "sanctions"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def lists_dir() -> Path:
    if not LISTS.is_dir():
        pytest.fail(f"the shared list files are missing: {LISTS}")
    return LISTS


@pytest.fixture(scope="session")
def screener() -> Screener:
    """A screener over the built-in lists (OFAC SDN + consolidated, UN, OFAC addresses)."""
    parsed = read_paths([package_data("sanctions")])
    return Screener(SanctionsIndex(e for p in parsed for e in p.entries))


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty HireGuard data folder for this test."""
    monkeypatch.setenv("HIREGUARD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HIREGUARD_DB", raising=False)
    from hireguard.sanctions import screener as screener_module

    screener_module._DEFAULT.clear()
    yield tmp_path / "home"
    screener_module._DEFAULT.clear()
