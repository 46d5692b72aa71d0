"""HG-HIS: can the education and work history on the resume all be true?

Fabricated or borrowed resumes are assembled, not lived, and their dates often contradict
each other or the date of birth: a degree finished years after a senior role began, a
graduation at fourteen, two full-time jobs held at once for years, more years of
experience than the dates allow, or experience with a technology before it existed. Only
dates and titles are read; where a school or an employer is located never is.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.age import (
    NOT_A_JOB,
    YOUNGEST_PROFESSIONAL,
    is_graduate_degree,
    youngest_plausible_graduation,
)
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import Education
from hireguard.paths import package_data

ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (education and work history inconsistent across the application)"
)
PSA23 = (
    "FBI/ROK PSA231018, 'Additional Guidance on the DPRK IT Workers', 2023-10-18 (profiles "
    "and resume history that do not match)"
)
DTEX = (
    "DTEX i3 Threat Advisory, 'Inside the DPRK: Spotting Malicious Remote IT Applicants', "
    "2024 (resumes claiming experience with technologies before they existed)"
)
SPYCLOUD = (
    "SpyCloud (2026, quoted alongside FBI PSA25): near-identical copies of real developers' "
    "resumes with a new name, so dates are copied from someone else's life"
)
SEED = (
    "Employer account of 1,800 blocked DPRK-linked applications, seed story (2025): "
    "'mismatched education histories'"
)


# ---- dates -----------------------------------------------------------------------------


_MONTHS: dict[str, int | None] = {}


def _month(ym: str | None) -> int | None:
    """``YYYY-MM`` as a month count (year·12 + month − 1); None when absent or malformed."""
    if not ym:
        return None
    known = _MONTHS.get(ym, -1)
    if known != -1:
        return known
    value: int | None = None
    if len(ym) == 7:
        try:
            value = int(ym[:4]) * 12 + int(ym[5:7]) - 1
        except ValueError:
            value = None
    if len(_MONTHS) < 100_000:  # a few thousand distinct months exist; bound it anyway
        _MONTHS[ym] = value
    return value


def _fmt(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


class Role(NamedTuple):
    title: str  # lower-case
    employer: str  # lower-case
    start: int  # month count
    end: int  # month count; the application month while current


def _lower(text: str | None) -> str:
    return text.lower() if text else ""


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "twenty-five": 25, "thirty": 30,
}  # fmt: skip
# A claim is read around each "year(s)"/"yr(s)": the number just before, the subject after.
_SUBJECT = (
    r"[a-z][a-z0-9.+#/-]*"
    r"(?:\s(?!and\b|or\b|with\b|in\b|at\b|for\b|to\b|the\b|a\b|as\b|of\b)[a-z][a-z0-9.+#]*)?"
)
# What must follow "N years" for it to be a claim of experience (not "remote for 8 years").
_CLAIM_SUBJECT = re.compile(
    r"(?:years?|yrs?)'?\b(?:"
    r"(?:\s+of)?(?:\s+(?:professional|hands-on|industry|commercial|combined|relevant|total))?"
    r"\s+(?:experience|exp)\b(?:\s+(?:in|with|building|developing|using|as)\s+"
    r"(?P<s1>" + _SUBJECT + r"))?"
    r"|\s+(?:of|in|with|building|developing|using|as|working)\s+(?P<s2>" + _SUBJECT + r"))"
    r"(?:\s*(?:,|and\b|&|/)\s*(?P<next>[A-Za-z][A-Za-z0-9.+#-]*))?"
)


def _number_before(low: str, pos: int) -> int | None:
    """The number written just before position ``pos`` ("9+ ", "eleven ", "12 full ")."""
    head = low[max(0, pos - 24) : pos].rstrip()
    if head.endswith("full"):
        head = head[:-4].rstrip()
    head = head.rstrip("+").rstrip()
    if not head:
        return None
    token = head.rsplit(None, 1)[-1].lstrip("(~")
    if token.isascii() and token.isdigit() and len(token) <= 2:  # not '²', which int() refuses
        return int(token)
    return _NUMBER_WORDS.get(token)


def _is_list(text: str, after: re.Match[str]) -> bool:
    """Whether the claim's subject starts a list of tools ("Kafka, MySQL and AWS"): the word
    after the comma or "and" is a name (capitalised as written) or a known technology, not
    an ordinary word ("JavaScript work, recently at ...")."""
    start = after.start("next")
    if start < 0:
        return False
    word = after.group("next")
    return text[start].isupper() or bool(_technologies_in(word))


def _year_positions(low: str) -> Iterator[int]:
    for needle in ("year", "yr"):
        pos = low.find(needle)
        while pos != -1:
            yield pos
            pos = low.find(needle, pos + len(needle))


class Claim(NamedTuple):
    years: int
    subject: str  # the technology named after the claim, lower-case ("" when none)
    listed: bool  # the subject is the first of a list ("9 years of React, Node.js ...")


class HistoryFacts(NamedTuple):
    """What the resume's dates and text say, computed once per application."""

    roles: tuple[Role, ...]
    claims: tuple[Claim, ...]
    span_months: int | None  # first dated role's start to the application
    claimed_years: int | None  # the largest number of years of experience stated
    today: int  # the application month as a month count


