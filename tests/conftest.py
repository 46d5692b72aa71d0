"""Fixtures shared by the whole suite: the shared data folder, databases, examples.

Databases are real: SQLite in a temporary folder, and a throwaway database on the local
PostgreSQL server (``HIREGUARD_TEST_PG``, default ``postgresql+psycopg://postgres@localhost:5432``)
created for the test and dropped after it.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()
PG_SERVER = os.environ.get("HIREGUARD_TEST_PG", "postgresql+psycopg://postgres@localhost:5432")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder is expected beside the repository at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def examples(shared_dir: Path) -> dict[str, dict[str, Any]]:
    """The contract's hand-written applications, by file stem."""
    folder = shared_dir / "contract" / "examples"
    return {p.stem: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own HireGuard data directory (no test touches the user's)."""
    monkeypatch.setenv("HIREGUARD_HOME", str(tmp_path_factory.mktemp("hghome")))
    monkeypatch.delenv("HIREGUARD_DB", raising=False)


def _pg_available() -> bool:
    try:
        engine = sa.create_engine(f"{PG_SERVER}/postgres")
        with engine.connect():
            pass
        engine.dispose()
        return True
    except sa.exc.OperationalError:
        return False


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    if not _pg_available():
        pytest.fail(f"PostgreSQL is not reachable at {PG_SERVER} (start it: see .ci/run)")
    name = f"hg_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        from hireguard.store import db as store_db

        store_db._engine_for.cache_clear()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on SQLite and on the local PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hireguard.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url
