"""Incremental linking: each new application against everything stored before it.

:meth:`Linker.link_chunk` runs inside the pipeline's transaction for one chunk. It costs a
handful of statements per chunk whatever its size: one look-up of how common each of the
chunk's identifiers is, one fetch of the applications that carry the uncommon ones, a few
bulk inserts, and the ring updates. Pair evidence and edges follow :mod:`.kinds`; the
rebuild (:mod:`.rebuild`) applies the same rules to the whole store.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from hireguard.enrich.types import EnrichedApplication, LinkContext
from hireguard.linkage import tables as lt
from hireguard.linkage.identifiers import AppKeys, extract
from hireguard.linkage.kinds import (
    BY_CODE,
    BY_KIND,
    CONTEXT_CODES,
    EDGE_THRESHOLD,
    EXPLAINING_CODES,
    EXPLAINS,
    IP_CODE,
    MAX_GROUP,
    REFERENCE_CODE,
    SEEDING_CODES,
    pair_code,
    pair_strength,
    same_household,
)
from hireguard.linkage.minhash import MinHasher, jaccard
from hireguard.linkage.rings import MIN_IDENTITIES, new_cluster_id, ring_links, ring_score
from hireguard.store import tables as t
from hireguard.store.bulk import positional_placeholder

_IN = 900  # bound parameters per IN list (SQLite's old limit is 999)
RESUME_MIN_JACCARD = 0.7
COVER_MIN_JACCARD = 0.8
BURST_WINDOW = 12 * 3600  # seconds either side of the application
BURST_RANGE_IDENTITIES = 8  # distinct identities from one network range in the window
BURST_IDENTITY_APPLICATIONS = 8  # applications under one identity in the window
MAX_SHARED_LISTED = 20  # other application ids listed per kind in LinkContext.shared
POPULAR_CACHE = 100_000  # entries of the too-common-identifier cache
RESUME_MAX_GROUP = 40  # a resume band shared by more applications than this is boilerplate
RESUME_MIN_BANDS = 2  # LSH bands two resumes must share before their signatures are compared
_PAIR_ROWS = 450  # (band, application) rows per statement pairing resumes in the store
RING_IP_WINDOW = 30 * 86400  # seconds: how long one residential address says "one place"
RING_IP_IDENTITIES = 2  # identities of one ring on an address before others there join it

_RESUME = BY_KIND["resume"].code
_COVER = BY_KIND["cover_letter"].code
_IP_NET = BY_KIND["ip_net"].code
_EMAIL = BY_KIND["email"].code
_NATIONAL_ID = BY_KIND["national_id"].code
_HOSTED = BY_KIND["hosted_ip"].code
_CONTACT_CODES = frozenset(BY_KIND[k].code for k in ("email", "phone", "address"))
# Identifier rows carry (h, application, kind); the facts pair evidence needs are the
# application's, in link_nodes.
_MEMBER_COLUMNS = (
    "i.h, i.application_pk, i.kind, n.t, n.name_key, n.agency_key, n.home_key, "
    "n.first_key, n.last_key"
)
_MEMBER_FROM = "FROM link_identifiers i JOIN link_nodes n ON n.application_pk = i.application_pk"


@dataclass(slots=True)
class Member:
    """One application carrying an identifier (stored or in the chunk)."""

    pk: int
    code: int
    t: int
    name_key: int
    agency_key: int | None
    home_key: int | None
    words: tuple[int | None, int | None]  # first and last word of the name


def ring_ip_joins(groups: dict[int, list[Member]], ring_of: dict[int, str]) -> dict[int, str]:
    """Applications that join a ring through its connecting address (one IP, not a data
    centre's): the laptop farm that several of a ring's identities were seen on.

    ``groups`` maps an IP fingerprint to every application seen from it; ``ring_of`` maps
    ring members to their ring. An application in no ring joins a ring when at least
    ``RING_IP_IDENTITIES`` of that ring's identities connected from the same address within
    ``RING_IP_WINDOW`` of it, none of them explained by a household or a staffing agency
    with it (the household test treats the shared address as a home network, so neither side
    may lack a home address). One shared IP is only context between two applications (an
    office, a campus, a carrier's NAT); a third identity on the line where a ring already
    keeps two is the farm (PSA24, DOJ0630; several accounts from one IP, PSA25). Residential
    addresses are reassigned over weeks, hence the window. Joins chain within one address (a
    new member counts for the next); returns pk -> cluster_id for the applications that join.
    """
    joined: dict[int, str] = {}
    for h in sorted(groups):
        members = sorted(groups[h], key=lambda m: (m.t, m.pk))
        changed = True
        while changed:
            changed = False
            ringed = [(m, ring_of.get(m.pk) or joined.get(m.pk)) for m in members]
            anchors = [(m, cid) for m, cid in ringed if cid is not None]
            if not anchors:
                break
            for j, cid_j in ringed:
                if cid_j is not None or j.pk in joined:
                    continue
                names: dict[str, set[int]] = defaultdict(set)
                for m, cid in anchors:
                    if abs(m.t - j.t) > RING_IP_WINDOW:
                        continue
                    if j.agency_key is not None and j.agency_key == m.agency_key:
                        continue
                    if same_household(j.home_key, m.home_key, j.words, m.words, {IP_CODE}):
                        continue
                    names[cid].add(m.name_key)
                best = min(names.items(), key=lambda kv: (-len(kv[1]), kv[0]), default=None)
                if best is not None and len(best[1]) >= RING_IP_IDENTITIES:
                    joined[j.pk] = best[0]
                    changed = True
    return joined


def ip_holders(conn: sa.Connection, hs: Sequence[int]) -> dict[int, list[Member]]:
    """Every application seen from each of the IP fingerprints ``hs`` that three to
    ``MAX_GROUP`` applications share (counted in the database first), for
    :func:`ring_ip_joins`."""
    mark = positional_placeholder(conn)
    out: dict[int, list[Member]] = {}
    for part in _chunks(sorted(set(hs))):
        marks = ", ".join([mark] * len(part))
        sql = (
            f"SELECT {_MEMBER_COLUMNS} {_MEMBER_FROM} WHERE i.h IN ("
            f"SELECT h FROM link_identifiers WHERE h IN ({marks}) "
            f"GROUP BY h HAVING COUNT(*) BETWEEN 3 AND {MAX_GROUP})"
        )
        for h, pk, code, ts, name, agency, home, first, last in _rows(conn, sql, part):
            out.setdefault(h, []).append(Member(pk, code, ts, name, agency, home, (first, last)))
    return out


def _chunks(seq: Sequence[Any], n: int = _IN) -> Iterable[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def _utc(ts: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ts, dt.UTC)


def _rows_in(
    conn: sa.Connection, head: str, column: str, values: Sequence[Any], tail: str = ""
) -> list[Any]:
    """Rows of ``{head} WHERE {column} IN (values) {tail}``, asked in chunks of ``_IN``."""
    mark = positional_placeholder(conn)
    out: list[Any] = []
    for part in _chunks(values):
        marks = ", ".join([mark] * len(part))
        out.extend(_rows(conn, f"{head} WHERE {column} IN ({marks}) {tail}", part))
    return out


def _clusters_of(conn: sa.Connection, pks: Sequence[int]) -> dict[int, str]:
    """The ring (cluster_id) of each of ``pks`` that is in one."""
    return dict(
        _rows_in(conn, "SELECT application_pk, cluster_id FROM ring_members", "application_pk", pks)
    )


def _members_of(conn: sa.Connection, cluster_ids: Sequence[str]) -> dict[str, list[int]]:
    """The members of each of the rings ``cluster_ids`` (an empty list for an unknown id)."""
    out: dict[str, list[int]] = defaultdict(list)
    head = "SELECT application_pk, cluster_id FROM ring_members"
    for pk, cid in _rows_in(conn, head, "cluster_id", cluster_ids):
        out[cid].append(pk)
    return out


def _rows(conn: sa.Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    """Run ``sql`` on the transaction's driver connection and return plain tuples (no
    per-row SQLAlchemy processing: these statements read thousands of rows a chunk)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        rows: list[Any] = list(cursor.fetchall())
    finally:
        cursor.close()
    return rows


def _member(pk: int, code: int, k: AppKeys) -> Member:
    return Member(pk, code, k.t, k.name_key, k.agency_key, k.home_key, (k.first_key, k.last_key))


def record_aliases(conn: sa.Connection, retired: dict[str, str]) -> None:
    """Remember that each ring id in ``retired`` now lives on as another ring's id.

    Assessments stored before a merge (or a rebuild) keep the retired id until their
    application is scored again; :func:`hireguard.linkage.query.resolve_cluster_id` follows
    the alias. Chains are collapsed (an alias always names a ring id that was live when it
    was written), and an id that is live again stops being an alias.
    """
    retired = {old: new for old, new in retired.items() if old != new}
    if not retired:
        return
    ra = lt.ring_aliases
    for old, new in sorted(retired.items()):
        conn.execute(ra.update().where(ra.c.cluster_id == old).values(cluster_id=new))
    keys = sorted({*retired, *retired.values()})
    for part in _chunks(keys):
        conn.execute(ra.delete().where(ra.c.retired_id.in_(part)))
    conn.execute(
        ra.insert(), [{"retired_id": o, "cluster_id": n} for o, n in sorted(retired.items())]
    )


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for x in list(self.parent):
            out[self.find(x)].append(x)
        return out


class Linker:
    """Links applications through salted fingerprints of what they share, and keeps rings.

    Parameters:
        salt: the store's secret salt (:func:`hireguard.linkage.default_salt`).
    """

    def __init__(self, salt: str) -> None:
        self.salt = salt
        self.hasher = MinHasher.create(salt)
        self._popular: dict[int, int] = {}  # identifiers known to be too common to link on

    # -- the pipeline's entry point ---------------------------------------------------
    def link_chunk(
        self, conn: sa.Connection, apps: list[EnrichedApplication], app_pks: list[int]
    ) -> None:
        """Link a chunk of stored applications (``app_pks`` = ``applications.pk``).

        Fills ``app.links`` for every application; stores identifiers and updates rings.
        """
        if not apps:
            return
        keys = extract(apps, self.salt, self.hasher)
        # The last occurrence of an application re-submitted within the chunk wins.
        last: dict[int, int] = {pk: i for i, pk in enumerate(app_pks)}
        self._forget(conn, list(last))
        chunk_keys = {pk: keys[i] for pk, i in last.items()}

        groups, resumes = self._groups(conn, chunk_keys)
        people: dict[int, Member] = {}
        pairs = self._pairs(groups, resumes, chunk_keys, people)
        self._complete_pairs(conn, pairs, chunk_keys, people)
        self._resolve_identities(pairs, chunk_keys, people)
        self._store(conn, chunk_keys)
        edges: dict[tuple[int, int], float] = {}
        carried: dict[tuple[int, int], tuple[int, int]] = {}  # pair -> (earlier, later)
        one_identity: set[tuple[int, int]] = set()  # edges between one identity's applications

        def name_of(pk: int) -> int:
            return chunk_keys[pk].name_key if pk in chunk_keys else people[pk].name_key

        for pair, (codes, ctx) in pairs.items():
            s = pair_strength(codes, *ctx)
            if s < EDGE_THRESHOLD:
                continue
            edges[pair] = s
            if name_of(pair[0]) == name_of(pair[1]):
                one_identity.add(pair)
            # Carried by the resume alone: the earlier may be the stranger it was copied
            # from, unless one names the other as a reference (then they know each other).
            if (
                _RESUME in codes
                and REFERENCE_CODE not in codes
                and pair_strength(codes - {_RESUME}, *ctx) < EDGE_THRESHOLD
            ):
                a, b = (people[pair[0]], people[pair[1]])
                carried[pair] = (a.pk, b.pk) if (a.t, a.pk) < (b.t, b.pk) else (b.pk, a.pk)
        changed: dict[str, set[int]] = {}  # rings changed by this chunk: all members
        held: dict[int, list[tuple[int, int]]] = {}  # their stored identifiers
        ring_of = self._update_rings(conn, chunk_keys, edges, carried, one_identity, changed, held)
        ring_of = self._join_by_ip(conn, chunk_keys, ring_of, changed, held)
        self._fill_links(conn, apps, app_pks, chunk_keys, groups, pairs, people, ring_of)

    # -- steps ------------------------------------------------------------------------
    def _forget(self, conn: sa.Connection, pks: list[int]) -> None:
        """Remove what an earlier run stored for applications being scored again."""
        known: list[int] = []
        stale: list[tuple[int, int]] = []  # (h, application_pk) rows to delete
        for pk, held in lt.packed_identifiers(conn, pks):
            known.append(pk)
            stale.extend((h, pk) for h, _ in held)
        if not known:
            return
        mark = positional_placeholder(conn)
        if stale:  # by primary key: the rows are listed in the application's node
            conn.exec_driver_sql(
                f"DELETE FROM link_identifiers WHERE h = {mark} AND application_pk = {mark}",
                sorted(stale),
            )
        for part in _chunks(known):
            conn.execute(lt.link_nodes.delete().where(lt.link_nodes.c.application_pk.in_(part)))

    def _groups(
        self, conn: sa.Connection, chunk_keys: dict[int, AppKeys]
    ) -> tuple[dict[int, list[Member]], dict[int, list[Member]]]:
        """Every identifier of the chunk that can start a link, with the applications that
        carry it, every network range with the applications seen from it within the burst
        window, and the stored resumes sharing enough LSH bands with each chunk
        application's.

        The cost per application is bounded whatever the store's size: how many stored
        applications carry each identifier is counted in the database first (an index scan,
        no rows), and only identifiers carried by at most their kind's limit are read
        (``MAX_GROUP``; ``RESUME_MAX_GROUP`` for a resume band, since a band that many
        resumes share is boilerplate). The others are too common to link on; they are
        returned apart and remembered (a bounded cache) so that later chunks do not count
        them again. Network ranges are read for the burst window only.
        """
        holders: dict[int, list[int]] = defaultdict(list)  # identifier -> chunk applications
        nets: dict[int, list[int]] = defaultdict(list)
        for pk, k in chunk_keys.items():
            for h, code in k.ids.items():
                if code in SEEDING_CODES:
                    holders[h].append(pk)
                elif code == _IP_NET:
                    nets[h].append(pk)
        mark = positional_placeholder(conn)
        wanted = [h for h in holders if h not in self._popular]
        stored: dict[int, int] = dict(
            _rows_in(conn, "SELECT h, COUNT(*) FROM link_identifiers", "h", wanted, "GROUP BY h")
        )
        fetch: list[int] = []  # shared by 2..limit applications (stored or in the chunk)
        read: list[int] = []  # ... of which some stored, read here (resume bands apart)
        bands: list[tuple[int, int]] = []  # (band, chunk application) to pair in the store
        for h in wanted:
            pks = holders[h]
            n_stored = stored.get(h, 0)
            total = n_stored + len(pks)
            if total == 1:  # this application's alone, as most identifiers are
                continue
            code = chunk_keys[pks[0]].ids[h]
            if total > (RESUME_MAX_GROUP if code == _RESUME else MAX_GROUP):
                if len(self._popular) >= POPULAR_CACHE:
                    self._popular.clear()
                self._popular[h] = total
            elif total > 1:
                fetch.append(h)
                if code == _RESUME:
                    bands.extend((h, pk) for pk in pks if n_stored)
                elif n_stored:
                    read.append(h)
        groups: dict[int, list[Member]] = {}
        for part in _chunks(read):
            sql = (
                f"SELECT {_MEMBER_COLUMNS} {_MEMBER_FROM} "
                f"WHERE i.h IN ({', '.join([mark] * len(part))})"
            )
            for h, pk, code, ts, name, agency, home, first, last in _rows(conn, sql, part):
                groups.setdefault(h, []).append(
                    Member(pk, code, ts, name, agency, home, (first, last))
                )
        resumes = self._resume_partners(conn, bands, mark)
        if nets:
            times = [k.t for k in chunk_keys.values()]
            window = (min(times) - BURST_WINDOW, max(times) + BURST_WINDOW)
            for part in _chunks(list(nets), _IN - 2):
                sql = (
                    f"SELECT i.h, i.application_pk, n.t, n.name_key {_MEMBER_FROM} "
                    f"WHERE i.h IN ({', '.join([mark] * len(part))}) "
                    f"AND n.t BETWEEN {mark} AND {mark}"
                )
                for h, pk, ts, name in _rows(conn, sql, (*part, *window)):
                    groups.setdefault(h, []).append(
                        Member(pk, _IP_NET, ts, name, None, None, (None, None))
                    )
        for h in (*fetch, *nets):
            pks = holders[h] if h in holders else nets[h]
            if h in groups or len(pks) > 1:
                groups.setdefault(h, []).extend(
                    _member(pk, chunk_keys[pk].ids[h], chunk_keys[pk]) for pk in pks
                )
        return groups, resumes

    @staticmethod
    def _resume_partners(
        conn: sa.Connection, bands: list[tuple[int, int]], mark: str
    ) -> dict[int, list[Member]]:
        """Stored applications sharing at least ``RESUME_MIN_BANDS`` of a chunk resume's LSH
        bands (bands within ``RESUME_MAX_GROUP`` only), counted in the database: the band
        holders themselves never come to Python, only the few pairs that qualify."""
        found: list[tuple[int, int]] = []
        step = _PAIR_ROWS
        for i in range(0, len(bands), step):
            part = bands[i : i + step]
            first = f"(CAST({mark} AS BIGINT), CAST({mark} AS INTEGER))"
            values = ", ".join([first] + [f"({mark}, {mark})"] * (len(part) - 1))
            sql = (
                f"WITH q(h, a) AS (VALUES {values}) "
                "SELECT q.a, i.application_pk FROM q "
                "JOIN link_identifiers i ON i.h = q.h "
                f"GROUP BY q.a, i.application_pk HAVING COUNT(*) >= {RESUME_MIN_BANDS}"
            )
            found.extend(_rows(conn, sql, [x for row in part for x in row]))
        out: dict[int, list[Member]] = defaultdict(list)
        if not found:
            return out
        facts: dict[int, Member] = {}
        for nodes in _chunks(sorted({b for _, b in found})):
            sql = (
                "SELECT application_pk, t, name_key, agency_key, home_key, first_key, last_key "
                f"FROM link_nodes WHERE application_pk IN ({', '.join([mark] * len(nodes))})"
            )
            for pk, ts, name, agency, home, first, last in _rows(conn, sql, nodes):
                facts[pk] = Member(pk, _RESUME, ts, name, agency, home, (first, last))
        for a, b in found:
            out[a].append(facts[b])
        return out

    @staticmethod
    def _pairs(
        groups: dict[int, list[Member]],
        resumes: dict[int, list[Member]],
        chunk_keys: dict[int, AppKeys],
        people: dict[int, Member],
    ) -> dict[tuple[int, int], tuple[set[int], tuple[bool, bool]]]:
        """Pairs (chunk application, other) sharing an identifier that can start a link.

        Two resumes are candidates only when they share at least ``RESUME_MIN_BANDS`` LSH
        bands: one band in common is what boilerplate gives (measured on ``hireguard
        synth``: 99.9 % of one-band pairs fail the Jaccard check), and the check of each
        candidate costs a read of its signature.
        """
        pairs: dict[tuple[int, int], tuple[set[int], tuple[bool, bool]]] = {}
        bands: dict[tuple[int, int], int] = defaultdict(int)

        def add(m: Member, o: Member) -> None:
            key = (m.pk, o.pk) if m.pk < o.pk else (o.pk, m.pk)
            entry = pairs.get(key)
            if entry is None:
                agency = m.agency_key is not None and m.agency_key == o.agency_key
                # Provisional: whether they are one household is settled once the context
                # (a shared IP) is known, in _complete_pairs.
                home = same_household(m.home_key, o.home_key, m.words, o.words, set())
                pairs[key] = ({pair_code(m.code, o.code)}, (agency, home))
                people[m.pk] = m
                people[o.pk] = o
            else:
                entry[0].add(pair_code(m.code, o.code))

        for members in groups.values():
            if len(members) < 2 or members[0].code not in SEEDING_CODES:
                continue
            resume = members[0].code == _RESUME  # the chunk's holders only (stored: below)
            for m in members:
                if m.pk not in chunk_keys:
                    continue
                for o in members:
                    if o.pk == m.pk or (o.pk in chunk_keys and o.pk < m.pk):
                        continue
                    if resume:
                        key = (m.pk, o.pk) if m.pk < o.pk else (o.pk, m.pk)
                        bands[key] += 1
                        if bands[key] != RESUME_MIN_BANDS:
                            continue
                    add(m, o)
        for pk, others in resumes.items():
            m = _member(pk, _RESUME, chunk_keys[pk])
            for o in others:
                add(m, o)
        return pairs

    def _complete_pairs(
        self,
        conn: sa.Connection,
        pairs: dict[tuple[int, int], tuple[set[int], tuple[bool, bool]]],
        chunk_keys: dict[int, AppKeys],
        people: dict[int, Member],
    ) -> None:
        """Add what else each candidate pair shares, verify shared resume bands, and settle
        whether each pair is one household.

        Context link types (same IP, /24, home address, similar cover letter) are looked up
        for the candidate partners only, never used to find partners: a campus network or
        a cover-letter template shared by thousands costs nothing.
        """
        if not pairs:
            return
        ctx: dict[int, set[int]] = {}
        sigs: dict[int, tuple[bytes | None, bytes | None]] = {}
        for pk in {x for p in pairs for x in p if x in chunk_keys}:
            k = chunk_keys[pk]
            ctx[pk] = {h for h, code in k.ids.items() if code in CONTEXT_CODES}
            sigs[pk] = (k.resume_sig, k.cover_sig)
        need = sorted({x for p in pairs for x in p if x not in chunk_keys})
        code_of: dict[int, int] = {}
        head = "SELECT application_pk, resume_sig, cover_sig, ids FROM link_nodes"
        for pk, rs, cs, packed in _rows_in(conn, head, "application_pk", need):
            sigs[pk] = (None if rs is None else bytes(rs), None if cs is None else bytes(cs))
            for h, code in lt.unpack_identifiers(packed):
                if code in CONTEXT_CODES:
                    ctx.setdefault(pk, set()).add(h)
                    code_of[h] = code
        for k in chunk_keys.values():
            for h, code in k.ids.items():
                if code in CONTEXT_CODES:
                    code_of[h] = code
        for (a, b), (codes, (agency, _)) in list(pairs.items()):
            for h in ctx.get(a, set()) & ctx.get(b, set()):
                codes.add(code_of[h])
            pa, pb = people[a], people[b]
            home = same_household(pa.home_key, pb.home_key, pa.words, pb.words, codes)
            pairs[(a, b)] = (codes, (agency, home))
            ra, ca = sigs.get(a, (None, None))
            rb, cb = sigs.get(b, (None, None))
            if _RESUME in codes and (
                ra is None or rb is None or jaccard(ra, rb) < RESUME_MIN_JACCARD
            ):
                codes.discard(_RESUME)
            if ca is not None and cb is not None and jaccard(ca, cb) >= COVER_MIN_JACCARD:
                codes.add(_COVER)
            if not codes & SEEDING_CODES:
                del pairs[(a, b)]

    @staticmethod
    def _resolve_identities(
        pairs: dict[tuple[int, int], tuple[set[int], tuple[bool, bool]]],
        chunk_keys: dict[int, AppKeys],
        people: dict[int, Member],
    ) -> None:
        """One person under two spellings of a name is one identity.

        Two applications with the same national identity number and at least two of the
        same e-mail, phone and home address are one person (a married name, a nickname, a
        transliteration); the later takes the earlier's identity key, so that neither the
        rings nor HG-LNK-001 count them as two people. (A stolen identity number comes with
        the thief's own contact details, not the victim's.)
        """
        for (a, b), (codes, _) in sorted(pairs.items()):
            if _NATIONAL_ID not in codes or len(codes & _CONTACT_CODES) < 2:
                continue
            first, later = sorted((people[a], people[b]), key=lambda m: (m.t, m.pk))
            if later.pk in chunk_keys:
                name = chunk_keys[first.pk].name_key if first.pk in chunk_keys else first.name_key
                chunk_keys[later.pk].name_key = name

    @staticmethod
    def _store(conn: sa.Connection, chunk_keys: dict[int, AppKeys]) -> None:
        """Bulk-insert the chunk's nodes and identifiers (driver-level executemany: the rows
        are plain tuples, and SQLAlchemy's per-row parameter handling would cost more than
        the insert itself)."""
        mark = positional_placeholder(conn)

        def insert(table: sa.Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
            if rows:
                sql = (
                    f"INSERT INTO {table.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join([mark] * len(columns))})"
                )
                conn.exec_driver_sql(sql, rows)

        insert(
            lt.link_nodes,
            (
                "application_pk",
                "t",
                "name_key",
                "agency_key",
                "home_key",
                "first_key",
                "last_key",
                "resume_sig",
                "cover_sig",
                "ids",
            ),
            [
                (
                    pk,
                    k.t,
                    k.name_key,
                    k.agency_key,
                    k.home_key,
                    k.first_key,
                    k.last_key,
                    k.resume_sig,
                    k.cover_sig,
                    lt.pack_identifiers(k.ids.items()),
                )
                for pk, k in chunk_keys.items()
            ],
        )
        insert(
            lt.link_identifiers,
            ("h", "application_pk", "kind"),
            # In fingerprint order: each leaf of the B-tree is then visited once, in order.
            sorted((h, pk, code) for pk, k in chunk_keys.items() for h, code in k.ids.items()),
        )

    def _update_rings(
        self,
        conn: sa.Connection,
        chunk_keys: dict[int, AppKeys],
        edges: dict[tuple[int, int], float],
        carried: dict[tuple[int, int], tuple[int, int]],
        one_identity: set[tuple[int, int]],
        changed: dict[str, set[int]],
        held: dict[int, list[tuple[int, int]]],
    ) -> dict[int, str]:
        """Grow, merge or create the rings the chunk's edges touch; return pk -> cluster_id.

        ``changed`` receives each changed ring's members, ``held`` their identifiers."""
        rm = lt.ring_members
        touched = sorted({x for e in edges for x in e} | set(chunk_keys))
        ring_of = _clusters_of(conn, touched)
        if carried:
            self._drop_authors(conn, edges, carried, one_identity, ring_of)
        if not edges:
            return {pk: c for pk, c in ring_of.items() if pk in chunk_keys}
        uf = _UnionFind()
        for a, b in edges:
            uf.union(a, b)
        anchor: dict[str, int] = {}
        for x in list(uf.parent):  # two components touching one ring are one ring
            cid = ring_of.get(x)
            if cid is not None:
                uf.union(x, anchor.setdefault(cid, x))
        components = [c for c in uf.groups().values() if any(x in chunk_keys for x in c)]
        old_ids = sorted({ring_of[x] for c in components for x in c if x in ring_of})
        members = _members_of(conn, old_ids)
        retired: list[str] = []
        survivor: dict[str, str] = {}
        for comp in components:
            ids = sorted(
                {ring_of[x] for x in comp if x in ring_of}, key=lambda c: (-len(members[c]), c)
            )
            pks = set(comp)
            for cid in ids:
                pks.update(members[cid])
            if ids:
                cid = ids[0]
                retired.extend(ids[1:])
                survivor.update((old, cid) for old in ids[1:])
            elif len(self._identities(conn, pks, chunk_keys)) >= MIN_IDENTITIES:
                cid = new_cluster_id(pks)
            else:
                continue
            changed[cid] = pks
        if not changed:
            return {pk: c for pk, c in ring_of.items() if pk in chunk_keys}
        # A grown ring may now hold a second identity it lacked; one identity is no ring.
        for cid in list(changed):
            if len(self._identities(conn, changed[cid], chunk_keys)) < MIN_IDENTITIES:
                del changed[cid]
        if retired:
            for part in _chunks(retired):
                conn.execute(lt.rings.delete().where(lt.rings.c.cluster_id.in_(part)))
            record_aliases(conn, {o: c for o, c in survivor.items() if c in changed})
        all_pks = sorted({x for pks in changed.values() for x in pks})
        for part in _chunks(all_pks):
            conn.execute(rm.delete().where(rm.c.application_pk.in_(part)))
        conn.execute(
            rm.insert(),
            [
                {"application_pk": x, "cluster_id": cid}
                for cid, pks in changed.items()
                for x in sorted(pks)
            ],
        )
        held.update(self._summarise(conn, changed))
        for cid, pks in changed.items():
            for x in pks:
                ring_of[x] = cid
        return {pk: c for pk, c in ring_of.items() if pk in chunk_keys}

    @staticmethod
    def _drop_authors(
        conn: sa.Connection,
        edges: dict[tuple[int, int], float],
        carried: dict[tuple[int, int], tuple[int, int]],
        one_identity: set[tuple[int, int]],
        ring_of: dict[int, str],
    ) -> None:
        """Keep the author of a copied resume out of the copier's ring.

        An edge that only a shared resume makes is kept for its later application (the
        copy), and for the earlier one only when that one is itself a copy, already in a
        ring, or linked by something else to another identity: the honest developer whose
        resume was copied does not join the ring of the people who copied it, even when
        their own applications to several jobs are linked to each other (one identity).
        """
        # (One person's own applications share their resume: the later is no copy.)
        copiers = {later for pair, (_, later) in carried.items() if pair not in one_identity}
        n = lt.link_nodes.c
        for part in _chunks(sorted(copiers)):
            conn.execute(
                lt.link_nodes.update().where(n.application_pk.in_(part)).values(copier=True)
            )
        earlier = sorted({e for e, _ in carried.values()} - copiers)
        for part in _chunks(earlier):
            query = sa.select(n.application_pk).where(
                n.application_pk.in_(part), n.copier.is_(True)
            )
            copiers.update(pk for (pk,) in conn.execute(query))
        linked_otherwise = {
            x for pair in edges if pair not in carried and pair not in one_identity for x in pair
        }
        for pair, (first, _) in carried.items():
            if first not in copiers and first not in ring_of and first not in linked_otherwise:
                del edges[pair]

    @staticmethod
    def _identities(conn: sa.Connection, pks: set[int], chunk_keys: dict[int, AppKeys]) -> set[int]:
        names = {chunk_keys[x].name_key for x in pks if x in chunk_keys}
        rest = sorted(x for x in pks if x not in chunk_keys)
        n = lt.link_nodes.c
        for part in _chunks(rest):
            names.update(
                r[0] for r in conn.execute(sa.select(n.name_key).where(n.application_pk.in_(part)))
            )
        return names

    @staticmethod
    def _summarise(
        conn: sa.Connection, rings: dict[str, set[int]]
    ) -> dict[int, list[tuple[int, int]]]:
        """Write each changed ring's size, identities, links, score and first/last seen;
        return the members' identifiers (pk -> [(h, kind)])."""
        node: dict[int, tuple[int, int]] = {}  # pk -> (t, name_key)
        held: dict[int, list[tuple[int, int]]] = defaultdict(list)  # pk -> (h, kind)
        members = sorted({x for pks in rings.values() for x in pks})
        head = "SELECT application_pk, t, name_key, ids FROM link_nodes"
        for pk, ts, name, packed in _rows_in(conn, head, "application_pk", members):
            node[pk] = (ts, name)
            held[pk] = lt.unpack_identifiers(packed)
        now = dt.datetime.now(dt.UTC)
        rows = []
        for cid, pks in rings.items():
            idrows = [(h, kind, pk, node[pk][1]) for pk in pks for h, kind in held.get(pk, ())]
            times = [node[pk][0] for pk in pks if pk in node]
            names = {node[pk][1] for pk in pks if pk in node}
            links = ring_links(idrows)
            rows.append(
                {
                    "cluster_id": cid,
                    "size": len(pks),
                    "identities": len(names),
                    "score": ring_score(links),
                    "links": links,
                    "first_seen": _utc(min(times)),
                    "last_seen": _utc(max(times)),
                    "updated_at": now,
                }
            )
        ids = [r["cluster_id"] for r in rows]
        for part in _chunks(ids):
            conn.execute(lt.rings.delete().where(lt.rings.c.cluster_id.in_(part)))
        conn.execute(lt.rings.insert(), rows)
        return held

    def _join_by_ip(
        self,
        conn: sa.Connection,
        chunk_keys: dict[int, AppKeys],
        ring_of: dict[int, str],
        changed: dict[str, set[int]],
        held: dict[int, list[tuple[int, int]]],
    ) -> dict[int, str]:
        """Add to rings the applications :func:`ring_ip_joins` finds on the connecting
        addresses of the chunk's applications and of the rings the chunk changed (a ring that
        grew may now hold two identities on an address). Returns the chunk's pk -> cluster_id.

        Costs one count of the chunk's addresses in the store; holders are read only for
        addresses three to ``MAX_GROUP`` applications share."""
        hs: set[int] = set()
        owned = [k.ids for k in chunk_keys.values()]
        owned.extend(dict(held[x]) for pks in changed.values() for x in pks if x in held)
        for ids in owned:
            if _HOSTED not in ids.values():  # a data centre's address: hosted_ip links it
                hs.update(h for h, code in ids.items() if code == IP_CODE)
        hs.difference_update(self._popular)
        if not hs:
            return ring_of
        groups = ip_holders(conn, sorted(hs))
        if not groups:
            return ring_of
        members = sorted({m.pk for ms in groups.values() for m in ms})
        current = _clusters_of(conn, members)
        joins = ring_ip_joins(groups, current)
        if not joins:
            return ring_of
        rm = lt.ring_members
        conn.execute(
            rm.insert(),
            [{"application_pk": pk, "cluster_id": cid} for pk, cid in sorted(joins.items())],
        )
        grown = _members_of(conn, sorted(set(joins.values())))
        self._summarise(conn, {cid: set(pks) for cid, pks in grown.items()})
        out = dict(ring_of)
        out.update((pk, cid) for pk, cid in joins.items() if pk in chunk_keys)
        return out

    def _fill_links(
        self,
        conn: sa.Connection,
        apps: list[EnrichedApplication],
        app_pks: list[int],
        chunk_keys: dict[int, AppKeys],
        groups: dict[int, list[Member]],
        pairs: dict[tuple[int, int], tuple[set[int], tuple[bool, bool]]],
        people: dict[int, Member],
        ring_of: dict[int, str],
    ) -> None:
        """Fill each application's :class:`LinkContext` from the pairs and rings."""
        shared: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        names: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        name_of: dict[int, int] = {m.pk: m.name_key for m in people.values()}
        time_of: dict[int, tuple[int, int]] = {m.pk: (m.t, m.pk) for m in people.values()}
        for members in groups.values():
            for m in members:
                name_of[m.pk] = m.name_key
                time_of[m.pk] = (m.t, m.pk)
            if members[0].code == _IP_NET and len(members) > 1:  # same range: context only
                for m in members:
                    if m.pk in chunk_keys:
                        shared[m.pk]["ip_net"].update(o.pk for o in members if o.pk != m.pk)
        for pk, k in chunk_keys.items():  # identities resolved in _resolve_identities
            name_of[pk] = k.name_key
        explained: dict[int, tuple[bool, bool]] = {}  # pk -> (any agency pair, any household)
        for (a, b), (codes, (same_agency, household)) in pairs.items():
            for x in (a, b):
                if x in chunk_keys:
                    was = explained.get(x, (False, False))
                    explained[x] = (was[0] or same_agency, was[1] or household)
            # An explanation is not something shared, nor is the link it explains away.
            for code in codes - EXPLAINING_CODES - {EXPLAINS[c] for c in codes & EXPLAINING_CODES}:
                lt_ = BY_CODE[code]
                kind = lt_.kind
                # Evidence only when no honest explanation discounts it (agency, household).
                counts = (lt_.agency_discount if same_agency else 1.0) * (
                    lt_.household_discount if household else 1.0
                ) >= 1.0
                for x, y in ((a, b), (b, a)):
                    if x in chunk_keys:
                        shared[x][kind].add(y)
                        # A resume is counted against the later of two applications: the
                        # earlier one is more likely the honest author it was copied from.
                        if kind == "resume" and time_of[y] > time_of[x]:
                            continue
                        if counts and name_of.get(y) != chunk_keys[x].name_key:
                            names[x][kind].add(name_of[y])
        other_pks = sorted({y for d in shared.values() for s in d.values() for y in s})
        app_id: dict[int, str] = dict(
            _rows_in(conn, f"SELECT pk, application_id FROM {t.applications.name}", "pk", other_pks)
        )
        ring_rows: dict[str, Any] = {}
        cids = sorted(set(ring_of.values()))
        for part in _chunks(cids):
            for r in conn.execute(sa.select(lt.rings).where(lt.rings.c.cluster_id.in_(part))):
                ring_rows[r.cluster_id] = r
        bursts = self._bursts(groups, chunk_keys)
        nothing: dict[str, set[int]] = {}
        for e, pk in zip(apps, app_pks, strict=True):
            ctx = LinkContext()
            mine = shared.get(pk, nothing)
            for kind, others in sorted(mine.items()):
                ctx.shared[kind] = sorted(app_id.get(y, str(y)) for y in others)[:MAX_SHARED_LISTED]
            ctx.names_sharing = {k: len(v) for k, v in names.get(pk, nothing).items() if v}
            cid = ring_of.get(pk)
            if cid is not None and cid in ring_rows:
                r = ring_rows[cid]
                ctx.cluster_id = cid
                ctx.ring_size = int(r.size)
                ctx.ring_score = float(r.score)
                ctx.ring_links = dict(r.links)
            elif mine:
                ctx.benign_group = self._benign_kind(mine, explained.get(pk, (False, False)))
            ctx.bursts = bursts.get(pk, [])
            e.links = ctx

    @staticmethod
    def _benign_kind(shared: dict[str, set[int]], explained: tuple[bool, bool]) -> str | None:
        """Name the honest explanation of links that made no ring, when there is one:
        ``explained`` says whether any of the application's pairs came through one staffing
        agency, and whether any is one household."""
        agency, household = explained
        if agency:
            return "staffing_agency"
        if household:
            return "household"
        if set(shared) <= {"ip", "ip_net", "webrtc", "controlled_ip"}:
            return "shared_network"
        return None

    @staticmethod
    def _bursts(
        groups: dict[int, list[Member]], chunk_keys: dict[int, AppKeys]
    ) -> dict[int, list[dict[str, Any]]]:
        """Many identities from one network range, or many applications under one e-mail,
        within ``BURST_WINDOW`` of a chunk application."""
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for group in groups.values():
            code = _EMAIL if any(m.code == _EMAIL for m in group) else group[0].code
            # A reference's e-mail shares the fingerprint of an applicant's: count applicants.
            members = sorted((m for m in group if m.code == code), key=lambda m: m.t)
            if code not in (_IP_NET, _EMAIL) or len(members) < 2:
                continue
            times = [m.t for m in members]
            for m in members:
                if m.pk not in chunk_keys:
                    continue
                lo = bisect.bisect_left(times, m.t - BURST_WINDOW)
                hi = bisect.bisect_right(times, m.t + BURST_WINDOW)
                window = members[lo:hi]
                if code == _IP_NET:
                    n = len({w.name_key for w in window})
                    if n >= BURST_RANGE_IDENTITIES:
                        out[m.pk].append(
                            {
                                "kind": "network_range",
                                "identities": n,
                                "applications": len(window),
                                "hours": 2 * BURST_WINDOW // 3600,
                            }
                        )
                else:
                    n = len([w for w in window if w.name_key == m.name_key])
                    if n >= BURST_IDENTITY_APPLICATIONS:
                        out[m.pk].append(
                            {
                                "kind": "identity",
                                "applications": n,
                                "hours": 2 * BURST_WINDOW // 3600,
                            }
                        )
        return out
