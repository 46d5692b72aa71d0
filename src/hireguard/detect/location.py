"""HG-LOC: does where the applicant says they are agree with where their computer is?

Three independent witnesses of location are compared with the claimed home address: the
connecting IP's country, the browser's time zone and clock, and the addresses WebRTC
exposes behind a VPN. A traveller or an expatriate has witnesses that agree with each
other (network and clock abroad together); an operator hiding abroad behind a US
connection has a clock that agrees with nothing the application claims.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.timezones import (
    country_offsets_minutes,
    zone_country,
    zone_offset_minutes,
)
from hireguard.enrich.types import EnrichedApplication, IpFacts

ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', 2022-05-16 "
    "(logins from several countries; work hours outside the claimed time zone)"
)
SCW24 = (
    "Secureworks CTU, NICKEL TAPESTRY report, 2024-10 (US persona, connections from abroad via VPN)"
)
KB4 = (
    "KnowBe4, 'How a North Korean Fake IT Worker Tried to Infiltrate Us', 2024-07-23 "
    "(night shifts to mimic US daytime)"
)
GTIG25 = (
    "Google Threat Intelligence Group, 'DPRK IT Workers Expanding in Scope and Scale', "
    "2025-04-02 (claimed US/Japan/EU locations, real locations China, Russia, SE Asia)"
)
WEBRTC = (
    "W3C WebRTC 1.0, ICE candidate gathering: host and server-reflexive candidates reveal "
    "addresses outside a proxy or VPN tunnel"
)

# Tags of networks whose country says nothing about where the person sits.
_ANONYMISING = frozenset({"vpn", "hosting", "tor", "astrill"})
_NOT_A_PLACE = _ANONYMISING | {"private"}


def _home_country(app: EnrichedApplication) -> str | None:
    addr = app.app.applicant.address
    return addr.country if addr is not None else None


def _located(ip: IpFacts | None) -> str | None:
    """The IP's country when it says where the person is (not a VPN, not private space)."""
    if ip is None or not ip.valid or ip.country is None:
        return None
    if not ip.tags.isdisjoint(_NOT_A_PLACE):
        return None  # anonymising network or private space
    return ip.country


@detector(
    id="HG-LOC-001",
    title="Network location differs from the claimed home country",
    severity="low",
    weight=0.9,
    sources=[ADV22, GTIG25],
    false_positives=[
        "travellers and people on business trips",
        "people who moved recently and have not updated their address",
        "corporate networks that egress in another country",
        "offshore staffing agencies submitting for candidates (left out when the application "
        "says it came through an agency)",
    ],
)
def network_country_mismatch(app: EnrichedApplication) -> Iterator[Finding]:
    """The connecting IP (not a VPN or hosting network) geolocates to a different country
    than the home address the applicant gives. Weak on its own: travellers do this. An
    application a staffing agency submitted (``source: staffing_agency``) comes from the
    agency's network, which says nothing about where the applicant lives: no finding."""
    if app.app.source == "staffing_agency":
        return
    home = _home_country(app)
    where = _located(app.ip)
    if home and where and where != home:
        assert app.ip is not None
        yield network_country_mismatch.finding(
            f"Applied from a network in {where} while the home address is in {home}.",
            evidence={"ip": app.ip.ip, "ip_country": where, "address_country": home},
        )


@functools.lru_cache(maxsize=1024)
def _is_universal(zone: str) -> bool:
    """UTC and its aliases (Etc/UTC, Etc/GMT, Zulu, Universal): no place at all."""
    name = zone.strip().removeprefix("Etc/").casefold()
    return name in {"utc", "gmt", "uct", "zulu", "universal", "greenwich", "gmt0", "gmt+0", "gmt-0"}


