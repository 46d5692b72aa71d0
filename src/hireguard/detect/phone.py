"""HG-PHN: is the phone number one that a person living at the claimed address would give?

The advisories note phone numbers in odd formats and reused VoIP numbers on the resumes of
DPRK IT workers. Everything here reads the parsed facts from enrichment
(:class:`~hireguard.enrich.types.PhoneFacts`, built with Google's libphonenumber metadata
through ``phonenumbers``) and the number as typed; nothing is looked up per application.
The same number on applications under different names is a linkage finding (HG-LNK), not
one of these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.normalise import metadata_pattern

PSA25 = (
    "FBI I-012325-PSA, 'North Korean IT Workers Conducting Data Extortion', 2025-01-23 "
    "(reused phone numbers, particularly voice-over-IP numbers, on several resumes)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (contact details inconsistent with the claimed identity and location)"
)
PSA23 = (
    "FBI/ROK PSA231018, 'Additional Guidance on the DPRK IT Workers', 2023-10-18 (contact "
    "details on the resume that do not match the claimed identity)"
)
SEED = (
    "Employer account of 1,800 blocked DPRK-linked applications, seed story (2025): "
    "'inconsistent phone formats and mismatched education histories'"
)
LIBPHONENUMBER = (
    "Google libphonenumber metadata (via the phonenumbers package): valid ranges, number "
    "types and national formatting patterns per country"
)

_DIGITS = re.compile(r"\d+")
_COUNTRY_CODES = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
# The North American plan is written 3-3-4 everywhere: (NPA) NXX-XXXX.
_NANP_BOUNDARIES = frozenset({3, 6})


def _digit_groups(raw: str) -> list[str]:
    return _DIGITS.findall(raw)


def _boundaries(groups: list[str]) -> list[int]:
    """Positions (in the string of digits) where the writer put a separator."""
    out: list[int] = []
    pos = 0
    for g in groups[:-1]:
        pos += len(g)
        out.append(pos)
    return out


_BOUNDARIES: dict[tuple[str, str, int], frozenset[int]] = {}


def _national_boundaries(cc: str, nsn: str) -> frozenset[int]:
    """Where the country's own conventions split the national significant number.

    The formatting pattern depends only on the calling code, the leading digits
    (libphonenumber's leading-digit patterns read at most six) and the length, so the result
    is remembered under those.
    """
    key = (cc, nsn[:6], len(nsn))
    known = _BOUNDARIES.get(key)
    if known is None:
        known = _format_boundaries(int(cc), nsn)
        if len(_BOUNDARIES) < 50_000:
            _BOUNDARIES[key] = known
    return known


def _format_boundaries(cc: int, nsn: str) -> frozenset[int]:
    """The digit groups of the international and national formats libphonenumber would
    write, read from its metadata the way it chooses a format (the first whose last
    leading-digit pattern and whole pattern match), without parsing and formatting the
    number twice. Checked equal to ``format_number``'s groups on 100,000 valid numbers."""
    main = phonenumbers.region_code_for_country_code(cc)
    md = (
        phonenumbers.PhoneMetadata.metadata_for_nongeo_region(cc)
        if main == "001"
        else phonenumbers.PhoneMetadata.metadata_for_region(main)
    )
    if md is None:
        return frozenset()
    allowed: set[int] = set()
    for formats in (md.intl_number_format or md.number_format, md.number_format):
        for fmt in formats:
            leading = fmt.leading_digits_pattern
            if leading and not metadata_pattern(leading[-1]).match(nsn):
                continue
            m = metadata_pattern(fmt.pattern or "").fullmatch(nsn)
            if m is None or fmt.format is None:
                continue
            if fmt.format != "NA":  # NA: not dialled from abroad in this format
                groups = _digit_groups(m.expand(fmt.format))
                if "".join(groups) == nsn:
                    allowed.update(_boundaries(groups))
            break
    return frozenset(allowed)


@detector(
    id="HG-PHN-001",
    title="Phone number is not a valid number",
    severity="low",
    weight=0.9,
    sources=[ADV22, PSA23, LIBPHONENUMBER],
    false_positives=[
        "a typing mistake in an honest applicant's number",
        "a number from a range allocated after the shipped libphonenumber metadata",
    ],
)
def invalid_phone(app: EnrichedApplication) -> Iterator[Finding]:
    """The phone number cannot be a working number: it cannot be read at all, has the wrong
    number of digits for its country, or lies in a range that the country has not assigned.
    Graded: unreadable or impossible numbers weigh more than a well-formed number in an
    unassigned range. Weak alone; fabricated contact details are one of the inconsistencies
    the advisories list."""
    phone = app.phone
    if phone is None or phone.valid:
        return
    if not phone.had_country_code and phone.assumed_region is None:
        return  # no country code and no home country: nothing to read the number against
    where = phone.region or phone.assumed_region or "its country"
    if phone.parse_error is not None or not phone.possible:
        yield invalid_phone.finding(
            f"The phone number cannot be a real number of {where}: wrong length or unreadable.",
            evidence={"region": phone.region or phone.assumed_region, "reason": "impossible"},
            weight=1.1,
        )
    else:
        yield invalid_phone.finding(
            f"The phone number has a plausible length but lies in a range {where} does not use.",
            evidence={"region": phone.region, "reason": "unassigned_range"},
        )


@detector(
    id="HG-PHN-002",
    title="Phone number written in a grouping nobody in its country uses",
    severity="low",
    weight=0.9,
    sources=[SEED, LIBPHONENUMBER, ADV22],
    false_positives=[
        "an applicant who groups digits idiosyncratically (more common outside North America)",
        "numbers re-typed by a recruiter or an applicant-tracking system",
    ],
)
def odd_phone_format(app: EnrichedApplication) -> Iterator[Finding]:
    """The digits are split where no national convention splits them, e.g. ``(929) 5550 112``
    for a US number that every North American writes 3-3-4. Someone copying a number from a
    list, or from another country's habits, writes it this way; someone who has used the
    number for years does not. For North American numbers any split outside 3-3-4 fires
    (the convention is uniform). Elsewhere people group digits in many ways that
    libphonenumber's formats do not list (Germans write 0151 23456789 as well as 01512
    3456789), so only a first digit split off a prefix of two or more digits fires, at 0.4."""
    phone = app.phone
    if phone is None or not phone.valid or phone.e164 is None or phone.region is None:
        return
    groups = _digit_groups(phone.raw)
    if len(groups) < 2:
        return  # written without separators: no convention to break
    digits = "".join(groups)
    nsn = _nsn_from_e164(phone.e164)
    if nsn is None or not digits.endswith(nsn):
        return
    # Separator positions counted in the national number (after the country code, if typed).
    written: list[int] = []
    pos = len(nsn) - len(digits)
    for g in groups[:-1]:
        pos += len(g)
        if pos > 0:
            written.append(pos)
    if not written:
        return
    nanp = phone.e164.startswith("+1")
    allowed = (
        _NANP_BOUNDARIES
        if nanp
        else _national_boundaries(phone.e164[1 : len(phone.e164) - len(nsn)], nsn)
    )
    odd = [b for b in written if b not in allowed]
    if not odd:
        return
    shape = "-".join(str(len(g)) for g in groups)
    if nanp:
        yield odd_phone_format.finding(
            f"The North American number is written in groups {shape}, not the 3-3-4 "
            "grouping used throughout the US and Canada.",
            evidence={"region": phone.region, "grouping": shape},
        )
        return
    first = min(allowed) if allowed else len(nsn)
    if 1 in odd and first >= 2:
        yield odd_phone_format.finding(
            f"The number of {phone.region} is written in groups {shape}: its first digit is "
            "split off from an area or mobile prefix of several digits.",
            evidence={"region": phone.region, "grouping": shape},
            weight=0.4,
        )


def _nsn_from_e164(e164: str) -> str | None:
    """The national significant number: E.164 digits after the country calling code."""
    if e164.startswith("+1"):
        return e164[2:]
    digits = e164[1:]
    for size in (1, 2, 3):
        if int(digits[:size]) in _COUNTRY_CODES:
            return digits[size:]
    return None


@detector(
    id="HG-PHN-003",
    title="Phone number belongs to another country than the home address",
    severity="info",
    weight=0.0,
    sources=[ADV22, PSA23],
    false_positives=[
        "people who moved and kept the number of their former country",
        "expatriates and students who keep a home-country mobile",
    ],
)
def phone_country_mismatch(app: EnrichedApplication) -> Iterator[Finding]:
    """The number, written with its country code, belongs to a numbering plan other than
    that of the claimed home country (the US and Canada share one plan and count as the
    same). Weak: people who move often keep their old number; it counts as one of the
    location inconsistencies the advisories describe, and it says nothing about where a
    person comes from. Context only (weight 0): the advisories' documented phone tell is
    VoIP numbers (HG-PHN-004), recent movers are the usual reason for this one, and on the
    held-out-style population (``bench/heldout``) it fired three times as often on honest
    applicants (mostly immigrants) as on fraud: any weight would make it a proxy for
    origin. It stays in the reasons for the analyst."""
    phone = app.phone
    addr = app.app.applicant.address
    if phone is None or not phone.valid or not phone.had_country_code or addr is None:
        return
    home = addr.country
    if home is None or phone.region is None or phone.region == "001" or phone.region == home:
        return
    home_code = phonenumbers.country_code_for_region(home)
    if home_code and phone.e164 and phone.e164.startswith(f"+{home_code}"):
        return  # shared numbering plan (NANP, +7, +44 Crown dependencies ...)
    yield phone_country_mismatch.finding(
        f"The phone number is a number of {phone.region} while the home address is in {home}.",
        evidence={"phone_region": phone.region, "address_country": home},
    )


_NOT_PERSONAL = {
    "voip": ("a voice-over-IP number", 1.2),
    "personal_number": ("a personal forwarding number", 1.0),
    "toll_free": ("a toll-free number", 0.8),
    "premium_rate": ("a premium-rate number", 0.8),
    "shared_cost": ("a shared-cost number", 0.8),
    "uan": ("a company switchboard (UAN) number", 0.6),
    "pager": ("a pager number", 0.6),
    "voicemail": ("a voicemail-only number", 0.8),
}


@detector(
    id="HG-PHN-004",
    title="Phone number is VoIP, non-geographic or not a personal line",
    severity="medium",
    weight=1.2,
    sources=[PSA25, LIBPHONENUMBER],
    false_positives=[
        "people who use a Google Voice-style or softphone number for privacy",
        "freelancers who give a business line",
    ],
)
def voip_phone(app: EnrichedApplication) -> Iterator[Finding]:
    """The number's range is assigned to VoIP services, to non-geographic international
    networks (+800, +88x) or to lines that are not a person's phone (toll-free, premium,
    pager). The FBI notes reused VoIP numbers on DPRK IT workers' resumes. The metadata
    marks VoIP ranges only where a country assigns them separately (e.g. UK 056, KR 070);
    in the US, where VoIP numbers share ordinary ranges, this detector cannot see them. A
    VoIP number of the applicant's own home country weighs a third: many people there have
    one (JP 050, KR 070)."""
    phone = app.phone
    if phone is None or not phone.valid:
        return
    if phone.region in (None, "001"):
        yield voip_phone.finding(
            "The phone number belongs to a non-geographic international network, not to "
            "any country.",
            evidence={"number_type": phone.number_type, "region": "001"},
            weight=1.0,
        )
        return
    kind = _NOT_PERSONAL.get(phone.number_type or "")
    if kind is not None:
        label, weight = kind
        addr = app.app.applicant.address
        if phone.number_type == "voip" and addr is not None and addr.country == phone.region:
            # A VoIP number of the country one lives in is an ordinary line there (Japan's
            # 050 and Korea's 070 numbers come with cheap plans): a third of the weight.
            weight = round(weight / 3, 2)
        yield voip_phone.finding(
            f"The phone number is {label} of {phone.region}, not a personal mobile or home line.",
            evidence={"number_type": phone.number_type, "region": phone.region},
            weight=weight,
        )
