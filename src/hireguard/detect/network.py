"""HG-NET: what the applicant's network addresses are.

Reads the IP facts of the connecting address and of every address WebRTC exposed (which
can show the real network behind a VPN). Each detector looks for one kind of curated,
cited indicator (see ``hireguard/data/ipintel/README.md``) and reports it once per
application, naming the address, the network owner and the source.

A country on its own is never a finding here: millions of honest applicants connect from
China or Russia. Only ranges and providers that a public source names count. Location
mismatches are the HG-LOC detectors' job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hireguard.detect.registry import Detector, Finding, detector
from hireguard.enrich.ipintel import (
    KIND_DPRK_ALLOCATION,
    KIND_DPRK_LISTED_LOW,
    KIND_DPRK_ROUTED,
    KIND_HOSTING_NAME,
    KIND_HOSTING_NETWORK,
    KIND_KP_GEOLOCATED,
    KIND_TOR_EXIT,
    KIND_UNC5267,
    KIND_VPN_EXIT,
)
from hireguard.enrich.types import EnrichedApplication, IndicatorRef, IpFacts

DYN17 = (
    "Dyn Research/Oracle Internet Intelligence (D. Madory), 'North Korea Gets New Internet "
    "Link via Russia', 2017-10-02 (Star JV AS131279, 175.45.176.0/22)"
)
RF17 = (
    "Recorded Future Insikt/Team Cymru, 'North Korea's Ruling Elite Are Not Isolated', "
    "2017-07-25 (210.52.109.0/24 China Unicom, 77.94.35.0/24 Russian satellite provider)"
)
TM17 = (
    "Trend Micro, 'A Closer Look at North Korea's Internet', 2017-10 (KP-listed ranges, some "
    "used by VPN providers abroad), as reproduced in GitHub Sh1n0g1/North-Korea-IP-Addresses"
)
PSA24 = (
    "FBI I-051624-PSA, 'North Korea Leverages U.S.-Based Individuals to Defraud U.S. "
    "Businesses', 2024-05-16 (facilitators provide US internet connections)"
)
SCW24 = (
    "Secureworks CTU, NICKEL TAPESTRY report, 2024-10 (connections from Astrill VPN IPs as a "
    "warning sign)"
)
MNDPOD = (
    "Mandiant, Defender's Advantage podcast 'Responding to a DPRK ITW Incident', 2025-05-19 "
    "(both suspect laptops on Astrill VPN)"
)
LVLB = "LevelBlue SpiderLabs case via CSO Online, 2025 (EntraID login from an Astrill VPN IP)"
MND24 = (
    "Mandiant/Google Cloud, 'Staying a Step Ahead: Mitigating the DPRK IT Worker Threat' "
    "(UNC5267), 2024-09-23; IOC list read via a third-party write-up"
)
MSFT25 = (
    "Microsoft Threat Intelligence, 'Jasper Sleet: North Korean remote IT workers' evolving "
    "tactics', 2025-06-30 (VPNs and VPS to hide location)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (VPN, VPS and proxy use to obscure location)"
)
TOR = "Tor Project exit list (check.torproject.org bulk exit list), given with --tor-exits"


@dataclass(frozen=True, slots=True)
class _Hit:
    role: str  # "connecting" or "WebRTC"
    facts: IpFacts
    ref: IndicatorRef


def _addresses(app: EnrichedApplication) -> Iterator[tuple[str, IpFacts]]:
    if app.ip is not None and app.ip.valid:
        yield "connecting", app.ip
    for facts in app.webrtc:
        if facts.valid:
            yield "WebRTC", facts


def _any_indicator(app: EnrichedApplication) -> bool:
    """Whether any address of the application matched a curated indicator at all."""
    if app.ip is not None and app.ip.indicators:
        return True
    return bool(app.webrtc) and any(facts.indicators for facts in app.webrtc)


def _hits(app: EnrichedApplication, *kinds: str) -> list[_Hit]:
    """Every (address, indicator) pair of the given kinds, connecting address first; each
    address once."""
    if not _any_indicator(app):
        return []  # the usual case: nothing curated is known about any address
    out: list[_Hit] = []
    seen: set[str] = set()
    for role, facts in _addresses(app):
        if facts.ip in seen:
            continue
        for ref in facts.indicators:
            if ref.kind in kinds:
                out.append(_Hit(role, facts, ref))
                seen.add(facts.ip)
                break
    return out


def _owner(facts: IpFacts) -> str:
    parts = [p for p in (facts.network_owner, facts.country) if p]
    if facts.asn is not None:
        parts.insert(0, f"AS{facts.asn}")
    return ", ".join(parts) if parts else "network owner unknown"


def _geoip_label(facts: IpFacts) -> str:
    """What the GeoIP data says of an address, each value labelled for what it is.

    The AS organisation name of a range is the registrant's label for it, not always an
    owner's name: for the DPRK's range it is a place in Pyongyang ("Ryugyong-dong")."""
    parts = []
    if facts.network_owner:
        parts.append(f"network name {facts.network_owner}")
    if facts.country:
        parts.append(f"country {facts.country}")
    return "GeoIP data: " + ", ".join(parts) if parts else "not in the GeoIP data"


def _also(hits: list[_Hit]) -> str:
    if len(hits) < 2:
        return ""
    rest = ", ".join(f"{h.facts.ip} ({h.role})" for h in hits[1:])
    return f" Also: {rest}."


def _evidence(hits: list[_Hit]) -> dict[str, object]:
    return {
        "addresses": [
            {
                "ip": h.facts.ip,
                "role": h.role,
                "network": h.facts.network,
                "country": h.facts.country,
                "asn": h.facts.asn,
                "network_owner": h.facts.network_owner,
                "indicator": h.ref.value,
                "confidence": h.ref.confidence,
                "source": h.ref.source,
            }
            for h in hits
        ]
    }


@detector(
    id="HG-NET-001",
    title="Address in North Korea's own address space (Star JV)",
    severity="critical",
    weight=6.0,
    hard=True,
    sources=[DYN17, PSA24],
    false_positives=[
        "none known among applicants: DPRK address space serves a few state bodies and "
        "foreign missions in Pyongyang, who do not apply for remote jobs abroad",
        "stale data if the range were ever reassigned (re-check before acting on old lists)",
    ],
)
def dprk_address_space(app: EnrichedApplication) -> Iterator[Finding]:
    """The connecting address, or an address WebRTC exposed behind a VPN, lies in the
    DPRK's own allocation 175.45.176.0/22 (Star JV, AS131279), the country's only ISP.
    Most DPRK IT workers work from China, Russia or South-East Asia through VPNs, so the
    absence of this finding says little; its presence is decisive."""
    hits = _hits(app, KIND_DPRK_ALLOCATION)
    if hits:
        h = hits[0]
        yield dprk_address_space.finding(
            f"The {h.role} address {h.facts.ip} is in {h.ref.value}, North Korea's own "
            f"internet address space (Star JV, AS131279; {_geoip_label(h.facts)}). "
            f"Source: {h.ref.source}.{_also(hits)}",
            evidence=_evidence(hits),
        )


@detector(
    id="HG-NET-002",
    title="Address in a range listed as North Korean by a low-confidence source",
    severity="medium",
    weight=1.0,
    sources=[TM17],
    false_positives=[
        "customers of VPN and relay services whose ranges are registered or geolocated as "
        "KP (Trend Micro 2017 found such ranges abroad; the 2024 GeoLite2 snapshot places "
        "some Cloudflare relay ranges in KP)",
        "researchers measuring North Korea's internet",
    ],
)
def dprk_listed_low(app: EnrichedApplication) -> Iterator[Finding]:
    """An address lies in space that a low-confidence list (Trend Micro 2017) puts with
    North Korea's, or that the GeoIP database places in North Korea outside the known
    DPRK ranges. Such space is partly used by VPN providers abroad: a reason to look
    closer, not attribution."""
    hits = _hits(app, KIND_DPRK_LISTED_LOW, KIND_KP_GEOLOCATED)
    if not hits:
        return
    h = hits[0]
    if h.ref.kind == KIND_KP_GEOLOCATED:
        message = (
            f"The GeoIP database places the {h.role} address {h.facts.ip} "
            f"({_owner(h.facts)}) in North Korea, outside the known DPRK ranges; such "
            f"entries are often VPN or relay networks (Trend Micro 2017), so check it."
            f"{_also(hits)}"
        )
        weight = 0.7
    else:
        message = (
            f"The {h.role} address {h.facts.ip} ({_owner(h.facts)}) is in {h.ref.value}, "
            f"a range listed with North Korean address space by a low-confidence source "
            f"({h.ref.source}); part of that space is used by VPN providers abroad, so "
            f"check it.{_also(hits)}"
        )
        weight = dprk_listed_low.weight
    yield dprk_listed_low.finding(message, evidence=_evidence(hits), weight=weight)


@detector(
    id="HG-NET-003",
    title="Address in a range named as carrying North Korean traffic (China, Russia)",
    severity="high",
    weight=3.8,
    sources=[RF17, DYN17],
    false_positives=[
        "other customers of the Chinese or Russian provider if the range was reassigned "
        "since the source was written (2017)",
        "the Russian range was shared satellite space in 2017: other satellite users",
    ],
)
def dprk_routed_range(app: EnrichedApplication) -> Iterator[Finding]:
    """An address lies in one of the few ranges outside 175.45.176.0/22 that public
    sources name as used by North Korean state bodies (the China Unicom block of Korea
    Posts and Telecommunications, a Russian satellite provider's block). Only the named
    ranges count, never a whole country. Medium-confidence ranges weigh less."""
    hits = _hits(app, KIND_DPRK_ROUTED)
    if not hits:
        return
    h = hits[0]
    high = any(x.ref.confidence == "high" for x in hits)
    note = h.ref.note.split(". ")[0].rstrip(".")
    yield dprk_routed_range.finding(
        f"The {h.role} address {h.facts.ip} ({_owner(h.facts)}) is in {h.ref.value}, a range "
        f"a public source names as used for North Korean traffic ({note}). "
        f"Source: {h.ref.source}; confidence {h.ref.confidence}.{_also(hits)}",
        evidence=_evidence(hits),
        weight=None if high else 1.8,
        severity=None if high else "medium",
    )


def _astrill_hits(app: EnrichedApplication) -> list[_Hit]:
    return [h for h in _hits(app, KIND_VPN_EXIT) if "astrill" in h.facts.tags]


# Where Astrill is the everyday way around national censorship, using it says nothing: the
# advisories' tell is Astrill for someone who claims to live where nobody needs it.
_CENSORED_HOMES = frozenset({"CN"})
_ASTRILL_AT_HOME_FACTOR = 0.3
_ASTRILL_AT_HOME_NOTE = " The applicant says they live in China, where it is common."


def astrill_at_home(app: EnrichedApplication, det: Detector) -> tuple[str, float | None]:
    """For someone who claims to live where Astrill is common for honest users (China: the
    vendor sells it as the VPN that works there), a note for the message and ``det``'s
    weight cut to a third; otherwise nothing and the default weight. Read from the claimed
    home, never from nationality or a name."""
    addr = app.app.applicant.address
    if addr is None or addr.country not in _CENSORED_HOMES:
        return "", None
    return _ASTRILL_AT_HOME_NOTE, det.weight * _ASTRILL_AT_HOME_FACTOR


@detector(
    id="HG-NET-004",
    title="Astrill VPN exit",
    severity="high",
    weight=1.6,
    sources=[SCW24, MNDPOD, LVLB, MND24],
    false_positives=[
        "honest Astrill customers, many of them in China, where Astrill is a common way "
        "around censorship",
        "VPN exits rotate: a listed exit may now serve other customers",
    ],
    tags=("vpn",),
)
def astrill_exit(app: EnrichedApplication) -> Iterator[Finding]:
    """An address is a known Astrill VPN exit. Several incident reports name Astrill as
    the VPN DPRK IT workers favour; it is also popular with honest users in China, so it
    weighs as a strong hint, not a verdict, and as a third of that for someone who says
    they live in China."""
    hits = _astrill_hits(app)
    if hits:
        h = hits[0]
        note, weight = astrill_at_home(app, astrill_exit)
        yield astrill_exit.finding(
            f"The {h.role} address {h.facts.ip} ({_owner(h.facts)}) is a known Astrill VPN "
            f"exit. Incident reports (Secureworks 2024, Mandiant 2025, LevelBlue 2025) name "
            f"Astrill as the VPN North Korean IT workers favour; "
            f"many honest users in China use it too. Exit listed by: {h.ref.source}.{_also(hits)}"
            + note,
            evidence=_evidence(hits),
            weight=weight,
        )


@detector(
    id="HG-NET-005",
    title="Commercial VPN, hosting or VPS network",
    severity="low",
    weight=0.4,
    sources=[ADV22, MSFT25],
    false_positives=[
        "people who use a commercial VPN for privacy or on public Wi-Fi",
        "corporate proxies, cloud desktops and developers working from cloud machines",
        "Microsoft staff on Microsoft's network (listed as Azure)",
    ],
    tags=("vpn", "hosting"),
)
def hosting_or_vpn(app: EnrichedApplication) -> Iterator[Finding]:
    """An address belongs to a data-centre, VPS or commercial VPN network rather than a
    home or mobile connection, so the network says nothing about where the person sits.
    Weak alone (many honest people use VPNs); it matters with other findings. Not raised
    for an address already reported as an Astrill or Tor exit."""
    hits = [
        h
        for h in _hits(app, KIND_HOSTING_NETWORK, KIND_HOSTING_NAME, KIND_VPN_EXIT)
        if not h.facts.tags & {"astrill", "tor"}
    ]
    if hits:
        h = hits[0]
        what = "a commercial VPN" if "vpn" in h.facts.tags else "a hosting/VPS network"
        provider = h.ref.note.split(" (")[0] if h.ref.kind == KIND_HOSTING_NETWORK else ""
        named = f" ({provider})" if provider else ""
        yield hosting_or_vpn.finding(
            f"The {h.role} address {h.facts.ip} belongs to {_owner(h.facts)}{named}, {what} "
            f"rather than a home or mobile connection: it hides where the person is. "
            f"Many honest people use VPNs. Source: {h.ref.source}.{_also(hits)}",
            evidence=_evidence(hits),
            weight=0.2 if h.ref.kind == KIND_HOSTING_NAME else None,
        )


@detector(
    id="HG-NET-006",
    title="Tor exit",
    severity="medium",
    weight=1.0,
    sources=[TOR, ADV22],
    false_positives=["privacy-minded applicants, journalists and activists who use Tor"],
    tags=("tor",),
)
def tor_exit(app: EnrichedApplication) -> Iterator[Finding]:
    """An address is a Tor exit on the Tor Project's exit list given to HireGuard. Tor
    hides the applicant's location entirely; it is rare in job applications."""
    hits = _hits(app, KIND_TOR_EXIT)
    if hits:
        h = hits[0]
        yield tor_exit.finding(
            f"The {h.role} address {h.facts.ip} is a Tor exit ({h.ref.source}): the "
            f"applicant's real network is hidden.{_also(hits)}",
            evidence=_evidence(hits),
        )


@detector(
    id="HG-NET-007",
    title="Address Mandiant attributed to DPRK IT workers (UNC5267)",
    severity="high",
    weight=2.0,
    sources=[MND24],
    false_positives=[
        "later users of a listed address: home and mobile addresses are reassigned and VPN "
        "exits are shared (the list dates from 2024)",
    ],
)
def unc5267_address(app: EnrichedApplication) -> Iterator[Finding]:
    """An address is one of the network indicators Mandiant published for UNC5267, the
    DPRK IT-worker cluster, in 2024. The list mixes VPN exits and home addresses of laptop
    farms; addresses change hands, so the weight fades with age."""
    hits = _hits(app, KIND_UNC5267)
    if hits:
        h = hits[0]
        # Most of the list are Astrill exits: for someone living in China, as with HG-NET-004.
        weight = astrill_at_home(app, unc5267_address)[1] if "astrill" in h.facts.tags else None
        yield unc5267_address.finding(
            f"The {h.role} address {h.facts.ip} ({_owner(h.facts)}) is one Mandiant listed "
            f"in 2024 among the network indicators of UNC5267, North Korean IT workers. "
            f"Addresses change hands; treat it as a lead. Source: {h.ref.source}."
            f"{_also(hits)}",
            evidence=_evidence(hits),
            weight=weight,
        )