def _roles(app: EnrichedApplication, today: int) -> tuple[Role, ...]:
    resume = app.app.resume
    if resume is None or not resume.experience:
        return ()
    out: list[Role] = []
    months = _MONTHS
    for exp in resume.experience:
        start = months.get(exp.start) if exp.start else None
        if start is None:
            start = _month(exp.start)
            if start is None:
                continue
        end = (months.get(exp.end) or _month(exp.end)) if exp.end else today
        if end is None or end < start:
            continue
        title, employer = exp.title, exp.employer
        out.append(
            Role(
                title.lower() if title else "",
                employer.lower() if employer else "",
                start,
                end if end < today else today,
            )
        )
    return tuple(out)


def _claims(app: EnrichedApplication) -> tuple[Claim, ...]:
    out: list[Claim] = []
    texts = (app.app.resume.text if app.app.resume is not None else None, app.app.cover_letter)
    for text in texts:
        if not text:
            continue
        low = text.lower()
        for pos in _year_positions(low):
            years = _number_before(low, pos)
            if years is None or not 1 <= years <= 45:
                continue
            after = _CLAIM_SUBJECT.match(low, pos, pos + 110)
            if after is None:
                continue  # "remote for 8 years", "2 years ago": not a claim of experience
            subject = after.group("s1") or after.group("s2") or ""
            out.append(Claim(years, subject.rstrip(".,"), _is_list(text, after)))
    return tuple(out)


def worked_months(app: EnrichedApplication) -> int:
    """Months covered by at least one dated role (overlaps counted once)."""
    total, reach = 0, -1
    for start, end in sorted((r.start, r.end) for r in history_facts(app).roles):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total


_LAST: tuple[EnrichedApplication | None, HistoryFacts | None] = (None, None)


def history_facts(app: EnrichedApplication) -> HistoryFacts:
    """The resume's dated roles and experience claims (memoised for the last application,
    since several detectors read them one after the other)."""
    global _LAST
    cached_app, cached = _LAST
    if cached_app is app and cached is not None:
        return cached
    today = app.submitted_on.year * 12 + app.submitted_on.month - 1
    rs = _roles(app, today)
    claims = _claims(app)
    facts = HistoryFacts(  # positional (roles, claims, span_months, claimed_years, today)
        rs,
        claims,
        today - min([r.start for r in rs]) if rs else None,
        max([c.years for c in claims]) if claims else None,
        today,
    )
    _LAST = (app, facts)
    return facts


def roles(app: EnrichedApplication) -> tuple[Role, ...]:
    """The dated roles of the resume, current ones ending at the application month."""
    return history_facts(app).roles


