"""The database schema (SQLAlchemy Core tables), shared by every package.

Migrations under ``store/migrations/versions`` create and change these tables; each
package that owns tables declares them here or in its own module on the same ``metadata``
and adds a migration file. JSON columns hold the application as received (unknown fields
included) and the structured parts of an assessment.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# One run of `hireguard score` (or an API batch).
batches = sa.Table(
    "batches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(512), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("n_read", sa.Integer, nullable=False, default=0),
    sa.Column("n_errors", sa.Integer, nullable=False, default=0),
    sa.Column("decisions", sa.JSON, nullable=False, default=dict),
    sa.Column("model_version", sa.String(64)),
)

# The application as received (raw, unknown fields kept) and as normalised.
applications = sa.Table(
    "applications",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("application_id", sa.String(128), nullable=False, unique=True),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("first_batch_id", sa.Integer, sa.ForeignKey("batches.id")),
    sa.Column("last_batch_id", sa.Integer, sa.ForeignKey("batches.id")),
    sa.Column("raw", sa.JSON),  # null once personal data is removed
    sa.Column("normalised", sa.JSON),
    sa.Column("content_sha256", sa.String(64), nullable=False),
    sa.Column("redacted_at", sa.DateTime(timezone=True)),
)

# Every assessment ever made; exactly one per application has is_current = true.
assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("application_pk", sa.Integer, sa.ForeignKey("applications.pk"), nullable=False),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("batches.id")),
    sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("risk_score", sa.Float, nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("sanctions_matches", sa.JSON, nullable=False),
    sa.Column("cluster_id", sa.String(64)),
    sa.Column("model_version", sa.String(64)),
    sa.Column("is_current", sa.Boolean, nullable=False, default=True),
)
sa.Index(
    "ix_assessments_application_current", assessments.c.application_pk, assessments.c.is_current
)
sa.Index("ix_assessments_decision", assessments.c.decision, assessments.c.is_current)

findings = sa.Table(
    "findings",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("assessment_pk", sa.Integer, sa.ForeignKey("assessments.pk"), nullable=False),
    sa.Column("code", sa.String(32), nullable=False),
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("weight", sa.Float, nullable=False),
    sa.Column("hard", sa.Boolean, nullable=False, default=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("evidence", sa.JSON, nullable=False),
)
sa.Index("ix_findings_assessment", findings.c.assessment_pk)
sa.Index("ix_findings_code", findings.c.code)
