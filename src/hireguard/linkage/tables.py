"""Linkage tables, declared on the shared :data:`hireguard.store.tables.metadata`.

Identifiers are kept only as salted 64-bit fingerprints (never in clear). An identifier row
is narrow (fingerprint, application, link type): it is inserted at a random place of a B-tree
keyed by the fingerprint, so its width is what linking a chunk costs. The facts about the
application that pair evidence needs (time, identity, agency, home) are in ``link_nodes``,
one join away; finding and weighing links is a join on ``h`` in SQL, on DuckDB here and on
Spark at scale. An application's own identifiers are also kept packed in its ``link_nodes``
row (``ids``, :func:`pack_identifiers`), which is where they are read by application (a
partner's context, a ring's summary, re-scoring, the rebuild, ``rings show``): an index of
``link_identifiers`` by application would cost about a third of every identifier insert.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator, Sequence

import sqlalchemy as sa

from hireguard.store.bulk import positional_placeholder
from hireguard.store.tables import metadata

# One row per application that went through linkage.
link_nodes = sa.Table(
    "link_nodes",
    metadata,
    sa.Column("application_pk", sa.Integer, sa.ForeignKey("applications.pk"), primary_key=True),
    sa.Column("t", sa.BigInteger, nullable=False),  # submitted_at, epoch seconds
    sa.Column("name_key", sa.BigInteger, nullable=False),  # fingerprint of the identity's name
    sa.Column("agency_key", sa.BigInteger),  # declared staffing agency, if any
    sa.Column("home_key", sa.BigInteger),  # fingerprint of the home address
    sa.Column("first_key", sa.BigInteger),  # fingerprints of the name's first and last word,
    sa.Column("last_key", sa.BigInteger),  # compared only for equality (possible relatives)
    sa.Column("copier", sa.Boolean),  # shares a resume with an earlier applicant (a copy)
    sa.Column("resume_sig", sa.LargeBinary),  # MinHash signature (uint32 x 64)
    sa.Column("cover_sig", sa.LargeBinary),
    sa.Column("ids", sa.LargeBinary),  # the application's identifiers, pack_identifiers
)

# Salted fingerprints of what each application carries, one row per (identifier, application).
link_identifiers = sa.Table(
    "link_identifiers",
    metadata,
    sa.Column("h", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("application_pk", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.SmallInteger, nullable=False),
    sqlite_with_rowid=False,
)


def pack_identifiers(ids: Iterable[tuple[int, int]]) -> bytes:
    """``(fingerprint, link-type code)`` pairs as ``link_nodes.ids``: the signed 64-bit
    fingerprints, then one byte per code, little-endian, in (code, fingerprint) order."""
    rows = sorted([(code, h) for h, code in ids])  # (code, fingerprint) order
    n = len(rows)
    return struct.pack(f"<{n}q{n}B", *(h for _, h in rows), *(code for code, _ in rows))


def unpack_identifiers(blob: bytes | memoryview | None) -> list[tuple[int, int]]:
    """The ``(fingerprint, link-type code)`` pairs of a ``link_nodes.ids`` value."""
    if not blob:
        return []
    n = len(blob) // 9
    values = struct.unpack(f"<{n}q{n}B", blob)
    return list(zip(values[:n], values[n:], strict=True))


def packed_identifiers(
    conn: sa.Connection, pks: Sequence[int], per_statement: int = 900
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """``(application_pk, [(fingerprint, code), ...])`` for those of ``pks`` that have a
    node, read through the driver ``per_statement`` applications at a time."""
    mark = positional_placeholder(conn)
    for i in range(0, len(pks), per_statement):
        part = tuple(int(x) for x in pks[i : i + per_statement])
        sql = (
            "SELECT application_pk, ids FROM link_nodes "
            f"WHERE application_pk IN ({', '.join([mark] * len(part))})"
        )
        for pk, packed in conn.exec_driver_sql(sql, part):
            yield int(pk), unpack_identifiers(packed)


rings = sa.Table(
    "rings",
    metadata,
    sa.Column("cluster_id", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("identities", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("links", sa.JSON, nullable=False),  # kind -> identities sharing one value of it
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Index("ix_rings_score", rings.c.score)

ring_members = sa.Table(
    "ring_members",
    metadata,
    sa.Column("application_pk", sa.Integer, sa.ForeignKey("applications.pk"), primary_key=True),
    sa.Column("cluster_id", sa.String(64), nullable=False),
)
sa.Index("ix_ring_members_cluster", ring_members.c.cluster_id)

# A ring retired by a merge -> the ring that absorbed it (assessments stored before the merge
# keep the retired id until their application is scored again).
ring_aliases = sa.Table(
    "ring_aliases",
    metadata,
    sa.Column("retired_id", sa.String(64), primary_key=True),
    sa.Column("cluster_id", sa.String(64), nullable=False),
)
sa.Index("ix_ring_aliases_cluster", ring_aliases.c.cluster_id)