def career_span_months(app: EnrichedApplication) -> int | None:
    """Months from the first dated role's start to the application (None without roles)."""
    return history_facts(app).span_months


def experience_claims(app: EnrichedApplication) -> tuple[Claim, ...]:
    """Statements like "9+ years of experience in React" in the resume and cover letter."""
    return history_facts(app).claims


def claimed_years(app: EnrichedApplication) -> int | None:
    """The largest number of years of experience the applicant states (None if none)."""
    return history_facts(app).claimed_years


# ---- HG-HIS-001 --------------------------------------------------------------------------

_SENIOR = re.compile(
    r"\b(?:senior|sr\.?|lead|principal|staff|head|director|architect|manager|vp|"
    r"vice president|chief|cto|cio|ciso)\b"
)


@functools.lru_cache(maxsize=4096)
def _is_senior(title: str) -> bool:
    return _SENIOR.search(title) is not None


def _first_degree(app: EnrichedApplication) -> Education | None:
    """The earliest-ending undergraduate degree (graduate degrees and certificates are often
    earned while working and say nothing here); the first listed of those ending first."""
    resume = app.app.resume
    if resume is None:
        return None
    first: Education | None = None
    first_end = 0
    for e in resume.education:
        end = e.end_year
        if end is None or (e.degree and is_graduate_degree(e.degree)):
            continue
        if first is None or end < first_end:
            first, first_end = e, end
    return first


@detector(
    id="HG-HIS-001",
    title="First degree finished long after a senior role began",
    severity="medium",
    weight=1.0,
    sources=[ADV22, SEED, SPYCLOUD],
    false_positives=[
        "people who finish a first degree part-time while already in a senior job",
        "resumes where the degree's end year is a typing mistake",
    ],
)
def degree_after_senior_role(app: EnrichedApplication) -> Iterator[Finding]:
    """A senior, lead or management role began more than a year before the applicant's first
    (undergraduate) degree was finished, although the degree had started before that role:
    a senior engineer while still a first-year student. Someone who went back to school
    after a career (degree started after the role began) is not flagged, nor are master's
    degrees, doctorates and certificates, which are often earned while working."""
    degree = _first_degree(app)
    if degree is None or degree.end_year is None:
        return
    graduated = degree.end_year * 12 + 5  # June of the end year
    began_study = degree.start_year * 12 if degree.start_year is not None else None
    for role in roles(app):
        if not _is_senior(role.title):
            continue
        if began_study is not None and role.start < began_study:
            continue  # a career first, then school: the returning student
        gap = graduated - role.start
        if gap > 12:
            yield degree_after_senior_role.finding(
                f"A senior role ('{role.title}') began {_fmt(role.start)}, "
                f"{gap // 12} year(s) before the first degree was finished in {degree.end_year}.",
                evidence={
                    "role_start": _fmt(role.start),
                    "degree_end_year": degree.end_year,
                    "months_before": gap,
                },
                weight=1.3 if gap >= 36 else None,
            )
            return


# ---- HG-HIS-002 --------------------------------------------------------------------------


