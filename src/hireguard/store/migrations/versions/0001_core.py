"""Core tables: batches, applications, assessments, findings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(512), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ),
        sa.Column("n_read", sa.Integer, nullable=False),
        sa.Column("n_errors", sa.Integer, nullable=False),
        sa.Column("decisions", sa.JSON, nullable=False),
        sa.Column("model_version", sa.String(64)),
    )
    op.create_table(
        "applications",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("application_id", sa.String(128), nullable=False),
        sa.Column("submitted_at", TZ, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.Column("first_batch_id", sa.Integer, sa.ForeignKey("batches.id")),
        sa.Column("last_batch_id", sa.Integer, sa.ForeignKey("batches.id")),
        sa.Column("raw", sa.JSON),
        sa.Column("normalised", sa.JSON),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("redacted_at", TZ),
        sa.UniqueConstraint("application_id", name="uq_applications_application_id"),
    )
    op.create_table(
        "assessments",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("application_pk", sa.Integer, sa.ForeignKey("applications.pk"), nullable=False),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id")),
        sa.Column("assessed_at", TZ, nullable=False),
        sa.Column("risk_score", sa.Float, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("sanctions_matches", sa.JSON, nullable=False),
        sa.Column("cluster_id", sa.String(64)),
        sa.Column("model_version", sa.String(64)),
        sa.Column("is_current", sa.Boolean, nullable=False),
    )
    op.create_index(
        "ix_assessments_application_current", "assessments", ["application_pk", "is_current"]
    )
    op.create_index("ix_assessments_decision", "assessments", ["decision", "is_current"])
    op.create_table(
        "findings",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("assessment_pk", sa.Integer, sa.ForeignKey("assessments.pk"), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("weight", sa.Float, nullable=False),
        sa.Column("hard", sa.Boolean, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    op.create_index("ix_findings_assessment", "findings", ["assessment_pk"])
    op.create_index("ix_findings_code", "findings", ["code"])


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("assessments")
    op.drop_table("applications")
    op.drop_table("batches")