@detector(
    id="HG-LOC-002",
    title="Browser time zone points elsewhere than the address and the network",
    severity="high",
    weight=2.2,
    sources=[ADV22, KB4, SCW24],
    false_positives=[
        "a laptop whose time zone was never changed after a move or trip",
        "people who keep a remote team's time zone on their computer",
    ],
)
def timezone_mismatch(app: EnrichedApplication) -> Iterator[Finding]:
    """The browser's time zone (or, when no zone is reported, its clock offset) belongs to a
    country other than the claimed home. Graded: when the network is in the same place as the
    clock, the applicant is probably travelling or living abroad (weak); when the clock
    agrees with neither the address nor a known network, the computer is set up for
    somewhere the application never mentions (strong; medium behind a VPN, which hides the
    network). UTC, which privacy browsers report whatever the place, is no evidence."""
    session = app.app.session
    home = _home_country(app)
    if session is None or home is None:
        return
    day = app.submitted_on
    net = _located(app.ip)
    tz_country: str | None = None
    described = ""
    if session.timezone:
        if _is_universal(session.timezone):
            return  # privacy browsers (Tor Browser, resistFingerprinting) report UTC
        tz_country = zone_country(session.timezone)
        described = f"time zone {session.timezone}"
    if tz_country is None and session.utc_offset_minutes == 0:
        return  # the same privacy modes, seen through the clock offset alone
    if tz_country is None and session.utc_offset_minutes is not None:
        home_offsets = country_offsets_minutes(home, day)
        if home_offsets and session.utc_offset_minutes not in home_offsets:
            hours = session.utc_offset_minutes / 60
            yield timezone_mismatch.finding(
                f"The browser clock runs at UTC{hours:+g}, which no part of {home} uses on "
                f"{day.isoformat()}.",
                evidence={
                    "utc_offset_minutes": session.utc_offset_minutes,
                    "address_country": home,
                },
            )
        return
    if tz_country is None or tz_country == home:
        return
    if net is not None and net == tz_country:
        yield timezone_mismatch.finding(
            f"The browser's {described} and the network both place the applicant in "
            f"{tz_country}, while the home address is in {home}.",
            evidence={
                "timezone": session.timezone,
                "timezone_country": tz_country,
                "ip_country": net,
                "address_country": home,
            },
            weight=0.8,
            severity="low",
        )
        return
    # Behind a VPN or an unknown network the computer's place is hidden: a traveller on a
    # home VPN and an operator abroad on a local exit look alike here (the VPN detectors
    # speak to the rest), so the finding is medium; with a known network elsewhere, strong.
    yield timezone_mismatch.finding(
        f"The browser's {described} ({tz_country}) matches neither the home address ({home}) "
        f"nor the network the application came from ({net or 'a VPN or unknown network'}).",
        weight=None if net is not None else 1.5,
        severity="high" if net is not None else "medium",
        evidence={
            "timezone": session.timezone,
            "timezone_country": tz_country,
            "ip_country": net,
            "address_country": home,
        },
    )


@detector(
    id="HG-LOC-003",
    title="Time zone name does not fit the browser's clock (spoofed zone)",
    severity="high",
    weight=2.4,
    sources=[SCW24, ADV22],
    false_positives=[
        "a clock set by hand instead of by the network, rare on modern systems",
        "privacy browsers that report UTC offsets deliberately (offset 0 is ignored)",
    ],
)
def spoofed_timezone(app: EnrichedApplication) -> Iterator[Finding]:
    """The browser reports a time-zone name whose real UTC offset on that date differs from
    the clock offset the same browser shows: the zone was set to look local while the clock
    still runs on the real one."""
    session = app.app.session
    if session is None or not session.timezone or session.utc_offset_minutes is None:
        return
    real = zone_offset_minutes(session.timezone, app.submitted_on)
    if real is None:
        return
    shown = session.utc_offset_minutes
    # Privacy modes (Tor Browser, resistFingerprinting) report UTC: not a spoof.
    if real == shown or shown == 0:
        return
    if abs(real - shown) < 60:  # half-hour zones and rounding
        return
    yield spoofed_timezone.finding(
        f"The browser says {session.timezone} (UTC{real / 60:+g} on "
        f"{app.submitted_on.isoformat()}) but its clock runs at UTC{shown / 60:+g}.",
        evidence={
            "timezone": session.timezone,
            "zone_offset_minutes": real,
            "clock_offset_minutes": shown,
        },
    )


@detector(
    id="HG-LOC-004",
    title="WebRTC exposes an address in another country",
    severity="high",
    weight=2.0,
    sources=[WEBRTC, SCW24, ADV22],
    false_positives=[
        "split-tunnel corporate VPNs where WebRTC shows the office network abroad",
        "a traveller on hotel Wi-Fi behind a home VPN (the WebRTC country is then the "
        "travel country, and the network country is home)",
    ],
)
def webrtc_elsewhere(app: EnrichedApplication) -> Iterator[Finding]:
    """An address exposed by WebRTC differs from the connecting one and lies in a country
    that is neither the home address nor the connecting network: the connection is relayed
    and the computer is somewhere else. A VPN user whose WebRTC address is at home is not
    flagged."""
    home = _home_country(app)
    conn = app.ip
    conn_country = conn.country if conn is not None else None
    for leak in app.webrtc:
        if not leak.valid or "private" in leak.tags or leak.country is None:
            continue
        if conn is not None and leak.ip == conn.ip:
            continue
        if leak.country in {home, conn_country}:
            continue
        yield webrtc_elsewhere.finding(
            f"WebRTC exposes {leak.ip} in {leak.country}, while the connection came from "
            f"{conn_country or 'an unknown country'} and the home address is in "
            f"{home or 'an unknown country'}.",
            evidence={
                "webrtc_ip": leak.ip,
                "webrtc_country": leak.country,
                "ip_country": conn_country,
                "address_country": home,
                "webrtc_network_owner": leak.network_owner,
            },
        )
        return
