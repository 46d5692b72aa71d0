"""Many rows in and out through the driver, typed as SQLAlchemy types them.

``conn.execute(table.insert(), list_of_dicts)`` builds, checks and processes a parameter
dictionary per row, and ``column.in_(keys)`` builds a bound parameter per key; for the tens
of thousands of rows a scoring run writes and reads back, that bookkeeping cost more than
the database's own work. :func:`insert_rows` takes plain tuples instead, applies each
column's bind processor (the dialect's own: date-times as text on SQLite, JSON serialised by
the engine's serialiser) and hands the rows to the driver, so the stored values are exactly
those of a SQLAlchemy insert; :func:`lookup` reads key-value pairs with one placeholder per
key.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

_Processor = Callable[[Any], Any] | None


@functools.lru_cache(maxsize=64)
def _statement(
    table: sa.Table, columns: tuple[str, ...], dialect: sa.Dialect
) -> tuple[str, bool, tuple[int, ...], tuple[_Processor, ...]]:
    """The dialect's INSERT text, whether it takes positional parameters, the order of the
    positional ones (indexes into ``columns``) and each column's bind processor."""
    stmt = table.insert().values({c: sa.bindparam(c) for c in columns})
    compiled = stmt.compile(dialect=dialect, for_executemany=True)  # no RETURNING
    order: tuple[int, ...] = ()
    if compiled.positional:
        names = [compiled.binds[name].key for name in compiled.positiontup or ()]
        order = tuple(columns.index(n) for n in names)
    processors = tuple(
        table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns
    )
    return str(compiled), compiled.positional, order, processors


def insert_rows(
    conn: sa.Connection,
    table: sa.Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table`` in one executemany."""
    if not rows:
        return
    cols = tuple(columns)
    sql, positional, order, processors = _statement(table, cols, conn.dialect)
    convert = [(i, p) for i, p in enumerate(processors) if p is not None]
    if convert:
        # A value repeated down a column (a chunk's one timestamp) is converted once.
        last: dict[int, tuple[Any, Any]] = {}
        converted = []
        for row in rows:
            values = list(row)
            for i, process in convert:
                value = values[i]
                seen = last.get(i)
                if seen is not None and seen[0] is value:
                    values[i] = seen[1]
                else:
                    values[i] = process(value)
                    last[i] = (value, values[i])
            converted.append(values)
        rows = converted
    if positional:
        params: list[Any] = [tuple([r[i] for i in order]) for r in rows]
    else:
        params = [dict(zip(cols, r, strict=True)) for r in rows]
    conn.exec_driver_sql(sql, params)


def placeholder(conn: sa.Connection) -> str | None:
    """The driver's positional parameter marker (``?`` for sqlite3, ``%s`` for psycopg), or
    None for a driver that takes named parameters only."""
    style = conn.dialect.paramstyle
    if style == "qmark":
        return "?"
    return "%s" if style in ("format", "pyformat") else None


def positional_placeholder(conn: sa.Connection) -> str:
    """:func:`placeholder` for SQL that has no named-parameter variant (the linkage's
    reads): a driver with named parameters only is refused with a clear message."""
    mark = placeholder(conn)
    if mark is None:
        raise RuntimeError(
            f"this needs a database driver with positional parameters, not {conn.dialect.driver}"
        )
    return mark


def lookup(
    conn: sa.Connection,
    key: sa.Column[Any],
    value: sa.Column[Any],
    keys: Sequence[Any],
    *where: sa.ColumnElement[bool],
    per_statement: int = 500,
) -> dict[Any, Any]:
    """``value`` by ``key`` for the rows of one table whose key is in ``keys`` (and
    ``where``), ``per_statement`` keys a statement. Keys are plain strings or integers."""
    found: dict[Any, Any] = {}
    if not keys:
        return found
    mark = placeholder(conn)
    if mark is None:  # a driver with named parameters
        for i in range(0, len(keys), per_statement):
            query = sa.select(key, value).where(key.in_(keys[i : i + per_statement]), *where)
            found.update(conn.execute(query).tuples().all())
        return found
    condition = ""
    if where:
        clause = sa.and_(*where).compile(
            dialect=conn.dialect, compile_kwargs={"literal_binds": True}
        )
        condition = f" AND {clause}"
    table = key.table.name  # type: ignore[attr-defined]
    for i in range(0, len(keys), per_statement):
        part = tuple(keys[i : i + per_statement])
        sql = (
            f"SELECT {key.name}, {value.name} FROM {table} "
            f"WHERE {key.name} IN ({', '.join([mark] * len(part))}){condition}"
        )
        found.update(conn.exec_driver_sql(sql, part).fetchall())
    return found
