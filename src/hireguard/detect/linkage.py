"""HG-LNK and HG-RNG: what an application shares with others, and the ring it belongs to.

These detectors read :class:`~hireguard.enrich.types.LinkContext` filled by
:mod:`hireguard.linkage`. ``names_sharing`` counts only links that are evidence: a staffing
agency's office contacts shared by its own candidates, or a household's landline and home
network, are discounted there and never fire these detectors (see ``docs/linkage.md``).
Sharing with earlier applications under the *same* name is one person applying again, and
is not counted either.
"""

from __future__ import annotations

from collections.abc import Iterator

from hireguard.detect.registry import Finding, Severity, detector
from hireguard.enrich.types import EnrichedApplication

PSA25 = (
    "FBI PSA I-012325-PSA, 2025-01-23 (same phone number or e-mail address on resumes of "
    "supposedly different applicants; cross-check HR systems for duplicate content)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', 2022-05-16 "
    "(shared payout accounts; accounts registered to a different name)"
)
DOJ0630 = (
    "US DOJ, 'DPRK RevGen: Domestic Enabler Initiative' coordinated actions, 2025-06-30 "
    "(29 laptop farms found by the addresses laptops were shipped to)"
)
PSA24 = (
    "FBI I-051624-PSA, 'North Korea Leverages U.S.-Based Individuals to Defraud U.S. "
    "Businesses' (laptops received and hosted by US facilitators)"
)
SPYCLOUD = (
    "SpyCloud (2026) as quoted alongside PSA25: near-identical copies of a real developer's "
    "resume with a new name, contact details and photo"
)
SEED = (
    "Employer's practice in the seed story (2025): a batch of applications from a single IP "
    "range flagged and suspended together"
)
SOPH25 = (
    "Sophos CTU, 'NICKEL TAPESTRY expands fraudulent worker operations', 2025 (laptop-farm "
    "hosts running several remote monitoring and management tools)"
)
GTIG25 = "Google Threat Intelligence Group, DPRK IT workers report, 2025 (shared payout accounts)"


def _others(n: int) -> str:
    if n == 1:
        return "1 other applicant under a different name"
    return f"{n} other applicants under different names"


def _shared_finding(det_id: str, e: EnrichedApplication, kind: str, what: str) -> Iterator[Finding]:
    """A finding for applicants under other names sharing ``kind`` with this one.

    ``what`` is the message, a sentence with ``{others}`` where "N other applicant(s) under
    different name(s)" goes, and ``{s}`` for a plural "s" after a word counted by N."""
    n = e.links.names_sharing.get(kind, 0)
    if n <= 0:
        return
    det = _DETECTORS[det_id]
    yield det.finding(
        what.format(others=_others(n), s="" if n == 1 else "s"),
        evidence={
            "kind": kind,
            "other_names": n,
            "applications": e.links.shared.get(kind, [])[:10],
        },
    )


@detector(
    id="HG-LNK-001",
    title="Same national identity number under different names",
    severity="critical",
    weight=4.0,
    sources=[PSA25, "KnowBe4 incident write-up, 2024-07 (valid but stolen US identity)"],
    false_positives=[
        "a data-entry error in the identity number (the ATS stores one)",
        "a legal name change: the earlier application carries the old name",
    ],
)
def same_national_id(e: EnrichedApplication) -> Iterator[Finding]:
    """The applicant's national identity number (as its employer-salted hash) was given by
    other applicants under other names: one identity document behind several people is a
    stolen, bought or lent identity."""
    yield from _shared_finding(
        "HG-LNK-001", e, "national_id", "Gives the same national identity number as {others}"
    )


@detector(
    id="HG-LNK-002",
    title="Same e-mail address under different names",
    severity="high",
    weight=2.5,
    sources=[PSA25],
    false_positives=[
        "a recruiter's or agency's address given as contact (discounted when the "
        "source is staffing_agency)",
        "a couple sharing one mailbox",
    ],
)
def same_email(e: EnrichedApplication) -> Iterator[Finding]:
    """The e-mail address (provider rules applied: gmail dots, +tags) appears on other
    applications under other names."""
    yield from _shared_finding("HG-LNK-002", e, "email", "Uses the same e-mail address as {others}")


