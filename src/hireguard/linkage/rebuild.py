"""Recompute every ring from the store (``hireguard rings rebuild``).

The heavy work is set-based SQL, written once and run where the data is:

1. in the store (SQLite or PostgreSQL): keep only identifiers that two to ``MAX_GROUP``
   applications share (:data:`SHARED_IDENTIFIERS_SQL`);
2. in DuckDB (in-process): self-join them into pairs, weigh each pair with the link-type
   strengths and the agency / household discounts (:func:`pairs_sql`, rendered from
   :mod:`.kinds`), and summarise what holds each ring together (:data:`RING_LINKS_SQL`).

The same statements are plain Spark SQL apart from ``list``/``GROUP BY ALL`` spellings, so a
deployment that outgrows one machine can run them on a cluster. Connected components of
the edges are found with SciPy; a component larger than ``MAX_RING`` is split by Louvain
community detection (NetworkX, fixed seed) so that one hub does not glue unrelated
applications together; then applications join rings through their connecting address, as in
incremental linking (:func:`~hireguard.linkage.linker.ring_ip_joins`). Ring ids are kept:
each new ring takes the id of the old ring it overlaps most (each old id once), so an
analyst's ring keeps its name across rebuilds.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from hireguard.linkage import tables as lt
from hireguard.linkage.kinds import (
    BY_CODE,
    BY_KIND,
    CONTEXT_CODES,
    EDGE_THRESHOLD,
    EXPLAINING_CODES,
    IP_CODE,
    MAX_GROUP,
    REFERENCE_CODE,
    SEEDING_CODES,
    household_sql,
    pair_code_sql,
    strength_sql,
)
from hireguard.linkage.linker import (
    COVER_MIN_JACCARD,
    RESUME_MAX_GROUP,
    RESUME_MIN_JACCARD,
    ip_holders,
    record_aliases,
    ring_ip_joins,
)
from hireguard.linkage.minhash import NUM_PERM
from hireguard.linkage.rings import MAX_RING, MIN_IDENTITIES, new_cluster_id, ring_score

RESUME_CODE = BY_KIND["resume"].code
_SEEDING = ", ".join(str(c) for c in sorted(SEEDING_CODES))

SHARED_IDENTIFIERS_SQL = f"""
SELECT i.h, i.application_pk, i.kind
FROM link_identifiers i
JOIN (
  SELECT h FROM link_identifiers WHERE kind IN ({_SEEDING})
  GROUP BY h
  HAVING COUNT(*) >= 2 AND COUNT(*) <= CASE
    WHEN MAX(kind) = {RESUME_CODE} THEN {RESUME_MAX_GROUP} ELSE {MAX_GROUP} END
) g ON g.h = i.h
"""
"""Identifiers that can start a link and that 2..MAX_GROUP applications share (in the store);
a resume band 2..RESUME_MAX_GROUP, as in incremental linking (more is boilerplate)."""

PAIR_KINDS_SQL = f"""
SELECT DISTINCT a.pk AS a, b.pk AS b,
       {pair_code_sql("a.kind", "b.kind")} AS kind
FROM ids a JOIN ids b ON a.h = b.h AND a.pk < b.pk
"""
"""Candidate pairs and the link types that started them (DuckDB). Two resumes sharing one
LSH band are verified here (incremental linking asks two, to bound its cost per application;
the batch can afford the one-band pairs, which the same Jaccard test then decides)."""

ADD_CONTEXT_SQL = """
INSERT INTO pair_kinds
SELECT DISTINCT c.a, c.b, x.kind
FROM (SELECT DISTINCT a, b FROM pair_kinds) c
JOIN ctx x ON x.pk = c.a
JOIN ctx y ON y.pk = c.b AND y.h = x.h
"""
"""What else each candidate pair shares among the context link types (DuckDB)."""


def pairs_sql(threshold: float = EDGE_THRESHOLD) -> str:
    """Pairs of applications whose shared link types add up to an edge."""
    same_agency = "(na.agency_key IS NOT NULL AND na.agency_key = nb.agency_key)"
    strength = strength_sql(
        "p.kind", same_agency, household_sql("na", "nb", "f.has_ip"), "f.has_reference = 1"
    )
    return f"""
