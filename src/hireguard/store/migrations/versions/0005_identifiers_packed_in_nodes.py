"""Linkage: each application's identifiers packed in its ``link_nodes`` row.

``link_identifiers`` had, besides its primary key by fingerprint, an index by application
(for a partner's context identifiers, a ring's summary, re-scoring, the rebuild and ``rings
show``). Each of an application's ~15 identifier rows lands on a random page of both
B-trees, and the second one cost about a third of every insert. The same identifiers are now
kept in the application's node (``link_nodes.ids``: the signed 64-bit fingerprints, then one
byte per link-type code, little-endian, in (code, fingerprint) order), written with the node
in the same insert, and the index is dropped.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import struct

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 900  # applications per update


def _pack(rows: list[tuple[int, int]]) -> bytes:
    """As ``hireguard.linkage.tables.pack_identifiers`` (kept here: a migration must not
    change when the code does)."""
    rows = sorted(rows, key=lambda r: (r[1], r[0]))
    n = len(rows)
    return struct.pack(f"<{n}q{n}B", *(h for h, _ in rows), *(code for _, code in rows))


def upgrade() -> None:
    op.add_column("link_nodes", sa.Column("ids", sa.LargeBinary))
    conn = op.get_bind()
    nodes = sa.table("link_nodes", sa.column("application_pk", sa.Integer), sa.column("ids"))
    ids = sa.table(
        "link_identifiers",
        sa.column("h", sa.BigInteger),
        sa.column("application_pk", sa.Integer),
        sa.column("kind", sa.SmallInteger),
    )
    update = (
        nodes.update()
        .where(nodes.c.application_pk == sa.bindparam("pk"))
        .values(ids=sa.bindparam("packed"))
    )
    pks = conn.execute(sa.select(nodes.c.application_pk).order_by(nodes.c.application_pk))
    all_pks = [int(pk) for (pk,) in pks]
    for i in range(0, len(all_pks), _BATCH):
        part = all_pks[i : i + _BATCH]
        held: dict[int, list[tuple[int, int]]] = {pk: [] for pk in part}
        for pk, h, kind in conn.execute(  # by the index by application, still there
            sa.select(ids.c.application_pk, ids.c.h, ids.c.kind).where(
                ids.c.application_pk.between(part[0], part[-1])
            )
        ):
            if int(pk) in held:
                held[int(pk)].append((int(h), int(kind)))
        conn.execute(update, [{"pk": pk, "packed": _pack(rows)} for pk, rows in held.items()])
    op.drop_index("ix_link_identifiers_application", table_name="link_identifiers")


def downgrade() -> None:
    op.create_index(
        "ix_link_identifiers_application", "link_identifiers", ["application_pk", "kind", "h"]
    )
    with op.batch_alter_table("link_nodes") as batch:
        batch.drop_column("ids")
