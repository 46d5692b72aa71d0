"""Benchmark of IP intelligence: load time and lookups per second.

    python bench/ipintel.py [--n 200000] [--seed 7]

Load time is measured in a fresh interpreter (what ``hireguard score`` pays at start);
lookups on three workloads: every address new (cold cache), a realistic mix where each
address repeats a few times, and the same addresses again (warm cache).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time

from hireguard.enrich.ipintel import IpIntel

LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); "
    "from hireguard.enrich.ipintel import IpIntel; i = IpIntel.default(); "
    "i.lookup('8.8.8.8'); print(time.perf_counter() - t)"
)


def random_ips(n: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(n):
        if rng.random() < 0.85:
            out.append(
                ".".join(
                    str(rng.randrange(1, 224) if k == 0 else rng.randrange(256)) for k in range(4)
                )
            )
        else:
            out.append(
                f"2{rng.randrange(0x001, 0xFFF):03x}:{rng.randrange(0x10000):x}::"
                f"{rng.randrange(0x10000):x}"
            )
    return out


def rate(intel: IpIntel, ips: list[str]) -> float:
    lookup = intel.lookup
    t = time.perf_counter()
    for ip in ips:
        lookup(ip)
    return len(ips) / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    loads = sorted(
        float(
            subprocess.run(
                [sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    )
    print(
        f"IpIntel.default() load + first lookup, fresh process: median {loads[1]:.3f} s "
        f"(min {loads[0]:.3f}, max {loads[2]:.3f})"
    )
    rng = random.Random(args.seed)
    ips = random_ips(args.n, rng)
    intel = IpIntel.default()
    print(f"data: {intel.description}")
    cold = rate(IpIntel(intel.geo, intel.curated, cache_size=0), ips)
    print(
        f"cold (no cache, {args.n:,} distinct addresses): {cold:,.0f} lookups/s "
        f"({1e6 / cold:.2f} µs each)"
    )
    mixed_ips = [rng.choice(ips[: args.n // 4]) for _ in range(args.n)]
    fresh = IpIntel(intel.geo, intel.curated)
    mixed = rate(fresh, mixed_ips)
    print(
        f"mixed (each address ~4 times, LRU 65,536): {mixed:,.0f} lookups/s "
        f"({1e6 / mixed:.2f} µs each)"
    )
    warm_ips = ips[:50_000]
    rate(fresh, warm_ips)
    warm = rate(fresh, warm_ips)
    print(f"warm (all cached): {warm:,.0f} lookups/s ({1e6 / warm:.2f} µs each)")


if __name__ == "__main__":
    main()
