"""Prefix tables for IP intelligence: which curated ranges hold an address, in O(log n).

Every range is stored as a closed interval of integers (IPv4 and IPv6 apart). Ranges may
nest (a /32 inside a /30 inside a /22), so the table is flattened once into disjoint
segments, each remembering every entry that covers it; a lookup is one ``bisect``.
"""

from __future__ import annotations

import bisect
import ipaddress
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class _Segment(Generic[T]):
    last: int
    entries: tuple[T, ...]


class RangeTable(Generic[T]):
    """Entries keyed by IP networks; ``find(ip)`` returns every entry whose network holds ip.

    >>> t = RangeTable([(ipaddress.ip_network("10.0.0.0/8"), "a")])
    >>> t.find(ipaddress.ip_address("10.1.2.3"))
    ('a',)
    """

    def __init__(self, items: Iterable[tuple[IpNetwork, T]]) -> None:
        self._starts: dict[int, list[int]] = {4: [], 6: []}
        self._segments: dict[int, list[_Segment[T]]] = {4: [], 6: []}
        by_version: dict[int, list[tuple[int, int, T]]] = {4: [], 6: []}
        for net, entry in items:
            first = int(net.network_address)
            by_version[net.version].append((first, first + net.num_addresses - 1, entry))
        for version, spans in by_version.items():
            self._flatten(version, spans)
        self.size = sum(len(v) for v in by_version.values())

    def _flatten(self, version: int, spans: list[tuple[int, int, T]]) -> None:
        # Cut the line at every start and every end+1: between two cuts the set of covering
        # entries is fixed. A sweep keeps the entries active at the current cut.
        spans.sort(key=lambda span: span[0])
        cuts = sorted({s for s, _, _ in spans} | {e + 1 for _, e, _ in spans})
        active: list[tuple[int, int, T]] = []
        j = 0
        for start, nxt in itertools.pairwise(cuts):
            while j < len(spans) and spans[j][0] <= start:
                active.append(spans[j])
                j += 1
            active = [span for span in active if span[1] >= start]
            if active:
                self._starts[version].append(start)
                self._segments[version].append(_Segment(nxt - 1, tuple(e for _, _, e in active)))

    def find(self, ip: IpAddress) -> tuple[T, ...]:
        """Every entry whose network contains ``ip`` (empty tuple when none)."""
        starts = self._starts[ip.version]
        value = int(ip)
        i = bisect.bisect_right(starts, value) - 1
        if i < 0:
            return ()
        seg = self._segments[ip.version][i]
        return seg.entries if value <= seg.last else ()

    def __len__(self) -> int:
        return self.size
