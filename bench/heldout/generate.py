# ruff: noqa: E501  (long literal tables and f-strings)
"""Held-out population of labelled job applications (contract: application.schema.json).

Independent of ``hireguard.synth``: people, places and scheme variants are drawn from
``world.py`` and from the behaviours documented in ``shared/data/dprk/BEHAVIOURS.md``
(keys of ``SOURCES.md`` in the comments). Every record carries
``label = {is_fraud, scheme, group, tells, traits, ring_id, benign_group}``; ``group`` is
the coarse name-origin group, used only to measure fairness; ``tells`` (fraud) and
``traits`` (honest) say what was planted, for the analysis; ``ring_id`` names the operator
whose personas a fraud application belongs to, ``benign_group`` an honest household or
agency batch (for ``bench/linkage/ring_quality.py --source heldout``). Fraud applications draw a small number of tells: most show
one to three, a few none that a screener can see.

    python bench/heldout/generate.py -n 10000 --seed 1 -o heldout.jsonl
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import phonenumbers
from world import (  # type: ignore[import-not-found]
    BIG_EMPLOYERS,
    CLAIMED,
    COUNTRIES,
    COVER_ROLES,
    EMPLOYER_A,
    EMPLOYER_B,
    EMPLOYER_C,
    ENGLISH_NICKNAMES,
    FRAUD_GROUP_BY_CLAIM,
    HANGUL,
    HANZI,
    HOMES,
    HONEST_GROUP_SHARE,
    NAMES,
    NONDEV_PAST,
    NONTECH_ROLES,
    OPERATOR_BASES,
    ORIGIN,
    TECH_ROLES,
    VPN_LISTED,
    VPN_UNLISTED,
    Country,
)

DPRK_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "dprk"
Json = dict[str, Any]
AREA_CODES = {
    "US": (
        213,
        310,
        408,
        206,
        512,
        713,
        312,
        303,
        602,
        212,
        201,
        404,
        305,
        617,
        313,
        615,
        703,
        929,
    ),
    "CA": (416, 604, 514, 647),
}

# ------------------------------------------------------------------- scheme definitions
# Scheme -> (share of fraud, tells it can show with relative weights). Sources per scheme
# are listed in docs/heldout.md.
SCHEMES: dict[str, tuple[float, dict[str, float]]] = {
    "laptop_farm": (
        0.20,
        {  # PSA24, DOJCHAP, DOJKNOOT, DOJ0630
            "ship_farm": 4,
            "rmm_tools": 2,
            "kvm": 1,
            "virtual_display": 1,
            "cheap_hw": 1,
            "video_declined": 1.5,
            "camera_off": 1,
            "pay_payroll_card": 1,
            "github_new": 1,
            "email_persona": 1,
            "phone_odd_format": 1,
            "resume_copied": 1,
            "tz_operator": 1,
            "ip_burst": 1.5,
            "shared_device": 0.8,
            "shared_ssn": 0.4,
            "exp_inflated": 0.6,
        },
    ),
    "identity_rental": (
        0.12,
        {  # PSA24, BLEEP1202 (frontmen paid 20-35 % of salary)
            "pay_third_party": 2,
            "pay_money_service": 1.5,
            "ship_other": 1.5,
            "rmm_tools": 1,
            "tz_operator": 1,
            "vpn_listed": 1,
            "night_interview": 0.7,
            "camera_off": 0.7,
            "cover_generic": 1,
            "shared_payout": 1,
        },
    ),
    "hijacked_profile": (
        0.13,
        {  # seed (Amazon), MNDPOD, KB4
            "linkedin_dormant": 5,
            "github_new": 2,
            "email_other_name": 1.5,
            "tz_operator": 1,
            "vpn_unlisted": 1,
            "video_declined": 1,
            "phone_invalid": 0.7,
            "cover_generic": 1,
            "exp_inflated": 0.5,
            "profile_other_name": 1.2,
        },
    ),
    "vpn_operator": (
        0.17,
        {  # SCW24, MNDPOD, LVLB, ADV22
            "astrill_known": 1.5,
            "vpn_listed": 2,
            "vpn_unlisted": 2,
            "tz_operator": 2,
            "tz_spoofed": 1.5,
            "webrtc_leak": 1.5,
            "astrill_client": 1.2,
            "pay_crypto": 1,
            "pay_money_service": 1,
            "night_interview": 1,
            "video_declined": 1,
            "ip_direct": 0.6,
        },
    ),
    "fabricated_persona": (
        0.16,
        {  # SpyCloud via PSA25, SEAL, DTEX, ADV22, MSFT25
            "email_persona": 2,
            "github_persona": 1.5,
            "github_new": 1.5,
            "github_aged": 0.7,
            "resume_copied": 2,
            "exp_inflated": 1,
            "tech_anachronism": 1,
            "jobs_overlap": 1,
            "degree_after_senior": 0.6,
            "cover_generic": 1.5,
            "phone_voip": 1,
            "phone_odd_format": 1,
            "video_declined": 1,
            "email_disposable": 0.5,
            "attributed_handle": 0.3,
            "front_company": 0.3,
        },
    ),
    "offshore_claimant": (
        0.10,
        {  # GTIG25, SOPH25 (Europe/Japan personas from CN/RU)
            "tz_operator": 2,
            "phone_foreign": 1.5,
            "bank_foreign": 1.5,
            "pay_money_service": 1.5,
            "vpn_listed": 1,
            "webrtc_leak": 1,
            "ip_direct": 1,
            "night_interview": 1,
            "cover_generic": 1,
            "video_declined": 1,
        },
    ),
    "nontech_role": (
        0.07,
        {  # SOPH25, OKTA25 (finance, healthcare, support since 2025)
            "vpn_listed": 1,
            "vpn_unlisted": 1,
            "tz_operator": 1.5,
            "pay_money_service": 1,
            "ship_other": 1,
            "cover_generic": 1.5,
            "resume_copied": 1,
            "video_declined": 1.5,
            "camera_off": 1,
            "email_persona": 0.8,
            "phone_odd_format": 0.8,
        },
    ),
    "referral_ring": (
        0.05,
        {  # ADV22, MNDPOD, GTIG25 (referrals of fellow operatives)
            "ref_ringmate": 3,
            "shared_phone": 1.5,
            "shared_device": 1,
            "shared_payout": 1,
            "tz_operator": 1,
            "vpn_listed": 1,
            "video_declined": 1,
            "github_new": 1,
        },
    ),
}
# Number of tells a fraud application shows: many one or two, a few none.
N_TELLS = ((0, 0.05), (1, 0.22), (2, 0.28), (3, 0.22), (4, 0.13), (5, 0.10))
STOCK = (
    "I am thrilled to apply for this exciting opportunity.",
    "I am confident that I would be a valuable asset to your esteemed organization.",
    "My passion for cutting-edge technology drives me to deliver results.",
    "I thrive in fast-paced, dynamic environments and am a quick learner.",
    "I am excited about the opportunity to contribute to your innovative team.",
    "Thank you for considering my application; I look forward to hearing from you.",
    "I have a proven track record of delivering high-quality solutions.",
)


def _pick(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _sha(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


class World:
    """Random draws of people, places and artefacts; deterministic for a seed."""

    def __init__(self, seed: int, start: dt.date) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.start = start
        self._phones: dict[str, set[int]] = {}
        self.emails: set[str] = set()
        self.astrill, self.fronts, self.handles = self._indicators()

    @staticmethod
    def _indicators() -> tuple[list[str], list[str], list[str]]:
        astrill, fronts, handles = ["104.129.55.3", "23.237.32.34"], ["Hopana Tech LLC"], ["0xlock"]
        try:
            with open(DPRK_DATA / "indicators.csv", newline="") as fh:
                for row in csv.DictReader(fh):
                    if row["kind"] == "vpn_exit_ip":
                        astrill.append(row["value"])
                    elif row["kind"] == "front_company":
                        fronts.append(row["value"])
            with open(DPRK_DATA / "derived" / "shortdoom_investigation_github_handles.csv") as fh:
                handles += [r["github_handle"].strip() for r in csv.DictReader(fh)]
        except OSError:
            pass
        return astrill, fronts, handles

    # -- networks and devices
    def ip(self, prefixes: Sequence[str]) -> str:
        parts = self.rng.choice(prefixes).split(".")
        return ".".join(parts + [str(self.rng.randint(1, 254)) for _ in range(4 - len(parts))])

    def phone(self, cc: str) -> phonenumbers.PhoneNumber:
        seen = self._phones.setdefault(cc, set())
        ex = phonenumbers.example_number_for_type(cc, phonenumbers.PhoneNumberType.MOBILE)
        nat = str(ex.national_number)
        while True:
            if cc in {"US", "CA"}:
                area = self.rng.choice(AREA_CODES[cc])
                digits = f"{area}{self.rng.randint(200, 999)}{self.rng.randint(0, 9999):04d}"
            else:
                keep = max(2, len(nat) - 7)
                digits = nat[:keep] + "".join(str(self.rng.randint(0, 9)) for _ in nat[keep:])
            num = phonenumbers.PhoneNumber(
                country_code=ex.country_code, national_number=int(digits)
            )
            if num.national_number not in seen and phonenumbers.is_valid_number(num):
                seen.add(num.national_number)
                return num

    def write_phone(self, num: phonenumbers.PhoneNumber, home: str) -> str:
        region = phonenumbers.region_code_for_number(num)
        fmt = phonenumbers.PhoneNumberFormat
        if region != home or self.rng.random() < 0.35:
            return phonenumbers.format_number(num, fmt.INTERNATIONAL)
        if self.rng.random() < 0.15:
            return phonenumbers.format_number(num, fmt.E164)
        return phonenumbers.format_number(num, fmt.NATIONAL)

    def hardware(self, cheap: bool) -> Json:
        if cheap:
            return {
                "screen": {"width": 1366, "height": 768},
                "hardware_concurrency": self.rng.choice((2, 4)),
                "device_memory_gb": self.rng.choice((4, 8)),
                "gpu_renderer": "ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0)",
            }
        return self.rng.choice(
            (
                {
                    "screen": {"width": 1728, "height": 1117},
                    "hardware_concurrency": 10,
                    "device_memory_gb": 16,
                    "gpu_renderer": "ANGLE (Apple, ANGLE Metal Renderer: Apple M2 Pro, Unspecified Version)",
                },
                {
                    "screen": {"width": 2560, "height": 1440},
                    "hardware_concurrency": 16,
                    "device_memory_gb": 32,
                    "gpu_renderer": "ANGLE (NVIDIA, NVIDIA GeForce RTX 3070 Direct3D11 vs_5_0 ps_5_0)",
                },
                {
                    "screen": {"width": 1920, "height": 1080},
                    "hardware_concurrency": 8,
                    "device_memory_gb": 16,
                    "gpu_renderer": "ANGLE (Intel, Intel(R) Iris(R) Xe Graphics Direct3D11 vs_5_0 ps_5_0)",
                },
            )
        )

    # -- text
    def employer(self) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(BIG_EMPLOYERS)
        return " ".join(
            filter(
                None,
                (
                    self.rng.choice(EMPLOYER_A),
                    self.rng.choice(EMPLOYER_B),
                    self.rng.choice(EMPLOYER_C),
                ),
            )
        )

    def bullets(self, skills: Sequence[str], k: int) -> list[str]:
        r = self.rng
        verbs = (
            "Built",
            "Designed",
            "Led",
            "Migrated",
            "Automated",
            "Maintained",
            "Rewrote",
            "Introduced",
            "Scaled",
            "Owned",
            "Reduced",
            "Mentored",
        )
        things = (
            "the billing pipeline",
            "an internal reporting tool",
            "the onboarding flow",
            "a claims-processing service",
            "the search index",
            "nightly batch jobs",
            "the customer portal",
            "a fraud-alert dashboard",
            "the release process",
            "our test suite",
            "the data warehouse",
            "a partner API",
            "the mobile checkout",
        )
        out = []
        for _ in range(k):
            out.append(
                f"{r.choice(verbs)} {r.choice(things)} using {r.choice(skills)} and "
                f"{r.choice(skills)}, cutting {r.choice(('latency', 'cost', 'errors', 'manual work', 'turnaround'))} "
                f"by {r.randint(8, 70)}% for {r.randint(2, 900)} {r.choice(('users', 'clients', 'teams', 'stores', 'clinics'))}"
                f" ({r.choice(('Q1', 'Q2', 'Q3', 'Q4'))} {r.randint(2015, 2026)})."
            )
        return out

    def cover(self, role: str, employer: str, generic: bool) -> str:
        r = self.rng
        if generic:  # writing-assistant letter: stock phrases, few specifics
            parts = ["Dear Hiring Manager,", *r.sample(STOCK, r.randint(3, 6))]
            if r.random() < 0.4:
                parts.insert(
                    2, f"In my last role at {employer} I shipped {r.randint(3, 30)} releases."
                )
            return " ".join(parts)
        return (
            f"Hello, I saw the {role} opening on your site. At {employer} I spent "
            f"{r.randint(1, 6)} years on {r.choice(('payments', 'search', 'logistics', 'claims', 'support tooling'))}; "
            f"we moved {r.randint(2, 40)} services off a legacy stack. I'd like to talk about your "
            f"{r.choice(('roadmap', 'platform team', 'data work', 'customer tooling'))}."
        )


def _submitted(w: World) -> dt.datetime:
    return dt.datetime.combine(
        w.start + dt.timedelta(days=w.rng.randint(0, 119)), dt.time(), tzinfo=dt.UTC
    ) + dt.timedelta(seconds=w.rng.randint(0, 86399))


def _offset(tz: str, when: dt.datetime) -> int:
    off = when.astimezone(ZoneInfo(tz)).utcoffset()
    return int(off.total_seconds() // 60) if off is not None else 0


def _postal(w: World, pattern: str) -> str:
    return "".join(
        str(w.rng.randint(0, 9))
        if ch == "9"
        else w.rng.choice("ABCDEFGHJKLMNPRSTUVWXY")
        if ch == "A"
        else ch
        for ch in pattern
    )


def _address(w: World, c: Country) -> tuple[Json, str]:
    city = w.rng.choice(c.cities)
    addr = {
        "line1": f"{w.rng.randint(1, 9999)} {w.rng.choice(('Oak', 'Main', 'Park', 'Lake', 'Hill', 'Station', 'Garden'))} "
        f"{w.rng.choice(('St', 'Ave', 'Rd', 'Blvd'))}",
        "city": city.name,
        "region": city.region,
        "postal_code": _postal(w, city.postal),
        "country": c.code,
    }
    return addr, city.tz


def _name(w: World, group: str) -> tuple[str, str, str, list[str]]:
    firsts, lasts = NAMES[group]
    first, last = w.rng.choice(firsts), w.rng.choice(lasts)
    others: list[str] = []
    if group == "korean" and last in HANGUL and w.rng.random() < 0.3:
        others.append(HANGUL[last] + "지우")
    if group == "chinese" and last in HANZI and w.rng.random() < 0.3:
        others.append(HANZI[last] + "伟")
    if group == "hispanic" and w.rng.random() < 0.35:
        last = f"{last} {w.rng.choice(NAMES['hispanic'][1])}"
    if group in {"korean", "chinese", "vietnamese"} and w.rng.random() < 0.25:
        nick = w.rng.choice(ENGLISH_NICKNAMES)  # adopted English name
        others.append(f"{first} {last}")
        first = nick
    full = (
        f"{last} {first}"
        if group in {"chinese", "vietnamese"} and w.rng.random() < 0.3
        else f"{first} {last}"
    )
    return full, first, last, others


def _ascii(s: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ch.isascii() and (ch.isalnum()))


def _email(w: World, first: str, last: str, home: str, birth_year: int) -> str:
    r = w.rng
    f, la = _ascii(first).lower(), _ascii(last.split()[0]).lower()
    domain = {
        "KR": ("naver.com", "gmail.com", "daum.net"),
        "CN": ("163.com", "qq.com", "gmail.com"),
        "JP": ("gmail.com", "yahoo.co.jp"),
        "RU": ("yandex.ru", "mail.ru", "gmail.com"),
        "DE": ("gmx.de", "web.de", "gmail.com"),
    }.get(home, ("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me"))
    d = r.choice(domain)
    if d == "qq.com" and r.random() < 0.6:
        return f"{r.randint(10**7, 10**10)}@qq.com"
    style = r.random()
    if style < 0.4:
        local = f"{f}.{la}"
    elif style < 0.6:
        local = f"{f}{la}{r.choice(('', str(birth_year % 100), str(r.randint(1, 99))))}"
    elif style < 0.75:
        local = f"{f[:1]}{la}{r.randint(1, 999)}"
    elif style < 0.9:
        local = f"{la}.{f}"
    else:  # handles people keep for decades
        local = r.choice(("skywalker", "nightowl", "coolcat", "bluefrog", "mango", "pixel")) + str(
            r.randint(1, 99)
        )
    email = f"{local}@{d}"
    while email in w.emails:  # addresses are unique: the provider adds a number
        email = f"{local}{r.randint(1, 9999)}@{d}"
    w.emails.add(email)
    return email


def _person(
    w: World, group: str, home: str, when: dt.datetime, role: str, tech: bool, traits: list[str]
) -> Json:
    """An honest person, or the identity a fraud persona borrows; traits name the twists."""
    r = w.rng
    c = COUNTRIES[home]
    full, first, last, others = _name(w, group)
    age = r.randint(22, 60)
    if "recent_graduate" in traits:
        age = r.randint(21, 26)
    birth = dt.date(when.year - age, r.randint(1, 12), r.randint(1, 28))
    addr, tz = _address(w, c)
    immigrant = home not in ORIGIN[group]
    school_cc = r.choice(ORIGIN[group]) if immigrant and r.random() < 0.6 else home
    grad = birth.year + r.choice((22, 22, 23, 24))
    edu = [
        {
            "institution": r.choice(COUNTRIES[school_cc].schools),
            "degree": r.choice(("BS", "BA", "BEng")),
            "field": r.choice(
                (
                    "Computer Science",
                    "Mathematics",
                    "Economics",
                    "Electrical Engineering",
                    "Business",
                )
            ),
            "country": school_cc,
            "start_year": grad - 4,
            "end_year": grad,
        }
    ]
    if r.random() < 0.25 and grad + 3 < when.year:
        ms_cc = home if r.random() < 0.7 else school_cc
        edu.append(
            {
                "institution": r.choice(COUNTRIES[ms_cc].schools),
                "degree": "MS",
                "field": "Computer Science",
                "country": ms_cc,
                "start_year": grad + 1,
                "end_year": grad + 3,
            }
        )
    skills = list((TECH_ROLES | NONTECH_ROLES)[role])
    exp: list[Json] = []
    cursor = dt.date(grad, r.randint(6, 9), 1)
    if "career_changer" in traits:
        years_before = r.randint(4, 12)
        exp.append(
            {
                "employer": w.employer(),
                "title": r.choice(NONDEV_PAST),
                "country": home,
                "start": cursor.strftime("%Y-%m"),
                "end": (cursor + dt.timedelta(days=365 * years_before)).strftime("%Y-%m"),
            }
        )
        cursor += dt.timedelta(days=365 * years_before + 200)
        edu.append(
            {
                "institution": "General Assembly (bootcamp)",
                "degree": "Certificate",
                "field": "Software Engineering",
                "country": home,
                "start_year": cursor.year,
                "end_year": cursor.year,
            }
        )
    end_all = (
        when.date() - dt.timedelta(days=365 * r.randint(1, 4))
        if "returning" in traits
        else when.date()
    )
    levels = ("", "", "Senior ", "Lead ")
    i = 0
    while cursor < end_all - dt.timedelta(days=200):
        stint = dt.timedelta(days=r.randint(300, 1800))
        end = min(cursor + stint, end_all)
        current = end >= when.date() - dt.timedelta(days=31)
        early = (
            role in {"Blockchain Developer", "Machine Learning Engineer", "DevOps Engineer"}
            and cursor.year < 2017
        )
        exp.append(
            {
                "employer": w.employer(),
                "title": "Software Engineer" if early else f"{levels[min(i, 3)]}{role}",
                "country": home if r.random() < 0.85 or not immigrant else school_cc,
                "start": cursor.strftime("%Y-%m"),
                "end": None if current else end.strftime("%Y-%m"),
            }
        )
        cursor = end + dt.timedelta(days=r.randint(15, 120))
        i += 1
    if "moonlighting" in traits and exp:
        s = exp[-1]["start"]
        exp.append(
            {"employer": w.employer(), "title": role, "country": home, "start": s, "end": None}
        )
    exp.reverse()
    years = max(0, when.year - (int(exp[-1]["start"][:4]) if exp else when.year))
    summary = f"{role} with {years}+ years of experience in {', '.join(r.sample(skills, 3))}."
    if "recent_graduate" in traits:
        summary = f"Recent {edu[0]['field']} graduate; internships and projects in {', '.join(r.sample(skills, 2))}."
    resume = {
        "text": " ".join([summary, *w.bullets(skills, r.randint(4, 7))]),
        "skills": skills[:6],
        "education": edu,
        "experience": exp,
    }
    phone_cc = r.choice(ORIGIN[group]) if immigrant and "kept_old_phone" in traits else home
    profiles: list[Json] = []
    if r.random() < 0.85:
        created = when.date() - dt.timedelta(days=r.randint(400, 5000))
        last_act = when.date() - dt.timedelta(days=r.randint(1, 200))
        conns = int(r.lognormvariate(5.3, 0.9))
        if "returning" in traits:
            last_act = when.date() - dt.timedelta(days=r.randint(700, 1800))
            conns = int(r.lognormvariate(4.6, 1.0))
        if "recent_graduate" in traits:
            created = when.date() - dt.timedelta(days=r.randint(200, 1500))
            conns = int(r.lognormvariate(4.0, 0.8))
        slug = f"{_ascii(first).lower()}-{_ascii(last.split()[0]).lower()}" + (
            f"-{r.randint(10, 9999)}" if r.random() < 0.5 else ""
        )
        profiles.append(
            {
                "network": "linkedin",
                "url": f"https://www.linkedin.com/in/{slug}",
                "created_on": created.isoformat(),
                "updated_on": (when.date() - dt.timedelta(days=r.randint(1, 60))).isoformat(),
                "last_activity_on": last_act.isoformat(),
                "connections": conns,
            }
        )
    if tech and r.random() < 0.6:
        gh_created = when.date() - dt.timedelta(days=r.randint(500, 4500))
        if "recent_graduate" in traits or ("career_changer" in traits and r.random() < 0.6):
            gh_created = when.date() - dt.timedelta(days=r.randint(10, 300))
        handle = f"{_ascii(first).lower()[:1]}{_ascii(last.split()[0]).lower()}"
        if "dev_handle" in traits:
            handle = (
                f"{r.choice(('dev', 'coder', 'smart'))}{_ascii(first).lower()}{r.randint(10, 99)}"
            )
        profiles.append(
            {
                "network": "github",
                "handle": handle,
                "created_on": gh_created.isoformat(),
                "public_repos": r.randint(1, 80),
            }
        )
    cheap = r.random() < c.low_cost_share
    app: Json = {
        "applicant": {
            "full_name": full,
            "email": _email(w, first, last, home, birth.year),
            "phone": w.write_phone(w.phone(phone_cc), home),
            "address": addr,
            "profiles": profiles,
            **({"other_names": others} if others else {}),
        },
        "resume": resume,
        "session": {
            "ip": w.ip(c.ip_prefixes),
            "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/141.0",
            "timezone": tz,
            "utc_offset_minutes": _offset(tz, when),
            "languages": list(c.langs)
            if not immigrant
            else ["en-US", *COUNTRIES[ORIGIN[group][0]].langs[:1]],
            "device_id": "fp_" + _sha(w.seed, full, r.random())[:12],
            **w.hardware(cheap),
        },
        "_birth": birth,
        "_tz": tz,
        "_years": years,
        "_first": first,
        "_last": last,
    }
    if r.random() < 0.55:
        app["applicant"]["date_of_birth"] = birth.isoformat()
    return app


def _job(w: World, home: str, fraud_scheme: str | None) -> tuple[str, str, bool]:
    r = w.rng
    if fraud_scheme == "nontech_role" or (fraud_scheme is None and r.random() < 0.12):
        return r.choice(list(NONTECH_ROLES)), "", False
    role = r.choice(list(TECH_ROLES))
    title = role if r.random() > 0.02 else r.choice(COVER_ROLES)  # cover-role titles are real jobs
    if fraud_scheme and r.random() < 0.05:
        title = r.choice(COVER_ROLES)
    return role, title, True


def _interview(w: World, home_tz: str, job_tz: str, when: dt.datetime) -> Json:
    """Interview held in the employer's office hours, seen at the applicant's claimed home."""
    r = w.rng
    job_hour = r.randint(9, 17)
    delta = (_offset(home_tz, when) - _offset(job_tz, when)) // 60
    iv: Json = {"video_declined": False, "scheduled_local_hour": (job_hour + delta) % 24}
    if r.random() < 0.05:
        iv["camera_off_minutes"] = r.choice((5, 12, 15, 25, 40))  # bandwidth, bad webcam
    if r.random() < 0.012:
        iv["video_declined"] = True
    elif r.random() < 0.012:
        iv["voice_only"] = True
    return iv


JOB_COUNTRIES = (
    ("US", 0.6),
    ("GB", 0.1),
    ("DE", 0.08),
    ("JP", 0.06),
    ("CA", 0.05),
    ("SG", 0.04),
    ("PL", 0.04),
    ("AU", 0.03),
)
JOB_TZ = {
    "US": "America/New_York",
    "GB": "Europe/London",
    "DE": "Europe/Berlin",
    "JP": "Asia/Tokyo",
    "CA": "America/Toronto",
    "SG": "Asia/Singapore",
    "PL": "Europe/Warsaw",
    "AU": "Australia/Sydney",
}
HONEST_TRAITS = (  # (trait, share)
    ("recent_graduate", 0.12),
    ("career_changer", 0.06),
    ("returning", 0.06),
    ("traveller", 0.03),
    ("vpn_user", 0.07),
    ("assistant_letter", 0.25),
    ("kept_old_phone", 0.10),
    ("rmm_installed", 0.025),
    ("moonlighting", 0.04),
    ("ships_elsewhere", 0.03),
    ("odd_phone_format", 0.02),
    ("dev_handle", 0.02),
    ("money_service", 0.0),
    ("privacy_utc", 0.01),
    ("ip_phone_jp", 0.0),
    ("home_bank_abroad", 0.03),
    ("camera_trouble", 0.0),
)


def honest(w: World, when: dt.datetime) -> Json:
    r = w.rng
    group = _pick(r, HONEST_GROUP_SHARE)
    home = _pick(r, HOMES[group])
    traits = [t for t, p in HONEST_TRAITS if r.random() < p]
    role, title, tech = _job(w, home, None)
    app = _person(w, group, home, when, role, tech, traits)
    job_cc = home if home in JOB_TZ and r.random() < 0.55 else _pick(r, JOB_COUNTRIES)
    s = app["session"]
    if "traveller" in traits:  # on a trip: network abroad, laptop clock follows
        away = r.choice([c for c in COUNTRIES if c != home])
        s["ip"] = w.ip(COUNTRIES[away].ip_prefixes)
        tz = COUNTRIES[away].cities[0].tz
        if r.random() < 0.3:  # keeps the home VPN on
            s["ip"] = w.ip(VPN_LISTED + VPN_UNLISTED)
        if r.random() < 0.7:
            s["timezone"], s["utc_offset_minutes"] = tz, _offset(tz, when)
    if "vpn_user" in traits:
        s["ip"] = w.ip(VPN_LISTED + VPN_UNLISTED)
        if home == "CN" and r.random() < 0.5:
            s["ip"] = r.choice(w.astrill)  # Astrill is popular with honest users in China
        if r.random() < 0.3:
            s["webrtc_ips"] = [w.ip(COUNTRIES[home].ip_prefixes)]
    if "privacy_utc" in traits:
        s["timezone"], s["utc_offset_minutes"] = "UTC", 0
    if "rmm_installed" in traits:
        s["remote_access_tools"] = [r.choice(("teamviewer", "anydesk", "chrome_remote_desktop"))]
    if "odd_phone_format" in traits:
        digits = "".join(ch for ch in app["applicant"]["phone"] if ch.isdigit())
        app["applicant"]["phone"] = f"+{digits[:-7]} {digits[-7:-3]} {digits[-3:]}"
    if home == "JP" and r.random() < 0.04:  # 050 IP-phone numbers are ordinary in Japan
        app["applicant"]["phone"] = f"050-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"
    app["_group"], app["_traits"], app["_job"] = group, traits, (title or role, job_cc)
    # payment: abroad from the employer -> contractor services are ordinary
    if r.random() < 0.7:
        if home != job_cc and r.random() < 0.5:
            app["payment"] = {"method": "money_service"}
        else:
            bank = r.choice(ORIGIN[group]) if "home_bank_abroad" in traits else home
            app["payment"] = {
                "method": "direct_deposit",
                "bank_country": bank,
                "account_sha256": _sha("acct", r.random()),
            }
        if r.random() < 0.01:
            app["payment"] = {"method": "payroll_card"}
    if "ships_elsewhere" in traits:
        other_home = COUNTRIES[home]
        app["shipping_address"] = _address(w, other_home)[0]
    if r.random() < 0.5:
        app["interview"] = _interview(w, app["_tz"], JOB_TZ[job_cc], when)
    generic = "assistant_letter" in traits
    if r.random() < 0.6:
        app["cover_letter"] = w.cover(role, w.employer(), generic)
    return app


class Ring:
    """One operator's kit, shared by the personas he runs (GTIG25: a worker with 12)."""

    def __init__(self, w: World, scheme: str) -> None:
        r = w.rng
        self.scheme = scheme
        self.size = 1 if r.random() < 0.45 else r.randint(2, 8)
        self.base = r.choice(OPERATOR_BASES)
        self.claim = (
            _pick(r, CLAIMED)
            if scheme in {"offshore_claimant", "nontech_role"}
            else ("US" if r.random() < 0.75 else _pick(r, CLAIMED))
        )
        if scheme == "offshore_claimant" and self.claim == "US":
            self.claim = r.choice(("JP", "IT", "PL", "UA", "GB", "DE", "SG", "VN"))
        self.device = "fp_" + _sha("ring", r.random())[:12]
        self.phone: str | None = None
        self.payout = _sha("payout", r.random())
        self.farm = _address(w, COUNTRIES["US"])[0]
        self.farm_ip = w.ip(COUNTRIES["US"].ip_prefixes)
        self.resume: str | None = None
        self.members: list[Json] = []


