"""Normalisation, done once at intake: names, e-mail, phone, addresses, IPs.

Everything downstream (detectors, linkage, sanctions) reads these values and never
re-parses raw input. Values kept for linking are canonical forms; the address as typed
stays in the stored application.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import re
import socket
import traceback
import unicodedata

import phonenumbers
from anyascii import anyascii
from phonenumbers.phonenumberutil import _number_type_helper

from hireguard.intake.facts import EmailFacts, NameFacts, PhoneFacts
from hireguard.model import Address

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def latin_key(text: str) -> str:
    """Name text as a matching key: NFKC, transliterated to Latin, case-folded, no punctuation.

    >>> latin_key("Ji-woo  PARK")
    'ji woo park'
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = anyascii(text)
    return _NON_ALNUM.sub(" ", text.casefold()).strip()


def name_facts(full_name: str, other_names: list[str] | None = None) -> NameFacts:
    latin = latin_key(full_name)
    return NameFacts(
        full_name=full_name,
        latin=latin,
        tokens=tuple(latin.split()),
        other_latin=tuple(latin_key(n) for n in other_names or () if n.strip()),
    )


# Providers that ignore dots in the local part (gmail) or treat "+tag" as a sub-address.
_DOT_INSENSITIVE = frozenset({"gmail.com", "googlemail.com"})
_PLUS_PROVIDERS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "fastmail.com",
        "fastmail.fm",
        "protonmail.com",
        "proton.me",
        "pm.me",
        "icloud.com",
        "me.com",
        "yahoo.com",
        "zoho.com",
    }
)
_DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def email_facts(raw: str) -> EmailFacts:
    """Split and canonicalise an e-mail address (provider dot and plus rules applied)."""
    address = unicodedata.normalize("NFKC", raw).strip().lower()
    if address.count("@") != 1:
        return EmailFacts(
            raw=raw, address=address, local=address, domain="", canonical=address, valid=False
        )
    local, domain = address.split("@")
    domain = domain.rstrip(".")
    valid = bool(local) and "." in domain and " " not in address
    canon_domain = _DOMAIN_ALIASES.get(domain, domain)
    canon_local = local
    if canon_domain in _PLUS_PROVIDERS or canon_domain in _DOT_INSENSITIVE:
        canon_local = canon_local.split("+", 1)[0]
    if canon_domain in _DOT_INSENSITIVE:
        canon_local = canon_local.replace(".", "")
    return EmailFacts(
        raw=raw,
        address=address,
        local=local,
        domain=domain,
        canonical=f"{canon_local}@{canon_domain}",
        valid=valid,
    )


_PHONE_TYPES = {
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    phonenumbers.PhoneNumberType.TOLL_FREE: "toll_free",
    phonenumbers.PhoneNumberType.PREMIUM_RATE: "premium_rate",
    phonenumbers.PhoneNumberType.SHARED_COST: "shared_cost",
    phonenumbers.PhoneNumberType.VOIP: "voip",
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    phonenumbers.PhoneNumberType.PAGER: "pager",
    phonenumbers.PhoneNumberType.UAN: "uan",
    phonenumbers.PhoneNumberType.VOICEMAIL: "voicemail",
    phonenumbers.PhoneNumberType.UNKNOWN: "unknown",
}


def phone_facts(raw: str, default_region: str | None) -> PhoneFacts:
    """Parse a phone number as typed into E.164 with ``phonenumbers``.

    A number without a country code is read in ``default_region`` (the applicant's address
    country), as a person from there would have written it.
    """
    return _phone_facts(raw, default_region)  # frozen: the cached facts can be shared


