"""Where HireGuard keeps its files: ``$HIREGUARD_HOME`` or the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """The folder for the default database, loaded lists and reports (created on demand)."""
    home = os.environ.get("HIREGUARD_HOME")
    path = Path(home) if home else Path(platformdirs.user_data_dir("hireguard", appauthor=False))
    # A new data folder is its owner's only: it holds the database (personal data) and the
    # linkage salt. A folder that exists keeps the mode it has.
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def package_data(*parts: str) -> Path:
    """A file shipped inside the package (``src/hireguard/data/...``)."""
    return Path(__file__).resolve().parent.joinpath("data", *parts)
