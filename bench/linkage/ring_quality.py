"""Ring recall and honest false-ring rate through the whole `hireguard score` pipeline.

    python bench/linkage/ring_quality.py [--n 20000] [--source synth|population] [--seed 7]

Scores a labelled population into a fresh SQLite store (incremental linking), rebuilds the
rings, and prints:

* the share of fraud rings of three or more members found: at least half of the ring's
  members carry one common ``cluster_id`` (at scoring time, and after ``rings rebuild``);
* the share of honest applications placed in a ring;
* how many honest look-alike groups (agency, household, campus, ...) had a member in a ring.

"At scoring time" is the ``cluster_id`` each assessment carried when it was emitted (a ring's
first member is never in it yet); "same, ids resolved" follows ids retired by a later merge
to the ring that absorbed them (``ring_aliases``, as ``rings show`` does); "stored after
scoring" is the incremental linker's rings
as kept in the store once the whole file is scored; "current assessments" is the
``cluster_id`` of each application's current stored assessment once the run is over (the
run assesses again the members that came before their ring, so this is what an analyst's
queue shows); "after rebuild" is ``rings rebuild``.

``--misses`` lists the honest applications placed in a ring (their persona, look-alike
group, and the ring's size and fraudulent members) and every missed ring after the rebuild:
its scheme, size and identities,
what its members really share in the raw records (pairs of members sharing each field), and
the linker's own view (the strongest pair evidence between members, from the stored
fingerprints).

``--source synth`` uses ``hireguard.synth.generate`` (labels ``ring_id`` and
``benign_group``); ``population`` uses the stand-in generator beside this script;
``heldout`` the held-out world of ``bench/heldout/generate.py`` (8 % fraud, its defaults),
written independently of the linker and never tuned on.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _records(source: str, n: int, seed: int) -> list[dict[str, Any]]:
    if source == "synth":
        from hireguard.synth import generate  # type: ignore[attr-defined]

        return list(generate(n, seed=seed))
    if source == "heldout":
        import datetime as dt

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "heldout"))
        from generate import generate as heldout

        return heldout(n, seed, 0.08, dt.date(2026, 5, 1))
    from population import Population

    return list(Population(seed).stream(n))


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--source", choices=["synth", "population", "heldout"], default="population")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", action="store_true", help="list the rings missed after rebuild")
    args = ap.parse_args(list(argv) if argv is not None else None)
    os.environ.setdefault("HIREGUARD_HOME", tempfile.mkdtemp(prefix="hg-bench-"))

    import sqlalchemy as sa

    from hireguard.decide.policy import Policy
    from hireguard.intake.readers import validate
    from hireguard.linkage import Linker, rebuild_rings
    from hireguard.linkage import tables as lt
    from hireguard.pipeline import Pipeline
    from hireguard.store import tables as t
    from hireguard.store.db import open_db

    records = _records(args.source, args.n, args.seed)
    labels = {r["application_id"]: r.get("label") or {} for r in records}
    url = f"sqlite:///{tempfile.mkdtemp(prefix='hg-rings-')}/bench.db"
    from hireguard.runtime import load_ipintel

    pipeline = Pipeline(
        engine=open_db(url),
        policy=Policy.load(),
        ipintel=load_ipintel(),
        linker=Linker("bench-salt"),
    )
    started = time.perf_counter()
    emitted: dict[str, str | None] = {}
    summary = pipeline.run(
        (validate(i, r) for i, r in enumerate(records)),
        source="bench",
        emit=lambda a: emitted.__setitem__(a.application_id, a.cluster_id),
    )
    scored = time.perf_counter() - started
    from hireguard.linkage.query import surviving_cluster_ids

    with open_db(url).connect() as conn:
        all_ids = {c for c in emitted.values() if c} | {
            c for c in conn.execute(sa.select(t.assessments.c.cluster_id).distinct()).scalars() if c
        }
        alias = surviving_cluster_ids(conn, sorted(all_ids))
        resolved = {aid: alias.get(c, c) if c else None for aid, c in emitted.items()}
        stored = {
            aid: cid
            for aid, cid in conn.execute(
                sa.select(t.applications.c.application_id, lt.ring_members.c.cluster_id).join(
                    lt.ring_members, lt.ring_members.c.application_pk == t.applications.c.pk
                )
            )
        }
        current = {
            aid: alias.get(cid, cid)
            for aid, cid in conn.execute(
                sa.select(t.applications.c.application_id, t.assessments.c.cluster_id)
                .join(t.assessments, t.assessments.c.application_pk == t.applications.c.pk)
                .where(
                    t.assessments.c.is_current.is_(True), t.assessments.c.cluster_id.is_not(None)
                )
            )
        }
    stats = rebuild_rings(url)
    with open_db(url).connect() as conn:
        rebuilt = {
            aid: cid
            for aid, cid in conn.execute(
                sa.select(t.applications.c.application_id, lt.ring_members.c.cluster_id).join(
                    lt.ring_members, lt.ring_members.c.application_pk == t.applications.c.pk
                )
            )
        }

    print(f"source={args.source} n={len(records)} seed={args.seed}")
    print(
        f"scored in {scored:.1f} s ({len(records) / scored:.0f}/s, whole pipeline); "
        f"link stage {summary.seconds.get('link', 0.0):.1f} s "
        f"({summary.seconds.get('link', 0.0) / max(1, len(records)) * 1e6:.0f} µs/app)"
    )
    print(
        "re-assessed at the end of the run (members that came before their ring): "
        f"{summary.reassessed.total()}, now {dict(summary.reassessed)}"
    )
    print(f"rebuild: {stats.rings} rings, {stats.members} members, {stats.seconds:.1f} s")
    missed: list[list[str]] = []
    rings: dict[str, list[str]] = defaultdict(list)  # the labelled rings
    for aid, lab in labels.items():
        if lab.get("ring_id"):
            rings[lab["ring_id"]].append(aid)
    big = {r: m for r, m in rings.items() if len(m) >= 3}
    for name, clusters in (
        ("at scoring time", emitted),
        ("same, ids resolved", resolved),
        ("stored after scoring", stored),
        ("current assessments", current),
        ("after rebuild", rebuilt),
    ):
        found = 0
        by_scheme: Counter[str] = Counter()
        found_by_scheme: Counter[str] = Counter()
        for members in big.values():
            scheme = str(labels[members[0]].get("scheme"))
            by_scheme[scheme] += 1
            top = Counter(clusters.get(a) for a in members if clusters.get(a)).most_common(1)
            if top and top[0][1] * 2 >= len(members):
                found += 1
                found_by_scheme[scheme] += 1
            elif clusters is rebuilt:
                missed.append(members)
        honest = [a for a, lab in labels.items() if not lab.get("is_fraud")]
        ringed = [a for a in honest if clusters.get(a)]
        groups: dict[str, list[str]] = defaultdict(list)
        for aid, lab in labels.items():
            if lab.get("benign_group"):
                groups[lab["benign_group"]].append(aid)
        bad_groups = [g for g, m in groups.items() if any(clusters.get(a) for a in m)]
        if args.misses:
            for a in ringed:
                lab = labels[a]
                mates = [labels[b] for b, c in clusters.items() if c == clusters[a]]
                print(
                    f"  honest in a ring ({name}): {a} {lab.get('scheme')} "
                    f"{lab.get('benign_group') or ''} ring of {len(mates)}, "
                    f"{sum(bool(m.get('is_fraud')) for m in mates)} fraudulent"
                )
        print(
            f"{name:>20}: rings>=3 found {found}/{len(big)} = {found / max(1, len(big)):.1%}; "
            f"honest in a ring {len(ringed)}/{len(honest)} = "
            f"{len(ringed) / max(1, len(honest)):.2%}; "
            f"look-alike groups ringed {len(bad_groups)}/{len(groups)}"
        )
        print(
            " " * 22
            + "by scheme: "
            + ", ".join(f"{k} {found_by_scheme[k]}/{n}" for k, n in sorted(by_scheme.items()))
        )
    from misses import reachable

    by_id = {r["application_id"]: r for r in records}
    big_all = list(big.values())
    can = [m for m in big_all if reachable([by_id[a] for a in m])]
    print(
        f"{'reachable':>20}: {len(can)}/{len(big_all)} = {len(can) / max(1, len(big_all)):.1%} "
        "of rings>=3 share enough in their raw records for linkage to find them (a ceiling: "
        "misses.reachable)"
    )
    if args.misses:
        from misses import describe_misses

        describe_misses(url, records, missed, rebuilt, "bench-salt")


if __name__ == "__main__":
    main()
