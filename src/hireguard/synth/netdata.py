"""Shipped lookup tables of the generator: IP networks and telephone number stems.

Both files are built by :mod:`hireguard.synth.build_tables` and read once per process.
"""

from __future__ import annotations

import csv
import functools
import ipaddress
import random
from dataclasses import dataclass

from hireguard.paths import package_data

# Exits of Astrill VPN seen in Mandiant's UNC5267 IOCs (indicators.csv, vpn_exit_ip rows).
# Only a few: most VPN addresses come from the general hosting ranges.
ASTRILL_EXITS = (
    "104.129.55.3",
    "104.223.97.2",
    "155.94.255.2",
    "192.119.10.67",
    "198.23.148.18",
    "70.39.103.3",
)
DPRK_NETWORK = "175.45.176.0/22"


@dataclass(frozen=True, slots=True)
class Network:
    country: str
    kind: str
    provider: str
    first: int
    size: int


@dataclass(frozen=True, slots=True)
class PhoneStem:
    country: str
    kind: str
    calling_code: str
    stem: str
    national: str
    international: str


def _rows(name: str) -> list[dict[str, str]]:
    text = package_data("synth", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


@functools.cache
def networks() -> dict[tuple[str, str], tuple[Network, ...]]:
    """Networks by (country, kind); kinds: residential, mobile, education, hosting, dprk."""
    out: dict[tuple[str, str], list[Network]] = {}
    for row in _rows("ip_ranges.csv"):
        address, _, plen = row["cidr"].partition("/")
        if ":" in address:
            net6 = ipaddress.IPv6Network(row["cidr"])
            out.setdefault((row["country"], row["kind"]), []).append(
                Network(
                    row["country"],
                    row["kind"],
                    row["provider"],
                    int(net6.network_address),
                    net6.num_addresses,
                )
            )
            continue
        a, b, c, d = (int(x) for x in address.split("."))
        out.setdefault((row["country"], row["kind"]), []).append(
            Network(
                row["country"],
                row["kind"],
                row["provider"],
                (a << 24) | (b << 16) | (c << 8) | d,
                1 << (32 - int(plen)),
            )
        )
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def phone_stems() -> dict[tuple[str, str], tuple[PhoneStem, ...]]:
    out: dict[tuple[str, str], list[PhoneStem]] = {}
    for row in _rows("phone_stems.csv"):
        out.setdefault((row["country"], row["kind"]), []).append(
            PhoneStem(
                row["country"],
                row["kind"],
                row["calling_code"],
                row["stem"],
                row["national"],
                row["international"],
            )
        )
    return {k: tuple(v) for k, v in out.items()}


def _int_to_ip(value: int) -> str:
    return f"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}"


def host_in(rng: random.Random, net: Network) -> str:
    """A host address inside ``net`` (never the first or last address of a /24).

    IPv6 hosts get a random 64-bit interface identifier, as privacy addresses do.
    """
    if net.first >= 1 << 32:
        value = net.first + rng.getrandbits(net.size.bit_length() - 1)
        groups = [(value >> shift) & 0xFFFF for shift in range(112, -1, -16)]
        text = ":".join(f"{g:x}" for g in groups)
        if ":0:0" in text or text.startswith("0:0"):  # needs '::' compression (RFC 5952)
            return ipaddress.IPv6Address(value).compressed
        return text
    if net.size <= 4:
        return _int_to_ip(net.first + rng.randrange(net.size))
    while True:
        value = net.first + rng.randrange(net.size)
        if 0 < value & 255 < 255:
            return _int_to_ip(value)


def pick_network(rng: random.Random, country: str, kind: str) -> Network:
    """A network of ``kind`` in ``country``; falls back to residential, then to the US."""
    table = networks()
    for key in ((country, kind), (country, "residential"), ("US", kind), ("US", "residential")):
        nets = table.get(key)
        if nets:
            return nets[rng.randrange(len(nets))]
    raise LookupError(f"no network for {country}/{kind}")


def sample_ip(
    rng: random.Random, country: str, kind: str = "residential", *, v6: bool = False
) -> str:
    """An address of ``kind`` in ``country``; IPv6 when asked and the country has some."""
    if v6 and (country, kind + "_v6") in networks():
        return host_in(rng, pick_network(rng, country, kind + "_v6"))
    return host_in(rng, pick_network(rng, country, kind))


HOSTING_COUNTRIES_WEIGHTED = (
    ("US", 55.0),
    ("NL", 8.0),
    ("DE", 8.0),
    ("GB", 8.0),
    ("CA", 5.0),
    ("FR", 4.0),
    ("SG", 4.0),
    ("JP", 3.0),
    ("RO", 2.0),
    ("HK", 3.0),
)


def sample_hosting_ip(rng: random.Random, country: str | None = None) -> str:
    """An address of a hosting/VPS/VPN provider, in ``country`` or a usual VPN country."""
    if country is None or (country, "hosting") not in networks():
        countries = [c for c, _ in HOSTING_COUNTRIES_WEIGHTED]
        weights = [w for _, w in HOSTING_COUNTRIES_WEIGHTED]
        country = rng.choices(countries, weights)[0]
    return sample_ip(rng, country, "hosting")


def dprk_ip(rng: random.Random) -> str:
    net = ipaddress.IPv4Network(DPRK_NETWORK)
    return _int_to_ip(int(net.network_address) + 1 + rng.randrange(net.num_addresses - 2))


def fill(template: str, digits: str) -> str:
    """Write ``digits`` into the 'd' slots of a template (``(ddd) ddd-dddd``)."""
    out: list[str] = []
    i = 0
    for ch in template:
        if ch == "d":
            out.append(digits[i])
            i += 1
        else:
            out.append(ch)
    return "".join(out)


# US/CA numbering: area codes come from the city; exchange codes avoid N11 and 555.
def nanp_number(rng: random.Random, area_code: str) -> str:
    while True:
        exchange = rng.randrange(200, 1000)
        if exchange % 100 != 11 and exchange != 555 and exchange != 958 and exchange != 959:
            break
    return f"{area_code}{exchange}{rng.randrange(10000):04d}"


def national_number(
    rng: random.Random, country: str, kind: str = "mobile"
) -> tuple[str, PhoneStem]:
    table = phone_stems()
    stems = (
        table.get((country, kind)) or table.get((country, "mobile")) or table[(country, "fixed")]
    )
    stem = stems[rng.randrange(len(stems))]
    return stem.stem + f"{rng.randrange(10000):04d}", stem


def write_phone(
    rng: random.Random, country: str, nsn: str, stem: PhoneStem | None, style: str
) -> str:
    """Write a national significant number the way a person from ``country`` might.

    ``style``: national, international, e164, compact (digits only), or dotted (US/CA).
    """
    if country in ("US", "CA"):
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        if style == "national":
            return rng.choice((f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}"))
        if style == "international":
            return rng.choice((f"+1 {a}-{b}-{c}", f"+1 ({a}) {b}-{c}", f"+1 {a} {b} {c}"))
        if style == "e164":
            return f"+1{nsn}"
        return rng.choice((nsn, f"1{nsn}", f"{a} {b} {c}"))
    assert stem is not None
    if style == "national":
        return fill(stem.national, nsn)
    if style == "international":
        return fill(stem.international, nsn)
    if style == "e164":
        return f"+{stem.calling_code}{nsn}"
    national = fill(stem.national, nsn)
    return "".join(ch for ch in national if ch.isdigit())
