"""Near-duplicate resumes over a million documents, in bounded memory.

    python bench/linkage/bench_minhash.py [--n 1000000] [--batch 1000]

Streams ``--n`` synthetic resumes (150-250 words from a 5,000-word vocabulary; 1 % are
near-copies of an earlier resume with a new name and a few words changed), computes their
MinHash signatures and LSH band keys batch by batch, keeps signatures in a memory-mapped
file and band keys in an on-disk DuckDB table (memory limit 1 GB), then finds candidate
pairs by band and verifies them by estimated Jaccard (>= 0.7), as the linker does.

Prints signature time per document, candidate and verified pairs, recall of the planted
near-copies, false pairs, wall time and peak memory (RSS) of the whole run.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np

from hireguard.linkage.kinds import MAX_GROUP
from hireguard.linkage.linker import RESUME_MIN_JACCARD
from hireguard.linkage.minhash import NUM_PERM, MinHasher


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    n, batch = args.n, args.batch
    work = Path(tempfile.mkdtemp(prefix="hg-minhash-"))
    rng = np.random.default_rng(5)
    vocab = np.array([f"w{i}x{rng.integers(0, 99)}" for i in range(5000)], dtype=object)
    hasher = MinHasher.create("bench-salt")
    sigs = np.lib.format.open_memmap(
        work / "sigs.npy", mode="w+", dtype=np.uint32, shape=(n, NUM_PERM)
    )
    db = duckdb.connect(str(work / "bands.duckdb"))
    db.execute("SET memory_limit = '1GB'")
    db.execute("SET threads TO 2")
    db.execute("CREATE TABLE bands (h BIGINT, doc INTEGER)")
    planted: dict[int, int] = {}
    keep_words: dict[int, np.ndarray] = {}  # a bounded pool of earlier resumes to copy from
    sig_seconds = 0.0
    started = time.perf_counter()
    pending_h: list[np.ndarray] = []
    pending_d: list[np.ndarray] = []
    for lo in range(0, n, batch):
        hi = min(n, lo + batch)
        texts = []
        for i in range(lo, hi):
            if keep_words and rng.random() < 0.01:
                src = int(rng.choice(list(keep_words)))
                words = keep_words[src].copy()
                for p in rng.integers(0, len(words), 4):
                    words[p] = vocab[rng.integers(0, len(vocab))]
                planted[i] = src
                texts.append("Resume of Person" + str(i) + " " + " ".join(words))
                continue
            words = vocab[rng.integers(0, len(vocab), rng.integers(150, 251))]
            if len(keep_words) < 2000:
                keep_words[i] = words
            elif rng.random() < 0.01:
                keep_words.pop(next(iter(keep_words)))
                keep_words[i] = words
            texts.append("Resume of Person" + str(i) + " " + " ".join(words))
        t0 = time.perf_counter()
        out = hasher.signatures(texts)
        present = [s for s in out if s is not None]
        keys = np.array(hasher.band_keys(present, 9), dtype=np.int64)
        sig_seconds += time.perf_counter() - t0
        sigs[lo:hi] = np.stack(present)
        pending_h.append(keys.reshape(-1))
        pending_d.append(np.repeat(np.arange(lo, hi, dtype=np.int32), hasher.bands))
        if sum(len(x) for x in pending_h) >= 800_000 or hi == n:
            frame = {"h": np.concatenate(pending_h), "doc": np.concatenate(pending_d)}
            db.register("chunk", frame)
            db.execute("INSERT INTO bands SELECT * FROM chunk")
            db.unregister("chunk")
            pending_h, pending_d = [], []
    sigs.flush()
    pairs = db.execute(f"""
        WITH g AS (SELECT h FROM bands GROUP BY h HAVING COUNT(*) BETWEEN 2 AND {MAX_GROUP})
        SELECT DISTINCT a.doc AS a, b.doc AS b
        FROM bands a JOIN g USING (h) JOIN bands b ON b.h = a.h AND a.doc < b.doc
    """).fetchnumpy()
    a = np.asarray(pairs["a"], dtype=np.int64)
    b = np.asarray(pairs["b"], dtype=np.int64)
    verified = np.zeros(len(a), dtype=bool)
    for s in range(0, len(a), 200_000):
        sa, sb = sigs[a[s : s + 200_000]], sigs[b[s : s + 200_000]]
        est = (sa == sb).sum(axis=1) / NUM_PERM
        verified[s : s + 200_000] = est >= RESUME_MIN_JACCARD
    wall = time.perf_counter() - started
    found = {(int(x), int(y)) for x, y in zip(a[verified], b[verified], strict=True)}
    truth = {(min(i, s), max(i, s)) for i, s in planted.items()}
    by_source: dict[int, list[int]] = {}
    for i, s in planted.items():  # two copies of one resume (8 words apart) are related too
        by_source.setdefault(s, []).append(i)
    siblings = {(x, y) for c in by_source.values() for x in c for y in c if x < y}
    hit = len(truth & found)
    sib_hit = len(siblings & found)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"documents {n:,}: signatures {sig_seconds / n * 1e6:.1f} µs/doc "
        f"(MinHash {NUM_PERM} bins + {hasher.bands} band keys, batches of {batch})"
    )
    print(
        f"candidate pairs {len(a):,}, verified {int(verified.sum()):,}; original-copy pairs "
        f"found {hit}/{len(truth)} = {hit / max(1, len(truth)):.1%}; copy-copy pairs "
        f"{sib_hit}/{len(siblings)}; unrelated pairs {len(found - truth - siblings):,}"
    )
    print(
        f"wall {wall:.0f} s, peak RSS {peak:.0f} MB (signatures memory-mapped, band keys in "
        f"on-disk DuckDB with a 1 GB limit)"
    )


if __name__ == "__main__":
    main()
