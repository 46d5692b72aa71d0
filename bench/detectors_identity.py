"""Cost of the identity, history, profile, content, payment and interview detectors.

Usage:
    python bench/detectors_identity.py [FILE.jsonl] [--limit N] [--table] [--all]

``--all`` times every registered detector (network, location, device, linkage and sanctions
families too, on applications enriched with the shipped IP data): the detector set's own
throughput, to compare with the pipeline's target of 3,000 applications per second.

``--table`` (with a labelled file, e.g. from ``hireguard synth``) prints how often each
detector fires among honest and fraudulent applications (``label.is_fraud``), and the
scheme-by-scheme rate of the most frequent honest look-alikes.

Without a file, the three contract examples (tests/detectors/data) are varied into 3,000
applications (other names, phones, e-mails, dates), so that per-value caches do not hide
the cost. Enrichment is done first and not timed; the figure is the detectors' own time per
application, in microseconds, with a per-detector breakdown. Budget: about 40 µs in all.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from pathlib import Path
from typing import Any

from hireguard.detect.registry import all_detectors
from hireguard.enrich import enrich
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import Application

FAMILIES = {"PHN", "EML", "HIS", "PRF", "CNT", "PAY", "SHP", "INT"}
EXAMPLES = Path(__file__).resolve().parents[1] / "tests" / "detectors" / "data"
FIRST = ["dana", "kevin", "ji-woo", "amara", "luis", "wei", "olga", "samir", "emily", "tomas"]
LAST = ["whitaker", "moore", "park", "okafor", "garcia", "zhang", "ivanova", "haddad", "ng"]


def _varied(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    out = []
    for i in range(n):
        rec = copy.deepcopy(bases[i % len(bases)])
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rec["application_id"] = f"B-{i}"
        rec["applicant"]["full_name"] = f"{first.title()} {last.title()}"
        sep = rng.choice([".", "_", ""])
        rec["applicant"]["email"] = f"{first}{sep}{last}{rng.randint(1, 9999)}@gmail.com"
        area = rng.randint(201, 989)
        rec["applicant"]["phone"] = rng.choice(
            [
                f"({area}) 555-{rng.randint(0, 9999):04d}",
                f"+1 {area} 555 {rng.randint(0, 9999):04d}",
            ]
        )
        rec["interview"] = {"scheduled_local_hour": rng.randint(0, 23),
                            "camera_off_minutes": rng.randint(0, 60)}  # fmt: skip
        out.append(rec)
    return out


def firing_table(
    records: list[dict[str, Any]], apps: list[EnrichedApplication], dets: list[Any]
) -> None:
    """Share of honest and fraudulent applications on which each detector fires."""
    labels = [bool((r.get("label") or {}).get("is_fraud")) for r in records]
    schemes = [str((r.get("label") or {}).get("scheme")) for r in records]
    n_fraud = sum(labels)
    n_honest = len(labels) - n_fraud
    print(f"{n_honest} honest, {n_fraud} fraudulent applications")
    print(f"{'detector':<11} {'honest %':>9} {'fraud %':>8}  mean weight  top honest schemes")
    for d in dets:
        fired_h = fired_f = 0
        weights: list[float] = []
        by_scheme: dict[str, int] = {}
        for app, is_fraud, scheme in zip(apps, labels, schemes, strict=True):
            found = d.run(app)
            if not found:
                continue
            weights.append(max(f.weight for f in found))
            if is_fraud:
                fired_f += 1
            else:
                fired_h += 1
                by_scheme[scheme] = by_scheme.get(scheme, 0) + 1
        top = ", ".join(f"{k} {v}" for k, v in sorted(by_scheme.items(), key=lambda kv: -kv[1])[:3])
        mean_w = sum(weights) / len(weights) if weights else 0.0
        print(
            f"{d.id:<11} {100 * fired_h / max(n_honest, 1):9.2f} "
            f"{100 * fired_f / max(n_fraud, 1):8.2f}  {mean_w:11.2f}  {top}"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?")
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--table", action="store_true", help="firing rates by label")
    ap.add_argument("--all", action="store_true", help="every detector, not only these families")
    args = ap.parse_args()
    if args.file:
        with open(args.file, encoding="utf-8") as fh:
            records = [json.loads(line) for _, line in zip(range(args.limit), fh, strict=False)]
    else:
        records = _varied(args.limit)
    ipintel = None
    if args.all:
        from hireguard.runtime import load_ipintel

        ipintel = load_ipintel()
    apps: list[EnrichedApplication] = [
        enrich(Application.model_validate(r), ipintel) for r in records
    ]
    dets = [d for d in all_detectors() if args.all or d.family in FAMILIES]
    if args.table:
        firing_table(records, apps, dets)
        return
    for d in dets:  # warm caches of shipped data (loaded once per process)
        d.run(apps[0])
    n = len(apps)
    # As the pipeline does: every detector on one application, then the next application.
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for a in apps:
            for d in dets:
                for _f in d.fn(a):
                    pass
        best = min(best, time.perf_counter() - start)
    print(
        f"{n} applications, {len(dets)} detectors: {best / n * 1e6:.1f} µs per application "
        f"({n / best:,.0f} applications/s on one core)"
    )
    per = dict.fromkeys((d.id for d in dets), 0.0)
    clock = time.perf_counter
    for a in apps:
        for d in dets:
            t0 = clock()
            for _f in d.fn(a):
                pass
            per[d.id] += clock() - t0
    print("breakdown (includes timer overhead):")
    for code, secs in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"  {code}  {secs / n * 1e6:6.2f} µs")


if __name__ == "__main__":
    main()