@detector(
    id="HG-HIS-002",
    title="Education or career dates impossible for the date of birth",
    severity="medium",
    weight=1.2,
    sources=[ADV22, SEED, SPYCLOUD],
    false_positives=[
        "gifted students who graduate very young",
        "a date of birth typed wrongly",
    ],
)
def implausible_age(app: EnrichedApplication) -> Iterator[Finding]:
    """Given the date of birth, the applicant finished a degree younger than almost anyone
    does (a bachelor's before 18, a master's before 20, a doctorate before 22), or held a
    professional job (not an internship or a student job) before 16. Dates copied from
    another person's resume onto a new identity produce exactly this."""
    dob = app.app.applicant.date_of_birth
    resume = app.app.resume
    if dob is None or resume is None:
        return
    for edu in resume.education:
        if edu.end_year is None:
            continue
        age = edu.end_year - dob.year
        youngest = youngest_plausible_graduation(edu.degree)
        if age < youngest:
            yield implausible_age.finding(
                f"The {edu.degree or 'degree'} was finished in {edu.end_year}, at about "
                f"{age} years of age by the date of birth.",
                evidence={"degree": edu.degree, "end_year": edu.end_year, "age": age},
                weight=1.6 if age < youngest - 3 else None,
            )
            return
    for role in roles(app):
        age = role.start // 12 - dob.year
        if age < YOUNGEST_PROFESSIONAL and not NOT_A_JOB.search(role.title):
            yield implausible_age.finding(
                f"The role '{role.title}' began in {_fmt(role.start)}, at about {age} years "
                "of age by the date of birth.",
                evidence={"role_start": _fmt(role.start), "age": age},
                weight=1.6 if age < 13 else None,
            )
            return


# ---- HG-HIS-003 --------------------------------------------------------------------------

_NOT_FULL_TIME = re.compile(
    r"\b(?:freelance|freelancer|contract|contractor|consultant|consulting|part[- ]time|"
    r"self[- ]employed|founder|co-founder|cofounder|owner|advisor|adviser|board|volunteer|"
    r"intern|mentor|instructor|adjunct|teaching|research assistant|moonlighting|side|"
    r"open[- ]source|maintainer|upwork|fiverr|toptal|various)\b"
)


@functools.lru_cache(maxsize=8192)
def _full_time(exp_title: str, employer: str) -> bool:
    return not (_NOT_FULL_TIME.search(exp_title) or _NOT_FULL_TIME.search(employer))


@detector(
    id="HG-HIS-003",
    title="Two full-time jobs held at the same time for a long time",
    severity="low",
    weight=0.6,
    sources=[ADV22, SPYCLOUD],
    false_positives=[
        "people with a second job or a side business who list it like a main job",
        "a notice period or a long handover between two employers",
    ],
)
def overlapping_jobs(app: EnrichedApplication) -> Iterator[Finding]:
    """Two roles at different employers, neither described as freelance, contract,
    part-time, advisory or self-employed, overlap for more than six months. Graded: more
    than a year of overlap weighs more. Résumés stitched together from several sources,
    or the several personas of one operator, overlap this way; honest people moonlight
    too, so it is weak alone."""
    rs = roles(app)
    if len(rs) < 2:
        return
    worst = 6  # overlaps up to six months are notice periods and handovers
    pair: tuple[Role, Role] | None = None
    for i, a in enumerate(rs):
        for b in rs[i + 1 :]:
            overlap = (a.end if a.end < b.end else b.end) - (
                a.start if a.start > b.start else b.start
            )
            if overlap <= worst or (a.employer and a.employer == b.employer):
                continue  # short, or a promotion or transfer inside one employer
            if _full_time(a.title, a.employer) and _full_time(b.title, b.employer):
                worst, pair = overlap, (a, b)
    if pair is None:
        return
    yield overlapping_jobs.finding(
        f"Two full-time roles overlap for {worst} months ('{pair[0].title}' and "
        f"'{pair[1].title}').",
        evidence={"overlap_months": worst},
        weight=1.0 if worst > 12 else None,
    )


# ---- HG-HIS-004 --------------------------------------------------------------------------


