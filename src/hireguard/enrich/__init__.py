"""Enrichment: facts looked up for an application before detection.

:func:`enrich` does the per-application part (names, e-mail, phone, addresses, IPs).
Cross-application facts (linkage, sanctions) are filled in by the pipeline afterwards.
"""

from __future__ import annotations

from typing import Protocol

from hireguard.enrich.types import EnrichedApplication, IpFacts
from hireguard.intake.normalise import (
    address_key,
    email_facts,
    ip_network_key,
    name_facts,
    normalise_ip,
    phone_facts,
)
from hireguard.model import Application


class IpLookup(Protocol):
    """Anything that can tell what an IP address is (see :mod:`hireguard.enrich.ipintel`)."""

    def lookup(self, ip: str) -> IpFacts: ...


def bare_ip_facts(raw: str) -> IpFacts:
    """IP facts with no reference data: only validity, version and network."""
    ip = normalise_ip(raw)
    if ip is None:
        return IpFacts(ip=raw, version=0, valid=False)
    return IpFacts(ip=str(ip), version=ip.version, network=ip_network_key(ip))


def enrich(app: Application, ipintel: IpLookup | None = None) -> EnrichedApplication:
    """Attach the per-application facts. ``ipintel`` None means no IP reference data."""
    applicant = app.applicant
    home_country = applicant.address.country if applicant.address else None
    lookup = ipintel.lookup if ipintel is not None else bare_ip_facts
    session = app.session
    return EnrichedApplication(
        app=app,
        names=name_facts(applicant.full_name, applicant.other_names),
        email=email_facts(applicant.email),
        phone=phone_facts(applicant.phone, home_country) if applicant.phone else None,
        ip=lookup(session.ip) if session and session.ip else None,
        webrtc=[lookup(ip) for ip in session.webrtc_ips] if session else [],
        address_key=address_key(applicant.address),
        shipping_key=address_key(app.shipping_address),
        submitted_on=app.submitted_at.date(),
    )
