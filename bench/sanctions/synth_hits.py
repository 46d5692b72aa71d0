"""Honest applicants of ``hireguard synth`` screened at the default threshold: how many
distinct full names and employers have a hit (a check on false positives outside the
evaluation file; docs/sanctions.md, third and later rounds).

    hireguard synth -n 20000 --seed 4 > /tmp/synth4.jsonl
    python bench/sanctions/synth_hits.py /tmp/synth4.jsonl [--list]

Only applications labelled honest (``label.is_fraud`` false) count. Full names are
searched as persons, past employers as organisations, with the index alone (no birth
date or nationality), first hit at the default threshold.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

from hireguard.paths import package_data
from hireguard.sanctions.index import SanctionsIndex
from hireguard.sanctions.parsers import read_paths
from hireguard.sanctions.screener import DEFAULT_THRESHOLD


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("synth", type=Path)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--list", action="store_true", help="print every name with a hit")
    args = ap.parse_args()
    names: set[str] = set()
    employers: set[str] = set()
    for line in args.synth.read_bytes().splitlines():
        if not line.strip():
            continue
        app = orjson.loads(line)
        if (app.get("label") or {}).get("is_fraud"):
            continue
        names.add(app["applicant"]["full_name"])
        for job in (app.get("resume") or {}).get("experience") or []:
            if job.get("employer"):
                employers.add(job["employer"])
    entries = [e for p in read_paths([package_data("sanctions")]) for e in p.entries]
    idx = SanctionsIndex(entries)
    for label, pool, kind in (
        ("full names", names, "person"),
        ("employers", employers, "organization"),
    ):
        hits = []
        for name in sorted(pool):
            got = idx.search(name, kind=kind, threshold=args.threshold, limit=1)
            if got:
                hits.append(f"  {name!r}: {got[0].entry.name!r} {got[0].score:.3f}")
        print(f"{label}: {len(hits)} of {len(pool)} with a hit")
        if args.list:
            print("\n".join(hits))


if __name__ == "__main__":
    main()