@detector(
    id="HG-HIS-004",
    title="More years of experience claimed than the date of birth allows",
    severity="medium",
    weight=1.5,
    sources=[ADV22, SPYCLOUD, PSA23],
    false_positives=[
        "a date of birth typed wrongly",
        "a child actor or a family business counted as experience",
    ],
)
def experience_beyond_dates(app: EnrichedApplication) -> Iterator[Finding]:
    """The resume or cover letter claims more years of experience than have passed since
    the applicant's sixteenth birthday: a summary copied from an older person's resume onto
    a younger identity. Only the date of birth bounds the claim: honest resumes often list
    just the last ten or fifteen years of roles under a "20 years of experience" summary,
    so the dated roles are not used as a bound."""
    claim = claimed_years(app)
    dob = app.app.applicant.date_of_birth
    if claim is None or dob is None:
        return
    adult_years = app.submitted_on.year - dob.year - 16
    if claim > adult_years:
        yield experience_beyond_dates.finding(
            f"The applicant claims {claim} years of experience, more than the "
            f"{max(adult_years, 0)} years since the age of 16 by the date of birth.",
            evidence={"claimed_years": claim, "years_since_16": adult_years},
        )


# ---- HG-HIS-005 --------------------------------------------------------------------------


@functools.cache
def technology_years() -> dict[str, tuple[int, str]]:
    """Technology name (lower-case) → (year of first public release, reference)."""
    path = package_data("detectors", "technology_release_years.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            row["technology"].lower(): (int(row["first_release_year"]), row["reference"])
            for row in csv.DictReader(fh)
        }


@functools.lru_cache(maxsize=4096)
def _technologies_in(title: str) -> tuple[tuple[str, int], ...]:
    """Technologies named in a (lower-case) role title or claim, with their release years;
    cached because titles repeat across applications."""
    years = technology_years()
    return tuple((m.group(1), years[m.group(1)][0]) for m in _technology_pattern().finditer(title))


@functools.cache
def _technology_pattern() -> re.Pattern[str]:
    names = sorted(technology_years(), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n in names) + r")(?![a-z0-9])")


@detector(
    id="HG-HIS-005",
    title="Experience with a technology from before it existed",
    severity="medium",
    weight=1.2,
    sources=[DTEX],
    false_positives=[
        "a technology renamed or released earlier in another form (e.g. an internal beta)",
        "a role title rewritten with today's vocabulary",
    ],
)
def technology_anachronism(app: EnrichedApplication) -> Iterator[Finding]:
    """A role named after a technology (e.g. "Solidity Developer") began before that
    technology's first public release (1.2; 1.6 when two or more years before), or the
    applicant claims at least two years more with one named technology than it has existed
    ("10 years of Kubernetes" in 2020). Claims are weaker evidence than dated roles, since
    people write loosely ("28 years of Kotlin work" for a 28-year career): a claim weighs
    0.6, and 0.3 when it is as long as the whole dated career; a list such as "12 years of
    Kafka, MySQL and AWS" counts a career and is not read as a claim about one tool.
    Release years come from a shipped table with a reference per entry."""
    facts = history_facts(app)
    today = app.submitted_on.year
    for role in facts.roles:
        for tech, released in _technologies_in(role.title):
            early = released - role.start // 12
            if early >= 1:
                yield technology_anachronism.finding(
                    f"The role '{role.title}' began in {_fmt(role.start)}, before "
                    f"{tech} was first released in {released}.",
                    evidence={"technology": tech, "released": released,
                              "role_start": _fmt(role.start)},
                    weight=1.6 if early >= 2 else None,
                )  # fmt: skip
                return
    for claim in facts.claims:
        if not claim.subject or claim.listed:
            continue  # "12 years of Kafka, MySQL and AWS" counts a career, not one tool
        found = _technologies_in(claim.subject)
        if not found or not claim.subject.startswith(found[0][0]):
            continue
        tech, released = found[0]
        early = claim.years - (today - released)
        # "27 years of Kafka" from someone whose career is 27 years: loose wording, weak.
        career = facts.span_months is not None and abs(claim.years - facts.span_months / 12) <= 2
        if early >= 2:
            yield technology_anachronism.finding(
                f"The applicant claims {claim.years} years of {tech}, which was first "
                f"released in {released}, {today - released} years before the application.",
                evidence={"technology": tech, "released": released,
                          "claimed_years": claim.years, "career_sized": career},
                weight=0.3 if career else 0.6,
            )  # fmt: skip
            return