@functools.lru_cache(maxsize=8192)  # numbers are mostly one person's: repeats come close
def _phone_facts(raw: str, default_region: str | None) -> PhoneFacts:
    stripped = raw.strip()
    had_cc = stripped.startswith("+") or stripped.startswith("00")
    region = None if had_cc else (default_region or None)
    country_code = 1
    nsn = plain_nanp(stripped, region)
    num: phonenumbers.PhoneNumber | None = None
    if nsn is None:
        num, error = parse_number(stripped, region)
        if num is None:
            return PhoneFacts(
                raw=raw, had_country_code=had_cc, assumed_region=region, parse_error=error
            )
        nsn = phonenumbers.national_significant_number(num)
        country_code = num.country_code or 0
    num_region, ptype = _region_and_type(country_code, nsn)
    valid = ptype != phonenumbers.PhoneNumberType.UNKNOWN
    if not valid and num is None:
        num = phonenumbers.PhoneNumber(country_code=1, national_number=int(nsn))
    return PhoneFacts(
        raw=raw,
        e164=f"+{country_code}{nsn}",  # E.164 is exactly this; format_number costs more
        region=num_region,
        valid=valid,
        possible=valid or (num is not None and phonenumbers.is_possible_number(num)),
        number_type=_PHONE_TYPES.get(ptype, "unknown") if valid else None,
        had_country_code=had_cc,
        assumed_region=region,
    )


def parse_number(text: str, region: str | None) -> tuple[phonenumbers.PhoneNumber | None, str]:
    """``phonenumbers.parse``: the number and "", or None and why it cannot be read.

    ``parse`` keeps the traceback of an exception it catches in a local of its own, so a
    number it cannot read leaves a reference cycle through every frame above it (the
    pipeline's chunk) that only the collector would free; the frames are cleared here, for
    every caller (``tests/core/test_pipeline_cycles.py``)."""
    try:
        return phonenumbers.parse(text, region), ""
    except phonenumbers.NumberParseException as exc:
        traceback.clear_frames(exc.__traceback__)
        return None, str(exc)


_UNKNOWN = phonenumbers.PhoneNumberType.UNKNOWN
_NANP_REGIONS = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1])
_PLAIN = frozenset("0123456789 ()-.")
_NOT_DIGITS = str.maketrans("", "", " ()-.")


def plain_nanp(text: str, region: str | None) -> str | None:
    """The ten-digit national number of a North American number written in one of the
    plain ways (``+1 (415) 555-0123``, ``415.555.0123``, ``1-415-555-0123`` in a North
    American region), or None for anything else, which ``phonenumbers.parse`` reads.

    Six in ten applicants' numbers are written so, and ``parse`` spends most of its time on
    what such a number cannot have (extensions, letters, other digit scripts, carrier codes,
    other countries' trunk prefixes). The result is ``parse``'s own: a test compares the two
    on thousands of spellings. An area code never starts with 0 or 1, so a leading 1 is the
    trunk or country code, as ``parse`` reads it too.
    """
    plus = text.startswith("+")
    body = text[1:] if plus else text
    if not body or not _PLAIN.issuperset(body):
        return None
    digits = body.translate(_NOT_DIGITS)
    if plus:
        if region is not None or len(digits) != 11 or digits[0] != "1":
            return None
        nsn = digits[1:]
    elif region in _NANP_REGIONS:
        if len(digits) == 11 and digits[0] == "1":
            nsn = digits[1:]
        elif len(digits) == 10:
            nsn = digits
        else:
            return None
    else:
        return None
    return nsn if nsn[0] in "23456789" else None


