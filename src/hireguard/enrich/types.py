"""Facts attached to an application before detection.

Enrichment looks things up (what an IP is, what a phone number is, which earlier
applications share an identifier, what the sanctions lists say); detectors only read these
facts. Every field is plain data so that detectors stay pure functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hireguard.intake.facts import EmailFacts, NameFacts, PhoneFacts
from hireguard.model import Application, SanctionsMatch

__all__ = [
    "EmailFacts",
    "EnrichedApplication",
    "IndicatorRef",
    "IpFacts",
    "LinkContext",
    "NameFacts",
    "PhoneFacts",
]


@dataclass(frozen=True, slots=True)
class IndicatorRef:
    """A curated indicator that matched, with its public source (kept for the analyst)."""

    kind: str
    value: str
    confidence: str  # high / medium / low, as the source list says
    source: str
    note: str = ""


@dataclass(slots=True)
class IpFacts:
    """What is known about one IP address.

    ``tags`` is a small vocabulary: ``dprk`` (DPRK-allocated or routed space), ``dprk_low``
    (listed with KP space by a low-confidence source), ``dprk_routed`` (ranges in
    China or Russia that sources name as carrying DPRK traffic), ``hosting`` (data-centre or VPS),
    ``vpn`` (commercial VPN exit), ``astrill`` (Astrill VPN exit), ``tor`` (Tor exit),
    ``private`` (RFC 1918, CGNAT, loopback, link-local), ``mobile`` (mobile carrier).
    """

    ip: str
    version: int
    country: str | None = None
    asn: int | None = None
    network_owner: str | None = None
    network: str = ""  # the /24 (IPv4) or /48 (IPv6) it belongs to, for linking
    tags: frozenset[str] = frozenset()
    indicators: tuple[IndicatorRef, ...] = ()
    valid: bool = True


@dataclass(slots=True)
class LinkContext:
    """What linkage found: identifiers this application shares with others.

    ``shared`` maps an identifier kind (``phone``, ``email``, ``device_id``, ``ip``,
    ``ip_net``, ``address``, ``shipping_address``, ``national_id``, ``bank_account``,
    ``crypto_address``, ``resume``, ``cover_letter``, ``payee``) to the other
    applications (ids) that share it, with the distinct names found among them.
    """

    shared: dict[str, list[str]] = field(default_factory=dict)
    names_sharing: dict[str, int] = field(default_factory=dict)  # kind -> distinct other names
    cluster_id: str | None = None
    ring_size: int = 0
    ring_score: float = 0.0
    ring_links: dict[str, int] = field(default_factory=dict)
    benign_group: str | None = None  # e.g. "staffing_agency", "household", "campus"
    bursts: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class EnrichedApplication:
    app: Application
    names: NameFacts
    email: EmailFacts
    phone: PhoneFacts | None = None
    ip: IpFacts | None = None
    webrtc: list[IpFacts] = field(default_factory=list)
    address_key: str | None = None
    shipping_key: str | None = None
    submitted_on: dt.date = dt.date(1970, 1, 1)
    sanctions: list[SanctionsMatch] = field(default_factory=list)
    links: LinkContext = field(default_factory=LinkContext)
    extras: dict[str, Any] = field(default_factory=dict)  # plug-in enrichment results
