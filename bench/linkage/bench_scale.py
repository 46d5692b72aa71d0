"""Linkage at scale: rebuild rings over a large store, and link one new application to it.

    python bench/linkage/bench_scale.py [--n 1000000] [--keep PATH]

1. Fills a fresh SQLite store with ``--n`` applications' linkage rows (what
   ``hireguard score`` stores: one ``link_nodes`` row and ~16 salted identifiers each), with
   the structure of real traffic: ISP /24s shared by dozens, households, staffing agencies,
   resume templates shared by thousands, and fraud rings of 3-12 identities reusing phones,
   shipping addresses, devices and payout accounts. (Filling is not timed.)
2. Times ``hireguard rings rebuild`` on it in a child process and reports its peak memory.
3. Times ``Linker.link_chunk`` for single new applications (each in its own transaction)
   that share identifiers with stored rings, households and networks.

Targets (issue 5): rebuild of 1,000,000 in at most 60 s and 4 GB; one link in at most 20 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

SALT = "bench-salt"
T0 = int(dt.datetime(2026, 1, 5, tzinfo=dt.UTC).timestamp())


def _values(n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Group ids per identifier kind: equal ids mean a shared value."""
    idx = np.arange(n)
    v = {
        k: idx.copy()
        for k in ("national_id", "bank_account", "email", "phone", "device_id", "address", "name")
    }
    v["ip_net"] = rng.integers(0, n // 40, n)  # ISP /24s shared by ~40 applicants each
    v["ip"] = idx.copy()
    v["shipping_address"] = np.full(n, -1)
    v["template"] = np.where(rng.random(n) < 0.05, rng.integers(0, 50, n), -1)
    v["agency"] = np.full(n, -1)
    pos = 0
    gid = 0
    while pos < n - 20:  # households (2-4), agencies (5-30), rings (3-12), in 3 % of traffic
        pos += int(rng.integers(20, 60))
        if pos >= n:  # the step can pass the end: no group is left to place
            break
        kind = rng.random()
        size = int(
            rng.integers(2, 5)
            if kind < 0.6
            else rng.integers(5, 31)
            if kind < 0.7
            else rng.integers(3, 13)
        )
        m = idx[pos : min(n, pos + size)]
        gid += 1
        if kind < 0.6:
            for k in ("address", "ip", "device_id"):
                v[k][m] = m[0]
        elif kind < 0.7:
            v["agency"][m] = gid
            for k in ("ip", "phone", "device_id"):
                v[k][m] = m[0]
        else:
            v["shipping_address"][m] = gid
            for k in ("phone", "device_id", "bank_account"):
                if rng.random() < 0.5:
                    v[k][m[rng.random(len(m)) < 0.8]] = m[0]
        pos += size
    return v


def value(kind: str, gid: int) -> str:
    """The normalised value (as the linker fingerprints it) of group ``gid`` of a kind."""
    import hashlib

    if kind in ("national_id", "bank_account"):
        return hashlib.sha256(f"{kind}{gid}".encode()).hexdigest()
    if kind == "phone":
        return f"+1929{2_000_000 + gid % 7_000_000:07d}"
    if kind == "email":
        return f"u{gid}@mail.example.com"
    if kind == "device_id":
        return f"fp{gid}"
    if kind == "ip":
        return f"{24 + gid // 65536 % 70}.{gid // 256 % 256}.{gid % 256}.{1 + gid % 250}"
    if kind == "ip_net":
        return f"{100 + gid // 65536 % 70}.{gid // 256 % 256}.{gid % 256}.0/24"
    if kind == "address":
        return f"{gid} oak st|60601|us"
    raise ValueError(kind)


def fill(path: str, n: int, seed: int = 7) -> None:
    from hireguard.linkage.identifiers import fp64
    from hireguard.linkage.kinds import BY_KIND
    from hireguard.linkage.tables import pack_identifiers
    from hireguard.store.db import open_db

    open_db(f"sqlite:///{path}").dispose()
    rng = np.random.default_rng(seed)
    v = _values(n, rng)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(
        "INSERT INTO batches (id, source, started_at, n_read, n_errors, decisions) "
        "VALUES (1, 'bench', '2026-01-05', 0, 0, '{}')"
    )
    code = {k: lt.code for k, lt in BY_KIND.items()}
    step = 50_000
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        apps: list[tuple[Any, ...]] = []
        nodes: list[tuple[Any, ...]] = []
        ids: list[tuple[Any, ...]] = []
        for i in range(lo, hi):
            pk = i + 1
            t = T0 + i * 30
            name = fp64("name", f"name {int(v['name'][i])}", SALT)
            agency = (
                fp64("agency", f"agency {int(v['agency'][i])}", SALT)
                if v["agency"][i] >= 0
                else None
            )
            home = fp64("address", value("address", int(v["address"][i])), SALT)
            apps.append((pk, f"A{i:08d}", "2026-01-05 00:00:00", "2026-01-05 00:00:00", "x"))
            row: dict[int, int] = {}
            for kind in (
                "national_id",
                "bank_account",
                "email",
                "phone",
                "device_id",
                "ip",
                "ip_net",
            ):
                row[fp64(kind, value(kind, int(v[kind][i])), SALT)] = code[kind]
            row[home] = code["address"]
            if v["shipping_address"][i] >= 0:
                row[fp64("shipping_address", f"farm {int(v['shipping_address'][i])}", SALT)] = code[
                    "shipping_address"
                ]
            tpl = int(v["template"][i])
            for b in range(8):  # resume LSH bands: templates share them, others are unique
                key = f"tpl {tpl} {b}" if tpl >= 0 else f"doc {i} {b}"
                row[fp64("resume", key, SALT)] = code["resume"]
            ids.extend((h, pk, c) for h, c in row.items())
            nodes.append((pk, t, name, agency, home, pack_identifiers(row.items())))
        db.executemany(
            "INSERT INTO applications (pk, application_id, submitted_at, received_at,"
            " content_sha256) VALUES (?,?,?,?,?)",
            apps,
        )
        db.executemany(
            "INSERT INTO link_nodes (application_pk, t, name_key, agency_key, "
            "home_key, ids) VALUES (?,?,?,?,?,?)",
            nodes,
        )
        db.executemany(
            "INSERT INTO link_identifiers (h, application_pk, kind) VALUES (?,?,?)",
            ids,
        )
        db.commit()
        print(f"  filled {hi:,}", file=sys.stderr, flush=True)
    db.close()


def _rebuild_child(url: str) -> None:
    from hireguard.linkage import rebuild_rings

    stats = rebuild_rings(url)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{stats.seconds} {peak:.0f} {stats.rings} {stats.members} {stats.edges} "
        f"{stats.pairs} {stats.applications}"
    )


