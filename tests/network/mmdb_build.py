"""A tiny MaxMind DB (.mmdb) writer for tests, written from the format's public spec
(MaxMind DB File Format Specification 2.0): an IPv6 search tree with 24-bit records, a
data section and the metadata map. Enough for a handful of networks; no overlaps."""

from __future__ import annotations

import ipaddress
import struct
from pathlib import Path
from typing import Any

_META_MARKER = b"\xab\xcd\xefMaxMind.com"


def _control(type_no: int, size: int) -> bytes:
    if size < 29:
        marker, extra = size, b""
    elif size < 29 + 256:
        marker, extra = 29, bytes([size - 29])
    elif size < 285 + 65536:
        marker, extra = 30, struct.pack(">H", size - 285)
    else:
        marker, extra = 31, struct.pack(">I", size - 65821)[1:]
    if type_no <= 7:
        return bytes([(type_no << 5) | marker]) + extra
    return bytes([marker, type_no - 7]) + extra


def _uint(type_no: int, value: int) -> bytes:
    payload = value.to_bytes((value.bit_length() + 7) // 8, "big") if value else b""
    return _control(type_no, len(payload)) + payload


class U16(int):
    """An unsigned 16-bit integer (the metadata needs this exact type in places)."""


class U64(int):
    """An unsigned 64-bit integer."""


def encode(value: Any) -> bytes:
    """One value in the data-section encoding (map, string, unsigned int, array)."""
    if isinstance(value, U16):
        return _uint(5, value)
    if isinstance(value, U64):
        return _uint(9, value)
    if isinstance(value, dict):
        out = _control(7, len(value))
        for key, item in value.items():
            out += encode(str(key)) + encode(item)
        return out
    if isinstance(value, str):
        raw = value.encode()
        return _control(2, len(raw)) + raw
    if isinstance(value, bool):
        return _control(14, int(value))
    if isinstance(value, int):
        return _uint(6 if value < 2**32 else 9, value)
    if isinstance(value, list):
        return _control(11, len(value)) + b"".join(encode(v) for v in value)
    raise TypeError(f"cannot encode {value!r}")


def write_mmdb(path: Path, records: dict[str, dict[str, Any]], database_type: str) -> Path:
    """Write ``{network: record}`` (IPv4 or IPv6 CIDRs) as an IPv6 .mmdb file."""
    data = b""
    offsets: list[int] = []
    for record in records.values():
        offsets.append(len(data))
        data += encode(record)
    # nodes[i] = [left, right]; an entry is ("node", i), ("data", offset) or None
    nodes: list[list[tuple[str, int] | None]] = [[None, None]]
    for (cidr, _), offset in zip(records.items(), offsets, strict=True):
        net = ipaddress.ip_network(cidr)
        if net.version == 4:  # IPv4 lives under ::/96 in an IPv6 tree
            bits, depth = int(net.network_address), 96 + net.prefixlen
        else:
            bits, depth = int(net.network_address), net.prefixlen
        node = 0
        for i in range(depth):
            bit = (bits >> (127 - i)) & 1
            if i == depth - 1:
                nodes[node][bit] = ("data", offset)
                break
            nxt = nodes[node][bit]
            if nxt is None:
                nodes.append([None, None])
                nxt = ("node", len(nodes) - 1)
                nodes[node][bit] = nxt
            assert nxt[0] == "node", "overlapping networks are not supported"
            node = nxt[1]
    count = len(nodes)

    def record_value(entry: tuple[str, int] | None) -> int:
        if entry is None:
            return count
        kind, number = entry
        return number if kind == "node" else count + 16 + number

    tree = b"".join(
        record_value(left).to_bytes(3, "big") + record_value(right).to_bytes(3, "big")
        for left, right in nodes
    )
    meta = {
        "node_count": count,
        "record_size": U16(24),
        "ip_version": U16(6),
        "database_type": database_type,
        "languages": ["en"],
        "binary_format_major_version": U16(2),
        "binary_format_minor_version": U16(0),
        "build_epoch": U64(1_764_000_000),
        "description": {"en": "HireGuard test database"},
    }
    path.write_bytes(tree + b"\x00" * 16 + data + _META_MARKER + encode(meta))
    return path
