"""The store's secret salt for identifier fingerprints.

``$HIREGUARD_SALT`` when set; otherwise a random salt generated once and kept in
``<data dir>/salt`` (readable by the owner only). Losing it makes stored fingerprints
unmatchable with new ones, so it belongs in the same backups as the database.
"""

from __future__ import annotations

import os
import secrets

from hireguard.paths import data_dir


def default_salt() -> str:
    env = os.environ.get("HIREGUARD_SALT")
    if env:
        return env
    path = data_dir() / "salt"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    salt = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(salt + "\n")
    return salt
