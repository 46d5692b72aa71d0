"""Normalised facts about an applicant's own identifiers (made once, at intake)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class PhoneFacts:
    raw: str
    e164: str | None = None
    region: str | None = None  # ISO country the number belongs to
    valid: bool = False
    possible: bool = False
    number_type: str | None = None  # mobile, fixed_line, voip, toll_free, ...
    had_country_code: bool = False
    assumed_region: str | None = None  # region used to parse a number without a country code
    parse_error: str | None = None


@dataclass(slots=True)
class EmailFacts:
    raw: str
    address: str  # lower-cased, trimmed
    local: str
    domain: str
    canonical: str  # provider rules applied (gmail dots, +tags): for linking
    valid: bool = True


@dataclass(slots=True)
class NameFacts:
    """The applicant's names, normalised once for matching (never for scoring on their own)."""

    full_name: str
    latin: str  # NFKC, transliterated to Latin, case-folded, punctuation removed
    tokens: tuple[str, ...]
    other_latin: tuple[str, ...] = ()
