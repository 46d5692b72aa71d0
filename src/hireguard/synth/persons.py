"""Building blocks of one synthetic applicant: identity, career, profiles, browser session.

Everything is drawn from one ``random.Random`` passed in, so a population is reproducible
from its seed. The functions return plain dicts in the contract's shape.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hireguard.synth import careers, netdata, text
from hireguard.synth.names import ORIGIN_HOME, ORIGINS, RESIDENT_ORIGINS, Origin, native_name
from hireguard.synth.places import (
    COUNTRIES,
    RESIDENCE_WEIGHTS,
    City,
    Country,
    postal_code,
    street_line,
    unit_line,
)

UTC = dt.UTC
T = TypeVar("T")


class FastRandom(random.Random):
    """``random.Random`` with integer draws made from one ``random()`` call.

    The standard integer draws reject and retry on bits; at the generator's scale (sequences
    far below 2**53) a scaled float is as good and three times faster. Still seeded and
    reproducible; only the stream of values differs from ``random.Random``'s.
    """

    def _randbelow(self, n: int) -> int:  # type: ignore[override]
        return int(self.random() * n)

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def sample(self, population: Sequence[T], k: int, *, counts: object = None) -> list[T]:  # type: ignore[override]
        pool = list(population)
        n = len(pool)
        if not 0 <= k <= n:
            raise ValueError("sample larger than population or negative")
        rnd = self.random
        for i in range(k):
            j = i + int(rnd() * (n - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


_WEIGHT_TABLES: dict[int, tuple[object, tuple[str, ...], tuple[float, ...]]] = {}


def weighted(
    rng: random.Random, pairs: tuple[tuple[str, float], ...] | list[tuple[str, float]]
) -> str:
    """A key drawn from ``(key, weight)`` pairs.

    The pairs are nearly always module constants or literals, so their cumulative weights
    are kept by object identity (the table holds the object, so its id is never reused).
    """
    table = _WEIGHT_TABLES.get(id(pairs))
    if table is None:
        keys = tuple(k for k, _ in pairs)
        cum: list[float] = []
        total = 0.0
        for _, w in pairs:
            total += w
            cum.append(total)
        table = (pairs, keys, tuple(cum))
        if len(_WEIGHT_TABLES) < 4096:
            _WEIGHT_TABLES[id(pairs)] = table
    _, keys, cums = table
    return keys[bisect.bisect(cums, rng.random() * cums[-1], 0, len(keys) - 1)]


@functools.cache
def _city_cumulative(code: str) -> tuple[float, ...]:
    out: list[float] = []
    total = 0.0
    for c in COUNTRIES[code].cities:
        total += c.weight
        out.append(total)
    return tuple(out)


def pick_city(rng: random.Random, country: Country) -> City:
    cum = _city_cumulative(country.code)
    return country.cities[min(len(cum) - 1, bisect.bisect(cum, rng.random() * cum[-1]))]


_RESIDENCE = tuple(RESIDENCE_WEIGHTS.items())


def pick_residence(rng: random.Random) -> str:
    return weighted(rng, _RESIDENCE)


@functools.cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@functools.cache
def ascii_fold(s: str) -> str:
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def hex_id(rng: random.Random, bits: int) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def sha256_of(rng: random.Random) -> str:
    """A salted hash of a number we never invent: 64 random hex digits look the same."""
    return hashlib.sha256(rng.getrandbits(128).to_bytes(16, "big")).hexdigest()


# ── identity ──────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class Identity:
    first: str
    last: str
    full_name: str
    other_names: list[str]
    sex: str
    origin: Origin
    dob: dt.date
    nationality: str | None
    country: str  # residence
    city: City
    address: dict[str, Any]
    email: str
    phone: str
    phone_country: str
    languages: list[str]
    keyboards: list[str]
    first_gen: bool
    extra: dict[str, Any] = field(default_factory=dict)


@functools.cache
def _origin_mix(country: str, anglo_boost: float) -> tuple[tuple[str, float], ...]:
    mix = RESIDENT_ORIGINS.get(country, (("anglo", 1.0),))
    return tuple((k, w * anglo_boost if k == "anglo" else w) for k, w in mix)


def pick_origin(rng: random.Random, country: str, anglo_boost: float = 1.0) -> Origin:
    return ORIGINS[weighted(rng, _origin_mix(country, anglo_boost))]


def pick_dob(
    rng: random.Random, now: dt.date, *, young: bool = False, older: bool = False
) -> dt.date:
    if young:
        year = rng.randint(1999, 2004)
    elif older:
        year = rng.randint(1960, 1985)
    else:
        year = min(2004, max(1960, int(rng.triangular(1962, 2003, 1992))))
    return dt.date(year, rng.randint(1, 12), rng.randint(1, 28))


def make_address(rng: random.Random, country: Country, city: City) -> dict[str, Any]:
    addr: dict[str, Any] = {"line1": street_line(rng, country)}
    unit = unit_line(rng, country)
    if unit:
        addr["line2"] = unit
    addr["city"] = city.name
    addr["region"] = city.region
    addr["postal_code"] = postal_code(rng, city.postal)
    addr["country"] = country.code
    return addr


_MAIL_SEPARATORS = (".", "", "_", ".", "")


def email_for(
    rng: random.Random,
    first: str,
    last: str,
    dob: dt.date,
    domains: tuple[tuple[str, float], ...],
    *,
    own_domain: float = 0.04,
) -> str:
    f, l_ = ascii_fold(first) or "user", ascii_fold(last) or "mail"
    if rng.random() < own_domain:
        return (
            f"{rng.choice((f, f[0] + l_, 'hello', 'me', 'contact'))}@{l_ or f}."
            f"{rng.choice(('dev', 'com', 'io', 'me', 'net'))}"
        )
    sep = rng.choice(_MAIL_SEPARATORS)
    pattern = rng.random()
    if pattern < 0.35:
        local = f"{f}{sep}{l_}"
    elif pattern < 0.5:
        local = f"{f[0]}{sep}{l_}"
    elif pattern < 0.62:
        local = f"{l_}{sep}{f}"
    elif pattern < 0.8:
        digits = rng.choice((str(dob.year % 100), str(dob.year), str(rng.randrange(1, 999))))
        local = f"{f}{sep}{l_}{digits}"
    elif pattern < 0.9:
        local = f"{f}{rng.randrange(1, 9999)}"
    else:
        local = f"{f}{sep}{l_[0]}{rng.randrange(10, 99)}"
    return f"{local}@{weighted(rng, domains)}"


def phone_for(
    rng: random.Random, country: str, city: City | None, *, style: str | None = None
) -> str:
    if style is None:
        style = weighted(
            rng, (("national", 62.0), ("international", 22.0), ("e164", 10.0), ("compact", 6.0))
        )
    if country in ("US", "CA"):
        area = (
            rng.choice(city.area_codes)
            if city and city.area_codes
            else rng.choice(netdata.phone_stems()[(country, "mobile")]).stem[:3]
        )
        return netdata.write_phone(rng, country, netdata.nanp_number(rng, area), None, style)
    kind = "mobile" if rng.random() < 0.9 else "fixed"
    nsn, stem = netdata.national_number(rng, country, kind)
    return netdata.write_phone(rng, country, nsn, stem, style)


def languages_for(
    rng: random.Random,
    country: Country,
    origin: Origin,
    *,
    first_gen: bool,
    extra: str | None = None,
) -> tuple[list[str], list[str]]:
    langs = [country.locale]
    primary = country.locale.split("-")[0]
    if primary != "en" and rng.random() < 0.45:
        langs.append("en-US")
    elif rng.random() < 0.5:
        langs.append(primary)
    heritage = origin.language
    home = ORIGIN_HOME.get(origin.key)
    if heritage and home != country.code and heritage.split("-")[0] != primary:
        chance = 0.55 if first_gen else 0.15
        if rng.random() < chance:
            langs.append(heritage)
    if country.second_locales and rng.random() < 0.15:
        langs.append(country.second_locales[0])
    if extra and extra not in langs:
        langs.append(extra)
    if primary != "en" and rng.random() < 0.15:
        langs = ["en-US", *[x for x in langs if x != "en-US"]]  # English browser UI
    keyboards = [country.keyboard]
    for lang in langs[1:]:
        base = lang.split("-")[0]
        if base in ("ko", "zh", "ja", "ru", "uk", "ar", "vi", "hi", "de", "fr", "pl", "es"):
            kb = lang if "-" in lang else {"ko": "ko-KR", "ja": "ja-JP"}.get(lang, lang)
            if kb not in keyboards and rng.random() < 0.7:
                keyboards.append(kb)
    return langs, keyboards


def _name_variants(
    rng: random.Random, origin: Origin, first: str, last: str, country: str, sex: str
) -> tuple[str, list[str]]:
    full = f"{first} {last}"
    others: list[str] = []
    home = ORIGIN_HOME.get(origin.key)
    if origin.family_first and home == country and rng.random() < 0.35:
        full = f"{last} {first}"
        others.append(f"{first} {last}")
    if origin.hyphen_given and "-" in first and rng.random() < 0.4:
        others.append(f"{first.replace('-', '')} {last}")
        if home != country and rng.random() < 0.3:
            others.append(f"{first.replace('-', ' ')} {last}")
    if (
        origin.key in ("chinese", "taiwanese", "korean", "vietnamese")
        and home != country
        and rng.random() < 0.25
    ):
        english = rng.choice(ORIGINS["anglo"].male if sex == "m" else ORIGINS["anglo"].female)
        others.append(full)
        full = f"{english} {last}"
    native = native_name(origin.key, first, last, sex == "f")
    if native and rng.random() < (0.5 if home == country else 0.3):
        others.append(native)
    if sex == "f" and rng.random() < 0.08:
        maiden = rng.choice(origin.surnames)
        if maiden != last:
            others.append(f"{first} {maiden}")
    if rng.random() < 0.12 and origin.key in ("anglo", "hispanic", "german", "french"):
        middle = rng.choice(origin.male if sex == "m" else origin.female)
        if middle != first:
            full = f"{first} {middle} {last}"
    return full, others


# Origins whose bearers are usually born where they live (no "first generation" schooling).
_NATIVE: dict[str, frozenset[str]] = {
    "US": frozenset({"anglo"}),
    "CA": frozenset({"anglo", "french"}),
    "GB": frozenset({"anglo"}),
    "IE": frozenset({"anglo"}),
    "AU": frozenset({"anglo"}),
    "AR": frozenset({"hispanic", "italian", "german"}),
    "BR": frozenset({"japanese", "italian", "german", "arab"}),
    "SG": frozenset({"chinese", "malay", "indian"}),
    "MY": frozenset({"chinese", "indian"}),
    "KE": frozenset({"indian"}),
    "ZA": frozenset({"anglo", "indian"}),
    "ES": frozenset({"spanish"}),
    "EG": frozenset({"egyptian"}),
}


def make_identity(
    rng: random.Random,
    now: dt.date,
    *,
    country: str | None = None,
    origin: Origin | None = None,
    dob: dt.date | None = None,
    first_gen: bool | None = None,
    young: bool = False,
    anglo_boost: float = 1.0,
) -> Identity:
    cc = country or pick_residence(rng)
    ctry = COUNTRIES[cc]
    org = origin or pick_origin(rng, cc, anglo_boost)
    home = ORIGIN_HOME.get(org.key, cc)
    if first_gen is None:
        first_gen = home != cc and org.key not in _NATIVE.get(cc, ()) and rng.random() < 0.5
    sex = "m" if rng.random() < 0.62 else "f"
    first = rng.choice(org.male if sex == "m" else org.female)
    last = rng.choice(org.surnames)
    full, others = _name_variants(rng, org, first, last, cc, sex)
    birth = dob or pick_dob(rng, now, young=young)
    city = pick_city(rng, ctry)
    if cc == "CA" and org.key == "french" and rng.random() < 0.85:  # mostly Quebecers
        city = rng.choice([c for c in ctry.cities if c.region == "QC"])
        first_gen = False
    nationality: str | None = None
    if rng.random() < 0.45:
        nationality = home if first_gen and rng.random() < 0.6 else cc
    langs, kbs = languages_for(rng, ctry, org, first_gen=first_gen)
    if city.region == "QC" and org.key == "french":
        langs = ["fr-CA", "en-CA"] if rng.random() < 0.6 else ["en-CA", "fr-CA"]
        kbs = ["fr-CA"] if rng.random() < 0.7 else ["fr-CA", "en-US"]
    return Identity(
        first=first,
        last=last,
        full_name=full,
        other_names=others,
        sex=sex,
        origin=org,
        dob=birth,
        nationality=nationality,
        country=cc,
        city=city,
        address=make_address(rng, ctry, city),
        email=email_for(rng, first, last, birth, ctry.email_domains),
        phone=phone_for(rng, cc, city),
        phone_country=cc,
        languages=langs,
        keyboards=kbs,
        first_gen=first_gen,
    )


# ── career ────────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class Career:
    track: careers.Track
    education: list[dict[str, Any]]
    experience: list[dict[str, Any]]
    years: int
    current_title: str
    employer: str
    prev: str
    skills: list[str]
    career_start: dt.date


def pick_track(rng: random.Random, job_track: str) -> careers.Track:
    if rng.random() < 0.8:
        return careers.TRACK_BY_KEY[job_track]
    return careers.TRACK_BY_KEY[weighted(rng, _TRACK_WEIGHTS)]


_TRACK_WEIGHTS = tuple((t.key, t.weight) for t in careers.TRACKS)


def _ym(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _ym_of(months: int) -> str:
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def make_career(
    rng: random.Random,
    now: dt.date,
    dob: dt.date,
    track: careers.Track,
    *,
    edu_country: str,
    work_countries: tuple[str, ...],
    new_grad: bool = False,
    gap_months: int = 0,
    years_claimed: int | None = None,
) -> Career:
    """Education from about 18, then jobs until ``now`` (or a gap before it)."""
    start_year = dob.year + rng.choice((18, 18, 19, 19, 20, 21))
    if years_claimed is not None:
        start_year = max(dob.year + 17, min(start_year, now.year - years_claimed - 4))
    length = rng.choice((3, 4, 4, 4, 5)) if edu_country not in ("GB", "DE", "NL") else 3
    end_year = start_year + length
    education: list[dict[str, Any]] = []
    no_degree = not new_grad and rng.random() < 0.07
    if not no_degree:
        bach = careers.DEGREES_BACHELOR.get(edu_country, careers.DEGREES_BACHELOR["default"])
        education.append(
            {
                "institution": rng.choice(
                    careers.UNIVERSITIES.get(edu_country, careers.UNIVERSITIES["US"])
                ),
                "degree": rng.choice(bach),
                "field": rng.choice(track.fields),
                "country": edu_country,
                "start_year": start_year,
                "end_year": end_year,
            }
        )
        if (
            rng.random() < (0.3 if edu_country in ("IN", "CN", "KR", "DE", "PL", "UA") else 0.18)
            and end_year + 3 < now.year
        ):
            mcountry = edu_country if rng.random() < 0.6 else work_countries[0]
            mstart = end_year + rng.choice((0, 0, 1, 2))
            mast = careers.DEGREES_MASTER.get(mcountry, careers.DEGREES_MASTER["default"])
            education.append(
                {
                    "institution": rng.choice(
                        careers.UNIVERSITIES.get(mcountry, careers.UNIVERSITIES["US"])
                    ),
                    "degree": rng.choice(mast),
                    "field": rng.choice(track.fields),
                    "country": mcountry,
                    "start_year": mstart,
                    "end_year": mstart + 2,
                }
            )
            end_year = mstart + 2
    if new_grad:
        end_year = min(end_year, now.year)
        if education:
            education[-1]["end_year"] = end_year
    # months are counted as year * 12 + month - 1
    first_m = min(end_year, now.year) * 12 + rng.randint(5, 8)
    if no_degree:
        first_m = (dob.year + rng.randint(18, 22)) * 12 + rng.randint(0, 11)
    stop_m = now.year * 12 + now.month - 1 - gap_months
    experience: list[dict[str, Any]] = []
    cursor = first_m
    level = 0
    titles = track.titles
    n_titles = len(titles)
    if new_grad:
        if rng.random() < 0.6:
            intern = max(end_year - 1, dob.year + 19) * 12 + 5
            experience.append(
                {
                    "employer": rng.choice(
                        careers.EMPLOYERS.get(work_countries[0], careers.EMPLOYERS["US"])
                    ),
                    "title": "Software Engineering Intern"
                    if track.github > 0.3
                    else f"{titles[0]} Intern",
                    "country": work_countries[0],
                    "start": _ym_of(intern),
                    "end": _ym_of(intern + 3),
                }
            )
    else:
        horizon = stop_m - 12 * rng.randint(9, 16)
        if cursor < horizon:  # resumes list the last decade or so; earlier roles are folded
            level = min(n_titles - 1, (horizon - cursor) // 48)
            cursor = horizon
        recent = (now.year - 6) * 12
        last_wc = len(work_countries) - 1
        employers_by_country = careers.EMPLOYERS
        while cursor < stop_m:
            end = cursor + rng.randint(14, 60)
            wc = work_countries[0 if cursor < recent else last_wc]
            current = end >= stop_m
            experience.append(
                {
                    "employer": rng.choice(
                        employers_by_country.get(wc) or employers_by_country["US"]
                    ),
                    "title": titles[level if level < n_titles else n_titles - 1],
                    "country": wc,
                    "start": _ym_of(cursor),
                    "end": None if current and gap_months == 0 else _ym_of(min(end, stop_m)),
                }
            )
            if current:
                break
            cursor = end + rng.choice((0, 0, 1, 2, 4))
            if rng.random() < 0.7:
                level += 1
    if rng.random() < 0.5:
        experience.reverse()  # both orders are common
    first_job = dt.date(first_m // 12, first_m % 12 + 1, 1)
    years = max(0, now.year - first_job.year) if experience and not new_grad else 0
    latest = max(experience, key=lambda e: e["start"]) if experience else None
    others = [e for e in experience if e is not latest]
    skills = rng.sample(track.skills, min(len(track.skills), rng.randint(4, 9)))
    return Career(
        track=track,
        education=education,
        experience=experience,
        years=years,
        current_title=latest["title"] if latest else f"{titles[0]}",
        employer=latest["employer"]
        if latest
        else (education[-1]["institution"] if education else "a startup"),
        prev=others[0]["employer"]
        if others
        else (education[0]["institution"] if education else "freelance work"),
        skills=skills,
        career_start=first_job,
    )


# ── online profiles ───────────────────────────────────────────────────────────


def linkedin_slug(rng: random.Random, first: str, last: str) -> str:
    f, l_ = ascii_fold(first), ascii_fold(last)
    r = rng.random()
    if r < 0.35:
        return f"{f}{l_}"
    if r < 0.7:
        return f"{f}-{l_}-{hex_id(rng, 32)[: rng.choice((6, 8))]}"
    if r < 0.85:
        return f"{f}-{l_}"
    return f"{f[0]}{l_}{rng.randrange(1, 99)}"


def github_handle(rng: random.Random, first: str, last: str) -> str:
    f, l_ = ascii_fold(first), ascii_fold(last)
    r = rng.random()
    if r < 0.3:
        return f"{f[0]}{l_}"
    if r < 0.5:
        return f"{f}{l_}"
    if r < 0.65:
        return f"{f}-{l_}"
    if r < 0.72:
        return f"{f}{rng.randrange(1, 999)}"
    if r < 0.85:
        return rng.choice(("the", "dev", "code", "hack", "byte")) + f"{f}{rng.randrange(10, 99)}"
    # a nickname that says nothing about the name
    return rng.choice(_NICK_A) + rng.choice(_NICK_B) + rng.choice(("", "", str(rng.randrange(100))))


_NICK_A = (
    "pixel",
    "null",
    "quiet",
    "rusty",
    "lazy",
    "cosmic",
    "tiny",
    "neon",
    "binary",
    "paper",
    "blue",
    "iron",
    "silent",
    "happy",
    "dark",
)
_NICK_B = (
    "fox",
    "ptr",
    "owl",
    "coder",
    "panda",
    "wave",
    "byte",
    "cat",
    "loop",
    "moth",
    "stack",
    "bear",
    "otter",
    "lambda",
    "rook",
)


def _date_between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    if b <= a:
        return a
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


_ORD_2005 = dt.date(2005, 1, 1).toordinal()
_ORD_2009 = dt.date(2009, 1, 1).toordinal()
_ORD_2010 = dt.date(2010, 1, 1).toordinal()


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _between(rng: random.Random, a: int, b: int) -> int:
    """A day (proleptic ordinal) between ``a`` and ``b`` inclusive; ``a`` when b < a."""
    return a if b <= a else a + int(rng.random() * (b - a + 1))


def honest_profiles(
    rng: random.Random,
    ident: Identity,
    career: Career,
    now: dt.date,
    *,
    returner: bool = False,
    new_grad: bool = False,
) -> list[dict[str, Any]]:
    """LinkedIn (most people), GitHub (by line of work), now and then Stack Overflow.

    Dates are day ordinals: accounts open at 16-17 at the earliest, LinkedIn around the
    first job, activity in the last months (a returner's long before, with a fresh edit).
    """
    profiles: list[dict[str, Any]] = []
    today = now.toordinal()
    born = ident.dob.toordinal()
    rnd = rng.random
    if rnd() < 0.82:
        earliest = max(_ORD_2005, born + 365 * 17)
        created = _between(
            rng, earliest, min(today - 60, max(earliest, career.career_start.toordinal() + 400))
        )
        if returner:
            last_act = _between(rng, created, today - 700)
            updated = today - 1 - int(rnd() * 39)
        else:
            updated = _between(rng, max(created, today - 500), today)
            last_act = _between(rng, max(created, today - 300), today)
        years_on = max(0.2, (today - created) / 365)
        if new_grad:
            connections = 20 + int(rnd() * 240)
        else:
            connections = int(min(30000, rng.lognormvariate(4.3, 0.9) * min(years_on, 10) / 4 + 10))
        p: dict[str, Any] = {
            "network": "linkedin",
            "url": "https://www.linkedin.com/in/" + linkedin_slug(rng, ident.first, ident.last),
            "created_on": _iso(created),
        }
        if rnd() < 0.9:
            p["updated_on"] = _iso(updated)
        if rnd() < 0.8:
            p["last_activity_on"] = _iso(min(last_act, today))
        if rnd() < 0.9:
            p["connections"] = connections
        profiles.append(p)
    if rnd() < career.track.github:
        earliest = max(_ORD_2009, born + 365 * 16)
        if new_grad:
            created = _between(rng, max(earliest, today - 900), today - 20)
        else:
            created = _between(rng, earliest, today - 120)
        age_years = (today - created) / 365
        repos = int(rng.lognormvariate(2.3, 0.9) * min(1.0, age_years / 3 + 0.15))
        handle = github_handle(rng, ident.first, ident.last)
        g: dict[str, Any] = {
            "network": "github",
            "handle": handle,
            "created_on": _iso(created),
            "public_repos": repos,
        }
        if rnd() < 0.5:
            g["url"] = f"https://github.com/{handle}"
        if rnd() < 0.6:
            g["last_activity_on"] = _iso(_between(rng, max(created, today - 400), today))
        profiles.append(g)
    if career.track.github > 0.4 and rnd() < 0.06:
        profiles.append(
            {
                "network": "stackoverflow",
                "url": f"https://stackoverflow.com/users/{rng.randrange(10**5, 3 * 10**7)}",
                "created_on": _iso(_between(rng, max(_ORD_2010, born + 365 * 16), today - 200)),
            }
        )
    return profiles


# ── browser session ───────────────────────────────────────────────────────────


@functools.cache
def _device_cumulative(cheap_bias: float, mac_bias: float) -> tuple[float, ...]:
    out: list[float] = []
    total = 0.0
    for d in careers.DEVICES:
        total += d[0] * (cheap_bias if d[1] == "win_cheap" else mac_bias if d[1] == "mac" else 1.0)
        out.append(total)
    return tuple(out)


@functools.cache
def _user_agents(index: int) -> tuple[str, ...]:
    """Every user-agent string device ``index`` can send (one per browser version)."""
    template = careers.DEVICES[index][2]
    if "Firefox" in template:
        return tuple(template.format(f=f) for f in careers.FIREFOX_VERSIONS)
    if "Version/" in template:
        return tuple(template.format(s=v) for v in careers.SAFARI_VERSIONS)
    return tuple(template.format(v=v) for v in careers.CHROME_VERSIONS)


def pick_device(
    rng: random.Random, *, cheap_bias: float = 1.0, mac_bias: float = 1.0
) -> dict[str, Any]:
    cum = _device_cumulative(cheap_bias, mac_bias)
    devices = careers.DEVICES
    pick = bisect.bisect(cum, rng.random() * cum[-1])
    index = min(pick, len(devices) - 1)
    _, _os, _ua, screens, cores, mem, gpus = devices[index]
    ua_s = rng.choice(_user_agents(index))
    w, h = rng.choice(screens)
    out: dict[str, Any] = {
        "user_agent": ua_s,
        "screen": {"width": w, "height": h},
        "hardware_concurrency": rng.choice(cores),
    }
    if "Chrome" in ua_s:  # Firefox and Safari do not expose device memory
        out["device_memory_gb"] = rng.choice(mem)
    out["gpu_renderer"] = rng.choice(gpus)
    out["device_id"] = "fp_" + hex_id(rng, 48)
    return out


def local_time(day: dt.date, hour: float, tz: str) -> dt.datetime:
    seconds = int(hour * 3600) % 86400
    return dt.datetime(
        day.year,
        day.month,
        day.day,
        seconds // 3600,
        (seconds // 60) % 60,
        seconds % 60,
        tzinfo=zone(tz),
    )


def offset_minutes(when_utc: dt.datetime, tz: str) -> int:
    off = when_utc.astimezone(zone(tz)).utcoffset()
    return int(off.total_seconds() // 60) if off is not None else 0


def honest_hour(rng: random.Random) -> float:
    """Local hour of day an honest applicant sends an application."""
    r = rng.random()
    if r < 0.72:
        return rng.uniform(8.5, 18.5)
    if r < 0.94:
        return rng.uniform(18.5, 23.9)
    return rng.uniform(0, 8.5)


def build_session(
    rng: random.Random,
    device: dict[str, Any],
    ip: str,
    tz: str,
    offset: int,
    languages: list[str],
    keyboards: list[str],
) -> dict[str, Any]:
    s: dict[str, Any] = {
        "ip": ip,
        "user_agent": device["user_agent"],
        "timezone": tz,
        "utc_offset_minutes": offset,
        "languages": list(languages),
    }
    if rng.random() < 0.6:
        s["keyboard_layouts"] = list(keyboards)
    s["screen"] = dict(device["screen"])
    s["hardware_concurrency"] = device["hardware_concurrency"]
    if "device_memory_gb" in device:
        s["device_memory_gb"] = device["device_memory_gb"]
    s["gpu_renderer"] = device["gpu_renderer"]
    s["device_id"] = device["device_id"]
    return s


def rfc3339(when_utc: dt.datetime, offset: int, *, zulu: bool) -> str:
    """``2026-09-03T15:42:10-05:00`` (local time with the browser's offset) or ``...Z``."""
    t = when_utc if zulu else when_utc + dt.timedelta(minutes=offset)
    stamp = f"{t.year:04d}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    if zulu:
        return stamp + "Z"
    o = abs(offset)
    return f"{stamp}{'+' if offset >= 0 else '-'}{o // 60:02d}:{o % 60:02d}"


# ── resume and letter ─────────────────────────────────────────────────────────

CHANNEL_NAMES = {
    "linkedin": "LinkedIn",
    "job_board": "Indeed",
    "careers_site": "your site",
    "referral": "a referral",
    "staffing_agency": "the agency portal",
    "telegram": "Telegram",
    "other": "a newsletter",
}


def resume_block(
    rng: random.Random, ident: Identity, career: Career, *, text_override: str | None = None
) -> dict[str, Any]:
    role = career.current_title
    summary = text_override or text.resume_summary(
        rng,
        skills=career.skills,
        role=role,
        years=career.years,
        employer=career.employer,
        prev=career.prev,
        city=ident.city.name,
    )
    r: dict[str, Any] = {"text": summary}
    if rng.random() < 0.85:
        r["skills"] = list(career.skills)
    if career.education:
        r["education"] = career.education
    if career.experience:
        r["experience"] = career.experience
    return r


def letter_for(
    rng: random.Random, ident: Identity, career: Career, job: str, source: str, style: str
) -> str:
    team = rng.choice(("Hiring Team", "Recruiting Team", "Talent Team", "team"))
    return text.cover_letter(
        rng,
        style=style,
        name=ident.full_name,
        job=job,
        skills=career.skills,
        years=career.years,
        employer=career.employer,
        prev=career.prev,
        company_team=team,
        channel=CHANNEL_NAMES.get(source, "your site"),
    )
