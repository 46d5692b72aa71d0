"""Cost of evaluation queries as instruction counts, steadier than wall time on a shared
machine. Run twice under callgrind, with ``--n N`` and ``--n 0``, and take the difference:

    python bench/sanctions/count_queries.py --build /tmp/idx.pickle      # once per code version
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.N python \\
        bench/sanctions/count_queries.py --index /tmp/idx.pickle --n 2000 [--threshold 0.5]
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 python \\
        bench/sanctions/count_queries.py --index /tmp/idx.pickle --n 0
    # (instructions of cg.N - instructions of cg.0) / N = instructions a query

``python`` there must be the interpreter itself (``python -c "import sys;
print(sys.executable)"``), not a pyenv shim: valgrind does not follow the shim's exec and
would count the shim alone.

The script loads the compiled index, answers one query (so that lazily built tables exist
in both runs), empties the index's caches and answers the first N queries of the
evaluation file: cold caches, as ``compare.py`` measures them.
"""

from __future__ import annotations

import argparse
import gc
import pickle
from pathlib import Path

import orjson

from hireguard.paths import package_data
from hireguard.sanctions.index import SanctionsIndex
from hireguard.sanctions.parsers import read_paths

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", type=Path, help="build the index and pickle it here, then stop")
    ap.add_argument("--index", type=Path)
    ap.add_argument("--eval", type=Path, default=HERE / "out" / "eval.jsonl")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--threshold", type=float, default=0.865)
    args = ap.parse_args()
    if args.build:
        entries = [e for p in read_paths([package_data("sanctions")]) for e in p.entries]
        args.build.write_bytes(pickle.dumps(SanctionsIndex(entries), pickle.HIGHEST_PROTOCOL))
        return
    assert args.index, "--index or --build"
    rows = [orjson.loads(line) for line in args.eval.read_bytes().splitlines() if line.strip()]
    gc.disable()
    idx: SanctionsIndex = pickle.loads(args.index.read_bytes())
    idx.search("Kim Jong Un", kind="person", threshold=args.threshold)
    idx.clear_caches()
    found = 0
    for r in rows[: args.n]:
        found += bool(idx.search(r["name"], kind=r["kind"], threshold=args.threshold, limit=1))
    print(f"{args.n} queries, {found} with a hit")


if __name__ == "__main__":
    main()
