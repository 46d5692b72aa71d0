"""What the members of a missed ring share, for ``ring_quality.py --misses``.

Two views of each missed ring (three or more members, fewer than half under one
``cluster_id`` after the rebuild):

* the raw records: for each field, how many pairs of members hold the same value (the
  ground truth the generator wrote, before any normalisation, discount or limit);
* the linker's: for each pair of members, the link types their stored fingerprints share
  and the pair strength after the agency and household discounts (the edge threshold is
  1.0), from ``link_nodes`` as the rebuild reads it (a shared resume band counts only when
  the signatures' estimated Jaccard passes, as in linking; the rule that keeps a copied
  resume's author out of the ring is not applied here).
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from itertools import combinations
from typing import Any

import sqlalchemy as sa

from hireguard.linkage import tables as lt
from hireguard.linkage.kinds import BY_CODE, BY_KIND, pair_code, pair_strength, same_household
from hireguard.linkage.linker import RESUME_MIN_JACCARD
from hireguard.linkage.minhash import jaccard
from hireguard.store import tables as t
from hireguard.store.db import open_db


def _digits(x: Any) -> str | None:
    d = re.sub(r"\D", "", str(x or ""))
    return d[-10:] if len(d) >= 7 else None


def _addr(a: Any) -> str | None:
    if not isinstance(a, dict):
        return None
    return f"{a.get('line1', '')}|{a.get('postal_code', '')}|{a.get('country', '')}".lower()


def _net(ip: str | None) -> str | None:
    if not ip:
        return None
    try:
        x = ipaddress.ip_address(ip)
    except ValueError:
        return None
    return str(ipaddress.ip_network(f"{ip}/{24 if x.version == 4 else 48}", strict=False))


def _facts(r: dict[str, Any]) -> dict[str, Any]:
    app = r.get("applicant") or {}
    s = r.get("session") or {}
    pay = r.get("payment") or {}
    iv = r.get("interview") or {}
    refs = r.get("references") or []
    return {
        "name": app.get("full_name"),
        "aliases": set(app.get("other_names") or []),
        "national_id": app.get("national_id_sha256"),
        "email": (app.get("email") or "").lower() or None,
        "phone": _digits(app.get("phone")),
        "device_id": s.get("device_id"),
        "ip": s.get("ip"),
        "ip_net": _net(s.get("ip")),
        "webrtc": set(s.get("webrtc_ips") or []) - {s.get("ip")},
        "shipping": _addr(r.get("shipping_address")),
        "home": _addr(app.get("address")),
        "bank": pay.get("account_sha256"),
        "crypto": pay.get("crypto_address"),
        "payee": pay.get("payee") or pay.get("payee_name"),
        "resume": ((r.get("resume") or {}).get("text") or None),
        "cover": r.get("cover_letter"),
        "ref_contacts": {(x.get("email") or "").lower() for x in refs}
        | {_digits(x.get("phone")) for x in refs},
        "tools": bool(s.get("remote_access_tools")),
        "tz": s.get("timezone"),
        "screen": str(s.get("screen")),
        "ua": s.get("user_agent"),
        "requisition": (r.get("job") or {}).get("requisition_id"),
        "iv_hour": iv.get("scheduled_local_hour"),
        "t": r.get("submitted_at"),
    }


def _raw_shared(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    out = []
    for k in (
        "national_id",
        "email",
        "phone",
        "device_id",
        "ip",
        "ip_net",
        "shipping",
        "home",
        "bank",
        "crypto",
        "payee",
        "resume",
        "cover",
        "tz",
        "screen",
        "ua",
        "requisition",
        "iv_hour",
    ):
        if a[k] is not None and a[k] == b[k]:
            out.append(k)
    if a["webrtc"] & b["webrtc"]:
        out.append("webrtc")
    own_b = {b["email"], b["phone"]} - {None, ""}
    own_a = {a["email"], a["phone"]} - {None, ""}
    if (a["ref_contacts"] & own_b) or (b["ref_contacts"] & own_a):
        out.append("ref=applicant")
    if (a["ref_contacts"] & b["ref_contacts"]) - {None, ""}:
        out.append("same_ref")
    if b["name"] in a["aliases"] or a["name"] in b["aliases"]:
        out.append("alias=name")
    if a["tools"] and b["tools"]:
        out.append("both_remote_tools")
    if a["name"] == b["name"]:
        out.append("SAME_IDENTITY")
    return out


#: Raw fields that an identifier could hold (a resume counts by its word shingles, below).
#: Generous on purpose: the connecting IP and its /24 link here, although the linker takes
#: them as context only, unless the address is a data centre's or both computers are
#: remote-controlled, or as a burst.
LINKING_FIELDS = (
    "national_id",
    "email",
    "phone",
    "device_id",
    "shipping",
    "bank",
    "crypto",
    "payee",
    "ip",
    "ip_net",
)


def _shingles(text: str | None) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", (text or "").lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def reachable(ring: list[dict[str, Any]]) -> bool:
    """Whether linkage could find this ring (its records) at all: at least half of its
    applications are connected, through pairs whose raw records share a field of
    ``LINKING_FIELDS`` (a shipping address only when it is not the applicant's home), a
    WebRTC address, a reference that is the other's own contact, or a resume whose word
    3-grams overlap by ``RESUME_MIN_JACCARD``, in one group holding two identities or
    more. Applications under one name count with each other. A ceiling, not a target: it
    ignores every honest explanation and every limit the linker applies."""
    facts = [_facts(r) for r in ring]
    for f in facts:
        f["shingles"] = _shingles(f["resume"])
        if f["shipping"] == f["home"]:
            f["shipping"] = None
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(facts)), 2):
        a, b = facts[i], facts[j]
        joined = (
            a["name"] == b["name"]
            or any(a[k] is not None and a[k] == b[k] for k in LINKING_FIELDS)
            or bool(a["webrtc"] & b["webrtc"])
            or "ref=applicant" in _raw_shared(a, b)
        )
        if not joined and a["shingles"] and b["shingles"]:
            union = len(a["shingles"] | b["shingles"])
            joined = len(a["shingles"] & b["shingles"]) >= RESUME_MIN_JACCARD * union
        if joined:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(facts)):
        groups.setdefault(find(i), []).append(i)
    best = max(
        (len(g) for g in groups.values() if len({facts[i]["name"] for i in g}) >= 2), default=0
    )
    return best * 2 >= len(facts)


def describe_misses(
    url: str,
    records: list[dict[str, Any]],
    missed: list[list[str]],
    rebuilt: dict[str, str],
    salt: str,
) -> None:
    """Print each missed ring: raw shared fields and the linker's pair evidence."""
    by_id = {r["application_id"]: r for r in records}
    aids = sorted({a for m in missed for a in m})
    with open_db(url).connect() as conn:
        pk_of = dict(
            conn.execute(
                sa.select(t.applications.c.application_id, t.applications.c.pk).where(
                    t.applications.c.application_id.in_(aids)
                )
            ).all()
        )
        n = lt.link_nodes.c
        nodes = {
            row.application_pk: row
            for row in conn.execute(
                sa.select(lt.link_nodes).where(n.application_pk.in_(list(pk_of.values())))
            )
        }
    print(f"\nmissed rings after rebuild: {len(missed)}")
    schemes: Counter[str] = Counter()
    for members in sorted(missed, key=lambda m: str(by_id[m[0]]["label"].get("scheme"))):
        lab = by_id[members[0]]["label"]
        scheme = str(lab.get("scheme"))
        schemes[scheme] += 1
        facts = {a: _facts(by_id[a]) for a in members}
        names = {f["name"] for f in facts.values()}
        raw: Counter[str] = Counter()
        best: list[tuple[float, str, str, list[str]]] = []
        for x, y in combinations(members, 2):
            raw.update(_raw_shared(facts[x], facts[y]))
            nx_, ny = nodes.get(pk_of.get(x, -1)), nodes.get(pk_of.get(y, -1))
            if nx_ is None or ny is None:
                continue
            hx = dict(lt.unpack_identifiers(nx_.ids))
            hy = dict(lt.unpack_identifiers(ny.ids))
            codes = {pair_code(hx[h], hy[h]) for h in hx.keys() & hy.keys()}
            resume = BY_KIND["resume"].code
            if resume in codes and (
                nx_.resume_sig is None
                or ny.resume_sig is None
                or jaccard(bytes(nx_.resume_sig), bytes(ny.resume_sig)) < RESUME_MIN_JACCARD
            ):
                codes.discard(resume)
            agency = nx_.agency_key is not None and nx_.agency_key == ny.agency_key
            house = same_household(
                nx_.home_key,
                ny.home_key,
                (nx_.first_key, nx_.last_key),
                (ny.first_key, ny.last_key),
                codes,
            )
            s = pair_strength(codes, agency, house)
            kinds = sorted(BY_CODE[c].kind for c in codes)
            flag = ("agency " if agency else "") + ("household " if house else "")
            best.append((s, x, y, [*kinds, *([flag.strip()] if flag else [])]))
        best.sort(key=lambda b: -b[0])
        found = Counter(rebuilt.get(a) for a in members if rebuilt.get(a))
        print(
            f"- {lab.get('ring_id')} {scheme}: {len(members)} applications, "
            f"{len(names)} identities; largest rebuilt ring holds "
            f"{found.most_common(1)[0][1] if found else 0}"
            + ("; reachable" if reachable([by_id[a] for a in members]) else "")
        )
        pairs = len(members) * (len(members) - 1) // 2
        print(
            f"    raw, pairs of {pairs} sharing: "
            + (", ".join(f"{k} {v}" for k, v in raw.most_common()) or "nothing")
        )
        linked = [b for b in best if b[3]]
        print(
            "    linker, strongest pairs: "
            + (
                "; ".join(f"{s:.1f} {'+'.join(k)}" for s, _, _, k in linked[:4])
                if linked
                else "no shared fingerprint"
            )
        )
    print("missed by scheme: " + ", ".join(f"{k} {v}" for k, v in sorted(schemes.items())))