def _region_and_type(country_code: int, nsn: str) -> tuple[str | None, int]:
    """The number's region and type from one pass over the metadata.

    ``region_code_for_number`` already classifies the number to choose among the regions
    that share a calling code (the 25 of +1); classifying it again for its type, as
    ``number_type`` does, doubled the cost for North American numbers. Same rules: a
    region whose leading-digit pattern matches wins, otherwise the first that the number
    is valid in; non-geographic codes (+800, +882 ...) read their own metadata.
    """
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    if not regions:
        return None, _UNKNOWN
    if regions[0] == "001":
        md = phonenumbers.PhoneMetadata.metadata_for_nongeo_region(country_code)
        return "001", (_number_type_helper(nsn, md) if md is not None else _UNKNOWN)
    if len(regions) == 1:
        md = phonenumbers.PhoneMetadata.metadata_for_region(regions[0])
        return regions[0], (_number_type_helper(nsn, md) if md is not None else _UNKNOWN)
    for region in regions:
        md = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if md is None:
            continue
        if md.leading_digits is not None:
            if metadata_pattern(md.leading_digits).match(nsn):
                return region, _number_type_helper(nsn, md)
            continue
        ptype = _number_type_helper(nsn, md)
        if ptype != _UNKNOWN:
            return region, ptype
    return None, _UNKNOWN


@functools.lru_cache(maxsize=4096)
def metadata_pattern(pattern: str) -> re.Pattern[str]:
    """A regular expression of libphonenumber's metadata, compiled once (``re``'s own cache
    holds 512, fewer than the metadata's patterns)."""
    return re.compile(pattern)


_ADDRESS_WORDS = {
    "street": "st",
    "avenue": "ave",
    "boulevard": "blvd",
    "road": "rd",
    "drive": "dr",
    "lane": "ln",
    "court": "ct",
    "place": "pl",
    "suite": "ste",
    "apartment": "apt",
    "unit": "apt",
    "ste": "ste",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "highway": "hwy",
    "parkway": "pkwy",
    "terrace": "ter",
    "circle": "cir",
}


def address_key(addr: Address | None) -> str | None:
    """A canonical key for one postal address, for linking (not for display).

    Case, punctuation, common street-word abbreviations and unit markers are folded, so
    that "1420 W. Van Buren Street, Apt 3" and "1420 w van buren st #3" give one key.
    Returns None when the address has no street line.
    """
    if addr is None or not addr.line1:
        return None
    parts: list[str] = []
    for text in (addr.line1, addr.line2 or ""):
        words = latin_key(text.replace("#", " apt ")).split()
        parts.extend(_ADDRESS_WORDS.get(w, w) for w in words)
    postal = latin_key(addr.postal_code or "").replace(" ", "")
    if postal[:5].isdigit() and (addr.country in (None, "US")):
        postal = postal[:5]  # ZIP+4 and ZIP are the same place
    city = "" if postal else latin_key(addr.city or "")
    return "|".join([" ".join(parts), postal or city, (addr.country or "").lower()])


def street_key(addr: Address | None) -> str | None:
    """The address without its unit (apartment, suite): one building, for farm detection."""
    key = address_key(addr)
    if key is None:
        return None
    street, rest = key.split("|", 1)
    words = street.split()
    for marker in ("apt", "ste", "fl", "floor", "room", "rm"):
        if marker in words:
            words = words[: words.index(marker)]
    return " ".join(words) + "|" + rest


def normalise_ip(raw: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """Parse an IP as typed; IPv4-mapped IPv6 addresses become IPv4. None when invalid."""
    text = raw.strip()
    try:  # the common case, dotted-quad IPv4, parsed in C
        return ipaddress.IPv4Address(socket.inet_pton(socket.AF_INET, text))
    except (OSError, ValueError):  # (ValueError: a NUL character in the text)
        pass
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def ip_network_key(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """The /24 (IPv4) or /48 (IPv6) an address belongs to: the unit of "same range"."""
    if ip.version == 4:
        return f"{ipaddress.IPv4Address(int(ip) & 0xFFFFFF00)}/24"
    return f"{ipaddress.IPv6Address(int(ip) & ~((1 << 80) - 1))}/48"


def fingerprint(kind: str, value: str, salt: str) -> str:
    """Salted SHA-256 of an identifier, kept after personal data is removed."""
    return hashlib.sha256(f"{salt}\x1f{kind}\x1f{value}".encode()).hexdigest()
