"""HG-PAY and HG-SHP: where the salary and the company laptop are meant to go.

Salaries of DPRK IT workers leave through cryptocurrency, money-service platforms and
accounts in other people's names; company laptops go to a facilitator's "laptop farm"
rather than to the worker's home. These detectors read the payment and shipping sections
of one application. A shipping address shared by several applicants is a linkage finding
(HG-LNK); sanctioned crypto addresses are screened by HG-SAN.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from hireguard.detect.interview import region_code
from hireguard.detect.registry import Finding, detector
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.normalise import latin_key

ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (payment in virtual currency; PRC-based bank accounts; accounts registered "
    "to a different name; laptop or documents to an address other than the applicant's)"
)
GTIG25 = (
    "Google Threat Intelligence Group, 'DPRK IT Workers Expanding in Scope and Scale', "
    "2025-04-02 (payments through cryptocurrency, TransferWise and Payoneer)"
)
BFV = (
    "Bundesamt fuer Verfassungsschutz advisory on DPRK IT workers (via altusintel.com "
    "summary): Bitcoin/Ethereum, PayPal and Wise payments; changing delivery addresses"
)
PSA24 = (
    "FBI I-051624-PSA / PSA250723-4, 'North Korea Leverages U.S.-Based Individuals to "
    "Defraud U.S. Businesses' (facilitators receive laptops and open financial accounts)"
)
SCW24 = (
    "Secureworks CTU, NICKEL TAPESTRY report, 2024-10 (delivery addresses changed to "
    "reroute laptops to laptop farms)"
)
DOJCHAP = (
    "US DOJ (D.D.C.), US v. Chapman, 2024-05-16 and 2025-07-24 (90+ laptops hosted at a "
    "facilitator's home, 49 reshipped abroad)"
)

_METHODS = {
    "crypto": ("cryptocurrency", 1.8),
    "third_party_payee": ("an account of a third party", 1.6),
    "payroll_card": ("a payroll card", 0.8),
    "money_service": ("a money-service business", 0.6),
}


# Names integrations use for the contract's methods (the contract lists the canonical ones).
_METHOD_ALIASES = {
    "cryptocurrency": "crypto", "bitcoin": "crypto", "btc": "crypto", "eth": "crypto",
    "ethereum": "crypto", "usdt": "crypto", "usdc": "crypto", "stablecoin": "crypto",
    "payoneer": "money_service", "wise": "money_service", "transferwise": "money_service",
    "paypal": "money_service", "western_union": "money_service", "moneygram": "money_service",
    "remitly": "money_service", "money_transfer": "money_service",
    "paycard": "payroll_card", "pay_card": "payroll_card", "prepaid_card": "payroll_card",
    "third_party": "third_party_payee", "third_party_account": "third_party_payee",
}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def _canonical_method(method: str | None) -> str:
    """The contract's name for a payment method as written ("Bitcoin" → ``crypto``); cached,
    since a handful of spellings make up nearly every application."""
    method = (method or "").strip().lower().replace(" ", "_").replace("-", "_")
    return _METHOD_ALIASES.get(method, method)


@detector(
    id="HG-PAY-001",
    title="Salary to cryptocurrency, a money service, a payroll card or a third party",
    severity="medium",
    weight=1.0,
    sources=[ADV22, GTIG25, BFV, PSA24],
    false_positives=[
        "people without a bank account who use a payroll card (weighted low for that reason)",
        "contractors paid through money-service platforms as a matter of course",
    ],
)
def unusual_payout(app: EnrichedApplication) -> Iterator[Finding]:
    """The applicant asks to be paid other than by deposit to their own bank account.
    Graded by how specific the sources make it: cryptocurrency 1.8 (the advisories' first
    payment red flag), a third party's account 1.6 (an account "registered to a different
    name"), a payroll card 0.8 (a card that anyone holding it can spend, as the issue and the
    contract's example describe; also used by honest unbanked workers), a money-service
    business such as Payoneer or Wise 0.6 (named by the sources, but mainstream: context).
    A money service is the ordinary way to pay someone who lives in another country than
    the job, so it fires only when the applicant claims to live in the job's country (never
    when either country is unknown)."""
    pay = app.app.payment
    if pay is None:
        return
    method = _canonical_method(pay.method)
    if pay.crypto_address and method not in _METHODS:
        method = "crypto"
    known = _METHODS.get(method)
    if known is None:
        return
    label, weight = known
    if method == "money_service":
        home = app.app.applicant.address.country if app.app.applicant.address else None
        job = app.app.job.country
        if not (home and job) or home != job:
            return  # a contractor abroad (or we cannot tell): what money services are for
    yield unusual_payout.finding(
        f"The applicant asks for the salary to be paid to {label}.",
        evidence={"method": method},
        weight=weight,
    )


@detector(
    id="HG-PAY-002",
    title="Salary to a bank in another country than the home address",
    severity="medium",
    weight=0.8,
    sources=[ADV22],
    false_positives=[
        "people who have just moved and still bank in their former country",
        "cross-border commuters",
    ],
)
def foreign_bank(app: EnrichedApplication) -> Iterator[Finding]:
    """The bank account for the salary is in another country than the applicant's home.
    The guidance names transfers to PRC-based accounts as a red flag, so a bank in China
    or Hong Kong for someone claiming to live elsewhere weighs 1.4; any other mismatch
    0.8 (people who moved keep their old account for a while, which makes this follow
    where people come from more than a stronger weight should). Where a person comes from
    is not read, only where they say they live and where they ask the money to go."""
    pay = app.app.payment
    addr = app.app.applicant.address
    if pay is None or pay.bank_country is None or addr is None or addr.country is None:
        return
    if pay.bank_country == addr.country:
        return
    prc = pay.bank_country in ("CN", "HK")
    yield foreign_bank.finding(
        f"The salary is to go to a bank in {pay.bank_country} while the home address is in "
        f"{addr.country}.",
        evidence={"bank_country": pay.bank_country, "address_country": addr.country},
        weight=1.4 if prc else None,
    )


_CARE_OF = re.compile(r"\b(?:c\s*/\s*o|care of|attn|attention)\b", re.IGNORECASE)


@detector(
    id="HG-SHP-001",
    title="Equipment to be shipped to an address other than the home address",
    severity="medium",
    weight=1.2,
    sources=[ADV22, SCW24, BFV, DOJCHAP],
    false_positives=[
        "people about to move who give their new address",
        "applicants who prefer delivery to an office or a relative who is home by day",
    ],
)
def shipping_elsewhere(app: EnrichedApplication) -> Iterator[Finding]:
    """The laptop is to go to an address that is not the applicant's home. Graded by
    distance, since a laptop farm is rarely next door: another country 2.0, another state
    or region 1.4, another town 1.0, the same town or postcode 0.4; a different flat in
    the same building does not fire. "Care of" another person adds 0.4."""
    ship = app.app.shipping_address
    if ship is None or app.shipping_key is None:
        return
    home = app.app.applicant.address
    care_of = any(_CARE_OF.search(line) for line in (ship.line1 or "", ship.line2 or ""))
    if home is None or app.address_key is None:
        weight, where = 1.0, "while no home address is given"
    elif _building(app.address_key) == _building(app.shipping_key):
        return
    elif ship.country and home.country and ship.country != home.country:
        weight, where = 2.0, f"in {ship.country}, while the home address is in {home.country}"
    elif _differs(region_code(ship.country, ship.region), region_code(home.country, home.region)):
        weight, where = 1.4, "in another state or region than the home address"
    elif _differs(ship.city, home.city) and _differs(ship.postal_code, home.postal_code):
        weight, where = 1.0, "in another town than the home address"
    else:
        weight, where = 0.4, "in the same town as the home address"
    if care_of:
        weight += 0.4
    yield shipping_elsewhere.finding(
        f"Equipment is to be shipped to another address, {where}"
        + (", care of another person." if care_of else "."),
        evidence={
            "ship_country": ship.country,
            "ship_region": ship.region,
            "home_country": home.country if home else None,
            "home_region": home.region if home else None,
            "care_of": care_of,
        },
        weight=weight,
    )


_UNIT_MARKERS = (" apt ", " ste ", " fl ", " floor ", " room ", " rm ")


def _building(key: str) -> str:
    """An address key (see ``intake.normalise.address_key``) without the flat or suite."""
    street, _, rest = key.partition("|")
    street = f" {street} "
    for marker in _UNIT_MARKERS:
        cut = street.find(marker)
        if cut != -1:
            street = street[:cut]
    return street.strip() + "|" + rest


def _differs(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return latin_key(a) != latin_key(b)
