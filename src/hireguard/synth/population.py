"""The population: honest applicants of many kinds and fraud rings, streamed in time order.

A run advances a clock from ``start`` to ``start + days`` as records are made. At each step
it emits a *group*: one honest applicant, a household, a staffing agency's batch, students
of one campus, a coworking space's members, a person applying twice, or a burst of a fraud
ring. Rings, agencies, campuses and coworking spaces live for a while in small pools
(bounded size), so their members spread over weeks while memory stays flat in ``n``. A
bounded heap re-orders records by submission time before they are written.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import heapq
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hireguard.synth import careers, netdata
from hireguard.synth.names import ORIGIN_HOME, ORIGINS, RESIDENT_ORIGINS
from hireguard.synth.persons import (
    UTC,
    Career,
    FastRandom,
    Identity,
    ascii_fold,
    build_session,
    email_for,
    github_handle,
    hex_id,
    honest_hour,
    honest_profiles,
    letter_for,
    linkedin_slug,
    local_time,
    make_address,
    make_career,
    make_identity,
    offset_minutes,
    phone_for,
    pick_city,
    pick_device,
    pick_origin,
    pick_track,
    resume_block,
    rfc3339,
    sha256_of,
    weighted,
    zone,
)
from hireguard.synth.places import COUNTRIES

DEFAULT_START = dt.date(2026, 9, 1)
HEAP_SIZE = 2048

Record = dict[str, Any]

_JOBS = careers.JOB_TITLES
_JOB_PICK = tuple((title, w) for title, _, w in _JOBS)
_JOB_TRACK = {title: track for title, track, _ in _JOBS}
_HIRING_COUNTRIES = ("US", "CA", "GB", "DE", "NL", "IE", "PL", "FR", "ES", "AU", "SG", "JP")


def _label(
    is_fraud: bool, scheme: str, ring_id: str | None = None, benign_group: str | None = None
) -> dict[str, Any]:
    return {
        "is_fraud": is_fraud,
        "scheme": scheme,
        "ring_id": ring_id,
        "benign_group": benign_group,
    }


_DAY_WEIGHTS = (1.0, 1.05, 1.0, 0.95, 0.85, 0.5, 0.6)  # Monday .. Sunday


@dataclass(slots=True)
class Clock:
    """Maps "records made so far" to a moment, with fewer applications at weekends."""

    start: dt.datetime
    end: dt.datetime
    n: int
    cumulative: tuple[float, ...] = ()  # of the days' weights

    def __post_init__(self) -> None:
        total = 0.0
        out = []
        for i in range((self.end - self.start).days):
            weekday = (self.start + dt.timedelta(days=i)).weekday()
            total += _DAY_WEIGHTS[weekday]
            out.append(total)
        self.cumulative = tuple(out)

    def at(self, made: int) -> dt.datetime:
        cum = self.cumulative
        target = cum[-1] * (made / max(1, self.n))
        day = min(len(cum) - 1, bisect.bisect_right(cum, target))
        before = cum[day - 1] if day else 0.0
        within = (target - before) / (cum[day] - before)
        return self.start + dt.timedelta(days=day + within)

    def clamp(self, t: dt.datetime) -> dt.datetime:
        while t < self.start:
            t += dt.timedelta(days=1)
        while t >= self.end:
            t -= dt.timedelta(days=1)
        return max(self.start, t)


@dataclass(slots=True)
class Agency:
    group: str
    country: str
    tz: str
    languages: list[str]
    ip: list[str]
    devices: list[dict[str, Any]]
    remaining: int


@dataclass(slots=True)
class SharedSite:
    """A campus or a coworking space: one network that many unrelated people use."""

    group: str
    kind: str
    country: str
    tz: str
    city_name: str
    ips: list[str]
    remaining: int


@dataclass(slots=True)
class Ring:
    ring_id: str
    scheme: str
    remaining: int
    intensity: float  # how many tells its applications show (0 careful .. 1 sloppy)
    op_country: str
    op_tz: str
    track: str
    claimed: str  # country the identities claim to live in
    facilitator: dict[str, Any] | None = None
    facilitator_tz: str | None = None
    facilitator_ips: list[str] = field(default_factory=list)
    vpn_ips: list[str] = field(default_factory=list)
    burst_net: netdata.Network | None = None
    phones: list[str] = field(default_factory=list)
    email_domain: str = "gmail.com"
    email_tag: str = ""
    devices: list[dict[str, Any]] = field(default_factory=list)
    resume_text: str | None = None
    letter_text: str | None = None
    account: str | None = None
    crypto: str | None = None
    pay_method: str = "direct_deposit"
    tools: list[str] = field(default_factory=list)
    languages_extra: str | None = None
    identities: list[tuple[Identity, str | None]] = field(default_factory=list)
    members: list[tuple[str, str, str]] = field(default_factory=list)  # name, email, phone
    spoof_tz: str | None = None


_OP_TZ = {
    "CN": ("Asia/Shanghai",),
    "RU": ("Europe/Moscow", "Asia/Vladivostok"),
    "KP": ("Asia/Pyongyang",),
    "LA": ("Asia/Vientiane",),
}
_FRAUD_TRACKS = (
    ("fullstack", 25.0),
    ("blockchain", 14.0),
    ("frontend", 12.0),
    ("backend", 12.0),
    ("mobile", 10.0),
    ("ml", 8.0),
    ("qa", 5.0),
    ("devops", 5.0),
    ("it_support", 4.0),
    ("data", 4.0),
    ("finance", 1.0),
)
_CLAIMED = (
    ("US", 80.0),
    ("JP", 2.5),
    ("VN", 2.0),
    ("SG", 1.5),
    ("MY", 1.0),
    ("IT", 2.0),
    ("UA", 2.0),
    ("PL", 2.0),
    ("GB", 2.5),
    ("CA", 2.5),
    ("DE", 2.0),
)
_TOOLS = (
    ("anydesk", 40.0),
    ("chrome_remote_desktop", 25.0),
    ("teamviewer", 15.0),
    ("pikvm", 7.0),
    ("tinypilot", 4.0),
    ("rustdesk", 4.0),
    ("rdp", 5.0),
)
# Per ring; rings differ in size, so per application roughly: laptop farm 26 %, VPN operator
# 26 %, IP burst 16 %, hijacked profile 15 %, lone operator 10 %, identity rental 7.5 %.
_SCHEMES = (
    ("laptop_farm", 3.75),
    ("vpn_operator", 5.5),
    ("hijacked_profile", 4.3),
    ("identity_rental", 4.0),
    ("ip_burst", 1.0),
    ("lone_operator", 10.0),
)


_SOURCES_US = (
    ("careers_site", 35.0),
    ("linkedin", 25.0),
    ("job_board", 25.0),
    ("referral", 10.0),
    ("other", 3.0),
    ("telegram", 0.05),
)
_SOURCES_ABROAD = (*_SOURCES_US[:-1], ("telegram", 0.4))
_TRAVEL_DESTINATIONS = (
    "MX",
    "GB",
    "FR",
    "ES",
    "PT",
    "IT",
    "JP",
    "DE",
    "NL",
    "CA",
    "KR",
    "TH",
    "BR",
    "CO",
    "TR",
    "US",
)


class Population:
    """A reproducible generator of applications (see :func:`hireguard.synth.generate`)."""

    def __init__(self, n: int, *, seed: int, fraud_rate: float, start: dt.date, days: int) -> None:
        if n < 0:
            raise ValueError("n must be >= 0")
        if not 0.0 <= fraud_rate <= 1.0:
            raise ValueError("fraud_rate must be between 0 and 1")
        if days < 1:
            raise ValueError("days must be >= 1")
        self.n = n
        self.seed = seed
        self.fraud_rate = fraud_rate
        self.rng: random.Random = FastRandom(f"hireguard-synth:{seed}")
        begin = dt.datetime(start.year, start.month, start.day, tzinfo=UTC)
        self.clock = Clock(begin, begin + dt.timedelta(days=days), n)
        self.made = 0
        self.fraud_made = 0
        self.agencies: list[Agency] = []
        self.sites: list[SharedSite] = []
        self.rings: list[Ring] = []
        self.cgnat: dict[str, list[str]] = {}
        self.recent_resumes: list[str] = []
        self.group_seq = 0
        self.requisitions = {title: f"R-{1040 + i * 7}" for i, (title, _, _) in enumerate(_JOBS)}

    # ── the stream ─────────────────────────────────────────────────────────────

    def __iter__(self) -> Iterator[Record]:
        heap: list[tuple[dt.datetime, int, Record]] = []
        seq = 0
        emitted = 0
        while self.made < self.n:
            for when, rec in self._next_group():
                if self.made >= self.n:
                    break
                self.made += 1
                if rec["label"]["is_fraud"]:
                    self.fraud_made += 1
                heapq.heappush(heap, (when, seq, rec))
                seq += 1
                if len(heap) > HEAP_SIZE:
                    yield self._finish(heapq.heappop(heap)[2], emitted)
                    emitted += 1
        while heap:
            yield self._finish(heapq.heappop(heap)[2], emitted)
            emitted += 1

    def _finish(self, rec: Record, index: int) -> Record:
        rec["application_id"] = f"syn-{self.seed}-{index + 1:07d}"
        return rec

    def _next_group(self) -> list[tuple[dt.datetime, Record]]:
        rng = self.rng
        deficit = self.fraud_rate * (self.made + 1) - self.fraud_made
        if self.fraud_rate > 0 and (self.fraud_rate >= 1 or deficit > rng.random() * 2.5):
            return self._fraud_group()
        r = rng.random()
        if r < 0.87:
            return [self._honest_single()]
        if r < 0.9:
            return self._household()
        if r < 0.93:
            return self._repeat_applicant()
        if r < 0.955:
            return self._agency_batch()
        if r < 0.975:
            return self._site_batch("campus")
        return self._site_batch("coworking")

    def _new_group(self, prefix: str) -> str:
        self.group_seq += 1
        return f"{prefix}-{self.seed}-{self.group_seq:05d}"

    # ── shared pieces ─────────────────────────────────────────────────────────

    def _job(
        self, track_hint: str | None = None, cover_roles: bool = False
    ) -> tuple[dict[str, Any], str]:
        rng = self.rng
        if cover_roles:
            title = rng.choice(careers.COVER_ROLE_TITLES)
            track = "qa" if "Testing" in title else "it_support"
        elif track_hint is not None and rng.random() < 0.7:
            options = [(t, k, w) for t, k, w in _JOBS if k == track_hint]
            title, track, _ = rng.choices(options, [w for _, _, w in options])[0]
        else:
            title = weighted(rng, _JOB_PICK)
            track = _JOB_TRACK[title]
        job: dict[str, Any] = {"title": title}
        if rng.random() < 0.9:
            job["requisition_id"] = self.requisitions[title]
        job["remote"] = rng.random() < 0.93
        return job, track

    def _when(
        self, tz: str, hour: float | None = None, *, base: dt.datetime | None = None
    ) -> dt.datetime:
        rng = self.rng
        t = base or self.clock.at(self.made)
        day = t.astimezone(zone(tz)).date()
        local = local_time(day, honest_hour(rng) if hour is None else hour, tz)
        return self.clock.clamp(local.astimezone(UTC))

    def _cgnat_ip(self, country: str) -> str:
        pool = self.cgnat.setdefault(country, [])
        if len(pool) < 25 or self.rng.random() < 0.1:
            ip = netdata.sample_ip(self.rng, country, "mobile")
            if len(pool) < 25:
                pool.append(ip)
            return ip
        return self.rng.choice(pool)

    def _payment_honest(self, ident: Identity) -> dict[str, Any]:
        """How an honest person asks to be paid; one person keeps one method and account."""
        rng = self.rng
        known = ident.extra.get("payment")
        if known is not None:
            return dict(known)
        if ident.country == "US":
            method = weighted(
                rng,
                (
                    ("direct_deposit", 94.0),
                    ("check", 2.5),
                    ("payroll_card", 1.5),
                    ("money_service", 1.0),
                    ("crypto", 0.3),
                    ("third_party_payee", 0.3),  # paid through the person's own company
                    ("other", 0.7),
                ),
            )
        else:
            method = weighted(
                rng,
                (
                    ("direct_deposit", 68.0),
                    ("money_service", 25.0),
                    ("crypto", 1.5),
                    ("payroll_card", 1.0),
                    ("third_party_payee", 1.5),  # an employer-of-record or own company
                    ("other", 4.5),
                ),
            )
        p: dict[str, Any] = {"method": method}
        if method == "direct_deposit":
            p["bank_country"] = ident.country
            if rng.random() < 0.6:
                p["account_sha256"] = sha256_of(rng)
        elif method == "crypto":
            p["crypto_address"] = _crypto_address(rng)
        elif method == "money_service" and rng.random() < 0.5:
            p["account_sha256"] = sha256_of(rng)
        ident.extra["payment"] = p
        return dict(p)

    def _national_id(self, ident: Identity) -> str | None:
        """The salted hash of a US applicant's SSN, when the form asked for it (half do)."""
        if "nid" not in ident.extra:
            ask = ident.country == "US" and self.rng.random() < 0.5
            ident.extra["nid"] = sha256_of(self.rng) if ask else None
        nid: str | None = ident.extra["nid"]
        return nid

    def _interview_honest(self) -> dict[str, Any]:
        rng = self.rng
        iv: dict[str, Any] = {"video_declined": rng.random() < 0.025}
        if iv["video_declined"] or rng.random() < 0.05:
            iv["camera_off_minutes"] = round(
                rng.uniform(1, 15 if not iv["video_declined"] else 45), 1
            )
        if rng.random() < 0.02:
            iv["voice_only"] = True
        if rng.random() < 0.8:
            iv["scheduled_local_hour"] = rng.choice(
                (9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 15, 16, 16, 17, 8, 18, 19)
            )
        return iv

    # ── honest applicants ──────────────────────────────────────────────────────

    def _honest_single(self) -> tuple[dt.datetime, Record]:
        rng = self.rng
        persona = weighted(
            rng,
            (
                ("regular", 64.0),
                ("traveller", 4.0),
                ("vpn_user", 5.5),
                ("recent_mover", 3.5),
                ("new_grad", 7.0),
                ("returner", 3.5),
                ("ai_letter", 6.5),
                ("cgnat", 5.0),
                ("it_support", 1.0),
            ),
        )
        return self._honest(persona)

    def _honest(
        self,
        persona: str,
        *,
        ident: Identity | None = None,
        country: str | None = None,
        ip: str | None = None,
        tz: str | None = None,
        device: dict[str, Any] | None = None,
        source: str | None = None,
        group: str | None = None,
        scheme: str | None = None,
        base: dt.datetime | None = None,
        job_track: str | None = None,
        campus_country: str | None = None,
        browser_languages: list[str] | None = None,
    ) -> tuple[dt.datetime, Record]:
        rng = self.rng
        today = (base or self.clock.at(self.made)).date()
        young = persona in ("new_grad", "campus")
        if ident is None:
            if persona == "recent_mover":
                ident = self._mover(today)
            else:
                ident = make_identity(rng, today, country=country, young=young)
        cc = ident.country
        job, jtrack = self._job(job_track or ("it_support" if persona == "it_support" else None))
        track = (
            careers.TRACK_BY_KEY["it_support"]
            if persona == "it_support"
            else pick_track(rng, jtrack)
        )
        home = ident.extra.get("old_country") or (ident.origin and _origin_home(ident))
        edu_country = campus_country or (
            home if ident.first_gen and home in careers.UNIVERSITIES else cc
        )
        works: tuple[str, ...] = (cc,)
        if ident.first_gen and home in careers.EMPLOYERS and rng.random() < 0.6:
            works = (home, cc)
        if persona == "recent_mover":
            works = (ident.extra["old_country"],)
        career: Career | None = ident.extra.get("career")  # a person applying again
        if career is None:
            career = make_career(
                rng,
                today,
                ident.dob,
                track,
                edu_country=edu_country,
                work_countries=works,
                new_grad=young,
                gap_months=rng.randint(12, 40) if persona == "returner" else 0,
            )
            if persona == "recent_mover" and career.experience and rng.random() < 0.5:
                career.experience[0 if career.experience[0]["end"] is None else -1]["end"] = None
            ident.extra["career"] = career
            school = career.education[-1]["institution"] if career.education else ""
            domain = careers.UNIVERSITY_DOMAINS.get(school)
            if young and domain and rng.random() < 0.35:  # a student's university address
                ident.email = ident.email.split("@")[0] + "@" + domain
        # where and when
        city_tz = ident.city.tz
        session_tz = tz or city_tz
        session_ip = ip
        webrtc: list[str] = []
        if session_ip is None:
            if persona == "traveller":
                dest = rng.choice(_TRAVEL_DESTINATIONS)
                if dest == cc:  # a trip abroad: from Mexico, say, to the US
                    dest = "US" if cc != "US" else "MX"
                dctry = COUNTRIES[dest]
                session_ip = netdata.sample_ip(
                    rng, dest, "residential" if rng.random() < 0.7 else "mobile"
                )
                if rng.random() < 0.75:
                    session_tz = pick_city(rng, dctry).tz
            elif persona == "vpn_user":
                session_ip = netdata.sample_hosting_ip(rng, cc if rng.random() < 0.55 else None)
                if rng.random() < 0.25:
                    webrtc = [netdata.sample_ip(rng, cc)]
            elif persona == "cgnat":
                session_ip = self._cgnat_ip(cc)
                group = group or f"cgnat-{session_ip}"
            else:
                mobile = rng.random() < 0.1
                session_ip = netdata.sample_ip(
                    rng,
                    cc,
                    "mobile" if mobile else "residential",
                    v6=rng.random() < (0.35 if mobile else 0.15),
                )
        when = self._when(session_tz, base=base)
        offset = offset_minutes(when, session_tz)
        dev = device or pick_device(rng)
        quirk = rng.random()
        if quirk < 0.004 and tz is None:  # privacy browser: reports UTC whatever the place
            session_tz, offset = "UTC", 0
        elif quirk < 0.006 and tz is None:  # stale time-zone data or a hand-set clock
            offset += rng.choice((-60, 60))
        src = source or weighted(rng, _SOURCES_US if cc == "US" else _SOURCES_ABROAD)
        letter_style = (
            "assistant"
            if persona == "ai_letter"
            else weighted(rng, (("plain", 80.0), ("terse", 12.0), ("assistant", 8.0)))
        )
        session = build_session(
            rng,
            dev,
            session_ip,
            session_tz,
            offset,
            browser_languages or ident.languages,
            browser_languages or ident.keyboards,
        )
        if webrtc:
            session["webrtc_ips"] = webrtc
        elif rng.random() < 0.2:
            session["webrtc_ips"] = [session_ip]
        if persona == "it_support":
            session["remote_access_tools"] = rng.sample(
                ["teamviewer", "anydesk", "chrome_remote_desktop", "rdp"], rng.choice((1, 1, 2))
            )
        elif rng.random() < 0.006:
            session["remote_access_tools"] = [
                rng.choice(("teamviewer", "anydesk", "chrome_remote_desktop"))
            ]
        if "resume" in ident.extra:  # the same person sends the same resume and profiles
            profiles = copy.deepcopy(ident.extra["profiles"])
            resume = copy.deepcopy(ident.extra["resume"])
        else:
            profiles = honest_profiles(
                rng, ident, career, today, returner=persona == "returner", new_grad=young
            )
            resume = resume_block(rng, ident, career)
            if persona == "repeat":
                ident.extra["profiles"] = copy.deepcopy(profiles)
                ident.extra["resume"] = copy.deepcopy(resume)
        if rng.random() < (0.03 if cc in ("UA", "RU", "BR", "IN", "ID", "VN") else 0.004):
            profiles = [*profiles, {"network": "telegram", "handle": "@" + ascii_handle(ident)}]
        if len(self.recent_resumes) < 300:
            self.recent_resumes.append(resume["text"])
        elif rng.random() < 0.05:
            self.recent_resumes[rng.randrange(300)] = resume["text"]
        rec = self._assemble(
            ident=ident,
            when=when,
            offset=offset,
            source=src,
            job=job,
            profiles=profiles,
            resume=resume,
            letter=letter_for(rng, ident, career, job["title"], src, letter_style)
            if rng.random() < (0.95 if persona == "ai_letter" else 0.5)
            else None,
            payment=self._payment_honest(ident),
            session=session,
            interview=self._interview_honest() if rng.random() < 0.55 else None,
            national_id=self._national_id(ident),
            label=_label(False, scheme or f"honest_{persona}", None, group),
        )
        if rng.random() < 0.025:  # equipment to an office, a relative, a second home
            other_city = pick_city(rng, COUNTRIES[cc])
            rec["shipping_address"] = make_address(rng, COUNTRIES[cc], other_city)
        if rng.random() < 0.2:
            rec["references"] = [self._reference(cc) for _ in range(rng.randint(1, 3))]
        rec["label"] = rec.pop("label")
        return when, rec

    def _mover(self, today: dt.date) -> Identity:
        rng = self.rng
        old = rng.choice(
            (
                "IN",
                "UA",
                "NG",
                "BR",
                "PH",
                "MX",
                "KR",
                "CN",
                "PL",
                "PK",
                "VN",
                "EG",
                "CO",
                "RU",
                "GB",
                "DE",
            )
        )
        new = rng.choice(("US", "US", "US", "CA", "GB", "DE", "NL", "IE", "PL", "AU"))
        if new == old:
            new = "US"
        origin = ORIGINS[weighted(rng, RESIDENT_ORIGINS[old])]
        ident = make_identity(rng, today, country=new, origin=origin, first_gen=True)
        ident.phone = phone_for(
            rng, old, None, style=rng.choice(("international", "e164", "international"))
        )
        ident.phone_country = old
        ident.nationality = old if rng.random() < 0.7 else ident.nationality
        ident.extra["old_country"] = old
        return ident

    def _reference(self, country: str) -> dict[str, Any]:
        rng = self.rng
        ctry = COUNTRIES[country]
        origin = pick_origin(rng, country)
        first = rng.choice(origin.male if rng.random() < 0.55 else origin.female)
        last = rng.choice(origin.surnames)
        ref: dict[str, Any] = {"name": f"{first} {last}"}
        if rng.random() < 0.8:
            ref["email"] = email_for(
                rng, first, last, DEFAULT_START, ctry.email_domains, own_domain=0.2
            )
        if rng.random() < 0.6:
            ref["phone"] = phone_for(rng, country, pick_city(rng, ctry))
        return ref

    def _household(self) -> list[tuple[dt.datetime, Record]]:
        rng = self.rng
        group = self._new_group("household")
        base = self.clock.at(self.made)
        a = make_identity(rng, base.date())
        b = make_identity(
            rng, base.date(), country=a.country, origin=a.origin if rng.random() < 0.75 else None
        )
        b.city, b.address = a.city, dict(a.address)
        if rng.random() < 0.6:
            b.last = a.last
            b.full_name = f"{b.first} {a.last}"
            b.email = email_for(rng, b.first, b.last, b.dob, COUNTRIES[b.country].email_domains)
        if rng.random() < 0.3:
            b.phone = a.phone  # a shared landline
        if rng.random() < 0.3:
            b.extra["payment"] = self._payment_honest(a)  # a joint account
        ip = netdata.sample_ip(rng, a.country)
        out = [self._honest("household", ident=a, ip=ip, group=group, base=base)]
        later = base + dt.timedelta(hours=rng.uniform(0, 30))
        out.append(self._honest("household", ident=b, ip=ip, group=group, base=later))
        return out

    def _repeat_applicant(self) -> list[tuple[dt.datetime, Record]]:
        rng = self.rng
        group = self._new_group("person")
        base = self.clock.at(self.made)
        ident = make_identity(rng, base.date())
        ip = netdata.sample_ip(rng, ident.country)
        device = pick_device(rng)
        out = []
        for i in range(rng.choice((2, 2, 2, 3))):
            t = base + dt.timedelta(hours=rng.uniform(0, 36) * i)
            out.append(
                self._honest("repeat", ident=ident, ip=ip, device=device, group=group, base=t)
            )
        return out

    def _agency_batch(self) -> list[tuple[dt.datetime, Record]]:
        rng = self.rng
        live = [a for a in self.agencies if a.remaining > 0]
        if len(live) < 6 and (not live or rng.random() < 0.25):
            country = weighted(
                rng,
                (
                    ("US", 50.0),
                    ("IN", 20.0),
                    ("PH", 7.0),
                    ("UA", 6.0),
                    ("PL", 6.0),
                    ("MX", 5.0),
                    ("BR", 5.0),
                    ("CA", 4.0),
                    ("GB", 4.0),
                ),
            )
            city = pick_city(rng, COUNTRIES[country])
            locale = COUNTRIES[country].locale
            agency = Agency(
                self._new_group("agency"),
                country,
                city.tz,
                [locale] if locale.startswith("en") else [locale, "en-US"],
                [netdata.sample_ip(rng, country) for _ in range(rng.choice((1, 1, 2)))],
                [pick_device(rng, mac_bias=0.5) for _ in range(rng.randint(1, 3))],
                rng.randint(8, 80),
            )
            self.agencies.append(agency)
            live.append(agency)
        self.agencies = live
        agency = rng.choice(live)
        base = self.clock.at(self.made)
        out = []
        hour = rng.uniform(9, 17)
        for _ in range(min(agency.remaining, rng.randint(2, 5))):
            agency.remaining -= 1
            cand_country = agency.country if rng.random() < 0.85 else None
            ident = make_identity(rng, base.date(), country=cand_country)
            hour = min(23.5, hour + rng.uniform(0.05, 0.8))
            t = self._when(agency.tz, hour, base=base)
            when, rec = self._honest(
                "agency",
                ident=ident,
                ip=rng.choice(agency.ip),
                tz=agency.tz,
                device=rng.choice(agency.devices),
                source="staffing_agency",
                group=agency.group,
                browser_languages=agency.languages,
                base=t,
            )
            out.append((when, rec))
        return out

    def _site_batch(self, kind: str) -> list[tuple[dt.datetime, Record]]:
        rng = self.rng
        live = [s for s in self.sites if s.remaining > 0]
        mine = [s for s in live if s.kind == kind]
        if len(mine) < 8 and (not mine or rng.random() < 0.3):
            if kind == "campus":
                country = weighted(
                    rng,
                    (
                        ("US", 55.0),
                        ("GB", 6.0),
                        ("CA", 6.0),
                        ("DE", 5.0),
                        ("IN", 10.0),
                        ("BR", 4.0),
                        ("PL", 4.0),
                        ("KR", 3.0),
                        ("JP", 3.0),
                        ("NG", 2.0),
                        ("MX", 2.0),
                    ),
                )
                net = netdata.pick_network(rng, country, "education")
            else:
                country = weighted(
                    rng,
                    (
                        ("US", 50.0),
                        ("GB", 8.0),
                        ("DE", 8.0),
                        ("PL", 6.0),
                        ("UA", 5.0),
                        ("ES", 5.0),
                        ("CA", 5.0),
                        ("BR", 4.0),
                        ("MX", 4.0),
                        ("IN", 5.0),
                    ),
                )
                net = netdata.pick_network(rng, country, "residential")
            city = pick_city(rng, COUNTRIES[country])
            ips = [netdata.host_in(rng, net) for _ in range(rng.choice((1, 1, 2, 3)))]
            site = SharedSite(
                self._new_group(kind), kind, country, city.tz, city.name, ips, rng.randint(5, 40)
            )
            self.sites.append(site)
            live.append(site)
            mine.append(site)
        self.sites = live
        site = rng.choice(mine)
        base = self.clock.at(self.made)
        out = []
        for _ in range(min(site.remaining, rng.randint(1, 3))):
            site.remaining -= 1
            ctry = COUNTRIES[site.country]
            ident = make_identity(rng, base.date(), country=site.country, young=kind == "campus")
            same_city = [c for c in ctry.cities if c.name == site.city_name]
            if same_city and rng.random() < 0.8:
                ident.city = same_city[0]
                ident.address = make_address(rng, ctry, ident.city)
            t = base + dt.timedelta(hours=rng.uniform(0, 48))
            out.append(
                self._honest(
                    "campus" if kind == "campus" else "coworking",
                    ident=ident,
                    ip=rng.choice(site.ips),
                    group=site.group,
                    base=t,
                    campus_country=site.country if kind == "campus" else None,
                    scheme="honest_campus" if kind == "campus" else "honest_coworking",
                )
            )
        return out

    # ── the record ─────────────────────────────────────────────────────────────

    def _assemble(
        self,
        *,
        ident: Identity,
        when: dt.datetime,
        offset: int,
        source: str,
        job: dict[str, Any],
        profiles: list[dict[str, Any]],
        resume: dict[str, Any],
        letter: str | None,
        payment: dict[str, Any] | None,
        session: dict[str, Any],
        interview: dict[str, Any] | None,
        national_id: str | None,
        label: dict[str, Any],
    ) -> Record:
        rng = self.rng
        rec: Record = {}
        if rng.random() < 0.85:
            rec["schema_version"] = 1
        rec["application_id"] = ""
        rec["submitted_at"] = rfc3339(when, offset, zulu=rng.random() < 0.3)
        rec["source"] = source
        if rng.random() < 0.85:
            job["country"] = (
                "US"
                if rng.random() < 0.82 or ident.country not in _HIRING_COUNTRIES
                else ident.country
            )
        rec["job"] = job
        app: dict[str, Any] = {"full_name": ident.full_name}
        if ident.other_names:
            app["other_names"] = list(ident.other_names)
        if rng.random() < 0.5:
            app["date_of_birth"] = ident.dob.isoformat()
        if ident.nationality:
            app["nationality"] = ident.nationality
        app["email"] = ident.email
        if rng.random() < 0.96:
            app["phone"] = ident.phone
        if rng.random() < 0.92:
            app["address"] = dict(ident.address)
        if national_id:
            app["national_id_sha256"] = national_id
        if profiles:
            app["profiles"] = profiles
        rec["applicant"] = app
        rec["resume"] = resume
        if letter:
            rec["cover_letter"] = letter
        if payment and rng.random() < 0.75:
            rec["payment"] = payment
        rec["session"] = session
        if interview:
            rec["interview"] = interview
        rec["label"] = label
        return rec

    # ── fraud ──────────────────────────────────────────────────────────────────

    def _new_ring(self) -> Ring:
        rng = self.rng
        scheme = weighted(rng, _SCHEMES)
        op = weighted(rng, (("CN", 62.0), ("RU", 20.0), ("LA", 8.0), ("KP", 10.0)))
        if scheme == "ip_burst":
            op = weighted(rng, (("CN", 55.0), ("KP", 20.0), ("RU", 15.0), ("LA", 10.0)))
        size = {
            "laptop_farm": rng.randint(2, 14),
            "vpn_operator": rng.randint(1, 8),
            "hijacked_profile": rng.randint(1, 6),
            "identity_rental": rng.randint(1, 3),
            "ip_burst": rng.randint(5, 27),
            "lone_operator": 1,
        }[scheme]
        ring = Ring(
            ring_id=self._new_group("ring"),
            scheme=scheme,
            remaining=size,
            intensity=min(1.0, max(0.05, rng.betavariate(2.0, 2.2))),
            op_country=op,
            op_tz=rng.choice(_OP_TZ[op]),
            track=weighted(rng, _FRAUD_TRACKS),
            claimed=weighted(rng, _CLAIMED) if scheme != "identity_rental" else "US",
        )
        if scheme == "laptop_farm":
            ring.claimed = "US"
        if scheme == "ip_burst":
            ring.intensity = min(1.0, ring.intensity + 0.25)
        claimed = COUNTRIES[ring.claimed]
        if scheme == "laptop_farm" or (ring.claimed == "US" and rng.random() < 0.3):
            fcity = pick_city(rng, COUNTRIES["US"])
            ring.facilitator = make_address(rng, COUNTRIES["US"], fcity)
            ring.facilitator_tz = fcity.tz
            net = netdata.pick_network(rng, "US", "residential")
            ring.facilitator_ips = [netdata.host_in(rng, net) for _ in range(rng.choice((1, 1, 2)))]
            if rng.random() < 0.2:  # the facilitator's home line also speaks IPv6
                ring.facilitator_ips = [netdata.sample_ip(rng, "US", v6=True)]
        hosting_country = ring.claimed if rng.random() < 0.8 else None
        ring.vpn_ips = [
            netdata.sample_hosting_ip(rng, hosting_country) for _ in range(rng.randint(1, 4))
        ]
        if rng.random() < 0.18:
            ring.vpn_ips.append(rng.choice(netdata.ASTRILL_EXITS))
        if scheme == "ip_burst":
            kind = weighted(rng, (("hosting", 40.0), ("origin", 60.0)))
            if kind == "hosting":
                ring.burst_net = netdata.pick_network(
                    rng, weighted(rng, netdata.HOSTING_COUNTRIES_WEIGHTED), "hosting"
                )
            elif op == "KP":
                ring.burst_net = netdata.Network(
                    "KP", "dprk", "Star JV", 0xAF2DB000 + 256 * rng.randrange(4), 256
                )
            else:
                ring.burst_net = netdata.pick_network(rng, op, "residential")
            net = ring.burst_net
            if net.size > 256:  # the batch comes from one /24 of the provider's network
                ring.burst_net = netdata.Network(
                    net.country,
                    net.kind,
                    net.provider,
                    net.first + 256 * rng.randrange(net.size // 256),
                    256,
                )
        city = pick_city(rng, claimed)
        ring.phones = [
            phone_for(rng, ring.claimed, city if rng.random() < 0.4 else pick_city(rng, claimed))
            for _ in range(rng.randint(1, 3))
        ]
        ring.email_domain = weighted(
            rng,
            (
                ("gmail.com", 45.0),
                ("outlook.com", 25.0),
                ("hotmail.com", 10.0),
                ("proton.me", 8.0),
                ("yahoo.com", 6.0),
                ("aol.com", 2.0),
                ("mail.com", 4.0),
            ),
        )
        ring.email_tag = rng.choice(
            ("dev", "tech", "eng", "work", "", "", "pro", "code", "it", "jobs")
        )
        ring.devices = [
            pick_device(rng, cheap_bias=5.0, mac_bias=0.35) for _ in range(rng.randint(1, 3))
        ]
        ring.pay_method = weighted(
            rng,
            (
                ("direct_deposit", 44.0),
                ("payroll_card", 16.0),
                ("money_service", 15.0),
                ("crypto", 10.0),
                ("third_party_payee", 8.0),
                ("check", 7.0),
            ),
        )
        ring.account = sha256_of(rng)
        ring.crypto = _crypto_address(rng)
        ring.tools = [weighted(rng, _TOOLS) for _ in range(rng.choice((1, 1, 2, 3)))]
        if scheme == "laptop_farm" and rng.random() < 0.5:
            ring.tools.append(rng.choice(("pikvm", "tinypilot", "kvm")))
        ring.tools = sorted(set(ring.tools))
        ring.languages_extra = (
            weighted(
                rng,
                (
                    ("", 60.0),
                    ("zh-CN", 17.0),
                    ("ko-KR", 10.0),
                    ("ru-RU", 8.0),
                    ("ko", 3.0),
                    ("ja-JP", 2.0),
                ),
            )
            or None
        )
        if op == "RU" and ring.languages_extra in ("zh-CN",):
            ring.languages_extra = "ru-RU"
        ring.spoof_tz = pick_city(rng, claimed).tz
        return ring

    def _fraud_group(self) -> list[tuple[dt.datetime, Record]]:
        rng = self.rng
        live = [r for r in self.rings if r.remaining > 0]
        if len(live) < 40 and (not live or rng.random() < 0.45):
            ring = self._new_ring()
            live.append(ring)
        else:
            ring = rng.choice(live)
        self.rings = live
        if ring.scheme == "ip_burst":
            k = ring.remaining
        else:
            k = min(
                ring.remaining,
                int(weighted(rng, (("1", 55.0), ("2", 25.0), ("3", 12.0), ("4", 8.0)))),
            )
        base = self.clock.at(self.made)
        # operators work their own daytime; a burst spans a few hours
        op_hour = rng.uniform(8.5, 20.0)
        span = rng.uniform(0.5, 4.0) if ring.scheme == "ip_burst" else rng.uniform(0, 30)
        out = []
        for i in range(k):
            ring.remaining -= 1
            hour = op_hour + span * (i / max(1, k - 1)) * (1 if ring.scheme == "ip_burst" else 0)
            t = self._when(ring.op_tz, hour % 24, base=base)
            if ring.scheme != "ip_burst":
                t = self.clock.clamp(t + dt.timedelta(hours=rng.uniform(0, span)))
            out.append(self._fraud_app(ring, t))
        return out

    def _fraud_identity(self, ring: Ring, today: dt.date) -> tuple[Identity, str | None]:
        rng = self.rng
        if ring.identities and rng.random() < 0.18:
            return rng.choice(ring.identities)  # the same identity at another requisition
        claimed = ring.claimed
        ident = make_identity(rng, today, country=claimed, anglo_boost=1.6, first_gen=False)
        locale = COUNTRIES[claimed].locale
        if locale.startswith("en"):
            ident.languages = [locale, "en"] if rng.random() < 0.4 else [locale]
        else:  # claims a non-English country from an English-language browser, mostly
            ident.languages = ["en-US"] if rng.random() < 0.6 else [locale, "en-US"]
        ident.keyboards = [COUNTRIES[claimed].keyboard]
        if ring.scheme != "identity_rental":
            # rings write their own e-mail addresses with a house style
            f, l_ = ascii_fold(ident.first), ascii_fold(ident.last)
            tag = ring.email_tag if rng.random() < 0.8 else ""
            digits = rng.choice(
                (
                    f"{ident.dob.month:02d}{ident.dob.day:02d}",
                    str(ident.dob.year % 100),
                    str(rng.randrange(1, 999)),
                    "",
                )
            )
            local = rng.choice((f"{f}{l_}", f"{f}.{l_}", f"{f}{l_[0]}", f"{l_}{f}"))
            sep = "." if tag and rng.random() < 0.5 else ""
            ident.email = f"{local}{sep}{tag}{digits}@{ring.email_domain}"
            if rng.random() < 0.5 * ring.intensity + 0.1:
                ident.phone = rng.choice(ring.phones)
            elif rng.random() < 0.3 * ring.intensity:
                ident.phone = _odd_phone(rng, ident.phone)
        if ring.members and tell_alias(rng, ring.intensity):  # another name on file (ADV22)
            ident.other_names = [*ident.other_names, rng.choice(ring.members)[0]]
        nid = sha256_of(rng) if claimed == "US" and rng.random() < 0.5 else None
        ring.identities.append((ident, nid))
        if len(ring.identities) > 12:
            ring.identities.pop(0)
        return ident, nid

    def _fraud_app(self, ring: Ring, when: dt.datetime) -> tuple[dt.datetime, Record]:
        rng = self.rng
        intensity = min(1.0, max(0.0, ring.intensity + rng.uniform(-0.15, 0.15)))

        def tell(p: float) -> bool:
            return rng.random() < p * intensity

        today = when.date()
        ident, nid = self._fraud_identity(ring, today)
        scheme = ring.scheme
        cover = (scheme == "ip_burst" and rng.random() < 0.45) or rng.random() < 0.06
        job, jtrack = self._job(ring.track, cover_roles=cover)
        track = careers.TRACK_BY_KEY[ring.track if rng.random() < 0.75 else jtrack]
        if scheme == "identity_rental":
            career = make_career(
                rng, today, ident.dob, track, edu_country="US", work_countries=("US",)
            )
        else:
            claim = rng.randint(5, 12)
            edu_country = ident.country
            if tell(0.2):  # a US address but a non-North-American school (MND24)
                edu_country = rng.choice(("CN", "UA", "RU", "VN", "MY", "SG", "JP", "KR", "PL"))
            career = make_career(
                rng,
                today,
                ident.dob,
                track,
                edu_country=edu_country,
                work_countries=(ident.country,),
                years_claimed=claim,
            )
            career.years = max(career.years, claim)
            _fraud_experience(rng, career, today, tell)
            if tell(0.25) and career.education:  # a degree at 14-16 (mismatched history)
                edu = career.education[0]
                edu["start_year"] = ident.dob.year + rng.randint(13, 15)
                edu["end_year"] = edu["start_year"] + 4
        # network and clock
        tz = ident.city.tz
        offset_tz = tz
        webrtc: list[str] = []
        tools: list[str] = []
        if scheme == "laptop_farm":
            if rng.random() < 0.6:
                ip = rng.choice(ring.facilitator_ips)
                tz = offset_tz = ring.facilitator_tz or tz
            else:
                ip = rng.choice(ring.vpn_ips)
            if tell(0.9):
                tools = list(ring.tools)
        elif scheme == "identity_rental":
            ip = (
                netdata.sample_ip(rng, "US", v6=rng.random() < 0.15)
                if not ring.facilitator_ips or rng.random() < 0.5
                else ring.facilitator_ips[0]
            )
            if tell(0.8):
                tools = [t for t in ring.tools if t not in ("pikvm", "tinypilot", "kvm")] or [
                    "anydesk"
                ]
        elif scheme == "ip_burst":
            assert ring.burst_net is not None
            ip = netdata.host_in(rng, ring.burst_net)
        else:
            r = rng.random()
            if r < 0.7:
                ip = rng.choice(ring.vpn_ips)
            elif r < 0.85 and ring.facilitator_ips:
                ip = rng.choice(ring.facilitator_ips)
            else:
                ip = netdata.sample_ip(rng, ident.country, v6=rng.random() < 0.1)  # a proxy
            if tell(0.3):
                tools = list(ring.tools)[:1]
        # the browser clock: real operator zone, a spoofed zone name, or a consistent one
        if scheme not in ("identity_rental",) and not (
            scheme == "laptop_farm" and tz != ident.city.tz
        ):
            mode = rng.random()
            if tell(0.45) or (scheme == "ip_burst" and mode < 0.5):
                tz = offset_tz = ring.op_tz
            elif tell(0.35):
                tz = ring.spoof_tz or tz
                offset_tz = ring.op_tz
        offset = offset_minutes(when, offset_tz)
        if scheme != "identity_rental" and tell(0.35):
            webrtc = [_leak_ip(rng, ring.op_country)]
        device = (
            rng.choice(ring.devices)
            if tell(0.9) or rng.random() < 0.3
            else pick_device(rng, cheap_bias=4.0, mac_bias=0.4)
        )
        if scheme == "identity_rental":
            device = pick_device(rng)
        langs = list(ident.languages)
        if ring.languages_extra and tell(0.5):
            langs.append(ring.languages_extra)
        session = build_session(rng, device, ip, tz, offset, langs, ident.keyboards)
        if webrtc:
            session["webrtc_ips"] = webrtc
        elif rng.random() < 0.15:
            session["webrtc_ips"] = [ip]
        if tools:
            session["remote_access_tools"] = tools
        # documents
        source = weighted(
            rng,
            (
                ("job_board", 34.0),
                ("linkedin", 30.0),
                ("careers_site", 20.0),
                ("referral", 7.0),
                ("telegram", 3.0),
                ("staffing_agency", 5.0),
                ("other", 1.0),
            ),
        )
        resume = resume_block(rng, ident, career)
        if scheme != "identity_rental":
            if ring.resume_text and tell(0.6):
                resume["text"] = ring.resume_text
            elif self.recent_resumes and tell(0.12):  # a real developer's resume, new name
                resume["text"] = rng.choice(self.recent_resumes)
            if ring.resume_text is None:
                ring.resume_text = resume["text"]
            if "skills" in resume and rng.random() < 0.6:
                resume["skills"] = list(
                    dict.fromkeys(
                        career.skills + rng.sample(careers.TRACK_BY_KEY["blockchain"].skills, 2)
                        if tell(0.4)
                        else career.skills
                    )
                )
        letter: str | None = None
        if rng.random() < 0.6:
            style = "assistant" if tell(0.7) else weighted(rng, (("plain", 70.0), ("terse", 30.0)))
            if ring.letter_text and tell(0.5):
                letter = ring.letter_text.replace("{name}", ident.full_name)
            else:
                letter = letter_for(rng, ident, career, job["title"], source, style)
                if ring.letter_text is None:
                    ring.letter_text = letter.replace(ident.full_name, "{name}")
        profiles = self._fraud_profiles(ring, ident, career, today, tell)
        payment = self._fraud_payment(ring, tell)
        interview = self._fraud_interview(ring, ident, when, tell) if rng.random() < 0.6 else None
        rec = self._assemble(
            ident=ident,
            when=when,
            offset=offset,
            source=source,
            job=job,
            profiles=profiles,
            resume=resume,
            letter=letter,
            payment=payment,
            session=session,
            interview=interview,
            national_id=nid,
            label=_label(True, scheme, ring.ring_id, None),
        )
        if ring.facilitator and ((scheme == "laptop_farm" and tell(1.0)) or tell(0.3)):
            rec["shipping_address"] = dict(ring.facilitator)
        elif scheme == "identity_rental" and tell(0.5):
            rec["shipping_address"] = make_address(
                rng, COUNTRIES["US"], pick_city(rng, COUNTRIES["US"])
            )
        if ring.members and tell(0.5):
            name, email, phone = rng.choice(ring.members)
            rec["references"] = [{"name": name, "email": email, "phone": phone}]
        elif rng.random() < 0.15:
            rec["references"] = [self._reference(ident.country)]
        ring.members.append((ident.full_name, ident.email, ident.phone))
        if len(ring.members) > 8:
            ring.members.pop(0)
        rec["label"] = rec.pop("label")
        return when, rec

    def _fraud_profiles(
        self, ring: Ring, ident: Identity, career: Career, today: dt.date, tell: Any
    ) -> list[dict[str, Any]]:
        rng = self.rng
        if ring.scheme == "identity_rental":
            return honest_profiles(rng, ident, career, today)
        out: list[dict[str, Any]] = []
        hijacked = ring.scheme == "hijacked_profile" or tell(0.15)
        if hijacked:
            created = dt.date(rng.randint(2009, 2018), rng.randint(1, 12), rng.randint(1, 28))
            silent = dt.date(rng.randint(max(created.year, 2014), 2021), rng.randint(1, 12), 1)
            connections = rng.randint(3, 60) if rng.random() < 0.65 else rng.randint(60, 420)
            out.append(
                {
                    "network": "linkedin",
                    "url": "https://www.linkedin.com/in/"
                    + linkedin_slug(rng, ident.first, ident.last),
                    "created_on": created.isoformat(),
                    "updated_on": (today - dt.timedelta(days=rng.randint(0, 20))).isoformat(),
                    "last_activity_on": max(created, silent).isoformat(),
                    "connections": connections,
                }
            )
        elif rng.random() < 0.8:
            if tell(0.7):
                created = today - dt.timedelta(days=rng.randint(10, 300))
                connections = rng.randint(0, 120)
            else:
                created = dt.date(rng.randint(2012, 2023), rng.randint(1, 12), rng.randint(1, 28))
                connections = rng.randint(40, 700)
            p: dict[str, Any] = {
                "network": "linkedin",
                "url": f"https://www.linkedin.com/in/{linkedin_slug(rng, ident.first, ident.last)}",
                "created_on": created.isoformat(),
            }
            if rng.random() < 0.85:
                p["updated_on"] = (today - dt.timedelta(days=rng.randint(0, 60))).isoformat()
            if rng.random() < 0.7:
                p["last_activity_on"] = (today - dt.timedelta(days=rng.randint(0, 90))).isoformat()
            if rng.random() < 0.9:
                p["connections"] = connections
            out.append(p)
        if rng.random() < 0.6:
            if tell(0.8):
                created = today - dt.timedelta(days=rng.randint(3, 200))
                repos = rng.randint(0, 9)
            else:
                created = dt.date(rng.randint(2013, 2022), rng.randint(1, 12), rng.randint(1, 28))
                repos = rng.randint(3, 40)
            handle = github_handle(rng, ident.first, ident.last)
            if ring.email_tag and tell(0.3):
                handle = f"{handle}-{ring.email_tag}"
            if ring.members and tell(0.15):  # the profile of another of the ring's names
                other = ring.members[-1][0].split()
                handle = github_handle(rng, other[0], other[-1])
            g: dict[str, Any] = {
                "network": "github",
                "handle": handle,
                "created_on": created.isoformat(),
                "public_repos": repos,
            }
            if rng.random() < 0.5:
                g["url"] = f"https://github.com/{handle}"
            if rng.random() < 0.6:
                g["last_activity_on"] = (today - dt.timedelta(days=rng.randint(0, 30))).isoformat()
            out.append(g)
        if tell(0.15):
            out.append({"network": "telegram", "handle": f"@{ascii_handle(ident)}"})
        return out

    def _fraud_payment(self, ring: Ring, tell: Any) -> dict[str, Any]:
        rng = self.rng
        method = (
            ring.pay_method
            if rng.random() < 0.75
            else weighted(
                rng,
                (
                    ("direct_deposit", 60.0),
                    ("payroll_card", 15.0),
                    ("money_service", 15.0),
                    ("crypto", 10.0),
                ),
            )
        )
        p: dict[str, Any] = {"method": method}
        if method in ("direct_deposit", "third_party_payee", "payroll_card"):
            p["bank_country"] = "US" if ring.claimed == "US" or rng.random() < 0.5 else ring.claimed
            if rng.random() < 0.7:
                p["account_sha256"] = ring.account if tell(0.7) else sha256_of(rng)
        elif method == "crypto":
            p["crypto_address"] = ring.crypto if tell(0.8) else _crypto_address(rng)
        elif method == "money_service" and rng.random() < 0.6:
            p["account_sha256"] = ring.account if tell(0.7) else sha256_of(rng)
        return p

    def _fraud_interview(
        self, ring: Ring, ident: Identity, when: dt.datetime, tell: Any
    ) -> dict[str, Any]:
        rng = self.rng
        declined = tell(0.5) or rng.random() < 0.03
        iv: dict[str, Any] = {"video_declined": declined}
        if declined or tell(0.4):
            iv["camera_off_minutes"] = round(rng.uniform(5, 60), 1)
        if tell(0.3) or (ring.scheme == "identity_rental" and tell(0.4)):
            iv["voice_only"] = True
        if rng.random() < 0.8:
            if tell(0.7):  # the operator's working day, in the claimed zone
                op_local = local_time(when.date(), rng.uniform(9, 19), ring.op_tz)
                iv["scheduled_local_hour"] = op_local.astimezone(zone(ident.city.tz)).hour
            else:
                iv["scheduled_local_hour"] = rng.choice((9, 10, 11, 13, 14, 15, 16, 17))
        return iv


def tell_alias(rng: random.Random, intensity: float) -> bool:
    return rng.random() < 0.12 * intensity


def ascii_handle(ident: Identity) -> str:
    return f"{ascii_fold(ident.first)}_{ascii_fold(ident.last)}"


def _origin_home(ident: Identity) -> str:
    return ORIGIN_HOME.get(ident.origin.key, ident.country)


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _crypto_address(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return "0x" + hex_id(rng, 160)
    if kind < 0.75:
        return "T" + "".join(rng.choice(_B58) for _ in range(33))
    return "bc1q" + "".join(rng.choice(_B32) for _ in range(38))


def _leak_ip(rng: random.Random, op_country: str) -> str:
    if op_country == "KP" and rng.random() < 0.5:
        return netdata.dprk_ip(rng)
    country = op_country if op_country != "KP" else rng.choice(("CN", "RU"))
    return netdata.sample_ip(rng, country, "residential" if rng.random() < 0.8 else "mobile")


def _odd_phone(rng: random.Random, phone: str) -> str:
    """Regroup the digits of a number in a way no national convention writes them."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.startswith("+1") or (len(digits) == 11 and digits.startswith("1")):
        digits = digits[1:] if len(digits) == 11 else digits
        a, rest = digits[:3], digits[3:]
        return rng.choice(
            (
                f"+1 ({a}) {rest[:4]} {rest[4:]}",
                f"+1-{a}-{rest[:2]}-{rest[2:]}",
                f"001 {a} {rest}",
                f"+1 {a}{rest[:1]} {rest[1:]}",
            )
        )
    return rng.choice(
        (f"+{digits[:2]} {digits[2:6]} {digits[6:]}", f"00{digits}", f"({digits[:4]}) {digits[4:]}")
    )


def _fraud_experience(rng: random.Random, career: Career, today: dt.date, tell: Any) -> None:
    """Stretch a claimed career: freelance overlaps, brand names, tools before they existed."""
    exp = career.experience
    if tell(0.5):
        start = today.year - rng.randint(3, 8)
        exp.append(
            {
                "employer": rng.choice(
                    ("Freelance", "Toptal", "Upwork", "Self-employed", "Freelance (Upwork)")
                ),
                "title": rng.choice(career.track.titles[-3:]),
                "country": "US",
                "start": f"{start}-{rng.randint(1, 12):02d}",
                "end": f"{start + rng.randint(1, 4)}-{rng.randint(1, 12):02d}"
                if rng.random() < 0.5
                else None,
            }
        )
    if tell(0.15):  # a technology listed years before it was released
        tech, year = rng.choice(
            (
                ("Solidity", 2011),
                ("React", 2011),
                ("Kubernetes", 2012),
                ("SwiftUI", 2016),
                ("Next.js", 2014),
                ("LLMs", 2015),
                ("Rust", 2012),
            )
        )
        exp.append(
            {
                "employer": rng.choice(careers.EMPLOYERS["US"]),
                "title": f"{tech} Developer",
                "country": "US",
                "start": f"{year}-{rng.randint(1, 12):02d}",
                "end": f"{year + rng.randint(1, 3)}-{rng.randint(1, 12):02d}",
            }
        )
    if tell(0.3):
        for e in exp:
            if e["employer"] not in ("Freelance", "Toptal", "Upwork"):
                e["employer"] = rng.choice(
                    (
                        "Amazon",
                        "Google",
                        "Meta",
                        "Microsoft",
                        "Apple",
                        "Netflix",
                        "Coinbase",
                        "Stripe",
                        "Uber",
                        "Airbnb",
                    )
                )
                break


def generate(
    n: int, *, seed: int = 0, fraud_rate: float = 0.05, start: dt.date | None = None, days: int = 90
) -> Iterator[dict[str, Any]]:
    """Yield ``n`` synthetic applications (contract v1 dicts with an extra ``label``).

    The same arguments always give the same records in the same order. Records come out in
    (nearly) ascending ``submitted_at`` between ``start`` (default 2026-09-01) and
    ``start + days``; memory stays bounded whatever ``n``.
    """
    return iter(
        Population(n, seed=seed, fraud_rate=fraud_rate, start=start or DEFAULT_START, days=days)
    )
