"""Linkage: narrow identifier rows, and aliases of merged rings.

``link_identifiers`` kept, on each of an application's ~17 rows, six facts about the
application (time, identity, agency, home, name words) that ``link_nodes`` already holds. The
rows are inserted at random places of a B-tree keyed by the fingerprint, so their width was
most of the cost of linking a chunk; the facts are now read from ``link_nodes`` by a join.
The index by application now holds the link type and fingerprint too, so that reading an
application's context identifiers does not visit the table.

``ring_aliases`` maps the id of a ring retired by a merge to the id of the ring that absorbed
it, so that an assessment stored before the merge still leads to its ring.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FACTS = ("t", "name_key", "agency_key", "home_key", "first_key", "last_key")


def upgrade() -> None:
    op.create_table(
        "link_identifiers_narrow",
        sa.Column("h", sa.BigInteger, nullable=False),
        sa.Column("application_pk", sa.Integer, nullable=False),
        sa.Column("kind", sa.SmallInteger, nullable=False),
        sa.PrimaryKeyConstraint("h", "application_pk", name="pk_link_identifiers_narrow"),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO link_identifiers_narrow (h, application_pk, kind) "
        "SELECT h, application_pk, kind FROM link_identifiers"
    )
    op.drop_index("ix_link_identifiers_application", table_name="link_identifiers")
    op.drop_table("link_identifiers")
    op.rename_table("link_identifiers_narrow", "link_identifiers")
    # Covers the reads by application (its context identifiers, a ring's identifiers).
    op.create_index(
        "ix_link_identifiers_application", "link_identifiers", ["application_pk", "kind", "h"]
    )
    op.create_table(
        "ring_aliases",
        sa.Column("retired_id", sa.String(64), primary_key=True),
        sa.Column("cluster_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_ring_aliases_cluster", "ring_aliases", ["cluster_id"])


def downgrade() -> None:
    op.drop_table("ring_aliases")
    op.create_table(
        "link_identifiers_wide",
        sa.Column("h", sa.BigInteger, nullable=False),
        sa.Column("application_pk", sa.Integer, nullable=False),
        sa.Column("kind", sa.SmallInteger, nullable=False),
        sa.Column("t", sa.BigInteger, nullable=False),
        sa.Column("name_key", sa.BigInteger, nullable=False),
        sa.Column("agency_key", sa.BigInteger),
        sa.Column("home_key", sa.BigInteger),
        sa.Column("first_key", sa.BigInteger),
        sa.Column("last_key", sa.BigInteger),
        sa.PrimaryKeyConstraint("h", "application_pk", name="pk_link_identifiers_wide"),
        sqlite_with_rowid=False,
    )
    facts = ", ".join(f"n.{c}" for c in _FACTS)
    op.execute(
        f"INSERT INTO link_identifiers_wide (h, application_pk, kind, {', '.join(_FACTS)}) "
        f"SELECT i.h, i.application_pk, i.kind, {facts} FROM link_identifiers i "
        "JOIN link_nodes n ON n.application_pk = i.application_pk"
    )
    op.drop_index("ix_link_identifiers_application", table_name="link_identifiers")
    op.drop_table("link_identifiers")
    op.rename_table("link_identifiers_wide", "link_identifiers")
    op.create_index("ix_link_identifiers_application", "link_identifiers", ["application_pk"])
