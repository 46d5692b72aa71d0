# ruff: noqa: E501  (long literal tables and f-strings)
"""Score the held-out population through the real pipeline and print how detection generalises.

    python bench/heldout/evaluate.py                  # 20,000 applications, seed 1
    python bench/heldout/evaluate.py -n 10000 --seed 7 --fraud-rate 0.05
    python bench/heldout/evaluate.py --input FILE     # any labelled file in the contract format
    python bench/heldout/evaluate.py --seeds 1,2,3    # three populations, then fairness pooled

Prints ROC-AUC, recall at 1 % false positives among honest applicants, recall by scheme and
by number of planted tells, each detector's firing rate among honest and fraud, how often the
detector a planted tell should trigger fires, false-positive rates of honest traits, and the
fairness ratio: each name-origin group's false-positive rate at the 1 %-FPR threshold over
the overall honest rate (with a Wilson 95 % interval), mean-score ratios, and the detectors
that drive a group's excess.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson
from sklearn.metrics import roc_auc_score, roc_curve

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # type: ignore[import-not-found]

from hireguard.cli_score import score_to
from hireguard.detect.registry import get_detector
from hireguard.intake.readers import read_applications

OUT = Path(__file__).resolve().parent / "out"

# Which detectors a planted tell should trigger (for the "tell seen" table).
TELL_DETECTORS: dict[str, tuple[str, ...]] = {
    "tz_operator": ("HG-LOC-002", "HG-LOC-003", "HG-INT-003"),
    "tz_spoofed": ("HG-LOC-003",),
    "astrill_known": ("HG-NET-004", "HG-NET-007"),
    "vpn_listed": ("HG-NET-005",),
    "vpn_unlisted": ("HG-NET-005",),
    "ip_direct": ("HG-LOC-001",),
    "ip_burst": ("HG-LNK-010",),
    "webrtc_leak": ("HG-LOC-004",),
    "astrill_client": ("HG-DEV-003",),
    "rmm_tools": ("HG-DEV-001",),
    "kvm": ("HG-DEV-002",),
    "virtual_display": ("HG-DEV-004",),
    "cheap_hw": ("HG-DEV-005",),
    "shared_device": ("HG-LNK-004",),
    "shared_ssn": ("HG-LNK-001",),
    "ship_farm": ("HG-SHP-001", "HG-LNK-008"),
    "ship_other": ("HG-SHP-001",),
    "pay_payroll_card": ("HG-PAY-001",),
    "pay_third_party": ("HG-PAY-001", "HG-LNK-007"),
    "pay_money_service": ("HG-PAY-001",),
    "pay_crypto": ("HG-PAY-001",),
    "shared_payout": ("HG-LNK-005",),
    "bank_foreign": ("HG-PAY-002",),
    "video_declined": ("HG-INT-001",),
    "camera_off": ("HG-INT-002",),
    "night_interview": ("HG-INT-003",),
    "github_new": ("HG-PRF-002",),
    "github_persona": ("HG-PRF-006",),
    "github_aged": ("HG-PRF-005",),
    "attributed_handle": ("HG-PRF-004",),
    "linkedin_dormant": ("HG-PRF-001",),
    "profile_other_name": ("HG-PRF-006",),
    "email_persona": ("HG-EML-002",),
    "email_other_name": ("HG-EML-003",),
    "email_disposable": ("HG-EML-001",),
    "phone_voip": ("HG-PHN-004",),
    "phone_foreign": ("HG-PHN-003",),
    "phone_invalid": ("HG-PHN-001",),
    "phone_odd_format": ("HG-PHN-002",),
    "shared_phone": ("HG-LNK-003",),
    "resume_copied": ("HG-LNK-009",),
    "exp_inflated": ("HG-HIS-004",),
    "tech_anachronism": ("HG-HIS-005",),
    "jobs_overlap": ("HG-HIS-003",),
    "degree_after_senior": ("HG-HIS-001",),
    "cover_generic": ("HG-CNT-003",),
    "front_company": ("HG-CNT-002", "HG-SAN-004"),
    "ref_ringmate": ("HG-EML-004", "HG-LNK-002", "HG-LNK-003", "HG-RNG-001"),
}


def wilson(k: int, n: int) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    z, p = 1.96, k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def score(path: Path) -> dict[str, tuple[float, set[str], str]]:
    out: dict[str, tuple[float, set[str], str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        res = Path(tmp) / "assessments.jsonl"
        with open(res, "wb") as fh:
            score_to(
                read_applications(str(path)),
                fh,
                source=str(path),
                db=f"sqlite:///{tmp}/ho.db",
                policy=None,
            )
        for line in res.read_bytes().splitlines():
            a = orjson.loads(line)
            if a["decision"] != "error":
                out[a["application_id"]] = (
                    float(a["risk_score"]),
                    {r["code"] for r in a["reasons"]},
                    a["decision"],
                )
    return out


def pct(x: float) -> str:
    return f"{100 * x:6.2f}%"


CALIBRATION_BINS = (0, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 101)


def calibration(y: list[int], s: list[float], prior: float = 0.03) -> None:
    """Reliability: in each score band, the share that is fraud, as observed and as it would
    be at the scorer's own prior (the observed odds times prior odds / this file's odds).
    A calibrated score reads the same as the last column."""
    prevalence = sum(y) / len(y)
    if not 0 < prevalence < 1:
        return
    shift = math.log(prior / (1 - prior)) - math.log(prevalence / (1 - prevalence))
    print(
        f"\n== Calibration (this file {pct(prevalence).strip()} fraud; scorer's prior {prior:.0%})"
    )
    print("score band   n      mean score   fraud observed   at the prior")
    for lo, hi in itertools.pairwise(CALIBRATION_BINS):
        band = [(yi, si) for yi, si in zip(y, s, strict=True) if lo <= si < hi]
        if not band:
            continue
        q = sum(yi for yi, _ in band) / len(band)
        qc = min(max(q, 1e-4), 1 - 1e-4)
        at_prior = 1 / (1 + math.exp(-(math.log(qc / (1 - qc)) + shift)))
        mean = sum(si for _, si in band) / len(band)
        print(
            f"{lo:3d}-{min(hi, 100):<3d}  {len(band):7,d}   {mean:6.1f}        {pct(q)}         {pct(at_prior)}"
        )


def report(
    labels: dict[str, dict[str, Any]], scored: dict[str, tuple[float, set[str], str]]
) -> dict[str, tuple[int, int]]:
    """Print every table; return each name-origin group's (honest, flagged) at the 1%-FPR
    threshold (key "" for all honest applicants), for pooling over populations."""
    ids = [i for i in labels if i in scored]
    y = [int(bool(labels[i]["is_fraud"])) for i in ids]
    s = [scored[i][0] for i in ids]
    honest = [i for i in ids if not labels[i]["is_fraud"]]
    fraud = [i for i in ids if labels[i]["is_fraud"]]
    fpr, tpr, thr = roc_curve(y, s)
    best = max((j for j in range(len(fpr)) if fpr[j] <= 0.01), key=lambda j: tpr[j])
    t = float(thr[best])
    flagged = {i for i in ids if scored[i][0] >= t}
    fp_all = sum(1 for i in honest if i in flagged) / len(honest)
    print(f"\n== Overall ({len(honest):,} honest, {len(fraud):,} fraud)")
    print(f"ROC-AUC                      {roc_auc_score(y, s):.4f}   (target >= 0.95)")
    print(f"recall at 1% FPR             {tpr[best]:.3f}    (target >= 0.80)")
    print(f"threshold (risk score >=)    {t:.2f}; honest FPR there {pct(fp_all)}")
    for cut in (50.0, 85.0):
        print(
            f"at default cut {cut:>4}: recall {sum(scored[i][0] >= cut for i in fraud) / len(fraud):.3f}, "
            f"honest FPR {pct(sum(scored[i][0] >= cut for i in honest) / len(honest))}"
        )

    calibration(y, s)

    print("\n== Recall by scheme at the 1%-FPR threshold (AUC: scheme vs all honest)")
    by_scheme: dict[str, list[str]] = defaultdict(list)
    for i in fraud:
        by_scheme[labels[i]["scheme"]].append(i)
    hs = [scored[i][0] for i in honest]
    for sch, members in sorted(by_scheme.items()):
        fs = [scored[i][0] for i in members]
        auc = roc_auc_score([0] * len(hs) + [1] * len(fs), hs + fs)
        print(
            f"{sch:20s} n={len(members):5d}  recall {sum(i in flagged for i in members) / len(members):.3f}  AUC {auc:.3f}"
        )
    print("\n== Recall by number of planted tells")
    by_k: dict[int, list[str]] = defaultdict(list)
    for i in fraud:
        by_k[len(labels[i]["tells"])].append(i)
    for k, members in sorted(by_k.items()):
        print(
            f"{k} tells  n={len(members):5d}  recall {sum(i in flagged for i in members) / len(members):.3f}"
        )

    print("\n== Detector firing rates (share of applications where it fired)")
    fired_h, fired_f = Counter[str](), Counter[str]()
    for i in honest:
        fired_h.update(scored[i][1])
    for i in fraud:
        fired_f.update(scored[i][1])
    print(f"{'detector':12s} {'honest':>8s} {'fraud':>8s}  lift")
    for code in sorted(set(fired_h) | set(fired_f)):
        h, f = fired_h[code] / len(honest), fired_f[code] / len(fraud)
        lift = f"{f / h:7.1f}" if h else "    inf"
        print(f"{code:12s} {pct(h)} {pct(f)} {lift}")

    print("\n== Planted tells: how often the detector meant for them fired (and recall)")
    tell_apps: dict[str, list[str]] = defaultdict(list)
    for i in fraud:
        for tl in labels[i]["tells"]:
            tell_apps[tl].append(i)
    for tl, members in sorted(tell_apps.items(), key=lambda kv: -len(kv[1])):
        want = TELL_DETECTORS.get(tl, ())
        seen = sum(1 for i in members if scored[i][1] & set(want)) / len(members)
        print(
            f"{tl:20s} n={len(members):5d}  seen by {'/'.join(want) or '-':36s} {pct(seen)}  "
            f"recall {sum(i in flagged for i in members) / len(members):.3f}"
        )

    print("\n== Honest look-alikes: false-positive rate at the threshold, and what fires")
    trait_apps: dict[str, list[str]] = defaultdict(list)
    for i in honest:
        for tr in labels[i]["traits"] or ["(none)"]:
            trait_apps[tr].append(i)
    for tr, members in sorted(trait_apps.items(), key=lambda kv: -len(kv[1])):
        fp = sum(1 for i in members if i in flagged)
        top = Counter[str]()
        for i in members:
            top.update(scored[i][1])
        common = ", ".join(f"{c} {100 * n / len(members):.0f}%" for c, n in top.most_common(3))
        print(
            f"{tr:18s} n={len(members):5d}  FPR {pct(fp / len(members))}  mean score "
            f"{sum(scored[i][0] for i in members) / len(members):5.1f}  top: {common}"
        )

    print("\n== Fairness: honest applicants by name-origin group at the 1%-FPR threshold")
    groups: dict[str, list[str]] = defaultdict(list)
    for i in honest:
        groups[labels[i]["group"]].append(i)
    mean_all = sum(hs) / len(hs)
    print(f"overall honest FPR {pct(fp_all)}, mean score {mean_all:.2f}")
    ratios, mratios = {}, {}
    counts = {"": (len(honest), sum(1 for i in honest if i in flagged))}
    for g, members in sorted(groups.items()):
        k = sum(1 for i in members if i in flagged)
        counts[g] = (len(members), k)
        lo, hi = wilson(k, len(members))
        ratio = (k / len(members)) / fp_all if fp_all else float("nan")
        mean = sum(scored[i][0] for i in members) / len(members)
        ratios[g], mratios[g] = ratio, mean / mean_all
        print(
            f"{g:14s} n={len(members):5d}  FP {k:4d}  FPR {pct(k / len(members))} "
            f"[{pct(lo)}, {pct(hi)}]  ratio {ratio:5.2f}  mean-score ratio {mean / mean_all:5.2f}"
        )
    worst = max(ratios, key=lambda g: ratios[g])
    print(
        f"max FPR ratio {ratios[worst]:.2f} ({worst}); max mean-score ratio "
        f"{max(mratios.values()):.2f} ({max(mratios, key=lambda g: mratios[g])})   (target <= 1.25)"
    )
    # The policy's decisions, not only the score: a detector that weighs nothing can still
    # force a decision (minimum_decision), and that is where a name's origin could creep in.
    print("\n== Fairness of decisions: honest applicants the default policy does not allow")
    held = [i for i in honest if scored[i][2] != "allow"]
    rate_all = len(held) / len(honest)
    print(f"overall {pct(rate_all)} ({len(held)} of {len(honest):,})")
    for g, members in sorted(groups.items()):
        stopped = [i for i in members if scored[i][2] != "allow"]
        why = Counter[str]()
        for i in stopped:
            why.update(c for c in scored[i][1] if c in ("HG-SAN-001", "HG-SAN-003"))
        lo, hi = wilson(len(stopped), len(members))
        print(
            f"{g:14s} n={len(members):5d}  not allowed {pct(len(stopped) / len(members))} "
            f"[{pct(lo)}, {pct(hi)}]  ratio {len(stopped) / len(members) / rate_all:5.2f}"
            + (f"  (sanctions name match on {sum(why.values())})" if why else "")
        )
    print("\n== What drives each group's excess (detector firing rate in group vs other honest)")
    for g, members in sorted(groups.items(), key=lambda kv: -ratios[kv[0]]):
        if ratios[g] <= 1.0 and mratios[g] <= 1.05:
            continue
        inside, rest = Counter[str](), Counter[str]()
        for i in members:
            inside.update(scored[i][1])
        others = [i for i in honest if labels[i]["group"] != g]
        for i in others:
            rest.update(scored[i][1])
        diffs = sorted(
            (
                (inside[c] / len(members) - rest[c] / len(others), c)
                for c in inside
                if get_detector(c).weight > 0  # context detectors add nothing to the score
            ),
            reverse=True,
        )[:4]
        fl = Counter[str]()
        for i in members:
            if i in flagged:
                fl.update(c for c in scored[i][1] if get_detector(c).weight > 0)
        print(
            f"{g:14s} excess: "
            + ", ".join(f"{c} +{100 * d:.1f}pt" for d, c in diffs if d > 0.002)
            + " | on its flagged: "
            + ", ".join(f"{c} {n}" for c, n in fl.most_common(4))
        )
    return counts


def evaluate(path: Path) -> dict[str, tuple[int, int]]:
    """Score one labelled file and print its report."""
    labels = {}
    for line in path.read_bytes().splitlines():
        rec = orjson.loads(line)
        lab = rec.get("label")
        if isinstance(lab, dict) and lab.get("is_fraud") is not None:
            lab.setdefault("scheme", "fraud" if lab["is_fraud"] else "honest")
            lab.setdefault("group", "unknown")
            lab.setdefault("tells", [])
            lab.setdefault("traits", [])
            labels[rec["application_id"]] = lab
    t1 = time.perf_counter()
    scored = score(path)
    print(
        f"scored {len(scored):,} applications in {time.perf_counter() - t1:.1f}s through hireguard.cli_score.score_to"
    )
    return report(labels, scored)


def pooled_fairness(counts: list[dict[str, tuple[int, int]]]) -> None:
    """Each population's flagged honest applicants (at its own 1%-FPR threshold), added up
    by group: a group of ~1,000 has ~10 false positives in one population, too few to tell
    a real excess from chance."""
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in counts:
        for g, (n, k) in c.items():
            total[g][0] += n
            total[g][1] += k
    n_all, k_all = total.pop("")
    overall = k_all / n_all
    print(
        f"\n== Pooled fairness over {len(counts)} populations ({n_all:,} honest, FPR {pct(overall)})"
    )
    ratios = {}
    for g, (n, k) in sorted(total.items(), key=lambda kv: -kv[1][1] / kv[1][0]):
        lo, hi = wilson(k, n)
        ratios[g] = (k / n) / overall
        print(
            f"{g:14s} n={n:6d}  FP {k:4d}  FPR {pct(k / n)} [{pct(lo)}, {pct(hi)}]  ratio {ratios[g]:5.2f}"
        )
    worst = max(ratios, key=lambda g: ratios[g])
    print(f"max pooled FPR ratio {ratios[worst]:.2f} ({worst})   (target <= 1.25)")


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("-n", type=int, default=20000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--seeds",
        help="comma-separated seeds: one report each, then the fairness table pooled over all",
    )
    p.add_argument("--fraud-rate", type=float, default=0.08)
    p.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 5, 1))
    p.add_argument("--input", type=Path, help="score this labelled file instead of generating")
    a = p.parse_args()
    if a.input is not None:
        evaluate(a.input)
        return
    seeds = [int(x) for x in a.seeds.split(",")] if a.seeds else [a.seed]
    counts = []
    for seed in seeds:
        t0 = time.perf_counter()
        OUT.mkdir(exist_ok=True)
        path = OUT / f"heldout-n{a.n}-s{seed}-f{a.fraud_rate}.jsonl"
        with open(path, "wb") as fh:
            for rec in generate(a.n, seed, a.fraud_rate, a.start):
                fh.write(orjson.dumps(rec) + b"\n")
        print(
            f"generated {a.n:,} applications (seed {seed}) in {time.perf_counter() - t0:.1f}s -> {path}"
        )
        counts.append(evaluate(path))
    if len(counts) > 1:
        pooled_fairness(counts)


if __name__ == "__main__":
    main()
