"""Helpers shared by the list parsers: countries, dates of birth, text cleaning."""

from __future__ import annotations

import functools
import re

from rigour.territories import lookup_territory

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")
_MON_YEAR = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_RANGE = re.compile(r"^(.*\d{4})\s+to\s+(.*\d{4})$")


@functools.lru_cache(maxsize=4096)
def country_code(text: str | None) -> str | None:
    """ISO 3166 alpha-2 code (lower case) of a country as a list writes it, or None.

    Uses rigour's territory names ("Korea, North", "Democratic People's Republic of
    Korea", "Burma" ...); a value it does not know is dropped rather than guessed.
    """
    if not text or not text.strip():
        return None
    text = text.strip().rstrip(".")
    if len(text) == 2 and text.isalpha():
        return text.lower()
    territory = lookup_territory(text)
    if territory is None:
        return None
    code = territory.ftm_country or territory.code
    return code[:2].lower() if code and len(code) >= 2 else None


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str:
    if month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def parse_date_text(text: str) -> list[str]:
    """Dates of birth as OFAC and others write them, as ISO prefixes.

    ``08 Jan 1984`` → ``1984-01-08``; ``Mar 1958`` → ``1958-03``; ``1962`` → ``1962``;
    ``circa 1947`` → ``~1947``; ``1960 to 1962`` → the years ``1960``, ``1961``, ``1962``
    (a range of whole years; wider ranges keep their ends only). Unreadable text gives [].
    """
    text = text.strip().rstrip(".").strip()
    approx = ""
    low = text.lower()
    for word in ("circa", "approximately", "approx.", "about", "ca."):
        if low.startswith(word):
            approx = "~"
            text = text[len(word) :].strip()
            break
    m = _RANGE.match(text)
    if m:
        start, end = parse_date_text(m.group(1)), parse_date_text(m.group(2))
        if start and end:
            y1, y2 = int(start[0].lstrip("~")[:4]), int(end[0].lstrip("~")[:4])
            if 0 <= y2 - y1 <= 5:
                return [str(y) for y in range(y1, y2 + 1)]
            return [start[0], end[0]]
        return start + end
    m = _DAY_MON_YEAR.match(text)
    if m and m.group(2).lower() in _MONTHS:
        return [approx + iso_date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))]
    m = _MON_YEAR.match(text)
    if m and m.group(1).lower() in _MONTHS:
        return [approx + iso_date(int(m.group(2)), _MONTHS[m.group(1).lower()])]
    m = _YEAR.match(text)
    if m:
        return [approx + m.group(1)]
    m = _ISO.match(text)
    if m:
        month = int(m.group(2)) if m.group(2) and m.group(2) != "00" else None
        day = int(m.group(3)) if m.group(3) and m.group(3) != "00" and month else None
        return [approx + iso_date(int(m.group(1)), month, day)]
    return []


def clean(text: str | None) -> str:
    """Whitespace collapsed; None and OFAC's ``-0-`` become the empty string."""
    if text is None:
        return ""
    text = " ".join(text.split())
    return "" if text == "-0-" else text


def dedupe(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