@detector(
    id="HG-LNK-003",
    title="Same phone number under different names",
    severity="high",
    weight=2.0,
    sources=[PSA25],
    false_positives=[
        "a household landline (discounted when the home address is the same)",
        "an agency's office number (discounted for staffing_agency sources)",
    ],
)
def same_phone(e: EnrichedApplication) -> Iterator[Finding]:
    """The phone number (E.164) appears on other applications under other names."""
    yield from _shared_finding("HG-LNK-003", e, "phone", "Gives the same phone number as {others}")


@detector(
    id="HG-LNK-004",
    title="Same device under different names",
    severity="high",
    weight=2.0,
    sources=[
        PSA25,
        "Secureworks CTU, NICKEL TAPESTRY report, 2024-10 (several accounts from one host)",
    ],
    false_positives=[
        "a family computer (discounted within a household)",
        "a library or campus kiosk",
    ],
)
def same_device(e: EnrichedApplication) -> Iterator[Finding]:
    """The device fingerprint applied under other names too."""
    yield from _shared_finding(
        "HG-LNK-004", e, "device_id", "Applied from the same device as {others}"
    )


@detector(
    id="HG-LNK-005",
    title="Same bank account under different names",
    severity="high",
    weight=2.5,
    sources=[ADV22, GTIG25],
    false_positives=["a joint account of a couple (weighted half within a household)"],
)
def same_bank_account(e: EnrichedApplication) -> Iterator[Finding]:
    """The payout bank account (employer-salted hash) is given by other applicants under
    other names."""
    yield from _shared_finding(
        "HG-LNK-005", e, "bank_account", "Is to be paid into the same bank account as {others}"
    )


@detector(
    id="HG-LNK-006",
    title="Same crypto address under different names",
    severity="high",
    weight=2.5,
    sources=[ADV22, GTIG25],
    false_positives=["an exchange deposit address reused by the exchange (rare)"],
)
def same_crypto_address(e: EnrichedApplication) -> Iterator[Finding]:
    """Wages are to be paid to a crypto address other applicants gave under other names."""
    yield from _shared_finding(
        "HG-LNK-006", e, "crypto_address", "Is to be paid to the same crypto address as {others}"
    )


@detector(
    id="HG-LNK-007",
    title="Same third-party payee under different names",
    severity="high",
    weight=2.0,
    sources=[ADV22],
    false_positives=["a payroll or employer-of-record company named as payee"],
)
def same_payee(e: EnrichedApplication) -> Iterator[Finding]:
    """Pay is to go to a third-party payee that other applicants named too."""
    yield from _shared_finding("HG-LNK-007", e, "payee", "Names the same payee as {others}")


@detector(
    id="HG-LNK-008",
    title="Laptop shipped to an address serving other applicants",
    severity="high",
    weight=2.5,
    sources=[DOJ0630, PSA24, ADV22],
    false_positives=[
        "a company office or coworking mailroom receiving equipment",
        "a parcel locker or forwarding service used by unrelated people",
    ],
)
def shared_shipping_address(e: EnrichedApplication) -> Iterator[Finding]:
    """Equipment is to be shipped to an address that is not the applicant's home and that
    other applicants, under other names, also ship to: how the DOJ found 29 laptop farms."""
    n = e.links.names_sharing.get("shipping_address", 0)
    if n <= 0:
        return
    severity: Severity = "high" if n >= 2 else "medium"
    yield shared_shipping_address.finding(
        f"Ships to the same address as {_others(n)}, not to the applicant's home",
        evidence={
            "kind": "shipping_address",
            "other_names": n,
            "applications": e.links.shared.get("shipping_address", [])[:10],
        },
        weight=2.5 if n >= 2 else 1.5,
        severity=severity,
    )


