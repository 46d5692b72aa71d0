"""HG-SAN: the application's people, payment and companies on official sanctions lists.

These detectors read the matches that screening attached (``EnrichedApplication.sanctions``,
made by :mod:`hireguard.sanctions`); they never search the lists themselves. Nationality
is never a finding here: it only qualifies a name match inside the matcher (same person?).
"""

from __future__ import annotations

from collections.abc import Iterator

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import SanctionsMatch

OFAC_SDN = "US Treasury OFAC, Specially Designated Nationals and Blocked Persons List (SDN)"
OFAC_DPRK_IT = (
    "OFAC press releases on DPRK IT-worker networks and front companies, e.g. Chinyong "
    "(2023-05-23), Volasys Silver Star / Yanbian Silverstar (2018-09-13, 2024-2025 actions), "
    "Korea Sobaeksu Trading Company (2023-07-25)"
)
UN_1718 = "UN Security Council Consolidated List (resolution 1718 committee, DPRK)"
OFAC_CYBER = (
    "OFAC, digital-currency addresses in SDN entries (e.g. Lazarus Group, 2022-04-14) and "
    "'Questions on Virtual Currency' FAQ 560-566"
)
FBI_PSA = "FBI PSA I-051624-PSA, 'North Korean IT workers' (2024-05-16)"

_APPLICANT = ("applicant.full_name", "applicant.other_names")
_PAYEE_ORG = ("payment.payee_company", "payment.payee", "payment.payee_business")


def _field(m: SanctionsMatch) -> str:
    return m.matched_field or ""


def _evidence(m: SanctionsMatch) -> dict[str, object]:
    return {
        "list": m.list,
        "entity_id": m.entity_id,
        "listed_name": m.name,
        "field": m.matched_field,
        "score": m.score,
        "features": m.features,
    }


def _is_applicant(m: SanctionsMatch) -> bool:
    return _field(m).startswith(_APPLICANT)


def _confirmed(m: SanctionsMatch) -> bool:
    return bool(m.features.get("dob_exact") or m.features.get("dob_year"))


@detector(
    id="HG-SAN-001",
    title="Applicant is a listed person (name and date of birth)",
    severity="critical",
    weight=8.0,
    hard=True,
    sources=[OFAC_SDN, UN_1718, FBI_PSA],
    false_positives=[
        "a namesake born on the same day or in the same year as a listed person whose "
        "list entry gives only a year; an analyst confirms with the identity document"
    ],
)
def applicant_listed(app: EnrichedApplication) -> Iterator[Finding]:
    """The applicant's name or another name they give matches a listed person at or above
    the screening threshold, and the date of birth agrees with the list (same day, or the
    year where the list gives only a year or a circa year). Blocks pending an analyst."""
    for m in app.sanctions:
        if _is_applicant(m) and _confirmed(m):
            yield applicant_listed.finding(
                f"The applicant matches {m.name} ({m.list} {m.entity_id}), date of birth "
                f"agreeing, score {m.score:.2f}.",
                evidence=_evidence(m),
            )


@detector(
    id="HG-SAN-002",
    title="Payment goes to a sanctioned digital-currency address",
    severity="critical",
    weight=8.0,
    hard=True,
    sources=[OFAC_CYBER, OFAC_SDN],
    false_positives=[
        "none for the address itself; a typing error in a payout address is possible but "
        "still must not be paid"
    ],
)
def crypto_address_listed(app: EnrichedApplication) -> Iterator[Finding]:
    """The payout address equals a digital-currency address that OFAC lists for a
    sanctioned party (exact after normalising: hex and bech32 case-insensitive)."""
    for m in app.sanctions:
        if m.features.get("crypto_exact"):
            yield crypto_address_listed.finding(
                f"The payout address is listed for {m.name} ({m.list} {m.entity_id}).",
                evidence=_evidence(m),
            )