def fraud(w: World, ring: Ring, when: dt.datetime, honest_pool: list[Json]) -> Json:
    r = w.rng
    scheme = ring.scheme
    group = _pick(r, FRAUD_GROUP_BY_CLAIM[ring.claim])
    role, title, tech = _job(w, ring.claim, scheme)
    traits = ["returning"] if scheme == "hijacked_profile" and r.random() < 0.3 else []
    app = _person(w, group, ring.claim, when, role, tech, traits)
    a, s = app["applicant"], app["session"]
    base_cc, base_tz, base_ips = ring.base
    weights = SCHEMES[scheme][1]
    k = int(_pick(r, [(str(n), p) for n, p in N_TELLS]))
    tells: list[str] = []
    pool = dict(weights)
    while len(tells) < k and pool:
        t = r.choices(list(pool), list(pool.values()))[0]
        tells.append(t)
        del pool[t]
    # quiet defaults: a persona's session looks like the claimed home unless a tell says not
    if scheme == "laptop_farm":
        s["ip"] = w.ip(COUNTRIES["US"].ip_prefixes) if ring.claim == "US" else s["ip"]
    for t in tells:
        if t == "tz_operator":
            s["timezone"], s["utc_offset_minutes"] = base_tz, _offset(base_tz, when)
        elif t == "tz_spoofed":
            s["utc_offset_minutes"] = _offset(base_tz, when)
        elif t == "astrill_known":
            s["ip"] = r.choice(w.astrill)
        elif t == "vpn_listed":
            s["ip"] = w.ip(VPN_LISTED)
        elif t == "vpn_unlisted":
            s["ip"] = w.ip(VPN_UNLISTED)
        elif t == "ip_direct":
            s["ip"] = w.ip(base_ips)
        elif t == "ip_burst":
            s["ip"] = ring.farm_ip.rsplit(".", 1)[0] + f".{r.randint(2, 254)}"
        elif t == "webrtc_leak":
            s["webrtc_ips"] = [w.ip(base_ips)]
        elif t == "astrill_client":
            s["remote_access_tools"] = [*s.get("remote_access_tools", []), "astrill"]
        elif t == "rmm_tools":
            s["remote_access_tools"] = [
                *s.get("remote_access_tools", []),
                *r.sample(("anydesk", "teamviewer", "chrome_remote_desktop"), r.randint(1, 3)),
            ]
        elif t == "kvm":
            s["remote_access_tools"] = [
                *s.get("remote_access_tools", []),
                r.choice(("pikvm", "tinypilot", "kvm_switch")),
            ]
        elif t == "virtual_display":
            s["gpu_renderer"] = r.choice(
                ("Microsoft Basic Render Driver", "VMware SVGA 3D", "Google SwiftShader")
            )
        elif t == "cheap_hw":
            s.update(w.hardware(True))
        elif t in {"shared_device"}:
            s["device_id"] = ring.device
        elif t == "shared_ssn":
            a["national_id_sha256"] = _sha("ssn", ring.payout)
        elif t == "ship_farm":
            app["shipping_address"] = ring.farm
        elif t == "ship_other":
            app["shipping_address"] = _address(w, COUNTRIES["US"])[0]
        elif t == "pay_payroll_card":
            app["payment"] = {"method": "payroll_card"}
        elif t == "pay_third_party":
            app["payment"] = {"method": "third_party_payee", "account_sha256": ring.payout}
        elif t == "pay_money_service":
            app["payment"] = {"method": "money_service"}
        elif t == "pay_crypto":
            app["payment"] = {
                "method": "crypto",
                "crypto_address": "0x" + _sha("w", r.random())[:40],
            }
        elif t == "shared_payout":
            app["payment"] = {
                "method": "direct_deposit",
                "bank_country": ring.claim,
                "account_sha256": ring.payout,
            }
        elif t == "bank_foreign":
            app["payment"] = {
                "method": "direct_deposit",
                "bank_country": r.choice(("CN", "HK")),
                "account_sha256": _sha("acct", r.random()),
            }
        elif t in {"video_declined", "camera_off", "night_interview"}:
            iv = app.setdefault(
                "interview", {"video_declined": False, "scheduled_local_hour": r.randint(9, 17)}
            )
            if t == "video_declined":
                iv["video_declined"] = True
            elif t == "camera_off":
                iv["camera_off_minutes"] = r.choice((15, 30, 45))
            else:
                iv["scheduled_local_hour"] = r.choice((22, 23, 0, 1, 5))
        elif (
            t == "github_new"
            or t == "github_persona"
            or t == "attributed_handle"
            or t == "github_aged"
        ):
            gh = next((p for p in a["profiles"] if p["network"] == "github"), None)
            if gh is None:
                gh = {
                    "network": "github",
                    "handle": _ascii(app["_first"]).lower() + str(r.randint(1, 99)),
                    "public_repos": r.randint(1, 6),
                }
                gh["created_on"] = (
                    when.date() - dt.timedelta(days=r.randint(400, 2000))
                ).isoformat()
                a["profiles"].append(gh)
            if t == "github_new":
                gh["created_on"] = (when.date() - dt.timedelta(days=r.randint(3, 110))).isoformat()
                gh["public_repos"] = r.randint(0, 5)
            elif t == "github_persona":
                gh["handle"] = (
                    f"{r.choice(('dev', 'smart', 'web3', 'block', 'coder', 'star'))}{r.choice(('lancer', 'dev', 'master', 'guru', ''))}{r.randint(10, 9999)}"
                )
            elif t == "attributed_handle":
                gh["handle"] = r.choice(w.handles)
            else:
                gh["created_on"] = (when.date() - dt.timedelta(days=r.randint(5, 60))).isoformat()
                gh["last_activity_on"] = (
                    when.date() - dt.timedelta(days=r.randint(400, 1500))
                ).isoformat()
        elif t == "linkedin_dormant":
            li = next((p for p in a["profiles"] if p["network"] == "linkedin"), None)
            if li is not None:
                li["created_on"] = (
                    when.date() - dt.timedelta(days=r.randint(2500, 4500))
                ).isoformat()
                li["last_activity_on"] = (
                    when.date() - dt.timedelta(days=r.randint(800, 2500))
                ).isoformat()
                li["updated_on"] = (when.date() - dt.timedelta(days=r.randint(1, 40))).isoformat()
                li["connections"] = r.choice((r.randint(3, 49), r.randint(50, 180)))
        elif t == "profile_other_name":
            li = next((p for p in a["profiles"] if p["network"] == "linkedin"), None)
            if li is not None:
                o = r.choice(NAMES["anglo"][0]).lower(), r.choice(NAMES["anglo"][1]).lower()
                li["url"] = f"https://www.linkedin.com/in/{o[0]}-{o[1]}-{r.randint(100, 9999)}"
        elif t == "email_persona":
            a["email"] = (
                f"{_ascii(app['_first']).lower()}{r.choice(('.dev', 'dev', '.coder', 'smart', 'tech'))}{r.randint(10, 9999)}@{r.choice(('gmail.com', 'outlook.com', 'proton.me'))}"
            )
        elif t == "email_other_name":
            o = r.choice(NAMES["anglo"][0]).lower(), r.choice(NAMES["anglo"][1]).lower()
            a["email"] = f"{o[0]}.{o[1]}{r.randint(1, 99)}@gmail.com"
        elif t == "email_disposable":
            a["email"] = (
                f"{_ascii(app['_first']).lower()}{r.randint(1, 999)}@{r.choice(('mailinator.com', 'guerrillamail.com', 'yopmail.com'))}"
            )
        elif t in {
            "phone_voip",
            "phone_foreign",
            "phone_invalid",
            "phone_odd_format",
            "shared_phone",
        }:
            if t == "phone_voip":
                a["phone"] = {
                    "GB": f"056 {r.randint(1000, 9999)} {r.randint(1000, 9999)}",
                    "JP": f"050-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}",
                }.get(ring.claim, a["phone"])  # US VoIP ranges look ordinary
            elif t == "phone_foreign":
                a["phone"] = w.write_phone(w.phone(base_cc), "XX")
            elif t == "phone_invalid":
                a["phone"] = f"+1 ({r.randint(200, 999)}) {r.randint(100, 999)}-{r.randint(10, 99)}"
            elif t == "phone_odd_format":
                digits = "".join(ch for ch in a["phone"] if ch.isdigit())
                a["phone"] = (
                    f"+{digits[:-7]} ({digits[-7:-5]}) {digits[-5:]}"
                    if r.random() < 0.5
                    else f"+{digits[:-7]} {digits[-7:-3]} {digits[-3:]}"
                )
            else:
                ring.phone = ring.phone or a["phone"]
                a["phone"] = ring.phone
        elif t == "resume_copied":
            if ring.resume is None:
                src = r.choice(honest_pool) if honest_pool and r.random() < 0.4 else None
                ring.resume = src["resume"]["text"] if src else app["resume"]["text"]
            words = ring.resume.split()
            for _ in range(3):
                words[r.randrange(len(words))] = r.choice(("robust", "scalable", "modern"))
            app["resume"]["text"] = " ".join(words)
        elif t == "exp_inflated":
            age = when.year - app["_birth"].year
            app["resume"]["text"] = (
                f"{role} with {age - 12 + r.randint(0, 6)}+ years of experience. "
                + app["resume"]["text"]
            )
            a["date_of_birth"] = app["_birth"].isoformat()
        elif t == "tech_anachronism":
            app["resume"]["experience"].append(
                {
                    "employer": w.employer(),
                    "title": "Solidity Developer",
                    "country": ring.claim,
                    "start": f"{r.randint(2009, 2013)}-0{r.randint(1, 9)}",
                    "end": f"{r.randint(2016, 2018)}-06",
                }
            )
        elif t == "jobs_overlap":
            cur = next((e for e in app["resume"]["experience"] if e["end"] is None), None)
            if cur:
                app["resume"]["experience"].append(
                    {
                        "employer": w.employer(),
                        "title": f"Senior {role}",
                        "country": ring.claim,
                        "start": cur["start"],
                        "end": None,
                    }
                )
        elif t == "degree_after_senior":
            edu = app["resume"]["education"][0]
            app["resume"]["experience"].append(
                {
                    "employer": w.employer(),
                    "title": f"Senior {role}",
                    "country": ring.claim,
                    "start": f"{edu['start_year'] + 1}-03",
                    "end": f"{edu['end_year'] + 2}-01",
                }
            )
        elif t == "cover_generic":
            app["cover_letter"] = w.cover(role, w.employer(), True)
        elif t == "front_company":
            app["resume"]["experience"].append(
                {
                    "employer": r.choice(w.fronts),
                    "title": role,
                    "country": "CN",
                    "start": "2019-01",
                    "end": "2021-12",
                }
            )
        elif t == "ref_ringmate":
            mate = r.choice(ring.members) if ring.members else None
            if mate is not None:
                app["references"] = [
                    {
                        "name": mate["applicant"]["full_name"],
                        "email": mate["applicant"]["email"],
                        "phone": mate["applicant"]["phone"],
                    }
                ]
                app["source"] = "referral"
            else:
                app["references"] = [
                    {"name": "Alex Morgan", "email": a["email"], "phone": a["phone"]}
                ]
    if "interview" not in app and r.random() < 0.5:
        app["interview"] = _interview(
            w, app["_tz"], JOB_TZ.get(ring.claim, "America/New_York"), when
        )
    if "payment" not in app and r.random() < 0.7:
        app["payment"] = {
            "method": "direct_deposit",
            "bank_country": ring.claim,
            "account_sha256": _sha("acct", r.random()),
        }
    if "cover_letter" not in app and r.random() < 0.6:
        app["cover_letter"] = w.cover(role, w.employer(), r.random() < 0.35)
    app["_group"], app["_traits"], app["_tells"] = group, traits, tells
    app["_scheme"] = scheme
    app["_job"] = (title or role, ring.claim)
    ring.members.append(app)
    return app


