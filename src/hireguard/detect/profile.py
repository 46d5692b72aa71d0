"""HG-PRF: do the applicant's online profiles look lived-in, or borrowed and freshly made?

Operators buy or hijack dormant professional-network accounts, which come back to life
just before the application with hardly any connections, and open code-hosting accounts
days before applying for senior developer roles. Each sign alone is weak (people return
to the job market, people open a GitHub account late); together they are strong, so the
combination is a detector of its own. Only the profile facts given in the application are
read (dates, counts, handles); nothing is fetched.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterator

from hireguard.detect.email import account_words, names_someone_else, persona_pattern
from hireguard.detect.history import history_facts, roles, worked_months
from hireguard.detect.registry import Finding, detector
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import Profile
from hireguard.paths import package_data

SEED = (
    "Employer account of 1,800 blocked DPRK-linked applications, seed story (2025): "
    "'bad actors hijack dormant LinkedIn accounts'"
)
PSA23 = (
    "FBI/ROK PSA231018, 'Additional Guidance on the DPRK IT Workers', 2023-10-18 (several "
    "profiles for one identity; profiles with very little information)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (inconsistent names and histories across freelance and social profiles)"
)
SEAL = (
    "Security Alliance (SEAL) Frameworks, 'Insider threats: Techniques, Tactics, and "
    "Procedures' (GitHub accounts created after their own commits, cloned repositories, "
    "sudden handle changes)"
)
GTIG25 = (
    "Google Threat Intelligence Group, 'DPRK IT Workers Expanding in Scope and Scale', "
    "2025-04-02 (personas sourced through LinkedIn and GitHub)"
)
SHORTDOOM = (
    "Community-attributed DPRK IT-worker GitHub handles: shortdoom/gh-fake-analyzer "
    "INVESTIGATIONS (ZachXBT 2024-08-15, Intelligence On Chain, LargeFakeNetworks, "
    "Contagious Interview), commit ca5442df; unverified, review trigger only"
)

_PROFESSIONAL = frozenset({"linkedin", "xing", "viadeo"})
_CODE_HOSTS = frozenset({"github", "gitlab", "bitbucket", "codeberg"})
_CODE_HOSTS_OR_OTHER = _CODE_HOSTS | {"other"}
_DEVELOPER = re.compile(
    r"\b(?:develop|engineer|programm|software|devops|sre|backend|back-end|frontend|"
    r"front-end|full[- ]?stack|web|mobile|ios|android|blockchain|solidity|data scien|"
    r"machine learning|ml|coder)",
)


def _days(a: dt.date, b: dt.date) -> int:
    return (a - b).days


def _by_network(app: EnrichedApplication, networks: frozenset[str]) -> list[Profile]:
    return [p for p in app.app.applicant.profiles if p.network.lower() in networks]


# ---- the two halves of the hijacked-identity pattern --------------------------------------


def _revived_dormant(app: EnrichedApplication) -> tuple[Profile, int, float] | None:
    """A professional profile 4+ years old, silent for 2+ years, edited in the 90 days
    before the application, with fewer than 150 connections (or none given).

    Returns the profile, its silent years and the graded weight (fewer connections, more).
    """
    today = app.submitted_on
    for p in app.app.applicant.profiles:
        if p.created_on is None or p.last_activity_on is None or p.updated_on is None:
            continue
        if p.network.lower() not in _PROFESSIONAL:
            continue
        if _days(today, p.created_on) < 4 * 365:
            continue
        silent = _days(p.updated_on, p.last_activity_on)
        if silent < 2 * 365 or not 0 <= _days(today, p.updated_on) <= 90:
            continue
        conns = p.connections
        if conns is not None and conns >= 150:
            continue  # a real network: the returning job-seeker
        few = conns is not None and conns < 50
        if _returning(app):
            if not few:
                continue  # a career break that matches the silent profile
            return p, silent // 365, 0.5
        return p, silent // 365, 1.3 if few else 0.6
    return None


def _returning(app: EnrichedApplication) -> bool:
    """The resume shows a career break: its latest role ended a year or more ago."""
    facts = history_facts(app)
    if not facts.roles:
        return False
    return facts.today - max(r.end for r in facts.roles) >= 12


def _experience_years(app: EnrichedApplication) -> float:
    """Years of experience the applicant claims, or that their dated roles cover."""
    facts = history_facts(app)
    return max(float(facts.claimed_years or 0), worked_months(app) / 12)


def _claims_developer(app: EnrichedApplication) -> bool:
    if _DEVELOPER.search(app.app.job.title.lower()):
        return True
    return any(_DEVELOPER.search(r.title) for r in roles(app))


def _new_code_account(app: EnrichedApplication) -> tuple[Profile, int, float] | None:
    """A code-hosting account opened in the 120 days before the application by someone who
    claims 3+ years as a developer. Returns the profile, its age in days and the weight."""
    today = app.submitted_on
    for p in app.app.applicant.profiles:
        if p.created_on is None or p.network.lower() not in _CODE_HOSTS:
            continue
        age = _days(today, p.created_on)
        if 0 <= age <= 120:
            if _experience_years(app) < 3 or not _claims_developer(app):
                return None
            return p, age, 1.1 if age <= 30 else 0.7
    return None


@detector(
    id="HG-PRF-001",
    title="Dormant professional profile revived just before the application",
    severity="low",
    weight=0.6,
    sources=[SEED, PSA23],
    false_positives=[
        "a person returning to the job market after years away (parental leave, illness) "
        "who rarely used the network; most such people have a larger network",
    ],
)
def revived_dormant_profile(app: EnrichedApplication) -> Iterator[Finding]:
    """A LinkedIn-type profile created years ago, silent for two years or more, and edited
    in the last 90 days before the application, with a small network: the shape of a
    bought or hijacked dormant account. Graded: under 50 connections weighs 1.3, 50-149 (or
    unknown) 0.6; 150 or more does not fire. When the resume itself shows a career break
    (the latest role ended a year or more ago), a silent profile is what an honest person
    returning to the job market has: it fires only with under 50 connections, at 0.5."""
    hit = _revived_dormant(app)
    if hit is None:
        return
    profile, silent_years, weight = hit
    conns = "an unknown number of" if profile.connections is None else str(profile.connections)
    yield revived_dormant_profile.finding(
        f"The {profile.network} profile was silent for {silent_years} years and was edited "
        f"shortly before the application; it has {conns} connections.",
        evidence={
            "network": profile.network,
            "created_on": profile.created_on.isoformat() if profile.created_on else None,
            "silent_years": silent_years,
            "connections": profile.connections,
        },
        weight=weight,
    )


@detector(
    id="HG-PRF-002",
    title="Brand-new code-hosting account for an experienced developer",
    severity="low",
    weight=0.7,
    sources=[SEAL, GTIG25],
    false_positives=[
        "developers whose work was all in employers' private repositories and who open a "
        "public account to job-hunt",
    ],
)
def new_code_account(app: EnrichedApplication) -> Iterator[Finding]:
    """The applicant claims three or more years as a developer, but the GitHub-type account
    they give was opened in the 120 days before the application. Graded: 30 days or less
    weighs 1.1, up to 120 days 0.7. New graduates (under three years) never fire."""
    hit = _new_code_account(app)
    if hit is None:
        return
    profile, age, weight = hit
    repos = "" if profile.public_repos is None else f" and has {profile.public_repos} repositories"
    yield new_code_account.finding(
        f"The {profile.network} account was opened {age} days before the application{repos}, "
        f"for someone claiming {_experience_years(app):.0f} years of experience.",
        evidence={"network": profile.network, "age_days": age, "repos": profile.public_repos},
        weight=weight,
    )


@detector(
    id="HG-PRF-003",
    title="Revived dormant profile together with a brand-new code account",
    severity="high",
    weight=1.6,
    sources=[SEED, SEAL, PSA23],
    false_positives=[
        "a returning job-seeker with a small network who also opens a GitHub account to "
        "show new work",
    ],
)
def borrowed_identity_profiles(app: EnrichedApplication) -> Iterator[Finding]:
    """Both halves at once: an old professional profile silent for years and revived just
    before the application, and a code-hosting account opened in the same weeks by someone
    claiming years of development. Each alone has honest explanations; together they are
    the pattern of a bought or hijacked identity dressed for a developer job. This adds to
    HG-PRF-001 and HG-PRF-002, which also fire."""
    dormant = _revived_dormant(app)
    if dormant is None:
        return
    fresh = _new_code_account(app)
    if fresh is None:
        return
    yield borrowed_identity_profiles.finding(
        f"An old {dormant[0].network} profile came back to life and a {fresh[0].network} "
        f"account was opened {fresh[1]} days before the application.",
        evidence={"silent_years": dormant[1], "code_account_age_days": fresh[1]},
    )


# ---- attributed handles and persona handles -------------------------------------------------

_HANDLE_FROM_URL = re.compile(
    r"(?:github|gitlab)\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?:[/?#]|$)", re.I
)


def _handle(p: Profile) -> str | None:
    if p.handle:
        return p.handle.strip().lstrip("@").lower()
    if p.url:
        m = _HANDLE_FROM_URL.search(p.url)
        if m:
            return m.group(1).lower()
    return None


@functools.cache
def attributed_handles() -> dict[str, str]:
    """Community-attributed DPRK IT-worker GitHub handles (lower-case) → investigation."""
    path = package_data("detectors", "dprk_github_handles.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["github_handle"].strip().lower(): row["investigation"] for row in
                csv.DictReader(fh)}  # fmt: skip


@detector(
    id="HG-PRF-004",
    title="GitHub handle attributed to DPRK IT workers by community investigators",
    severity="high",
    weight=4.0,
    sources=[SHORTDOOM, SEAL],
    false_positives=[
        "a handle re-registered by someone else after the attributed account was deleted",
        "an identity-theft victim whose real account was taken over",
    ],
    tags=["review_trigger"],
)
def attributed_handle(app: EnrichedApplication) -> Iterator[Finding]:
    """The code-hosting handle is one that public investigators (ZachXBT and others,
    collected by shortdoom/gh-fake-analyzer) attributed to DPRK IT-worker personas.
    Community attribution, unverified: strong enough to send the application to an analyst,
    never an automatic rejection (not a hard finding)."""
    handles = attributed_handles()
    for p in _by_network(app, _CODE_HOSTS_OR_OTHER):
        h = _handle(p)
        if h and h in handles:
            yield attributed_handle.finding(
                f"The {p.network} handle '{h}' is on the community list of DPRK IT-worker "
                f"accounts ({handles[h]}).",
                evidence={"handle": h, "investigation": handles[h]},
            )
            return


@detector(
    id="HG-PRF-005",
    title="Profile activity dated before the profile existed",
    severity="medium",
    weight=1.0,
    sources=[SEAL],
    false_positives=[
        "repositories imported with their history from another host",
        "profile dates typed wrongly by a recruiter",
    ],
)
def activity_before_creation(app: EnrichedApplication) -> Iterator[Finding]:
    """The profile's latest activity (last commit, post or edit) is dated more than 30 days
    before the account was created: all of its history was made elsewhere and copied in,
    the "created after its own commits" sign of an artificially aged GitHub account."""
    for p in app.app.applicant.profiles:
        if p.created_on is None:
            continue
        latest = p.last_activity_on
        if p.updated_on is not None and (latest is None or p.updated_on > latest):
            latest = p.updated_on
        if latest is not None and _days(p.created_on, latest) > 30:
            yield activity_before_creation.finding(
                f"All recorded activity of the {p.network} profile predates its creation by "
                f"{_days(p.created_on, latest)} days.",
                evidence={"network": p.network, "days_before": _days(p.created_on, latest)},
            )
            return


_SLUG = re.compile(r"linkedin\.com/in/([^/?#]+)", re.I)


@detector(
    id="HG-PRF-006",
    title="Profile or handle names somebody else, or is a persona handle",
    severity="low",
    weight=0.7,
    sources=[ADV22, PSA23, SHORTDOOM],
    false_positives=[
        "a profile under a name changed by marriage and not given in other_names",
        "developers who put their trade in their handle (janedoe-dev)",
    ],
)
def profile_names_someone_else(app: EnrichedApplication) -> Iterator[Finding]:
    """The LinkedIn address reads as another person's name (``/in/kevin-moore-4471`` for
    Dana Whitaker), or the code-hosting handle combines a trade word with a number the way
    the attributed persona handles do (``devlancer0328``). Graded: another person's name
    0.7, persona handle 0.5."""
    for p in app.app.applicant.profiles:
        if p.url:
            m = _SLUG.search(p.url)
            if m is None:
                continue
            slug = m.group(1).lower()
            if any(len(t) >= 3 and t in slug for t in app.names.tokens):
                continue  # the address contains one of the applicant's names
            if names_someone_else(account_words(slug), app):
                yield profile_names_someone_else.finding(
                    f"The {p.network} profile address reads as another person's name.",
                    evidence={"network": p.network, "reason": "other_name"},
                )
                return
    for p in _by_network(app, _CODE_HOSTS):
        h = _handle(p)
        if not h:
            continue
        persona, numbers, _ = persona_pattern(h, app)
        if persona and numbers:
            yield profile_names_someone_else.finding(
                f"The {p.network} handle combines the trade word '{persona[0]}' with a "
                "number, like community-attributed persona handles.",
                evidence={"network": p.network, "reason": "persona_handle"},
                weight=0.5,
            )
            return
