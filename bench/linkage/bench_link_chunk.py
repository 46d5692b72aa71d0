"""The cost of incremental linking alone: ``Linker.link_chunk`` per application as the store grows.

    python bench/linkage/bench_link_chunk.py [--n 100000] [--seed 11] [--keep DIR]

1. Generates ``--n`` applications with ``hireguard synth`` and runs them through the pipeline
   once without linking (not timed), keeping each chunk's enriched applications (a pickle)
   and the store they were written to.
2. Replays ``link_chunk`` chunk by chunk, each in its own transaction, on a copy of that
   store, and reports CPU time (``time.process_time``: less swayed than wall time by other
   jobs on a shared machine) per application for the first and last 20 chunks, and the split
   by step, and the CPU time of each chunk's commit (writing the pages it changed).
3. Prints a digest of what linking produced (ring members and ids, ring summaries, aliases,
   stored identifiers, every application's link context): two versions of the linker that
   give the same digest on the same ``--keep`` folder give the same rings and contexts.

The whole-pipeline figure is ``bench/score_throughput.py``'s ``link`` stage.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import pickle
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

STEPS = (
    "_forget",
    "_groups",
    "_pairs",
    "_complete_pairs",
    "_store",
    "_update_rings",
    "_join_by_ip",
)
STEPS_TAIL = ("_fill_links",)


def prepare(n: int, seed: int, folder: Path) -> None:
    from hireguard.intake.readers import read_jsonl
    from hireguard.runtime import build_pipeline
    from hireguard.synth import generate

    src = folder / "apps.jsonl"
    with src.open("wb") as handle:
        for rec in generate(n, seed=seed):
            handle.write(orjson.dumps(rec) + b"\n")
    pipeline = build_pipeline(f"sqlite:///{folder / 'base.db'}", None, sanctions=False)
    with (folder / "chunks.pkl").open("wb") as out:

        class Recorder:
            def link_chunk(self, conn: Any, apps: list[Any], app_pks: list[int]) -> None:
                pickle.dump((apps, app_pks), out, protocol=5)

        pipeline.linker = Recorder()
        pipeline.run(read_jsonl(str(src)), source=str(src))
    if pipeline.engine is not None:
        pipeline.engine.dispose()


def replay(folder: Path) -> None:
    from hireguard.linkage import identifiers
    from hireguard.linkage import linker as lk
    from hireguard.store.db import open_db

    split: Counter[str] = Counter()

    def timed(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return f(*args, **kwargs)
            finally:
                split[name] += time.process_time() - t0

        return run

    lk.extract = timed("extract", identifiers.extract)  # type: ignore[assignment]
    for name in (*STEPS, *STEPS_TAIL):
        attr = lk.Linker.__dict__.get(name)
        if attr is None:  # a step an older linker does not have
            continue
        if isinstance(attr, staticmethod):
            setattr(lk.Linker, name, staticmethod(timed(name, attr.__func__)))
        else:
            setattr(lk.Linker, name, timed(name, attr))
    db = folder / "run.db"
    shutil.copy(folder / "base.db", db)
    engine = open_db(f"sqlite:///{db}")
    linker = lk.Linker("bench-salt")
    per_app: list[float] = []
    commit_per_app: list[float] = []  # the commit writes the pages the chunk changed
    n_apps = 0
    contexts = hashlib.sha256()
    gc.disable()
    with (folder / "chunks.pkl").open("rb") as handle:
        while True:
            try:
                apps, pks = pickle.load(handle)
            except EOFError:
                break
            with engine.begin() as conn:
                t0 = time.process_time()
                linker.link_chunk(conn, apps, pks)
                per_app.append((time.process_time() - t0) / len(apps) * 1e6)
                t_commit = time.process_time()
            commit_per_app.append((time.process_time() - t_commit) / len(apps) * 1e6)
            n_apps += len(apps)
            for e in apps:
                contexts.update(repr((e.app.application_id, dataclasses.asdict(e.links))).encode())
            gc.collect(1)
    head, tail = per_app[:20], per_app[-20:]
    print(
        f"link_chunk over {n_apps:,} applications ({len(per_app)} chunks), CPU µs/application: "
        f"mean {statistics.mean(per_app):.0f}; first 20 chunks {statistics.mean(head):.0f}; "
        f"last 20 chunks {statistics.mean(tail):.0f}"
    )
    print(
        f"  commit, CPU µs/application: mean {statistics.mean(commit_per_app):.0f}; "
        f"first 20 chunks {statistics.mean(commit_per_app[:20]):.0f}; "
        f"last 20 chunks {statistics.mean(commit_per_app[-20:]):.0f}"
    )
    print(
        "  split: "
        + ", ".join(f"{k.lstrip('_')} {v / n_apps * 1e6:.0f}" for k, v in split.most_common())
    )
    print(f"  digest of rings and link contexts: {digest(engine, contexts)}")


def digest(engine: Any, contexts: Any) -> str:
    """What linking produced, as a short hash (``rings.updated_at`` left out: wall time)."""
    out = contexts.copy()
    with engine.connect() as conn:
        for sql in (
            "SELECT application_pk, cluster_id FROM ring_members",
            "SELECT cluster_id, size, identities, score, links, first_seen, last_seen FROM rings",
            "SELECT retired_id, cluster_id FROM ring_aliases",
            "SELECT h, application_pk, kind FROM link_identifiers",
        ):
            out.update(repr(sorted(tuple(map(str, r)) for r in conn.exec_driver_sql(sql))).encode())
    return out.hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", help="keep (or reuse) the prepared store and chunks in this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "chunks.pkl").exists():
            t0 = time.perf_counter()
            prepare(args.n, args.seed, folder)
            print(f"prepared {args.n:,} applications in {time.perf_counter() - t0:.0f} s")
        replay(folder)


if __name__ == "__main__":
    main()
