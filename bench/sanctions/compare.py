"""Sanctions screening benchmark: accuracy, speed and memory, side by side with the open
matchers (OpenSanctions nomenklatura ``logic-v1``/``logic-v2``, plain rapidfuzz).

    python bench/sanctions/compare.py                 # HireGuard only (+ the others if installed)
    pip install nomenklatura                          # for the comparison (benchmark only)
    python bench/sanctions/compare.py --sample 2000   # queries given to the slow matchers

Prints: index build time and memory for the built-in lists; p50/p99 latency of one query and
single-core throughput; recall at rank 1 and false-positive rate at the default threshold
(on the ``test`` half of the evaluation file; the threshold was chosen on the ``dev`` half);
the same sample of queries run through every matcher; ``hireguard screen --batch`` on 6,000
queries with start-up. The evaluation file is made by ``make_eval.py`` when missing.

The other matchers get a candidate step like yente's (which asks its search index for the
best-matching names): the top 20 entries of HireGuard's own candidate search with a low
floor, so that they see the same candidates; the time of that step is counted in theirs.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from hireguard.paths import package_data
from hireguard.sanctions.entries import ListEntry
from hireguard.sanctions.index import SanctionsIndex
from hireguard.sanctions.parsers import read_paths
from hireguard.sanctions.screener import DEFAULT_THRESHOLD

HERE = Path(__file__).resolve().parent
EVAL = HERE / "out" / "eval.jsonl"


def load_eval(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "make_eval.py"), "-o", str(path)], check=True)
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def accuracy(
    rows: list[dict[str, Any]], top: list[tuple[str, float] | None], threshold: float
) -> tuple[float, float, int, int]:
    """(recall at rank 1, false-positive rate, positives, negatives) at ``threshold``."""
    pos = neg = found = fp = 0
    for row, best in zip(rows, top, strict=True):
        hit = best is not None and best[1] >= threshold
        if row["expected"]:
            pos += 1
            found += bool(hit and best is not None and best[0] in row["expected"])
        else:
            neg += 1
            fp += bool(hit)
    return found / max(pos, 1), fp / max(neg, 1), pos, neg


def recall_ways(
    rows: list[dict[str, Any]], top: list[tuple[str, float] | None], threshold: float
) -> dict[str, tuple[int, int]]:
    """(found, positives) at ``threshold`` counted three ways: ``all`` positives (an
    ambiguous one, word for word another listed name too, is found by either entry),
    ``unambiguous`` (the ambiguous ones left out) and ``strict`` (every positive, found only
    by the entries of the name it was made from)."""
    out = {"all": [0, 0], "unambiguous": [0, 0], "strict": [0, 0]}
    for row, best in zip(rows, top, strict=True):
        if not row["expected"]:
            continue
        hit = best is not None and best[1] >= threshold
        got = best[0] if hit and best is not None else None
        ways = [("all", row["expected"]), ("strict", row.get("source_expected", row["expected"]))]
        if not row.get("ambiguous"):
            ways.append(("unambiguous", row["expected"]))
        for way, expected in ways:
            out[way][0] += got in expected
            out[way][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def print_recall_both_ways(
    rows: list[dict[str, Any]], top: list[tuple[str, float] | None], threshold: float
) -> None:
    """Recall@1 of each half and of the whole file with and without the ambiguous
    positives (see ``make_eval.py``), so that neither count hides the other."""
    for label in ("dev", "test", "all"):
        sel = [i for i, r in enumerate(rows) if label == "all" or r["split"] == label]
        ways = recall_ways([rows[i] for i in sel], [top[i] for i in sel], threshold)
        _, fpr, _, nneg = accuracy([rows[i] for i in sel], [top[i] for i in sel], threshold)
        text = ", ".join(
            f"{way} {found / max(n, 1):.4f} ({found}/{n})" for way, (found, n) in ways.items()
        )
        print(
            f"  {label:4} recall@1: {text}; false positives {fpr:.4f} ({round(fpr * nneg)}/{nneg})"
        )


def run_ours(idx: SanctionsIndex, rows: list[dict[str, Any]]) -> tuple[list[Any], list[float]]:
    top: list[tuple[str, float] | None] = []
    lat: list[float] = []
    for row in rows:
        t = time.perf_counter()
        hits = idx.search(row["name"], kind=row["kind"], threshold=0.5, limit=1)
        lat.append(time.perf_counter() - t)
        top.append(
            (f"{hits[0].entry.list}:{hits[0].entry.entity_id}", hits[0].score) if hits else None
        )
    return top, lat


def candidates(idx: SanctionsIndex, name: str, kind: str, k: int = 20) -> list[int]:
    """Entry numbers of the best candidates for ``name`` (a generous floor)."""
    sub, sub_kind = (idx.persons, "person") if kind == "person" else (idx.orgs, "organization")
    from hireguard.sanctions.names import tokenize

    out: list[int] = []
    for name_no in sub.candidates(tokenize(name, sub_kind), floor_share=0.2, limit=4 * k):
        entry_no = sub.name_entry[name_no]
        if entry_no not in out:
            out.append(entry_no)
        if len(out) >= k:
            break
    return out


def run_other(
    idx: SanctionsIndex,
    rows: list[dict[str, Any]],
    score: Callable[[dict[str, Any], ListEntry], float],
) -> tuple[list[Any], float]:
    top: list[tuple[str, float] | None] = []
    start = time.perf_counter()
    for row in rows:
        best: tuple[str, float] | None = None
        for entry_no in candidates(idx, row["name"], row["kind"]):
            entry = idx.entries[entry_no]
            s = score(row, entry)
            if best is None or s > best[1]:
                best = (f"{entry.list}:{entry.entity_id}", s)
        top.append(best)
    return top, time.perf_counter() - start


def nomenklatura_scorer(algorithm: str) -> Callable[[dict[str, Any], ListEntry], float] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm  # type: ignore[import-not-found]
        from nomenklatura.matching.types import ScoringConfig  # type: ignore[import-not-found]
    except ImportError:
        return None
    algo = get_algorithm(algorithm)
    if algo is None:
        return None
    config = ScoringConfig.defaults()
    cache: dict[str, Any] = {}

    def proxy(entry: ListEntry) -> Any:
        key = f"{entry.list}:{entry.entity_id}"
        if key not in cache:
            schema = "Person" if entry.kind == "person" else "Organization"
            e = model.make_entity(schema)
            e.id = key.replace(":", "-").replace(".", "-")
            e.add("name", entry.name)
            e.add("alias", entry.aliases)
            e.add("weakAlias", entry.weak_aliases)
            if entry.kind == "person":
                e.add("birthDate", [d.lstrip("~") for d in entry.dobs], quiet=True)
            e.add("country", entry.nationalities, quiet=True)
            cache[key] = e
        return cache[key]

    def score(row: dict[str, Any], entry: ListEntry) -> float:
        q = model.make_entity("Person" if row["kind"] == "person" else "Organization")
        q.id = f"query-{row['query_id']}"
        q.add("name", row["name"])
        return float(algo.compare(q, proxy(entry), config).score)

    return score


def token_sort_scorer() -> Callable[[dict[str, Any], ListEntry], float]:
    from rapidfuzz import fuzz, utils

    def score(row: dict[str, Any], entry: ListEntry) -> float:
        return max(
            fuzz.token_sort_ratio(row["name"], n, processor=utils.default_process) / 100
            for n in entry.all_names()
        )

    return score


def print_misses(
    idx: SanctionsIndex, rows: list[dict[str, Any]], top: list[Any], split: str
) -> None:
    """Each missed positive (query, listed name, what came first) and each false positive
    at the default threshold, grouped by variant: what is left to work on. Entries are
    named by their primary name (the alias that matched may differ)."""
    names = {f"{e.list}:{e.entity_id}": e.name for e in idx.entries}
    missed: dict[str, list[str]] = {}
    for row, best in zip(rows, top, strict=True):
        if split != "all" and row["split"] != split:
            continue
        hit = best is not None and best[1] >= DEFAULT_THRESHOLD
        if row["expected"] and not (hit and best[0] in row["expected"]):
            got = f"{names[best[0]]!r} {best[1]:.3f}" if best else "nothing"
            source = row.get("source_expected", row["expected"])[0]
            line = f"{row['name']!r} for {names[source]!r}: first {got}"
            if row.get("ambiguous"):
                line += " (ambiguous)"
        elif not row["expected"] and hit:
            line = f"{row['name']!r}: {names[best[0]]!r} {best[1]:.3f}"
        else:
            continue
        missed.setdefault(row["variant"], []).append(line)
    print(f"\n== misses and false positives ({split}), threshold {DEFAULT_THRESHOLD}")
    for variant, lines in sorted(missed.items()):
        print(f"{variant} ({len(lines)}):")
        for line in lines:
            print(f"  {line}")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser(description="HireGuard sanctions benchmark")
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--sample", type=int, default=2000, help="queries for the slow matchers")
    ap.add_argument("--batch", type=int, default=6000, help="queries for the CLI batch run")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument(
        "--misses",
        choices=["dev", "test", "all"],
        help="also list the missed positives and the false positives of this half, by variant",
    )
    args = ap.parse_args()
    rows = load_eval(args.eval)
    print(
        f"evaluation file: {args.eval} ({len(rows)} queries, "
        f"{sum(1 for r in rows if r['expected'])} positives)"
    )

    # 1. index build and memory
    t = time.perf_counter()
    parsed = read_paths([package_data("sanctions")])
    t_parse = time.perf_counter() - t
    entries = [e for p in parsed for e in p.entries]
    t = time.perf_counter()
    idx = SanctionsIndex(entries)
    t_build = time.perf_counter() - t
    blob = pickle.dumps(idx, protocol=pickle.HIGHEST_PROTOCOL)
    gc.disable()
    t = time.perf_counter()
    pickle.loads(blob)
    t_load = time.perf_counter() - t
    gc.enable()
    gc.collect()
    tracemalloc.start()
    snap_entries = [e for p in read_paths([package_data("sanctions")]) for e in p.entries]
    base = tracemalloc.get_traced_memory()[0]
    kept = SanctionsIndex(snap_entries)
    mem = tracemalloc.get_traced_memory()[0]
    del kept
    tracemalloc.stop()
    print(f"\n== index: {len(entries)} entries ({', '.join(p.list for p in parsed)})")
    print(
        f"parse {t_parse:.2f} s, build {t_build:.2f} s, load compiled index {t_load:.2f} s "
        f"({len(blob) / 1e6:.1f} MB on disk); memory: entries {base / 1e6:.0f} MB + "
        f"index {(mem - base) / 1e6:.0f} MB = {mem / 1e6:.0f} MB (tracemalloc)"
    )

    # 2. HireGuard on every query: accuracy and latency
    for r in rows[:200]:
        idx.search(r["name"], kind=r["kind"], threshold=0.5)  # warm caches as in service
    top, lat = run_ours(idx, rows)
    test = [i for i, r in enumerate(rows) if r["split"] == "test"]
    rec, fpr, npos, nneg = accuracy(
        [rows[i] for i in test], [top[i] for i in test], DEFAULT_THRESHOLD
    )
    rec_all, fpr_all, _, _ = accuracy(rows, top, DEFAULT_THRESHOLD)
    print(f"\n== HireGuard, default threshold {DEFAULT_THRESHOLD}")
    print(
        f"test half ({npos} positives, {nneg} negatives): recall@1 {rec:.4f}, "
        f"false positives {fpr:.4f}; whole file: recall@1 {rec_all:.4f}, fp {fpr_all:.4f}"
    )
    print_recall_both_ways(rows, top, DEFAULT_THRESHOLD)
    print(
        f"latency one query: p50 {pct(lat, 0.5) * 1e3:.3f} ms, p99 {pct(lat, 0.99) * 1e3:.3f} ms;"
        f" throughput {len(lat) / sum(lat):.0f} queries/s on one core"
    )
    # cold: every cache of the index emptied first, CPU time of this process
    for label, th in (("threshold 0.5", 0.5), (f"default threshold {DEFAULT_THRESHOLD}", None)):
        idx.clear_caches()
        gc.disable()
        t = time.process_time()
        for r in rows:
            idx.search(r["name"], kind=r["kind"], threshold=th or DEFAULT_THRESHOLD, limit=1)
        secs = time.process_time() - t
        gc.enable()
        print(f"cold caches, {label}: {len(rows) / secs:.0f} queries/s on one core (CPU time)")
    by_variant: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r["expected"]:
            ok = (
                top[i] is not None and top[i][1] >= DEFAULT_THRESHOLD and top[i][0] in r["expected"]
            )
        else:
            ok = not (top[i] is not None and top[i][1] >= DEFAULT_THRESHOLD)
        by_variant.setdefault(r["variant"], []).append(int(ok))
    print(
        "correct by variant: "
        + ", ".join(f"{k} {sum(v) / len(v):.3f} ({len(v)})" for k, v in sorted(by_variant.items()))
    )
    if args.misses:
        print_misses(idx, rows, top, args.misses)

    # 3. side by side on one sample
    rng = random.Random(11)
    sample = rng.sample(rows, min(args.sample, len(rows)))
    print(f"\n== side by side on {len(sample)} sampled queries (same queries for all)")
    print(
        f"{'matcher':38} {'recall@1':>9} {'unambig.':>9} {'fp rate':>8} {'queries/s':>10}"
        "   (unambig.: recall@1 without the ambiguous positives)"
    )

    def unambiguous(top_x: list[tuple[str, float] | None], th: float) -> float:
        found, n = recall_ways(sample, top_x, th)["unambiguous"]
        return found / max(n, 1)

    t = time.perf_counter()
    top_s, _ = run_ours(idx, sample)
    secs = time.perf_counter() - t
    r1, f1, _, _ = accuracy(sample, top_s, DEFAULT_THRESHOLD)
    print(
        f"{'HireGuard (default ' + str(DEFAULT_THRESHOLD) + ')':38} {r1:9.4f} "
        f"{unambiguous(top_s, DEFAULT_THRESHOLD):9.4f} {f1:8.4f} {len(sample) / secs:10.0f}"
    )
    others: list[tuple[str, Callable[[dict[str, Any], ListEntry], float] | None, float]] = [
        ("rapidfuzz token_sort_ratio >= 90", token_sort_scorer(), 0.90),
        ("nomenklatura logic-v1 >= 0.70", nomenklatura_scorer("logic-v1"), 0.70),
        ("nomenklatura logic-v2 >= 0.70 (yente)", nomenklatura_scorer("logic-v2"), 0.70),
    ]
    for label, scorer, th in others:
        if scorer is None:
            print(f"{label:38} (not installed: pip install nomenklatura)")
            continue
        top_o, secs = run_other(idx, sample, scorer)
        r_o, f_o, _, _ = accuracy(sample, top_o, th)
        print(
            f"{label:38} {r_o:9.4f} {unambiguous(top_o, th):9.4f} {f_o:8.4f} "
            f"{len(sample) / secs:10.0f}"
        )

    # 4. the command line on a batch, start-up included
    if not args.no_cli:
        with tempfile.TemporaryDirectory() as tmp:
            batch = Path(tmp) / "queries.jsonl"
            with batch.open("wb") as fh:
                for r in rows[: args.batch]:
                    fh.write(orjson.dumps({k: r[k] for k in ("query_id", "name", "kind")}) + b"\n")
            env = {**os.environ, "HIREGUARD_HOME": str(Path(tmp) / "home")}
            for label in ("first run (builds and caches the index)", "next runs"):
                t = time.perf_counter()
                subprocess.run(
                    [
                        "hireguard",
                        "screen",
                        "--batch",
                        str(batch),
                        "-o",
                        str(Path(tmp) / "out.jsonl"),
                    ],
                    check=True,
                    env=env,
                )
                print(
                    f"\n== hireguard screen --batch, {min(args.batch, len(rows))} queries, "
                    f"{label}: {time.perf_counter() - t:.2f} s wall"
                )


if __name__ == "__main__":
    main()
