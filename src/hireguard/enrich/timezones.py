"""Time-zone facts from the IANA database shipped in ``tzdata``.

Which country a zone belongs to (``zone.tab``, with the backward links of ``tzdata.zi``
resolved), a zone's real UTC offset on a date, and every offset a country's clocks show
on a date. All public-domain tz data; nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    root = importlib.resources.files("tzdata.zoneinfo")
    zone_country: dict[str, str] = {}
    country_zones: dict[str, list[str]] = {}
    for line in root.joinpath("zone.tab").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        cc, zone = cols[0], cols[2]
        zone_country[zone] = cc
        country_zones.setdefault(cc, []).append(zone)
    # Backward links ("L Asia/Shanghai PRC"): a link belongs to its target's country.
    for line in root.joinpath("tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            _, target, link = line.split()[:3]
            if target in zone_country and link not in zone_country:
                zone_country[link] = zone_country[target]
    return zone_country, {k: tuple(v) for k, v in country_zones.items()}


def zone_country(zone: str) -> str | None:
    """ISO country of an IANA zone name (``Asia/Shanghai`` → ``CN``); None for ``UTC`` etc."""
    return _tables()[0].get(zone)


def country_zones(country: str) -> tuple[str, ...]:
    return _tables()[1].get(country, ())


#: What an IANA time-zone name can be: letters, digits and ``/_+-``, at most 64 characters
#: (the longest in use, America/Argentina/ComodRivadavia, has 32).
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+){0,3}")


@functools.lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo | None:
    """The zone, kept: ``ZoneInfo`` itself holds only a few strongly, and re-reading the
    tz file for each new date costs more than the offset arithmetic."""
    if len(name) > 64 or not _ZONE_NAME.fullmatch(name):
        return None  # no IANA name: not looked up as a file (too long, NUL, other letters)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


@functools.lru_cache(maxsize=131072)
def zone_offset_minutes(zone: str, day: dt.date) -> int | None:
    """The zone's UTC offset at noon UTC on ``day``, in minutes east; None if unknown zone."""
    tz = _zone(zone)
    if tz is None:
        return None
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    offset = moment.astimezone(tz).utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


@functools.lru_cache(maxsize=131072)
def country_offsets_minutes(country: str, day: dt.date) -> frozenset[int]:
    """Every UTC offset (minutes east) the country's zones show on ``day``."""
    offsets = {zone_offset_minutes(z, day) for z in country_zones(country)}
    return frozenset(o for o in offsets if o is not None)


def is_known_zone(zone: str) -> bool:
    return zone_offset_minutes(zone, dt.date(2000, 1, 1)) is not None
