"""Ring summaries, scores and stable ids, shared by incremental linking and the rebuild."""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable

from hireguard.linkage.kinds import (
    BY_CODE,
    BY_KIND,
    EXPLAINING_CODES,
    REFERENCE_CODE,
    pair_code,
)

MIN_IDENTITIES = 2
"""A linked group is a ring when it holds at least this many distinct identities (names)."""

MAX_RING = 150
"""Components larger than this are split by community detection in the rebuild."""


def new_cluster_id(member_pks: Iterable[int]) -> str:
    """A ring id derived from its earliest member; kept by the ring as it grows or merges."""
    first = min(member_pks)
    return "R-" + hashlib.sha256(f"ring\x1f{first}".encode()).hexdigest()[:12]


def ring_links(rows: Iterable[tuple[int, int, int, int]]) -> dict[str, int]:
    """What holds a ring together: kind -> most distinct identities sharing one value of it.

    ``rows`` are ``(h, kind_code, application_pk, name_key)`` of the ring's members.
    """
    by_h: dict[int, tuple[set[int], set[int], set[int]]] = {}  # codes, owners, referrers
    for h, code, _pk, name in rows:
        entry = by_h.setdefault(h, (set(), set(), set()))
        entry[0].add(code)
        entry[2 if code == REFERENCE_CODE else 1].add(name)
    best: dict[str, int] = defaultdict(int)
    for codes, owners, referrers in by_h.values():
        names = owners | referrers
        code = pair_code(min(codes), max(codes))
        if len(names) >= 2 and code not in EXPLAINING_CODES:  # explanations hold nothing
            kind = BY_CODE[code].kind
            best[kind] = max(best[kind], len(names))
    # strongest first; kinds of equal strength by name, whatever order the database gave
    return dict(sorted(best.items(), key=lambda kv: (-BY_KIND[kv[0]].strength, kv[0])))


def ring_score(links: dict[str, int]) -> float:
    """0..1: how strongly the ring's identities are tied, from what they share.

    Each kind adds its strength times the number of extra identities sharing it (at most
    five counted), and the total maps to 1 - exp(-total / 2): two names on one phone give
    0.39, two on one identity number 0.63, six at one shipping address 0.92.
    """
    total = sum(BY_KIND[k].strength * min(5, n - 1) for k, n in links.items() if n >= 2)
    return round(1.0 - math.exp(-total / 2.0), 4)
