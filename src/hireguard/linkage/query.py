"""Reading rings back for analysts: the list, and one ring in detail."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from hireguard.linkage import tables as lt
from hireguard.linkage.kinds import BY_CODE, EXPLAINING_CODES, pair_code
from hireguard.store import tables as t


@dataclass(slots=True)
class RingSummary:
    cluster_id: str
    size: int
    identities: int
    score: float
    first_seen: dt.datetime
    last_seen: dt.datetime
    links: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values (``rings list --json``, the API)."""
        return {
            "cluster_id": self.cluster_id,
            "size": self.size,
            "identities": self.identities,
            "score": self.score,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "links": self.links,
        }


@dataclass(slots=True)
class RingMember:
    pk: int
    application_id: str
    name: str | None  # None once personal data is removed
    submitted_at: dt.datetime


@dataclass(slots=True)
class SharedValue:
    """One identifier value several members carry (shown by kind and a short fingerprint)."""

    kind: str
    fingerprint: str
    members: list[str]  # application ids


@dataclass(slots=True)
class RingDetail:
    summary: RingSummary
    members: list[RingMember]
    shared: list[SharedValue]
    edges: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # pair -> kinds

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.summary.as_dict(),
            "members": [
                {
                    "application_id": m.application_id,
                    "name": m.name,
                    "submitted_at": m.submitted_at.isoformat(),
                }
                for m in self.members
            ],
            "shared": [
                {"kind": v.kind, "fingerprint": v.fingerprint, "members": v.members}
                for v in self.shared
            ],
        }


def _summary(row: Any) -> RingSummary:
    return RingSummary(
        cluster_id=row.cluster_id,
        size=row.size,
        identities=row.identities,
        score=float(row.score),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        links=dict(row.links),
    )


def list_rings(conn: sa.Connection, limit: int = 50, min_score: float = 0.0) -> list[RingSummary]:
    """Rings by score, strongest first."""
    r = lt.rings
    rows = conn.execute(
        sa.select(r)
        .where(r.c.score >= min_score)
        .order_by(r.c.score.desc(), r.c.size.desc(), r.c.cluster_id)
        .limit(limit)
    )
    return [_summary(row) for row in rows]


def count_rings(conn: sa.Connection) -> int:
    return int(conn.scalar(sa.select(sa.func.count()).select_from(lt.rings)) or 0)


def surviving_cluster_ids(conn: sa.Connection, cluster_ids: Iterable[str]) -> dict[str, str]:
    """For each of ``cluster_ids`` that a merge retired, the ring that absorbed it (aliases
    are kept collapsed, so one look-up suffices); ids that were never retired are left out."""
    a = lt.ring_aliases.c
    ids = sorted(set(cluster_ids))
    found: dict[str, str] = {}
    for i in range(0, len(ids), 900):
        query = sa.select(a.retired_id, a.cluster_id).where(a.retired_id.in_(ids[i : i + 900]))
        found.update({str(old): str(new) for old, new in conn.execute(query)})
    return found


def resolve_cluster_id(conn: sa.Connection, cluster_id: str) -> str | None:
    """The live ring id for ``cluster_id``: itself, or the ring that absorbed it when two
    rings merged (an assessment stored before the merge names the retired id); None when
    neither is known."""
    r = lt.rings.c
    target = surviving_cluster_ids(conn, [cluster_id]).get(cluster_id, cluster_id)
    live = conn.scalar(sa.select(r.cluster_id).where(r.cluster_id == target))
    return str(live) if live is not None else None


def ring_detail(conn: sa.Connection, cluster_id: str) -> RingDetail | None:
    """One ring: its members, the identifier values they share, and who shares with whom.

    A ring id retired by a merge leads to the ring that absorbed it."""
    resolved = resolve_cluster_id(conn, cluster_id)
    if resolved is None:
        return None
    cluster_id = resolved
    row = conn.execute(sa.select(lt.rings).where(lt.rings.c.cluster_id == cluster_id)).first()
    if row is None:
        return None
    a = t.applications.c
    members: list[RingMember] = []
    for pk, aid, raw, submitted in conn.execute(
        sa.select(a.pk, a.application_id, a.raw, a.submitted_at)
        .join(lt.ring_members, lt.ring_members.c.application_pk == a.pk)
        .where(lt.ring_members.c.cluster_id == cluster_id)
        .order_by(a.submitted_at, a.pk)
    ):
        name = raw.get("applicant", {}).get("full_name") if isinstance(raw, dict) else None
        members.append(RingMember(pk, aid, name, submitted))
    by_pk = {m.pk: m.application_id for m in members}
    node = lt.link_nodes.c
    groups: dict[int, tuple[set[int], list[int]]] = {}
    pks = sorted(by_pk)
    for i in range(0, len(pks), 900):
        for pk, packed in conn.execute(
            sa.select(node.application_pk, node.ids)
            .where(node.application_pk.in_(pks[i : i + 900]))
            .order_by(node.application_pk)
        ):
            for h, held_code in lt.unpack_identifiers(packed):
                codes, holders = groups.setdefault(h, (set(), []))
                codes.add(held_code)
                holders.append(pk)
    shared: list[SharedValue] = []
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for h, (codes, holders) in groups.items():
        # One's own contact named as another's reference is `referee_applicant` (pair_code).
        code = pair_code(min(codes), max(codes))
        if len(holders) < 2 or code in EXPLAINING_CODES:  # an explanation is not shared
            continue
        kind = BY_CODE[code].kind
        ids = sorted(by_pk[x] for x in holders)
        shared.append(SharedValue(kind, f"{h & 0xFFFFFFFFFFFFFFFF:016x}"[:10], ids))
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                if kind not in edges[(x, y)]:
                    edges[(x, y)].append(kind)
    order = {lt_.kind: lt_.code for lt_ in BY_CODE.values()}
    shared.sort(key=lambda v: (order[v.kind], -len(v.members), v.fingerprint))
    return RingDetail(_summary(row), members, shared, dict(edges))
