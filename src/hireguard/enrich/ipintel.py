"""IP intelligence: what an IP address is, from shipped offline data or a database you give.

:class:`IpIntel` answers ``lookup(ip) -> IpFacts`` with the country, the network owner (and
ASN when the data has it), the /24 or /48 the address belongs to, a few tags (``dprk``,
``dprk_low``, ``dprk_routed``, ``hosting``, ``vpn``, ``astrill``, ``tor``, ``private``,
``mobile``) and every curated indicator that matched, each with its public source.

Two sources of country and network owner:

- :meth:`IpIntel.default`: the MaxMind GeoLite2 country + ASN snapshot that the
  ``geoip2fast`` package ships (``geoip2fast-asn-ipv6.dat.gz``; IPv4 and IPv6). It names the
  network owner but not the AS number.
- :meth:`IpIntel.from_mmdb`: a MaxMind, IPinfo or DB-IP ``.mmdb`` file the user points to
  (country database, plus an optional ASN database), read with ``maxminddb``.

On top of either, the curated tables in ``hireguard/data/ipintel/`` (CSV, one public source
per entry) mark DPRK address space, the ranges sources name as carrying DPRK traffic in
China and Russia, Astrill VPN exits and Mandiant's UNC5267 addresses, and hosting networks.
A Tor exit list is optional (``tor_exits=``), in the Tor Project's bulk-exit-list format.

Rebuild the curated tables from newer source files with
``python -m hireguard.enrich.ipintel update --from DIR`` (see ``docs/ipintel.md``).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import functools
import gzip
import ipaddress
import itertools
import json
import pickle
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hireguard.enrich.ip_tables import IpAddress, IpNetwork, RangeTable
from hireguard.enrich.types import IndicatorRef, IpFacts
from hireguard.intake.normalise import normalise_ip
from hireguard.paths import package_data

DATA_DIR = package_data("ipintel")
GEOIP2FAST_FILE = "geoip2fast-asn-ipv6.dat.gz"

DPRK_ASN = 131279  # Star Joint Venture Co., the DPRK's ISP (Dyn Research 2017; indicators.csv)

# Indicator kinds written into IndicatorRef.kind; the HG-NET detectors read these.
KIND_DPRK_ALLOCATION = "dprk_allocation"
KIND_DPRK_ROUTED = "dprk_routed"
KIND_DPRK_LISTED_LOW = "dprk_listed_low"
KIND_KP_GEOLOCATED = "kp_geolocated"
KIND_VPN_EXIT = "vpn_exit_ip"
KIND_UNC5267 = "unc5267_ip"
KIND_HOSTING_NETWORK = "hosting_network"
KIND_HOSTING_NAME = "hosting_name"
KIND_TOR_EXIT = "tor_exit"

DPRK_KINDS = frozenset({KIND_DPRK_ALLOCATION, KIND_DPRK_ROUTED, KIND_DPRK_LISTED_LOW})

KP_GEOLOCATED_SOURCE = (
    "GeoIP database places the address in KP (North Korea) outside the curated DPRK ranges; "
    "Trend Micro, 'A Closer Look at North Korea's Internet', 2017-10, found KP-registered or "
    "KP-geolocated space used by VPN providers abroad, so this is a GeoIP anomaly to check, "
    "not attribution"
)
HOSTING_NAME_SOURCE = (
    "HireGuard heuristic: the network owner's registered name (RIR record, as carried in the "
    "GeoIP/ASN database) says hosting, server(s), data centre, colocation, dedicated or VPS"
)
TOR_SOURCE = "Tor Project exit list (bulk exit list or exit-addresses) given with --tor-exits"

# Special-purpose ranges (IANA IPv4/IPv6 Special-Purpose Address Registries, RFC 6890 and
# successors): never a person's public address. Checked by bisect, faster than ipaddress's
# is_global; IPv6 outside global unicast 2000::/3 is treated the same way.
_SPECIAL_RANGES = (
    *("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16"),
    *("172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16"),
    *("198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3"),
    *("::/3", "2001::/23", "2001:db8::/32", "3fff::/20", "4000::/2", "8000::/1"),
)
_SPECIAL: RangeTable[str] = RangeTable((ipaddress.ip_network(net), net) for net in _SPECIAL_RANGES)


def _network_key(ip: IpAddress, text: str) -> str:
    """Same value as :func:`hireguard.intake.normalise.ip_network_key` (``text`` is
    ``str(ip)``), without building an ``ip_network`` object, which is slow."""
    if ip.version == 4:
        return text[: text.rindex(".")] + ".0/24"
    return f"{ipaddress.IPv6Address(int(ip) >> 80 << 80)}/48"


# Owner names that describe a data-centre business (see HOSTING_NAME_SOURCE).
_HOSTING_NAME = re.compile(
    r"hosting|server|data ?cent(?:er|re)|colocation|dedicated|\bvps|vps\b|\bvds\b", re.I
)
# Owner names of mobile carriers; a soft tag (shared CGNAT addresses), never a finding.
_MOBILE_NAME = re.compile(r"(?<!auto)mobile|wireless|cellular|\bcellco\b", re.I)


class IpIntelError(Exception):
    """Reference data missing or unreadable; the message says what to do."""


# ---------------------------------------------------------------------------------------------
# Country and network owner


class GeoSource(Protocol):
    """Country and network owner for a public address."""

    description: str

    def locate(self, ip: IpAddress) -> tuple[str | None, int | None, str | None]:
        """(ISO country code, AS number, network owner name); None where unknown."""
        ...


class Geoip2FastData:
    """The country + ASN tables of a ``geoip2fast`` data file (GeoLite2-derived).

    The file is the package's own pickled table (format version 120), loaded from the
    installed ``geoip2fast`` package or from a path you give: never load one from an
    untrusted place. Lookups are two ``bisect`` calls over its sorted start lists.
    """

    def __init__(self, path: Path) -> None:
        try:
            with gzip.open(path, "rb") as fh:
                version, info, _total, tables = pickle.load(fh)  # trusted file (see class doc)
        except (OSError, pickle.UnpicklingError, ValueError, EOFError) as exc:
            raise IpIntelError(
                f"cannot read the geoip2fast data file {path}: {exc}. Reinstall geoip2fast "
                "or point HireGuard at a MaxMind/IPinfo .mmdb file instead."
            ) from exc
        if version not in (120, 121) or not (info.get("country") and info.get("asn")):
            raise IpIntelError(
                f"{path} is not a geoip2fast country+ASN file (version {version}, {info}); "
                f"use {GEOIP2FAST_FILE}."
            )
        try:
            (_, _, country_names, self._asn_names, *chunked) = tables
            first, first_asn, country_id, asn_id, netlen, netlen_asn = (
                list(itertools.chain.from_iterable(chunks)) for chunks in chunked
            )
        except (TypeError, ValueError) as exc:
            raise IpIntelError(f"{path} has an unknown geoip2fast table layout: {exc}") from exc
        # The file's two-level chunks flattened: one bisect per table (load +30 ms).
        self._first: list[int] = first
        self._netlen: list[int] = netlen
        self._country_id: list[int] = country_id
        self._first_asn: list[int] = first_asn
        self._netlen_asn: list[int] = netlen_asn
        self._asn_id: list[int] = asn_id
        # Entries 0-15 are geoip2fast's private/reserved/not-found pseudo-countries.
        self._countries: list[str | None] = [
            None if i < 16 else str(name).split(":", 1)[0] for i, name in enumerate(country_names)
        ]
        self.description = f"geoip2fast {info.get('info', '')} ({path.name})"

    def locate(self, ip: IpAddress) -> tuple[str | None, int | None, str | None]:
        value = int(ip)
        bits = 32 if ip.version == 4 else 128
        country: str | None = None
        owner: str | None = None
        i = bisect.bisect_right(self._first, value) - 1
        if i >= 0 and value < self._first[i] + (1 << (bits - self._netlen[i])):
            country = self._countries[self._country_id[i]]
        i = bisect.bisect_right(self._first_asn, value) - 1
        if i >= 0 and value < self._first_asn[i] + (1 << (bits - self._netlen_asn[i])):
            asn_id = self._asn_id[i]
            owner = self._asn_names[asn_id] if asn_id > 0 else None
        return country, None, owner


class MmdbData:
    """A MaxMind (GeoIP2/GeoLite2), IPinfo or DB-IP ``.mmdb`` country database, with an
    optional ASN database. Field names of all three vendors are understood."""

    def __init__(self, country_mmdb: Path, asn_mmdb: Path | None = None) -> None:
        import maxminddb

        try:
            self._country = maxminddb.open_database(str(country_mmdb))
            self._asn = maxminddb.open_database(str(asn_mmdb)) if asn_mmdb else None
        except (OSError, ValueError, maxminddb.InvalidDatabaseError) as exc:
            raise IpIntelError(
                f"cannot open the .mmdb database: {exc}. Give a MaxMind, IPinfo or DB-IP "
                "country .mmdb file (and optionally an ASN .mmdb)."
            ) from exc
        names = [country_mmdb.name] + ([asn_mmdb.name] if asn_mmdb else [])
        self.description = "mmdb " + " + ".join(names)

    @staticmethod
    def _get(reader: Any, ip: IpAddress) -> dict[str, Any]:
        try:
            record = reader.get(str(ip))
        except ValueError:  # an IPv6 address in an IPv4-only database
            return {}
        return record if isinstance(record, dict) else {}

    def locate(self, ip: IpAddress) -> tuple[str | None, int | None, str | None]:
        rec = self._get(self._country, ip)
        country = _mmdb_country(rec)
        asn, owner = _mmdb_asn(self._get(self._asn, ip) if self._asn is not None else rec)
        if asn is None and owner is None and self._asn is not None:
            asn, owner = _mmdb_asn(rec)
        return country, asn, owner


def _mmdb_country(rec: dict[str, Any]) -> str | None:
    for key in ("country", "registered_country"):
        value = rec.get(key)
        if isinstance(value, dict) and isinstance(value.get("iso_code"), str):
            return str(value["iso_code"]).upper()
        if isinstance(value, str) and len(value) == 2:  # IPinfo country database
            return value.upper()
    code = rec.get("country_code")  # IPinfo Lite
    return code.upper() if isinstance(code, str) and len(code) == 2 else None


def _mmdb_asn(rec: dict[str, Any]) -> tuple[int | None, str | None]:
    number = rec.get("autonomous_system_number")  # MaxMind, DB-IP
    owner = rec.get("autonomous_system_organization")
    if number is None and isinstance(rec.get("asn"), str | int):  # IPinfo: "AS15169"
        raw = str(rec["asn"]).upper().removeprefix("AS")
        number = int(raw) if raw.isdigit() else None
        owner = rec.get("as_name") or rec.get("name")
    return (
        int(number) if isinstance(number, int | str) and str(number).isdigit() else None,
        str(owner) if owner else None,
    )


# ---------------------------------------------------------------------------------------------
# Curated tables


@dataclass(frozen=True, slots=True)
class HostingNetwork:
    """One row of ``hosting_networks.csv``: a provider known by AS number(s) and/or the
    exact owner names the GeoLite2 ASN data gives its networks."""

    provider: str
    kind: str  # "hosting" or "vpn"
    asns: tuple[int, ...]
    names: tuple[str, ...]
    source: str
    note: str = ""

    def ref(self, asn: int | None, owner: str | None) -> IndicatorRef:
        value = f"AS{asn} {owner or self.provider}" if asn else (owner or self.provider)
        return IndicatorRef(
            KIND_HOSTING_NETWORK,
            value,
            "high",
            self.source,
            f"{self.provider} ({self.kind}). {self.note}".strip(),
        )


@dataclass(slots=True)
class CuratedData:
    """The shipped (or rebuilt) curated tables, indexed for lookup."""

    networks: RangeTable[tuple[frozenset[str], IndicatorRef]]
    dprk_asns: dict[int, IndicatorRef] = field(default_factory=dict)
    exits: dict[str, list[IndicatorRef]] = field(default_factory=dict)  # ip -> refs
    hosting_by_asn: dict[int, HostingNetwork] = field(default_factory=dict)
    hosting_by_name: dict[str, HostingNetwork] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path = DATA_DIR) -> CuratedData:
        """Read ``dprk_networks.csv``, ``vpn_exits.csv``, ``unc5267_ips.csv`` and
        ``hosting_networks.csv`` from ``folder``."""
        nets: list[tuple[IpNetwork, tuple[frozenset[str], IndicatorRef]]] = []
        dprk_asns: dict[int, IndicatorRef] = {}
        for row in _read_csv(folder / "dprk_networks.csv"):
            ref = IndicatorRef(
                row["kind"], row["network"], row["confidence"], row["source"], row.get("note", "")
            )
            if row["network"].upper().startswith("AS"):
                dprk_asns[int(row["network"][2:])] = ref
                continue
            nets.append((ipaddress.ip_network(row["network"]), (_dprk_tags(ref), ref)))
        exits: dict[str, list[IndicatorRef]] = {}
        for row in _read_csv(folder / "vpn_exits.csv"):
            ip = str(ipaddress.ip_address(row["ip"]))
            note = f"{row['provider']} exit. {row.get('note', '')}".strip()
            exits.setdefault(ip, []).append(
                IndicatorRef(KIND_VPN_EXIT, ip, row["confidence"], row["source"], note)
            )
        for row in _read_csv(folder / "unc5267_ips.csv"):
            ip = str(ipaddress.ip_address(row["ip"]))
            note = (
                f"Attributed {row['attributed_date']}; in the 2024 Astrill exit seed: "
                f"{row['astrill_seed_2024']}. Read via: {row['read_via']}"
            )
            exits.setdefault(ip, []).append(
                IndicatorRef(KIND_UNC5267, ip, row["confidence"], row["source"], note)
            )
        by_asn: dict[int, HostingNetwork] = {}
        by_name: dict[str, HostingNetwork] = {}
        for row in _read_csv(folder / "hosting_networks.csv"):
            net = HostingNetwork(
                provider=row["provider"],
                kind=row["kind"],
                asns=tuple(int(a) for a in row["asns"].split()),
                names=tuple(n for n in row["names"].split("|") if n),
                source=row["source"],
                note=row.get("note", ""),
            )
            for asn in net.asns:
                by_asn[asn] = net
            for name in net.names:
                by_name[name.casefold()] = net
        return cls(RangeTable(nets), dprk_asns, exits, by_asn, by_name)


def _dprk_tags(ref: IndicatorRef) -> frozenset[str]:
    if ref.kind == KIND_DPRK_ALLOCATION:
        return frozenset({"dprk"})
    if ref.kind == KIND_DPRK_ROUTED:
        return frozenset({"dprk_routed", "dprk" if ref.confidence == "high" else "dprk_low"})
    return frozenset({"dprk_low"})


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            yield from csv.DictReader(row for row in fh if not row.startswith("#"))
    except FileNotFoundError as exc:
        raise IpIntelError(
            f"curated IP table {path} is missing; rebuild it with "
            "`python -m hireguard.enrich.ipintel update --from DIR`."
        ) from exc


def read_tor_exits(path: Path) -> RangeTable[IndicatorRef]:
    """Tor exits from the Tor Project's bulk exit list (one address a line), its
    ``exit-addresses`` format (``ExitAddress IP date``) or a list with CIDRs and ``#``
    comments (as FireHOL republishes it)."""
    items: list[tuple[IpNetwork, IndicatorRef]] = []
    source = f"{TOR_SOURCE}: {path.name}"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            token = parts[1] if parts[0] == "ExitAddress" and len(parts) > 1 else parts[0]
            if parts[0] != "ExitAddress" and not (token[0].isdigit() or ":" in token):
                continue  # other lines of the exit-addresses format (ExitNode, Published...)
            try:
                net = ipaddress.ip_network(token, strict=False)
            except ValueError:
                continue
            items.append((net, IndicatorRef(KIND_TOR_EXIT, str(net), "high", source)))
    return RangeTable(items)


# ---------------------------------------------------------------------------------------------
# The lookup


_Answer = tuple[
    str,
    int,
    str | None,
    int | None,
    str | None,
    str,
    frozenset[str],
    tuple[IndicatorRef, ...],
    bool,
]


class IpIntel:
    """What an IP address is. Build it with :meth:`default` or :meth:`from_mmdb`.

    ``lookup`` is pure and cached (LRU of ``cache_size`` addresses): a repeated address costs
    a dictionary hit, a new one a few bisects.
    """

    def __init__(
        self,
        geo: GeoSource | None,
        curated: CuratedData | None = None,
        tor_exits: RangeTable[IndicatorRef] | None = None,
        cache_size: int = 16384,
    ) -> None:
        self.geo = geo
        self.curated = curated if curated is not None else _curated(DATA_DIR)
        self.tor_exits = tor_exits
        self._owner_class: dict[str, tuple[frozenset[str], HostingNetwork | None, bool]] = {}
        self._answer = functools.lru_cache(maxsize=cache_size)(self._compute)

    @classmethod
    def default(
        cls,
        *,
        tor_exits: Path | None = None,
        curated_dir: Path | None = None,
        geoip2fast_file: Path | None = None,
    ) -> IpIntel:
        """Shipped data: geoip2fast's GeoLite2 country + ASN snapshot and the curated CSVs.

        ``geoip2fast_file`` replaces the snapshot with a newer ``geoip2fast-asn-ipv6.dat.gz``.
        """
        path = geoip2fast_file or _geoip2fast_file()
        curated = _curated(curated_dir or DATA_DIR)
        return cls(_geoip2fast(path, path.stat().st_mtime_ns), curated, _tor(tor_exits))

    @classmethod
    def from_mmdb(
        cls,
        country_mmdb: Path,
        asn_mmdb: Path | None = None,
        *,
        tor_exits: Path | None = None,
        curated_dir: Path | None = None,
    ) -> IpIntel:
        """A MaxMind/IPinfo/DB-IP ``.mmdb`` country database (and optional ASN database)
        instead of the shipped snapshot; the curated tables are applied on top."""
        curated = _curated(curated_dir or DATA_DIR)
        return cls(MmdbData(country_mmdb, asn_mmdb), curated, _tor(tor_exits))

    @property
    def description(self) -> str:
        geo = self.geo.description if self.geo is not None else "no GeoIP data"
        tor = f", {len(self.tor_exits)} Tor exit entries" if self.tor_exits else ""
        return f"{geo}, {len(self.curated.networks)} curated ranges{tor}"

    def lookup(self, ip: str) -> IpFacts:
        """Facts about one address as typed (IPv4, IPv6, IPv4-mapped IPv6)."""
        a = self._answer(ip)
        return IpFacts(
            ip=a[0],
            version=a[1],
            country=a[2],
            asn=a[3],
            network_owner=a[4],
            network=a[5],
            tags=a[6],
            indicators=a[7],
            valid=a[8],
        )

    def _compute(self, raw: str) -> _Answer:
        ip = normalise_ip(raw)
        if ip is None:
            return (raw, 0, None, None, None, "", frozenset(), (), False)
        text = str(ip)
        network = _network_key(ip, text)
        if _SPECIAL.find(ip):
            return (text, ip.version, None, None, None, network, frozenset({"private"}), (), True)
        country, asn, owner = self.geo.locate(ip) if self.geo is not None else (None, None, None)
        tags: set[str] = set()
        refs: list[IndicatorRef] = []
        cur = self.curated
        for net_tags, ref in cur.networks.find(ip):
            tags |= net_tags
            refs.append(ref)
            if ref.kind == KIND_DPRK_ALLOCATION and asn is None:
                asn = DPRK_ASN  # the allocation is AS131279's (its source says so)
        if asn in cur.dprk_asns and not any(r.kind == KIND_DPRK_ALLOCATION for r in refs):
            tags.add("dprk")
            refs.append(cur.dprk_asns[asn])
        if country == "KP" and not tags & {"dprk", "dprk_low"}:
            tags.add("dprk_low")
            refs.append(IndicatorRef(KIND_KP_GEOLOCATED, network, "low", KP_GEOLOCATED_SOURCE))
        for ref in cur.exits.get(text, ()):
            refs.append(ref)
            if ref.kind == KIND_VPN_EXIT:
                tags |= {"vpn", "astrill"} if "astrill" in ref.note.lower() else {"vpn"}
        hosting = cur.hosting_by_asn.get(asn) if asn is not None else None
        if hosting is None and owner:
            owner_tags, hosting, by_name = self._classify_owner(owner)
            tags |= owner_tags
            if hosting is None and by_name:
                refs.append(IndicatorRef(KIND_HOSTING_NAME, owner, "low", HOSTING_NAME_SOURCE))
            if hosting is not None and asn is None and len(hosting.asns) == 1:
                asn = hosting.asns[0] if len(hosting.names) == 1 else None
        if hosting is not None:
            tags.add(hosting.kind)
            refs.append(hosting.ref(asn, owner))
        if self.tor_exits is not None:
            tor = self.tor_exits.find(ip)
            if tor:
                tags.add("tor")
                refs.append(tor[0])
        return (text, ip.version, country, asn, owner, network, frozenset(tags), tuple(refs), True)

    def _classify_owner(self, owner: str) -> tuple[frozenset[str], HostingNetwork | None, bool]:
        """Tags from the network owner's name: a curated provider, a hosting-like name, a
        mobile carrier. Memoised per name (there are ~70,000 owners at most)."""
        known = self._owner_class.get(owner)
        if known is not None:
            return known
        hosting = self.curated.hosting_by_name.get(owner.casefold())
        tags: set[str] = set()
        by_name = hosting is None and bool(_HOSTING_NAME.search(owner))
        if by_name:
            tags.add("hosting")
        if hosting is None and _MOBILE_NAME.search(owner):
            tags.add("mobile")
        result = (frozenset(tags), hosting, by_name)
        self._owner_class[owner] = result
        return result

    def cache_info(self) -> str:
        return str(self._answer.cache_info())


@functools.lru_cache(maxsize=4)
def _geoip2fast(path: Path, mtime_ns: int) -> Geoip2FastData:
    """Loaded once per process and file version: the tables are read-only."""
    return Geoip2FastData(path)


def _curated(folder: Path) -> CuratedData:
    stamp = tuple(p.stat().st_mtime_ns for p in sorted(folder.glob("*.csv")))
    return _curated_cached(folder.resolve(), stamp)


@functools.lru_cache(maxsize=4)
def _curated_cached(folder: Path, stamp: tuple[int, ...]) -> CuratedData:
    return CuratedData.load(folder)


class TorExitsError(IpIntelError):
    """The Tor exit list cannot be read (the message names the file, not who named it)."""


def _tor(path: Path | None) -> RangeTable[IndicatorRef] | None:
    if path is None:
        return None
    try:
        return read_tor_exits(path)
    except FileNotFoundError as exc:
        raise TorExitsError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise TorExitsError(f"{path} is a folder, not a Tor exit list") from exc
    except UnicodeDecodeError as exc:
        raise TorExitsError(
            f"{path} is not a text file: a Tor exit list is text, one address a line"
        ) from exc
    except OSError as exc:
        raise TorExitsError(f"cannot read {path}: {(exc.strerror or str(exc)).lower()}") from exc


def _geoip2fast_file() -> Path:
    try:
        import geoip2fast
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise IpIntelError(
            "the geoip2fast package is not installed: `pip install geoip2fast`, or use "
            "IpIntel.from_mmdb with a MaxMind/IPinfo .mmdb file."
        ) from exc
    path = Path(geoip2fast.__file__).resolve().parent / GEOIP2FAST_FILE
    if not path.exists():
        raise IpIntelError(f"{path} is missing: reinstall geoip2fast (it ships that file).")
    return path


# ---------------------------------------------------------------------------------------------
# Update path: rebuild the curated tables from newer source files

DPRK_NETWORK_FIELDS = ["network", "kind", "confidence", "source", "note"]
VPN_EXIT_FIELDS = ["ip", "provider", "confidence", "source", "note"]
UNC5267_FIELDS = ["ip", "attributed_date", "astrill_seed_2024", "confidence", "source", "read_via"]

UNC5267_SOURCE = (
    "Mandiant/Google Cloud, 'Staying a Step Ahead: Mitigating the DPRK IT Worker Threat', "
    "2024-09-23 (UNC5267 network indicators)"
)


def classify_dprk_row(kind: str, value: str, confidence: str, text: str) -> str | None:
    """The indicator kind of one ``indicators.csv`` network row, or None to skip it.

    Star JV's own allocation (the source says Star JV or AS131279, high confidence) is
    ``dprk_allocation``; other high/medium ranges are ranges the sources name as carrying
    DPRK traffic elsewhere (``dprk_routed``); low-confidence rows are ``dprk_listed_low``.
    """
    if kind == "asn":
        return KIND_DPRK_ALLOCATION if value.upper() == f"AS{DPRK_ASN}" else None
    if kind != "ip_cidr":
        return None
    if confidence == "low":
        return KIND_DPRK_LISTED_LOW
    if confidence == "high" and ("Star JV" in text or f"AS{DPRK_ASN}" in text):
        return KIND_DPRK_ALLOCATION
    return KIND_DPRK_ROUTED


def build_tables(source_dir: Path, out_dir: Path) -> dict[str, int]:
    """Rebuild ``dprk_networks.csv``, ``vpn_exits.csv`` and ``unc5267_ips.csv`` in ``out_dir``
    from ``indicators.csv`` and ``derived/mandiant_unc5267_2024_ips.csv`` in ``source_dir``
    (the layout of ``shared/data/dprk``). ``hosting_networks.csv`` is curated by hand.
    Returns the number of rows written per file."""
    indicators = list(_read_csv(source_dir / "indicators.csv"))
    networks: list[dict[str, str]] = []
    exits: list[dict[str, str]] = []
    for row in indicators:
        kind = classify_dprk_row(
            row["kind"], row["value"], row["confidence"], row["first_source"] + " " + row["note"]
        )
        if kind is not None:
            value = row["value"]
            if row["kind"] == "ip_cidr":
                value = str(ipaddress.ip_network(value, strict=False))
            networks.append(
                {
                    "network": value,
                    "kind": kind,
                    "confidence": row["confidence"],
                    "source": row["first_source"],
                    "note": row["note"],
                }
            )
        elif row["kind"] == "vpn_exit_ip":
            provider = "Astrill VPN" if "astrill" in row["note"].lower() else "commercial VPN"
            exits.append(
                {
                    "ip": str(ipaddress.ip_address(row["value"])),
                    "provider": provider,
                    "confidence": row["confidence"],
                    "source": row["first_source"],
                    "note": row["note"],
                }
            )
    unc: list[dict[str, str]] = []
    mandiant = source_dir / "derived" / "mandiant_unc5267_2024_ips.csv"
    known_exits = {e["ip"] for e in exits}
    for row in _read_csv(mandiant):
        ip = str(ipaddress.ip_address(row["ip"]))
        astrill = row["also_in_astrill_seed_2024"]
        unc.append(
            {
                "ip": ip,
                "attributed_date": row["attributed_date"],
                "astrill_seed_2024": astrill,
                "confidence": "medium",
                "source": f"{row['attributed_to']}, {row['attributed_date']} (UNC5267)",
                "read_via": row["read_via"],
            }
        )
        if astrill == "yes" and ip not in known_exits:
            exits.append(
                {
                    "ip": ip,
                    "provider": "Astrill VPN",
                    "confidence": "medium",
                    "source": UNC5267_SOURCE,
                    "note": "Also in the 'Spur 2024' Astrill exit seed list (manual "
                    "comparison, derived/mandiant_unc5267_2024_ips.csv).",
                }
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    header = (
        f"# Generated by `python -m hireguard.enrich.ipintel update --from {source_dir.name}`"
        " from indicators.csv and derived/mandiant_unc5267_2024_ips.csv; do not edit.\n"
    )
    counts = {}
    for name, fields, rows in (
        ("dprk_networks.csv", DPRK_NETWORK_FIELDS, networks),
        ("vpn_exits.csv", VPN_EXIT_FIELDS, exits),
        ("unc5267_ips.csv", UNC5267_FIELDS, unc),
    ):
        with (out_dir / name).open("w", newline="", encoding="utf-8") as fh:
            fh.write(header)
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        counts[name] = len(rows)
    return counts


# ---------------------------------------------------------------------------------------------
# Command line: python -m hireguard.enrich.ipintel {lookup,update}


def _facts_json(facts: IpFacts) -> dict[str, Any]:
    return {
        "ip": facts.ip,
        "valid": facts.valid,
        "version": facts.version,
        "country": facts.country,
        "asn": facts.asn,
        "network_owner": facts.network_owner,
        "network": facts.network,
        "tags": sorted(facts.tags),
        "indicators": [
            {"kind": r.kind, "value": r.value, "confidence": r.confidence, "source": r.source}
            for r in facts.indicators
        ],
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hireguard.enrich.ipintel",
        description=__doc__.split("\n")[0] if __doc__ else None,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    look = sub.add_parser("lookup", help="print what HireGuard knows about IP addresses")
    look.add_argument("ips", nargs="+")
    look.add_argument("--mmdb", type=Path, help="MaxMind/IPinfo/DB-IP country .mmdb")
    look.add_argument("--asn-mmdb", type=Path, help="ASN .mmdb to go with --mmdb")
    look.add_argument("--tor-exits", type=Path, help="Tor bulk exit list file")
    upd = sub.add_parser("update", help="rebuild the curated tables from newer source files")
    upd.add_argument(
        "--from",
        dest="source",
        type=Path,
        required=True,
        help="folder with indicators.csv and derived/mandiant_unc5267_2024_ips.csv",
    )
    upd.add_argument(
        "--out",
        type=Path,
        default=DATA_DIR,
        help=f"where to write the tables (default: {DATA_DIR})",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        if args.command == "update":
            for name, count in build_tables(args.source, args.out).items():
                print(f"{args.out / name}: {count} rows")
            return 0
        intel = (
            IpIntel.from_mmdb(args.mmdb, args.asn_mmdb, tor_exits=args.tor_exits)
            if args.mmdb
            else IpIntel.default(tor_exits=args.tor_exits)
        )
    except IpIntelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for ip in args.ips:
        print(json.dumps(_facts_json(intel.lookup(ip)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
