"""Which stored applications must be assessed again because a ring formed or changed.

An application is assessed when it arrives, against everything stored before it. The first
members of a ring were therefore assessed alone: a laptop farm's first "employee" got
``allow`` and no ring finding, and only the third made the ring. When a run makes or grows a
ring, the members whose current assessment does not name that ring (``cluster_id`` empty, or
the id of a ring that was since merged into another) are *stale*: the pipeline assesses them
again from what is stored, so that every member's current assessment carries the ring's
findings and id, and the earlier assessment stays as history.

A member is stale too when its ring changed after its current assessment was made
(``grown``): a farm's first members assessed while it held two applications said "ring of 2"
and asked for verification long after it held eight. The pipeline asks this once a run, at
its end, so each member is assessed again at most once a run, however often its ring grew
in it; later rounds (members linked again can join rings stored after them) ask only for a
changed ring id, since linking a member again touches its ring. A rebuild keeps the time of
change of every ring it finds as it was. After ``hireguard rings rebuild``, an application
whose current assessment names a ring it is no longer in is stale too
(:func:`left_ring_members`). Applications whose personal data was removed are never
assessed again (their record is gone).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from hireguard.linkage import tables as lt
from hireguard.store import tables as t


def stale_ring_members(
    conn: sa.Connection, since: dt.datetime | None, *, grown: bool = True
) -> list[str]:
    """Application ids, in storage order, of the members of rings changed at or after
    ``since`` (of every ring when None) whose current assessment names no ring or another
    ring, or (``grown``) was made before the ring's last change."""
    m, r, s, a = lt.ring_members, lt.rings, t.assessments, t.applications
    query = (
        sa.select(a.c.application_id)
        .select_from(
            m.join(r, r.c.cluster_id == m.c.cluster_id)
            .join(s, sa.and_(s.c.application_pk == m.c.application_pk, s.c.is_current.is_(True)))
            .join(a, a.c.pk == m.c.application_pk)
        )
        .where(
            *([r.c.updated_at >= since] if since is not None else []),
            a.c.raw.is_not(None),
            sa.or_(
                s.c.cluster_id.is_(None),
                s.c.cluster_id != m.c.cluster_id,
                *([s.c.assessed_at < r.c.updated_at] if grown else []),
            ),
        )
        .order_by(m.c.application_pk)
    )
    return [str(x) for x in conn.execute(query).scalars()]


def left_ring_members(conn: sa.Connection) -> list[str]:
    """Application ids, in storage order, whose current assessment names a ring that they
    are not a member of (any more): after a rebuild dropped them, or dissolved the ring. It
    reads every current assessment with a ring, which suits a rebuild, not every run."""
    m, s, a = lt.ring_members, t.assessments, t.applications
    query = (
        sa.select(a.c.application_id)
        .select_from(s.join(a, a.c.pk == s.c.application_pk))
        .where(
            s.c.is_current.is_(True),
            s.c.cluster_id.is_not(None),
            a.c.raw.is_not(None),
            ~sa.exists().where(m.c.application_pk == s.c.application_pk),
        )
        .order_by(a.c.pk)
    )
    return [str(x) for x in conn.execute(query).scalars()]