@detector(
    id="HG-SAN-003",
    title="A person named in the application matches a listed person (name only)",
    severity="high",
    weight=2.5,
    sources=[OFAC_SDN, UN_1718],
    false_positives=[
        "namesakes: common names (e.g. a frequent Korean, Chinese or Arabic name) of people "
        "who are not listed; the date of birth usually tells them apart",
        "references and payees are screened by name only",
    ],
)
def person_name_listed(app: EnrichedApplication) -> Iterator[Finding]:
    """The applicant's name (without a date of birth to confirm it), a reference's or a
    payee's name matches a listed person at or above the screening threshold. Sent to
    review, not blocked: a name alone does not identify a person. A conflicting date of
    birth lowers the weight further."""
    # One listed person matched through several names (full name, other names, a
    # reference) is one fact: keep the strongest match per listed entry.
    best: dict[tuple[str, str], SanctionsMatch] = {}
    for m in app.sanctions:
        f = _field(m)
        if m.features.get("crypto_exact") or (_is_applicant(m) and _confirmed(m)):
            continue
        if not (
            _is_applicant(m)
            or f.startswith(("references", "payment.payee_name", "payment.account_holder"))
        ):
            continue
        key = (m.list, m.entity_id)
        held = best.get(key)
        if held is None or (_is_applicant(m), m.score) > (_is_applicant(held), held.score):
            best[key] = m
    if not best:
        return
    # Several listed namesakes are still one question for the analyst (is this the listed
    # person?): one finding, on the strongest match, naming how many entries matched.
    ranked = sorted(best.values(), key=lambda x: (_is_applicant(x), x.score), reverse=True)
    for m in ranked[:1]:
        f = _field(m)
        others = len(ranked) - 1
        # A name alone does not identify a person: namesakes of listed people are common, so
        # the weight stays moderate and the policy asks for identity verification instead.
        weight = (2.5 if m.score >= 0.95 else 1.2) if _is_applicant(m) else 0.6
        if m.features.get("dob_conflict"):
            weight = 0.2
        yield person_name_listed.finding(
            f"A name in {f} matches {m.name} ({m.list} {m.entity_id}), score {m.score:.2f}; "
            "not confirmed by date of birth"
            + (f" ({others} more listed namesakes)." if others else "."),
            evidence={**_evidence(m), "other_matching_entries": others},
            weight=weight,
            severity="high" if weight >= 2.5 else "medium",
        )


@detector(
    id="HG-SAN-004",
    title="Employer, agency or payee company is a listed organisation",
    severity="medium",
    weight=0.6,
    sources=[OFAC_DPRK_IT, OFAC_SDN, UN_1718],
    false_positives=[
        "a lawful company whose name resembles a listed one (e.g. a generic trading name)",
        "work for a company before it was designated",
        "real companies whose names resemble listed ones (Carvana, Globant, NEC in the demo): "
        "why a fuzzy match weighs little and a near-exact one more",
    ],
)
def organisation_listed(app: EnrichedApplication) -> Iterator[Finding]:
    """A past employer, the staffing agency or source company, or the payee company matches
    a listed organisation (DPRK IT workers are placed through designated front companies).
    A payee company matching at 0.95 or more blocks: paying it is prohibited."""
    for m in app.sanctions:
        f = _field(m)
        is_payee = f.startswith(_PAYEE_ORG)
        if not (is_payee or f.startswith("resume.experience") or f.split(".")[0] in _AGENCY_FIELDS):
            continue
        hard = is_payee and m.score >= 0.95
        yield organisation_listed.finding(
            f"{f} matches the listed organisation {m.name} ({m.list} {m.entity_id}), "
            f"score {m.score:.2f}.",
            evidence=_evidence(m),
            hard=hard,
            severity="critical" if hard else ("high" if m.score >= 0.97 else "medium"),
            weight=8.0 if hard else (1.5 if m.score >= 0.97 else 0.6),
        )


_AGENCY_FIELDS = ("staffing_agency", "agency", "source_company", "vendor")
