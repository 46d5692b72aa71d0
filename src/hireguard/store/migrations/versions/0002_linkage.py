"""Linkage: identifier fingerprints, linked applications, rings and ring members.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "link_nodes",
        sa.Column("application_pk", sa.Integer, sa.ForeignKey("applications.pk"), primary_key=True),
        sa.Column("t", sa.BigInteger, nullable=False),
        sa.Column("name_key", sa.BigInteger, nullable=False),
        sa.Column("agency_key", sa.BigInteger),
        sa.Column("home_key", sa.BigInteger),
        sa.Column("first_key", sa.BigInteger),
        sa.Column("last_key", sa.BigInteger),
        sa.Column("copier", sa.Boolean),
        sa.Column("resume_sig", sa.LargeBinary),
        sa.Column("cover_sig", sa.LargeBinary),
    )
    op.create_table(
        "link_identifiers",
        sa.Column("h", sa.BigInteger, nullable=False),
        sa.Column("application_pk", sa.Integer, nullable=False),
        sa.Column("kind", sa.SmallInteger, nullable=False),
        sa.Column("t", sa.BigInteger, nullable=False),
        sa.Column("name_key", sa.BigInteger, nullable=False),
        sa.Column("agency_key", sa.BigInteger),
        sa.Column("home_key", sa.BigInteger),
        sa.Column("first_key", sa.BigInteger),
        sa.Column("last_key", sa.BigInteger),
        sa.PrimaryKeyConstraint("h", "application_pk", name="pk_link_identifiers"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_link_identifiers_application", "link_identifiers", ["application_pk"])
    op.create_table(
        "rings",
        sa.Column("cluster_id", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("identities", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("first_seen", TZ, nullable=False),
        sa.Column("last_seen", TZ, nullable=False),
        sa.Column("links", sa.JSON, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_rings_score", "rings", ["score"])
    op.create_table(
        "ring_members",
        sa.Column("application_pk", sa.Integer, sa.ForeignKey("applications.pk"), primary_key=True),
        sa.Column("cluster_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_ring_members_cluster", "ring_members", ["cluster_id"])


def downgrade() -> None:
    op.drop_table("ring_members")
    op.drop_table("rings")
    op.drop_table("link_identifiers")
    op.drop_table("link_nodes")
