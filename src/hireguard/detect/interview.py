"""HG-INT: how the applicant behaved in the interview.

A camera that never turns on, an interview held only by voice, and interviews at hours
that are night where the applicant says they live (but daytime on their computer's clock)
are among the most cited tells of DPRK IT workers. The interview section is filled in by
the recruiter or the interview platform.

``interview.scheduled_local_hour`` is read as the hour of the interview at the applicant's
claimed home (the contract's "local"). The claimed home's time zone comes from the address:
a table for US states, Canadian provinces and Australian states, one zone for other
countries, and ``zoneinfo`` for the offset on the application date.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.timezones import country_zones, zone_offset_minutes
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.normalise import latin_key

PSA23 = (
    "FBI/ROK PSA231018, 'Additional Guidance on the DPRK IT Workers', 2023-10-18 "
    "(unwilling or unable to appear on camera)"
)
SCW24 = (
    "Secureworks CTU, NICKEL TAPESTRY report, 2024-10 (reluctance to do video calls, "
    "'webcam not working')"
)
PSA25 = (
    "FBI I-012325-PSA and fbi.gov alert, 2025 (AI face-swap in video interviews; ask the "
    "candidate to appear on camera and wave a hand in front of the face)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (unable to work or meet in the business hours of the claimed location)"
)
KB4 = (
    "KnowBe4, 'How a North Korean Fake IT Worker Tried to Infiltrate Us', 2024-07-23 "
    "(working night shifts to mimic US daytime)"
)
TZDB = "IANA time zone database (tzdata via zoneinfo): offsets on the application date"

# ---- the claimed home's time zone ------------------------------------------------------

_US = {
    "America/New_York": "CT DE DC FL GA ME MD MA NH NJ NY NC OH PA RI SC VT VA WV KY",
    "America/Detroit": "MI",
    "America/Indiana/Indianapolis": "IN",
    "America/Chicago": "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI",
    "America/Denver": "CO MT NM UT WY ID",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "Pacific/Honolulu": "HI",
    "America/Puerto_Rico": "PR",
    "Pacific/Guam": "GU",
    "America/St_Thomas": "VI",
}
_US_NAMES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "washington dc": "DC", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY",
    "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO",
    "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
    "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
    "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
    "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
    "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
    "puerto rico": "PR", "guam": "GU",
}  # fmt: skip
_CA = {
    "BC": "America/Vancouver", "AB": "America/Edmonton", "SK": "America/Regina",
    "MB": "America/Winnipeg", "ON": "America/Toronto", "QC": "America/Toronto",
    "NB": "America/Moncton", "NS": "America/Halifax", "PE": "America/Halifax",
    "NL": "America/St_Johns", "YT": "America/Whitehorse", "NT": "America/Edmonton",
    "NU": "America/Iqaluit",
}  # fmt: skip
_CA_NAMES = {
    "british columbia": "BC", "alberta": "AB", "saskatchewan": "SK", "manitoba": "MB",
    "ontario": "ON", "quebec": "QC", "new brunswick": "NB", "nova scotia": "NS",
    "prince edward island": "PE", "newfoundland and labrador": "NL", "newfoundland": "NL",
    "yukon": "YT", "northwest territories": "NT", "nunavut": "NU",
}  # fmt: skip
_AU = {
    "NSW": "Australia/Sydney", "ACT": "Australia/Sydney", "VIC": "Australia/Melbourne",
    "QLD": "Australia/Brisbane", "SA": "Australia/Adelaide", "WA": "Australia/Perth",
    "TAS": "Australia/Hobart", "NT": "Australia/Darwin",
}  # fmt: skip
_AU_NAMES = {
    "new south wales": "NSW", "australian capital territory": "ACT", "victoria": "VIC",
    "queensland": "QLD", "south australia": "SA", "western australia": "WA",
    "tasmania": "TAS", "northern territory": "NT",
}  # fmt: skip
_STATE_ZONES: dict[str, dict[str, str]] = {
    "US": {code: zone for zone, codes in _US.items() for code in codes.split()},
    "CA": _CA,
    "AU": _AU,
}
_STATE_NAMES: dict[str, dict[str, str]] = {"US": _US_NAMES, "CA": _CA_NAMES, "AU": _AU_NAMES}
# Countries whose first zone in zone.tab is not where most people live.
_MAIN_ZONE = {
    "RU": "Europe/Moscow", "BR": "America/Sao_Paulo", "UA": "Europe/Kyiv",
    "UZ": "Asia/Tashkent", "AU": "Australia/Sydney", "CA": "America/Toronto",
    "US": "America/New_York", "KI": "Pacific/Tarawa", "FM": "Pacific/Pohnpei",
    "PF": "Pacific/Tahiti", "GL": "America/Nuuk", "EC": "America/Guayaquil",
    "CD": "Africa/Kinshasa", "MN": "Asia/Ulaanbaatar", "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon", "NZ": "Pacific/Auckland", "CL": "America/Santiago",
}  # fmt: skip


def region_code(country: str | None, region: str | None) -> str | None:
    """A state or province as its postal code (``Texas`` → ``TX``) where the table knows
    the country; otherwise the region as given, upper-cased."""
    if not region:
        return None
    code = region.strip().upper().replace(".", "")
    names = _STATE_NAMES.get(country or "")
    if names is None or code in _STATE_ZONES.get(country or "", {}):
        return code
    return names.get(latin_key(region), code)


@functools.lru_cache(maxsize=1024)
def home_zone(country: str | None, region: str | None) -> tuple[str, bool] | None:
    """The claimed home's IANA zone and whether it is certain (False: the country spans
    several zones and the region did not say which)."""
    if not country:
        return None
    states = _STATE_ZONES.get(country)
    if states is not None:
        code = region_code(country, region)
        if code and code in states:
            return states[code], True
    zones = country_zones(country)
    if not zones:
        return None
    return _MAIN_ZONE.get(country, zones[0]), len(zones) == 1


# ---- HG-INT-001 / 002 ------------------------------------------------------------------


@detector(
    id="HG-INT-001",
    title="Declined video, or interviewed by voice only",
    severity="medium",
    weight=1.6,
    sources=[PSA23, SCW24, PSA25],
    false_positives=[
        "applicants with a disability or a medical reason not to appear on camera",
        "a broken camera or a poor connection on the day",
    ],
)
def video_declined(app: EnrichedApplication) -> Iterator[Finding]:
    """The applicant declined to appear on video, or the interview was held by voice only.
    The FBI's first interview red flag: workers on a stolen identity cannot show the face
    that goes with it. Graded: declined video 1.6, voice-only interview 1.2."""
    iv = app.app.interview
    if iv is None:
        return
    if iv.video_declined:
        yield video_declined.finding(
            "The applicant declined to appear on video in the interview.",
            evidence={"video_declined": True, "voice_only": bool(iv.voice_only)},
        )
    elif iv.voice_only:
        yield video_declined.finding(
            "The interview was held by voice only, without video.",
            evidence={"voice_only": True},
            weight=1.2,
        )


@detector(
    id="HG-INT-002",
    title="Camera off for much of the interview",
    severity="low",
    weight=0.9,
    sources=[PSA23, SCW24],
    false_positives=[
        "bandwidth problems that force the camera off",
        "long screen-sharing segments during which the camera was turned off",
    ],
)
def camera_off(app: EnrichedApplication) -> Iterator[Finding]:
    """The camera was off for 10 minutes or more of the interview, although video was not
    declined outright. Graded: 30 minutes or more 0.9, 10 to 30 minutes 0.4."""
    iv = app.app.interview
    if iv is None or iv.camera_off_minutes is None or iv.video_declined:
        return
    minutes = iv.camera_off_minutes
    if minutes < 10:
        return
    yield camera_off.finding(
        f"The camera was off for {minutes:.0f} minutes of the interview.",
        evidence={"camera_off_minutes": minutes},
        weight=None if minutes >= 30 else 0.4,
    )


# ---- HG-INT-003 ------------------------------------------------------------------------

_NIGHT = frozenset({22, 23, 0, 1, 2, 3, 4, 5})
_OFFICE = range(8, 20)


def _browser_offset(app: EnrichedApplication) -> int | None:
    session = app.app.session
    if session is None:
        return None
    if session.timezone:
        offset = zone_offset_minutes(session.timezone, app.submitted_on)
        if offset is not None:
            return offset
    return session.utc_offset_minutes


@detector(
    id="HG-INT-003",
    title="Interview at night where the applicant claims to live",
    severity="medium",
    weight=0.8,
    sources=[ADV22, KB4, TZDB],
    false_positives=[
        "night-shift workers and people with caring duties who choose late slots",
        "an interview booked across time zones by mistake",
        "candidates who live abroad and interview in the employer's hours (left out when the "
        "job's country is given and differs from the home)",
    ],
)
def night_interview(app: EnrichedApplication) -> Iterator[Finding]:
    """The interview was held between 22:00 and 06:00 at the applicant's claimed home.
    People abroad who pose as local ask for slots in their own daytime. When the browser's
    own clock puts the same moment in office hours (08:00 to 20:00), the message says so and
    the finding stands even for a job in another country; the weight stays 0.8, since that
    the computer's clock belongs elsewhere is HG-LOC-002's fact and counting it twice would
    turn every traveller's evening slot into strong evidence (on ``bench/heldout`` the 1.8
    grade this detector had flagged travellers and cost recall). Without that contradiction,
    a night slot for a job in another country than the claimed home is no finding:
    candidates abroad honestly interview in the employer's office hours."""
    iv = app.app.interview
    addr = app.app.applicant.address
    if iv is None or iv.scheduled_local_hour is None or iv.scheduled_local_hour not in _NIGHT:
        return
    hour = iv.scheduled_local_hour
    evidence: dict[str, object] = {"local_hour": hour}
    zone = home_zone(addr.country, addr.region) if addr is not None else None
    browser = _browser_offset(app)
    if zone is not None and zone[1] and browser is not None:
        home_offset = zone_offset_minutes(zone[0], app.submitted_on)
        if home_offset is not None:
            browser_hour = (hour * 60 - home_offset + browser) // 60 % 24
            evidence |= {"home_zone": zone[0], "browser_hour": browser_hour}
            if browser_hour in _OFFICE:
                yield night_interview.finding(
                    f"The interview was at {hour:02d}:00 at the claimed home ({zone[0]}), "
                    f"which is {browser_hour:02d}:00 on the applicant's own computer clock.",
                    evidence=evidence,
                )
                return
    job_country = app.app.job.country
    if job_country and addr is not None and addr.country and job_country != addr.country:
        return  # hiring across time zones: the slot follows the employer's office hours
    yield night_interview.finding(
        f"The interview was at {hour:02d}:00, night time at the claimed home.",
        evidence=evidence,
    )
