"""Linkage: resume LSH bands of four signature values instead of eight.

With eight values a band, a resume copied with a few words changed (Jaccard 0.7 to 0.8 on a
short resume) shared the two bands that make two resumes candidates only one to four times
in ten; with four, six to nine times in ten (``hireguard.linkage.minhash.BAND_ROWS``). The
stored band keys of every resume are computed again from its stored signature, so that new
applications keep matching the resumes stored before.

The keys are salted with the store's salt (``HIREGUARD_SALT`` or the data directory's
``salt`` file): run the migration with the same salt as the scoring runs.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_RESUME = 9  # the resume link type's code (hireguard.linkage.kinds)
_BATCH = 5000


def _rebuild_bands(rows: int) -> None:
    from hireguard.linkage.minhash import MinHasher
    from hireguard.linkage.salt import default_salt

    conn = op.get_bind()
    nodes = sa.table("link_nodes", sa.column("application_pk", sa.Integer), sa.column("resume_sig"))
    ids = sa.table(
        "link_identifiers",
        sa.column("h", sa.BigInteger),
        sa.column("application_pk", sa.Integer),
        sa.column("kind", sa.SmallInteger),
    )
    stored = conn.execute(
        sa.select(nodes.c.application_pk, nodes.c.resume_sig).where(nodes.c.resume_sig.is_not(None))
    ).all()
    conn.execute(ids.delete().where(ids.c.kind == _RESUME))
    if not stored:
        return
    hasher = MinHasher.create(default_salt(), rows=rows)
    for i in range(0, len(stored), _BATCH):
        part = stored[i : i + _BATCH]
        sigs = [np.frombuffer(bytes(sig), dtype=np.uint32) for _, sig in part]
        keys = hasher.band_keys(sigs, _RESUME)
        found = {(h, pk) for (pk, _), row in zip(part, keys, strict=True) for h in row}
        conn.execute(
            ids.insert(), [{"h": h, "application_pk": pk, "kind": _RESUME} for h, pk in found]
        )


def upgrade() -> None:
    _rebuild_bands(rows=4)


def downgrade() -> None:
    _rebuild_bands(rows=8)