@detector(
    id="HG-LNK-009",
    title="Near-duplicate resume under another name",
    severity="high",
    weight=2.0,
    sources=[PSA25, SPYCLOUD],
    false_positives=[
        "a bootcamp's or agency's resume template filled in with little text",
        "a public resume example copied by a novice",
    ],
)
def near_duplicate_resume(e: EnrichedApplication) -> Iterator[Finding]:
    """The resume text is a near-duplicate (estimated Jaccard of word 3-grams at least 0.7)
    of resumes submitted under other names."""
    yield from _shared_finding(
        "HG-LNK-009", e, "resume", "The resume is a near-duplicate of the resume{s} of {others}"
    )


@detector(
    id="HG-LNK-010",
    title="Burst of applications from one network range",
    severity="medium",
    weight=1.0,
    sources=[SEED, PSA25],
    false_positives=[
        "a campus career day or a bootcamp's graduating class",
        "a coworking space or a company's office network",
    ],
)
def network_range_burst(e: EnrichedApplication) -> Iterator[Finding]:
    """Many different identities applied from the same /24 (or IPv6 /48) within a day."""
    for b in e.links.bursts:
        if b.get("kind") == "network_range":
            yield network_range_burst.finding(
                f"{b['identities']} different identities applied from the same network range "
                f"within {b['hours']} hours",
                evidence=dict(b),
            )
            return


@detector(
    id="HG-LNK-011",
    title="Burst of applications under one identity",
    severity="low",
    weight=0.7,
    sources=[ADV22, "Mandiant, 'Staying a Step Ahead', 2024-09 (mass applications)"],
    false_positives=["an eager job seeker applying to many openings on one day"],
)
def identity_burst(e: EnrichedApplication) -> Iterator[Finding]:
    """One identity (same name and e-mail) applied to many requisitions within a day."""
    for b in e.links.bursts:
        if b.get("kind") == "identity":
            yield identity_burst.finding(
                f"{b['applications']} applications under this identity within {b['hours']} hours",
                evidence=dict(b),
            )
            return


@detector(
    id="HG-LNK-012",
    title="Remote-controlled computers of several identities on one connection",
    severity="high",
    weight=2.0,
    sources=[PSA24, DOJ0630, SOPH25],
    false_positives=[
        "a remote-support company whose staff from several regions apply through one VPN "
        "concentrator (people of one region on one office or coworking connection are left "
        "out by the linkage)",
    ],
)
def remote_controlled_on_one_connection(e: EnrichedApplication) -> Iterator[Finding]:
    """The application came from the same connecting address as applications under other
    names, with remote-control software or an IP-KVM on every one of those computers, and
    their homes are in different regions: company laptops of people who claim to live far
    apart, driven from abroad from one residential connection, are a laptop farm."""
    yield from _shared_finding(
        "HG-LNK-012",
        e,
        "controlled_ip",
        "Came with remote-control software from the same connection as {others}",
    )


@detector(
    id="HG-RNG-001",
    title="Member of a ring of linked identities",
    severity="high",
    weight=1.5,
    sources=[PSA25, DOJ0630, ADV22],
    false_positives=[
        "two honest people whose records share one strong identifier by error "
        "(a typo in an e-mail); small rings of two deserve a look before action"
    ],
)
def ring_member(e: EnrichedApplication) -> Iterator[Finding]:
    """The application belongs to a ring: a group of applications under two or more
    identities held together by shared identifiers strong enough to suggest one operator.
    The weight grows with the ring's score."""
    links = e.links
    if not links.cluster_id:
        return
    held = ", ".join(f"{k} ({n} names)" for k, n in list(links.ring_links.items())[:4])
    severity: Severity = "high" if links.ring_score >= 0.5 else "medium"
    yield ring_member.finding(
        f"Belongs to ring {links.cluster_id} of {links.ring_size} applications"
        + (f", held together by {held}" if held else ""),
        evidence={
            "cluster_id": links.cluster_id,
            "ring_size": links.ring_size,
            "ring_score": links.ring_score,
            "links": dict(links.ring_links),
        },
        weight=round(0.5 + 2.0 * links.ring_score, 3),
        severity=severity,
    )


_DETECTORS = {
    d.id: d
    for d in (
        same_national_id,
        same_email,
        same_phone,
        same_device,
        same_bank_account,
        same_crypto_address,
        same_payee,
        near_duplicate_resume,
        remote_controlled_on_one_connection,
    )
}