WITH flags AS (
  SELECT a, b, MAX(CASE WHEN kind = {IP_CODE} THEN 1 ELSE 0 END) AS has_ip,
         MAX(CASE WHEN kind = {REFERENCE_CODE} THEN 1 ELSE 0 END) AS has_reference
  FROM pair_kinds GROUP BY a, b
)
SELECT p.a, p.b, SUM({strength}) AS strength,
       SUM(CASE WHEN p.kind = {RESUME_CODE} THEN 0.0 ELSE {strength} END) AS without_resume,
       MAX(CASE WHEN p.kind = {REFERENCE_CODE} THEN 1 ELSE 0 END) AS vouched
FROM pair_kinds p
JOIN flags f ON f.a = p.a AND f.b = p.b
JOIN nodes na ON na.pk = p.a
JOIN nodes nb ON nb.pk = p.b
GROUP BY p.a, p.b
HAVING SUM({strength}) >= {threshold!r}
   AND SUM(CASE WHEN p.kind IN ({_SEEDING}) THEN 1 ELSE 0 END) > 0
"""


RING_LINKS_SQL = f"""
SELECT cid, kind, MAX(k) AS identities FROM (
  SELECT m.cid, {pair_code_sql("MIN(i.kind)", "MAX(i.kind)")}
         AS kind, i.h,
         COUNT(DISTINCT n.name_key) AS k
  FROM members m JOIN all_ids i ON i.pk = m.pk JOIN nodes n ON n.pk = m.pk
  GROUP BY m.cid, i.h
) WHERE k >= 2
GROUP BY cid, kind
"""
"""What holds each ring together: per link type, most identities sharing one value."""


@dataclass(slots=True)
class RebuildStats:
    applications: int = 0
    shared_identifiers: int = 0
    pairs: int = 0
    edges: int = 0
    rings: int = 0
    members: int = 0
    split_components: int = 0
    kept_ids: int = 0
    seconds: float = 0.0


I64 = npt.NDArray[np.int64]


def _fetch_int_columns(conn: sa.Connection, sql: str, ncols: int, batch: int = 500_000) -> I64:
    """Run ``sql`` (integer columns, NULL read as 0) into one int64 array, in batches."""
    result = conn.exec_driver_sql(sql)
    parts: list[I64] = []
    while True:
        rows = result.fetchmany(batch)
        if not rows:
            break
        parts.append(np.array(rows, dtype=np.int64).reshape(-1, ncols))
    return np.concatenate(parts) if parts else np.empty((0, ncols), dtype=np.int64)


def _components(a: I64, b: I64, n: int) -> I64:
    from scipy.sparse import coo_matrix  # type: ignore[import-untyped]
    from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels, dtype=np.int64)


def _split(nodes: list[int], edges: list[tuple[int, int, float]]) -> list[list[int]]:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_weighted_edges_from(edges)
    communities = nx.community.louvain_communities(g, weight="weight", seed=7)
    return [sorted(c) for c in communities]


def rebuild_rings(db_url: str, progress: Callable[[str], None] | None = None) -> RebuildStats:
    """Recompute every ring and its summary from the stored identifiers; return figures."""
    from hireguard.store.db import open_db

    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    stats = RebuildStats()
    engine = open_db(db_url)
    db = duckdb.connect()
    db.execute("SET threads TO 2")
    with engine.connect() as conn:
        say("reading shared identifiers")
        ids = _fetch_int_columns(conn, SHARED_IDENTIFIERS_SQL, 3)
        db.register("ids_np", {"h": ids[:, 0], "pk": ids[:, 1], "kind": ids[:, 2]})
        db.execute("CREATE TABLE ids AS SELECT * FROM ids_np")
        db.unregister("ids_np")
        say("pairing")
        db.execute(f"CREATE TABLE pair_kinds AS {PAIR_KINDS_SQL}")
        linked = np.asarray(
            db.execute("SELECT DISTINCT pk FROM ids ORDER BY pk").fetchnumpy()["pk"], dtype=np.int64
        )
        ctx = _context_identifiers(conn, linked)
        nodes = _fetch_for(
            conn,
            "SELECT application_pk, t, name_key, COALESCE(agency_key, 0), "
            "COALESCE(home_key, 0), COALESCE(first_key, 0), COALESCE(last_key, 0) "
            "FROM link_nodes WHERE application_pk IN ({pks})",
            linked,
            7,
        )
        sigs = _signatures(conn, db)
        old = conn.execute(
            sa.select(lt.ring_members.c.application_pk, lt.ring_members.c.cluster_id)
        ).all()
        old_updated = {
            str(cid): ts
            for cid, ts in conn.execute(sa.select(lt.rings.c.cluster_id, lt.rings.c.updated_at))
        }
        stats.applications = int(
            conn.scalar(sa.select(sa.func.count()).select_from(lt.link_nodes)) or 0
        )
    stats.shared_identifiers = len(ids)
    db.register("ctx_np", {"pk": ctx[:, 0], "h": ctx[:, 1], "kind": ctx[:, 2]})
    db.execute("CREATE TABLE ctx AS SELECT * FROM ctx_np")
    db.register(
        "nodes_np",
        {
            "pk": nodes[:, 0],
            "t": nodes[:, 1],
            "name_key": nodes[:, 2],
            "agency_key": nodes[:, 3],
            "home_key": nodes[:, 4],
            "first_key": nodes[:, 5],
            "last_key": nodes[:, 6],
        },
    )
    db.execute(
        "CREATE TABLE nodes AS SELECT pk, t, name_key, NULLIF(agency_key, 0) AS agency_key, "
        "NULLIF(home_key, 0) AS home_key, NULLIF(first_key, 0) AS first_key, "
        "NULLIF(last_key, 0) AS last_key FROM nodes_np"
    )
    db.execute(ADD_CONTEXT_SQL)
    _documents(db, sigs)
    n_pairs = db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT a, b FROM pair_kinds)").fetchone()
    stats.pairs = int(n_pairs[0]) if n_pairs else 0
    db.execute(
        "CREATE TABLE all_ids AS SELECT pk, h, kind FROM ids UNION ALL SELECT pk, h, kind FROM ctx"
    )
    edges = db.execute(pairs_sql()).fetchnumpy()
    ea = np.asarray(edges["a"], dtype=np.int64)
    eb = np.asarray(edges["b"], dtype=np.int64)
    ew = np.asarray(edges["strength"], dtype=np.float64)
    # Carried by the resume alone: too weak without it, and neither names the other as a
    # reference (whoever vouches for the copier is no stranger whose resume was taken).
    carried = (np.asarray(edges["without_resume"]) < EDGE_THRESHOLD) & (
        np.asarray(edges["vouched"]) == 0
    )
    keep = _drop_authors(ea, eb, carried, nodes)
    ea, eb, ew = ea[keep], eb[keep], ew[keep]
    stats.edges = len(ea)

    say("finding rings")
    rings = _rings(ea, eb, ew, nodes, stats)
    with engine.connect() as conn:
        _join_by_ip(conn, db, rings)
    member_rows = [(pk, i) for i, members in enumerate(rings) for pk in members]
    db.register(
        "members_np",
        {
            "pk": np.array([r[0] for r in member_rows], dtype=np.int64),
            "cid": np.array([r[1] for r in member_rows], dtype=np.int64),
        },
    )
    db.execute("CREATE TABLE members AS SELECT * FROM members_np")
    links: dict[int, dict[str, int]] = defaultdict(dict)
    for cid, kind, k in db.execute(RING_LINKS_SQL).fetchall():
        if int(kind) not in EXPLAINING_CODES:  # an honest explanation holds nothing together
            links[int(cid)][BY_CODE[int(kind)].kind] = int(k)
    span = {
        int(cid): (int(lo), int(hi), int(n))
        for cid, lo, hi, n in db.execute(
            "SELECT m.cid, MIN(n.t), MAX(n.t), COUNT(DISTINCT n.name_key) "
            "FROM members m JOIN nodes n ON n.pk = m.pk GROUP BY m.cid"
        ).fetchall()
    }
    db.close()

    ids_for = _stable_ids(rings, old, stats)
    now = dt.datetime.now(dt.UTC)
    old_members: dict[str, set[int]] = defaultdict(set)
    for pk, cid in old:
        old_members[str(cid)].add(int(pk))
    ring_rows: list[dict[str, Any]] = []
    for i, members in enumerate(rings):
        lo, hi, n = span[i]
        cid = ids_for[i]
        # A ring the rebuild found as it was keeps its time of change: its members'
        # assessments are as current as they were (only changed rings are assessed again).
        same = old_members.get(cid) == set(members) and cid in old_updated
        lk = dict(sorted(links[i].items(), key=lambda kv: -BY_KIND[kv[0]].strength))
        ring_rows.append(
            {
                "cluster_id": cid,
                "size": len(members),
                "identities": n,
                "score": ring_score(lk),
                "links": lk,
                "first_seen": dt.datetime.fromtimestamp(lo, dt.UTC),
                "last_seen": dt.datetime.fromtimestamp(hi, dt.UTC),
                "updated_at": old_updated[cid] if same else now,
            }
        )
    say("writing rings")
    with engine.begin() as conn:
        conn.execute(lt.ring_members.delete())
        conn.execute(lt.rings.delete())
        if ring_rows:
            conn.execute(lt.rings.insert(), ring_rows)
            conn.execute(
                lt.ring_members.insert(),
                [{"application_pk": pk, "cluster_id": ids_for[i]} for pk, i in member_rows],
            )
        record_aliases(conn, _aliases(rings, old, ids_for))
    stats.rings = len(rings)
    stats.members = len(member_rows)
    stats.seconds = round(time.perf_counter() - started, 3)
    return stats


def _join_by_ip(conn: sa.Connection, db: duckdb.DuckDBPyConnection, rings: list[list[int]]) -> None:
    """Add to ``rings`` (in place) the applications that join a ring through its connecting
    address (:func:`~hireguard.linkage.linker.ring_ip_joins`, as incremental linking does),
    and record the joiners' facts and address in DuckDB's ``nodes`` and ``all_ids``."""
    ring_of = {pk: f"{i:09d}" for i, members in enumerate(rings) for pk in members}
    hs: set[int] = set()
    for _pk, held in lt.packed_identifiers(conn, sorted(ring_of)):
        codes = {code for _, code in held}
        if BY_KIND["hosted_ip"].code not in codes:  # a data centre's: hosted_ip links it
            hs.update(h for h, code in held if code == IP_CODE)
    groups = ip_holders(conn, sorted(hs)) if hs else {}
    joins = ring_ip_joins(groups, ring_of)
    if not joins:
        return
    facts = {m.pk: (h, m) for h, ms in groups.items() for m in ms if m.pk in joins}
    for pk, cid in joins.items():
        rings[int(cid)].append(pk)
    for members in rings:
        members.sort()
    known = {int(r[0]) for r in db.execute("SELECT pk FROM nodes").fetchall()}
    rows = [facts[pk][1] for pk in sorted(joins) if pk not in known]
    if rows:
        db.executemany(
            "INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.pk, m.t, m.name_key, m.agency_key, m.home_key, *m.words) for m in rows],
        )
    db.executemany(
        "INSERT INTO all_ids VALUES (?, ?, ?)",
        [(pk, facts[pk][0], IP_CODE) for pk in sorted(joins)],
    )


def _fetch_for(conn: sa.Connection, sql: str, pks: I64, ncols: int) -> I64:
    """Run ``sql`` (with ``{pks}``) for the given applications, 900 at a time."""
    parts = [
        _fetch_int_columns(
            conn, sql.format(pks=", ".join(str(int(x)) for x in pks[i : i + 900])), ncols
        )
        for i in range(0, len(pks), 900)
    ]
    return np.concatenate(parts) if parts else np.empty((0, ncols), dtype=np.int64)


def _context_identifiers(conn: sa.Connection, pks: I64) -> I64:
    """``(application_pk, h, kind)`` of the given applications' context identifiers (IP,
    /24, home, ...), unpacked from ``link_nodes.ids``, 900 applications at a time."""
    context = np.array(sorted(CONTEXT_CODES), dtype=np.uint8)
    parts: list[I64] = []
    for pk, held in lt.packed_identifiers(conn, [int(x) for x in pks]):
        rows = np.array(held, dtype=np.int64).reshape(-1, 2)
        rows = rows[np.isin(rows[:, 1], context)]
        if len(rows):
            parts.append(np.column_stack([np.full(len(rows), pk, np.int64), rows]))
    return np.concatenate(parts) if parts else np.empty((0, 3), dtype=np.int64)


def _signatures(
    conn: sa.Connection, db: duckdb.DuckDBPyConnection
) -> dict[int, tuple[bytes | None, bytes | None]]:
    """Resume and cover-letter signatures of every application in a candidate pair."""
    pks = db.execute("SELECT DISTINCT pk FROM ids ORDER BY pk").fetchall()
    flat = [int(r[0]) for r in pks]
    sigs: dict[int, tuple[bytes | None, bytes | None]] = {}
    n = lt.link_nodes.c
    for i in range(0, len(flat), 900):
        query = sa.select(n.application_pk, n.resume_sig, n.cover_sig).where(
            n.application_pk.in_(flat[i : i + 900])
        )
        for pk, rs, cs in conn.execute(query):
            sigs[pk] = (rs, cs)
    return sigs


def _documents(
    db: duckdb.DuckDBPyConnection, sigs: dict[int, tuple[bytes | None, bytes | None]]
) -> None:
    """Verify shared resume bands by estimated Jaccard; add similar cover letters."""
    resume, cover = BY_KIND["resume"].code, BY_KIND["cover_letter"].code
    pairs = db.execute("SELECT a, b, list(kind) FROM pair_kinds GROUP BY a, b").fetchall()
    drop_a, drop_b, add_a, add_b = [], [], [], []
    for a, b, kinds in pairs:
        ra, ca = sigs.get(a, (None, None))
        rb, cb = sigs.get(b, (None, None))
        if resume in kinds and (ra is None or rb is None or _jac(ra, rb) < RESUME_MIN_JACCARD):
            drop_a.append(a)
            drop_b.append(b)
        if ca is not None and cb is not None and _jac(ca, cb) >= COVER_MIN_JACCARD:
            add_a.append(a)
            add_b.append(b)
    if drop_a:
        db.register("drop_np", {"a": np.array(drop_a, np.int64), "b": np.array(drop_b, np.int64)})
        db.execute(
            f"DELETE FROM pair_kinds p USING drop_np d "
            f"WHERE p.a = d.a AND p.b = d.b AND p.kind = {resume}"
        )
    if add_a:
        db.register("add_np", {"a": np.array(add_a, np.int64), "b": np.array(add_b, np.int64)})
        db.execute(f"INSERT INTO pair_kinds SELECT a, b, {cover} FROM add_np")


def _jac(x: bytes, y: bytes) -> float:
    return float(np.count_nonzero(np.frombuffer(x, np.uint32) == np.frombuffer(y, np.uint32))) / (
        NUM_PERM
    )


def _drop_authors(a: I64, b: I64, carried: npt.NDArray[np.bool_], nodes: I64) -> Any:
    """Edges to keep: as :meth:`Linker._drop_authors`, the earlier end of an edge that only a
    shared resume makes joins through it only when it is a copy too or otherwise linked to
    another identity (an edge between one identity's own applications does not count)."""
    if not carried.any():
        return np.ones(len(a), dtype=bool)
    order = np.argsort(nodes[:, 0])
    pks = nodes[order, 0]
    t = nodes[order, 1]
    name = nodes[order, 2]
    ia, ib = np.searchsorted(pks, a), np.searchsorted(pks, b)
    ta, tb = t[ia], t[ib]
    a_first = (ta < tb) | ((ta == tb) & (a < b))
    earlier = np.where(a_first, a, b)
    later = np.where(a_first, b, a)
    two_names = name[ia] != name[ib]
    other = ~carried & two_names
    # (One person's own applications share their resume: the later is no copy.)
    allowed = np.union1d(later[carried & two_names], np.concatenate([a[other], b[other]]))
    return ~carried | np.isin(earlier, allowed)


def _rings(
    ea: I64, eb: I64, ew: npt.NDArray[np.float64], nodes: I64, stats: RebuildStats
) -> list[list[int]]:
    """Connected components of the edges (large ones split) holding two or more identities."""
    if len(ea) == 0:
        return []
    pks = np.unique(np.concatenate([ea, eb]))
    ia = np.searchsorted(pks, ea)
    ib = np.searchsorted(pks, eb)
    labels = _components(ia, ib, len(pks))
    name_of = dict(zip(nodes[:, 0].tolist(), nodes[:, 2].tolist(), strict=True))
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    comps = [pks[g].tolist() for g in np.split(order, bounds)]
    big = {i for i, c in enumerate(comps) if len(c) > MAX_RING}
    out: list[list[int]] = []
    if big:
        edge_comp = labels[ia]
        for i in big:
            sel = np.flatnonzero(edge_comp == i)
            stats.split_components += 1
            parts = _split(
                comps[i],
                list(zip(ea[sel].tolist(), eb[sel].tolist(), ew[sel].tolist(), strict=True)),
            )
            comps.extend(parts)
    for i, comp in enumerate(comps):
        if i in big or len(comp) < 2:
            continue
        if len({name_of.get(pk) for pk in comp}) >= MIN_IDENTITIES:
            out.append(sorted(comp))
    out.sort(key=lambda c: c[0])
    return out


def _stable_ids(rings: list[list[int]], old: Sequence[Any], stats: RebuildStats) -> dict[int, str]:
    """Give each new ring the id of the old ring it overlaps most (each old id once)."""
    old_of = {int(pk): str(cid) for pk, cid in old}
    overlaps: list[tuple[int, int, str]] = []
    for i, members in enumerate(rings):
        counts: dict[str, int] = defaultdict(int)
        for pk in members:
            cid = old_of.get(pk)
            if cid is not None:
                counts[cid] += 1
        overlaps.extend((n, i, cid) for cid, n in counts.items())
    overlaps.sort(key=lambda x: (-x[0], x[1], x[2]))
    ids: dict[int, str] = {}
    used: set[str] = set()
    for _n, i, cid in overlaps:
        if i not in ids and cid not in used:
            ids[i] = cid
            used.add(cid)
    stats.kept_ids = len(ids)
    for i, members in enumerate(rings):
        if i not in ids:
            cid = new_cluster_id(members)
            while cid in used:  # an old ring's id that went to another ring
                cid = new_cluster_id([*members, -len(used)])
            ids[i] = cid
            used.add(cid)
    return ids


def _aliases(rings: list[list[int]], old: Sequence[Any], ids: dict[int, str]) -> dict[str, str]:
    """Each old ring id that no new ring kept -> the new ring holding most of its members."""
    new_of = {pk: ids[i] for i, members in enumerate(rings) for pk in members}
    live = set(ids.values())
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for pk, cid in old:
        target = new_of.get(int(pk))
        if target is not None and str(cid) not in live:
            counts[str(cid)][target] += 1
    return {cid: min(by.items(), key=lambda kv: (-kv[1], kv[0]))[0] for cid, by in counts.items()}
