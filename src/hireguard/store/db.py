"""Database access: engines, URLs, and migrations run programmatically with alembic.

SQLite in the user's data directory is the default; any SQLAlchemy URL works through
``--db`` or ``HIREGUARD_DB`` (PostgreSQL in production, e.g.
``postgresql+psycopg://hireguard@db.internal/hireguard``).
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

import orjson
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from hireguard.paths import data_dir

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

log = logging.getLogger(__name__)


class DatabaseMissingError(Exception):
    """A command that only reads a database was given a SQLite file that does not exist
    (a misspelt ``--db``): refused rather than created empty."""


#: Set while a command that only reads runs (``hireguard rings ...``): a SQLite database
#: that does not exist is then an error, not a new empty file (and folders) made silently.
_EXISTING_ONLY: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "hireguard_existing_db_only", default=None
)


@contextlib.contextmanager
def existing_databases_only(command: str) -> Iterator[None]:
    """While inside, :func:`make_engine` refuses a SQLite file that does not exist, naming
    ``command`` (e.g. ``hireguard rings list``) in its message."""
    token = _EXISTING_ONLY.set(command)
    try:
        yield
    finally:
        _EXISTING_ONLY.reset(token)


def default_url() -> str:
    """``$HIREGUARD_DB``, or SQLite at ``<data dir>/hireguard.db``."""
    return os.environ.get("HIREGUARD_DB") or f"sqlite:///{data_dir() / 'hireguard.db'}"


class JsonText(str):
    """A value already serialised as JSON: stored as it is, not serialised again."""

    __slots__ = ()


def _json_dumps(value: object) -> str:
    if isinstance(value, JsonText):
        return value
    return orjson.dumps(value).decode()


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA cache_size=-65536")
    # Checkpoint the WAL every ~40 MB rather than every 4 MB: a scoring chunk writes several
    # MB (link identifiers and their indexes), so the default checkpointed (and synced) at
    # nearly every commit, rewriting the same index pages each time. Measured on 20,000
    # applications (docs/intake.md): commit time 48 -> 34 us per application.
    cur.execute("PRAGMA wal_autocheckpoint=10000")
    cur.close()


#: Every engine made by :func:`make_engine`, for :func:`close_all` at the end of a command.
_MADE: weakref.WeakSet[sa.Engine] = weakref.WeakSet()


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None: in memory, or a ``file:`` URI left to SQLite)."""
    path = sa.engine.make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path)


def _create_private(path: Path) -> None:
    """Create the empty database file readable by its owner only (0600): it will hold
    applicants' personal data. SQLite gives its ``-wal`` and ``-shm`` files the database
    file's mode. A file that exists already is left as its owner made it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_engine(url: str | None = None) -> sa.Engine:
    """An engine for ``url`` (default: :func:`default_url`); SQLite gets WAL and sane pragmas.

    A new SQLite database is created readable by its owner only; inside
    :func:`existing_databases_only`, a SQLite file that does not exist is refused
    (:class:`DatabaseMissingError`) instead."""
    url = url or default_url()
    if url.startswith("sqlite"):
        path = _sqlite_file(url)
        if path is not None and not path.exists():
            command = _EXISTING_ONLY.get()
            if command is not None:
                raise DatabaseMissingError(
                    f"no database at {path} ({url}): {command} reads an existing database "
                    "and creates none; check --db or HIREGUARD_DB (`hireguard score` creates "
                    "the database)"
                )
            _create_private(path)
        engine = sa.create_engine(url, json_serializer=_json_dumps)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True, json_serializer=_json_dumps)
    _MADE.add(engine)
    return engine


def close_engine(engine: sa.Engine) -> None:
    """Close ``engine``'s connections; a SQLite database is checkpointed first, so that the
    ``.db`` file alone holds everything (no data left in its ``-wal`` file). Never raises:
    it runs as a command ends, whatever happened before."""
    try:
        if engine.dialect.name == "sqlite":
            database = engine.url.database
            if database and database != ":memory:" and Path(database).exists():
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
    except Exception as exc:  # (a database that failed earlier in the command)
        log.debug("closing a database engine failed: %s", type(exc).__name__)


def alembic_config(engine: sa.Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config(sa.create_engine("sqlite://")))
    return script.get_current_head()


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is already there)."""
    if current_revision(engine) == head_revision():
        return
    command.upgrade(alembic_config(engine), "head")


class _EngineCache:
    """One migrated engine per URL per process (``cache_clear`` as ``functools.cache``)."""

    def __init__(self) -> None:
        self._engines: dict[str, sa.Engine] = {}
        self._lock = threading.Lock()

    def __call__(self, url: str) -> sa.Engine:
        with self._lock:
            engine = self._engines.get(url)
            if engine is None:
                engine = make_engine(url)
                upgrade(engine)
                self._engines[url] = engine
            return engine

    def pop(self, url: str) -> sa.Engine | None:
        with self._lock:
            return self._engines.pop(url, None)

    def cache_clear(self) -> None:
        with self._lock:
            self._engines.clear()


_engine_for = _EngineCache()


def open_db(url: str | None = None) -> sa.Engine:
    """An engine whose schema is up to date (one per URL per process)."""
    return _engine_for(url or default_url())


def close_db(url: str) -> None:
    """Close the engine :func:`open_db` made for ``url`` (checkpointed) and forget it."""
    engine = _engine_for.pop(url)
    if engine is not None:
        close_engine(engine)


def close_all() -> None:
    """Close every engine made in this process (SQLite checkpointed: the ``.db`` file then
    holds all the data, and the ``-wal`` file is gone). Run as a command ends."""
    _engine_for.cache_clear()
    for engine in list(_MADE):
        close_engine(engine)