def link_one(url: str, n_store: int, k: int = 200) -> list[float]:
    """Time linking single new applications, each sharing a phone and a /24 with a stored one
    (its phone group may be a ring's) and carrying a full resume and cover letter."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from population import Population

    from hireguard.enrich import enrich
    from hireguard.linkage import Linker
    from hireguard.model import Application
    from hireguard.store import tables as t
    from hireguard.store.db import open_db

    engine = open_db(url)
    linker = Linker(SALT)
    v = _values(n_store, np.random.default_rng(7))
    rng = np.random.default_rng(3)
    pop = Population(11)
    out = []
    for i in range(k):
        j = int(rng.integers(0, n_store))
        net = value("ip_net", int(v["ip_net"][j])).rsplit(".", 1)[0]
        raw = pop.honest(
            **{"applicant.phone": value("phone", int(v["phone"][j])), "session.ip": f"{net}.77"}
        )
        e = enrich(Application.model_validate(raw))
        with engine.begin() as conn:
            pk = conn.execute(
                t.applications.insert().returning(t.applications.c.pk),
                {
                    "application_id": f"NEW{i}",
                    "submitted_at": e.app.submitted_at,
                    "received_at": e.app.submitted_at,
                    "content_sha256": "x",
                },
            ).scalar_one()
            started = time.perf_counter()
            linker.link_chunk(conn, [e], [pk])
            out.append(time.perf_counter() - started)
            assert e.links.shared.get("phone"), "the new application should share a phone"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--keep", help="reuse or keep the filled store at this path")
    ap.add_argument("--child-rebuild", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_rebuild:
        _rebuild_child(args.child_rebuild)
        return
    os.environ.setdefault("HIREGUARD_HOME", tempfile.mkdtemp(prefix="hg-bench-"))
    path = args.keep or str(Path(tempfile.mkdtemp(prefix="hg-scale-")) / "scale.db")
    url = f"sqlite:///{path}"
    if not Path(path).exists():
        started = time.perf_counter()
        fill(path, args.n)
        print(
            f"filled {args.n:,} applications in {time.perf_counter() - started:.0f} s "
            f"({Path(path).stat().st_size / 1e9:.2f} GB)"
        )
    res = subprocess.run(
        [sys.executable, __file__, "--child-rebuild", url],
        capture_output=True,
        text=True,
        check=True,
    )
    secs, peak, rings, members, edges, pairs, n_apps = res.stdout.split()
    print(
        f"rebuild: {float(secs):.1f} s, peak RSS {float(peak):.0f} MB, {int(rings):,} rings, "
        f"{int(members):,} members, {int(edges):,} edges, {int(pairs):,} candidate pairs, "
        f"over {int(n_apps):,} applications"
    )
    times = link_one(url, args.n)
    ms = sorted(x * 1000 for x in times)
    print(
        f"link one new application to {args.n:,}: median {statistics.median(ms):.2f} ms, "
        f"p95 {ms[int(len(ms) * 0.95)]:.2f} ms, max {ms[-1]:.2f} ms ({len(ms)} runs)"
    )


if __name__ == "__main__":
    main()