def generate(n: int, seed: int, fraud_rate: float, start: dt.date) -> list[Json]:
    w = World(seed, start)
    n_fraud = round(n * fraud_rate)
    out: list[Json] = []
    honest_apps = [honest(w, _submitted(w)) for _ in range(n - n_fraud)]
    # shared households and agency batches among the honest
    for i in range(0, len(honest_apps) - 1, 50):
        a, b = honest_apps[i], honest_apps[i + 1]  # 2 % live together
        b["applicant"]["address"] = a["applicant"]["address"]
        for key in ("ip", "timezone", "utc_offset_minutes"):
            b["session"][key] = a["session"][key]
        b.pop("interview", None)
        if w.rng.random() < 0.4:
            b["applicant"]["phone"] = a["applicant"]["phone"]  # landline
        if w.rng.random() < 0.2:
            b["session"]["device_id"] = a["session"]["device_id"]  # family computer
        a["_traits"].append("household")
        b["_traits"].append("household")
        a["_benign"] = b["_benign"] = f"household-{i}"
    agency_ip = {}
    for app in w.rng.sample(honest_apps, len(honest_apps) // 16):
        ag = w.rng.randint(0, 9)
        app["source"] = "staffing_agency"
        app["_traits"].append("agency")
        app["_benign"] = f"agency-{ag}"
        agency_ip.setdefault(ag, w.ip(COUNTRIES["US"].ip_prefixes))
        app["session"]["ip"] = agency_ip[ag]
        app["resume"]["text"] = (
            f"Candidate presented by Talent Bridge Partners {ag}. Confidential profile; "
            "contact the agency for interviews. "
        ) + app["resume"]["text"]
        if w.rng.random() < 0.3:
            app["applicant"]["phone"] = f"+1 212-555-01{ag:02d}"  # blind resume: recruiter's line
    out += honest_apps
    rings: list[Ring] = []
    for _ in range(n_fraud):
        if not rings or len(rings[-1].members) >= rings[-1].size:
            rings.append(Ring(w, _pick(w.rng, [(s, v[0]) for s, v in SCHEMES.items()])))
        ring = rings[-1]
        day = (
            _submitted(w)
            if not ring.members
            else (
                dt.datetime.fromisoformat(ring.members[0]["submitted_at"])
                + dt.timedelta(hours=w.rng.randint(0, 96))
            )
        )
        app = fraud(w, ring, day, honest_apps)
        app["submitted_at"] = day.isoformat().replace("+00:00", "Z")
    for app in honest_apps:
        app["submitted_at"] = _submitted(w).isoformat().replace("+00:00", "Z")
    for k, ring in enumerate(rings):
        for app in ring.members:
            app["_ring"] = f"ho-ring-{k:05d}"
        out += ring.members
    w.rng.shuffle(out)
    records = []
    for i, app in enumerate(out):
        title, job_cc = app.pop("_job")
        tells = app.pop("_tells", None)
        rec: Json = {
            "schema_version": 1,
            "application_id": f"HO{seed}-{i:06d}",
            "submitted_at": app.pop("submitted_at"),
            "source": app.pop("source", w.rng.choice(("careers_site", "job_board", "linkedin"))),
            "job": {"title": title, "remote": True, "country": job_cc},
        }
        label = {
            "is_fraud": tells is not None,
            "scheme": app.pop("_scheme", "honest"),
            "group": app.pop("_group"),
            "tells": tells or [],
            "traits": app.pop("_traits"),
            # for ring_quality.py (--source heldout): the operator's ring, the look-alike group
            "ring_id": app.pop("_ring", None),
            "benign_group": app.pop("_benign", None),
        }
        for k in [k for k in app if k.startswith("_")]:
            del app[k]
        rec.update(app)
        rec["label"] = label
        records.append(rec)
    return records


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("-n", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--fraud-rate", type=float, default=0.08)
    p.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 5, 1))
    p.add_argument("-o", "--output", type=Path, default=Path("heldout.jsonl"))
    a = p.parse_args()
    recs = generate(a.n, a.seed, a.fraud_rate, a.start)
    with open(a.output, "wb") as fh:
        for rec in recs:
            fh.write(orjson.dumps(rec) + b"\n")
    print(f"wrote {len(recs)} applications to {a.output}")


if __name__ == "__main__":
    main()
