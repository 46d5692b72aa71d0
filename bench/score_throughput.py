"""Throughput of `hireguard score`, end to end with storage, and where the time goes.

    python3 bench/score_throughput.py [--n 100000] [--sizes 10000,50000,100000] [--db URL]
                                      [--scope both|full|core]

Generates a population with `hireguard synth` (not timed), then scores it in a child process
pinned to one core (taskset), into a fresh SQLite database (or --db), and prints
applications per second, the per-stage split (parse = reading and JSON decoding, validate,
enrich, store, link, screen, detect, score+decide, write, and "between": commits, the cyclic
collector and the loop, outside every stage), and the peak memory of each size so that
"flat as the file grows" can be read off.

Two scopes: "full" is `hireguard score` as shipped; "core" leaves out sanctions screening
and linkage (the stages the sanctions and ring issues added), so that the core issue's
target (3,000 applications/s on one core) can be read for the pipeline it specified.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

CHILD = r"""
import json, resource, sys, time
from hireguard.cli_score import score_to
from hireguard.intake.readers import read_jsonl
path, db, full = sys.argv[1], sys.argv[2], sys.argv[3] == "full"
import orjson
with open(path, "rb") as fh:  # JSON decoding alone, to split parse from validate (not timed)
    td = time.perf_counter()
    for line in fh:
        orjson.loads(line)
    decode_s = time.perf_counter() - td
t0 = time.perf_counter()
with open("/dev/null", "wb") as out:
    s = score_to(read_jsonl(path), out, source=path, db=db, policy=None, quiet=True,
                 sanctions=full, link=full)
total = time.perf_counter() - t0
print(json.dumps({"n": s.n_read, "errors": s.n_errors, "total_s": total, "decode_s": decode_s,
                  "pipeline_s": s.wall_seconds, "stages": s.seconds,
                  "decisions": dict(s.decisions),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


SCOPES = {
    "full": "full pipeline, as `hireguard score` runs it (sanctions screening and linkage "
    "included):",
    "core": "core pipeline of the core issue (parse, validate, enrich, detect, score, store; "
    "no sanctions screening, no linkage):",
}


def generate(n: int, path: Path, seed: int) -> None:
    from hireguard.synth import generate as synth

    with path.open("wb") as handle:
        for rec in synth(n, seed=seed):
            handle.write(orjson.dumps(rec) + b"\n")


def head(src: Path, dst: Path, n: int) -> None:
    """The first ``n`` lines of ``src`` into ``dst``, streamed: the children's peak memory is
    read with getrusage, which on Linux keeps the parent's resident size across fork and
    exec, so the parent must stay small for the figure to be the child's own."""
    with src.open("rb") as fin, dst.open("wb") as fout:
        for i, line in enumerate(fin):
            if i >= n:
                break
            fout.write(line)


def run_child(path: Path, db: str, scope: str) -> dict[str, object]:
    cmd = [sys.executable, "-c", CHILD, str(path), db, scope]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    result: dict[str, object] = json.loads(res.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--sizes", default="", help="comma-separated sizes for the memory curve")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--db", default=None, help="database URL (default: fresh SQLite)")
    ap.add_argument(
        "--scope",
        choices=("both", "full", "core"),
        default="both",
        help="full: `hireguard score` as shipped; core: without sanctions screening and "
        "linkage; both (default)",
    )
    args = ap.parse_args()
    scopes = {"full", "core"} if args.scope == "both" else {args.scope}
    sizes = sorted({int(x) for x in args.sizes.split(",") if x} | {args.n})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = folder / "apps.jsonl"
        t0 = time.perf_counter()
        generate(max(sizes), big, args.seed)
        print(
            f"generated {max(sizes):,} applications in {time.perf_counter() - t0:.1f} s "
            f"({big.stat().st_size / 1e6:.0f} MB)"
        )
        runs = [(scope, size) for scope in ("full", "core") if scope in scopes for size in sizes]
        for scope, size in runs:
            path = folder / f"apps_{size}.jsonl"
            if not path.exists():
                head(big, path, size)
            db = args.db or f"sqlite:///{folder / f'bench_{scope}_{size}.db'}"
            r = run_child(path, db, scope)
            stages: dict[str, float] = r["stages"]  # type: ignore[assignment]
            n = int(r["n"])  # type: ignore[call-overload]
            total = float(r["total_s"])  # type: ignore[arg-type]
            print(
                f"\n{SCOPES[scope]}\n{n:,} applications: {n / total:,.0f}/s end to end "
                f"({total:.1f} s with start-up), peak RSS {r['peak_rss_mb']:.0f} MB"
            )
            # "parse" is reading, JSON decoding and pydantic validation together; the decoding
            # alone was timed apart on the same file, so the rest is validation.
            decode = min(float(r.get("decode_s", 0.0)), stages.get("parse", 0.0))  # type: ignore[arg-type]
            if decode:
                stages["validate"] = stages.pop("parse") - decode
                stages["parse"] = decode
            # What the run spent outside the stages: commits, the collector, the loop itself.
            stages["between"] = max(float(r["pipeline_s"]) - sum(stages.values()), 0.0)  # type: ignore[arg-type]
            busy = sum(stages.values())
            for stage, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
                if scope == "core" and stage in ("link", "screen"):
                    continue
                print(
                    f"  {stage:<8} {secs:7.2f} s  {100 * secs / busy:5.1f}%  "
                    f"{1e6 * secs / max(n, 1):7.1f} µs/application"
                )
            print(f"  decisions: {r['decisions']}")
    pinned = bool(shutil.which("taskset"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nmachine: {os.cpu_count()} cores; child pinned to one core: {pinned}; "
        f"bench process peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
