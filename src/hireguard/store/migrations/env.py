"""Alembic environment: the engine is handed over by :mod:`hireguard.store.db`."""

from __future__ import annotations

from alembic import context

import hireguard.linkage.tables  # noqa: F401  (its tables join the shared metadata)
import hireguard.store.tables as tables

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=tables.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
