"""HG-PRF: revived dormant profiles, new code accounts, attributed and borrowed handles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hireguard.detect.profile import (
    activity_before_creation,
    attributed_handle,
    borrowed_identity_profiles,
    new_code_account,
    profile_names_someone_else,
    revived_dormant_profile,
)
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]

# Application date of the baseline: 2026-09-03.
HIJACKED_LINKEDIN = {
    "network": "linkedin",
    "url": "https://www.linkedin.com/in/danawhitaker",
    "created_on": "2014-05-11",
    "updated_on": "2026-08-30",
    "last_activity_on": "2017-02-03",
    "connections": 23,
}
NEW_GITHUB = {
    "network": "github",
    "handle": "dwhitaker",
    "created_on": "2026-08-20",
    "public_repos": 3,
}


def _profiles(*profiles: dict[str, Any]) -> dict[str, Any]:
    return {"applicant": {"profiles": list(profiles)}}


def test_hijacked_looking_linkedin_fires_strongly(build: Build, run: Run) -> None:
    findings = run(revived_dormant_profile, build(_profiles(HIJACKED_LINKEDIN)))
    assert len(findings) == 1
    assert findings[0].weight == 1.3
    assert findings[0].evidence["silent_years"] == 9


def test_returning_job_seeker_with_a_real_network_stays_quiet(build: Build, run: Run) -> None:
    # Years away from work, profile brushed up before applying, 340 connections.
    returning = HIJACKED_LINKEDIN | {"connections": 340}
    assert run(revived_dormant_profile, build(_profiles(returning))) == []


def test_returner_with_a_career_break_and_modest_network_stays_quiet(
    build: Build, run: Run
) -> None:
    # Left work in 2017 to care for family; the silent profile matches the break.
    returning = HIJACKED_LINKEDIN | {"connections": 96}
    app = build(
        _profiles(returning)
        | {
            "resume": {
                "experience": [
                    {
                        "title": "Software Engineer",
                        "employer": "Indeed",
                        "start": "2010-07",
                        "end": "2017-01",
                    }
                ]
            }
        }
    )
    assert run(revived_dormant_profile, app) == []
    # The same profile for someone claiming a current job is the hijack pattern.
    assert run(revived_dormant_profile, build(_profiles(returning)))[0].weight == 0.6


def test_active_profile_stays_quiet(build: Build, run: Run) -> None:
    assert run(revived_dormant_profile, build()) == []


def test_new_github_for_a_decade_long_career_fires(build: Build, run: Run) -> None:
    findings = run(new_code_account, build(_profiles(NEW_GITHUB)))
    assert len(findings) == 1
    assert findings[0].evidence["age_days"] == 14
    assert findings[0].weight > new_code_account.weight


def test_new_graduate_with_new_github_stays_quiet(build: Build, run: Run) -> None:
    app = build(
        _profiles(NEW_GITHUB)
        | {
            "job": {"title": "Junior Software Engineer"},
            "resume": {
                "text": "Computer science graduate, internship in web development.",
                "education": [{"degree": "BS", "start_year": 2022, "end_year": 2026}],
                "experience": [
                    {"title": "Software Engineering Intern", "start": "2025-06", "end": "2025-08"}
                ],
            },
        }
    )
    assert run(new_code_account, app) == []


def test_both_halves_together_fire_the_combination(build: Build, run: Run) -> None:
    app = build(_profiles(HIJACKED_LINKEDIN, NEW_GITHUB))
    assert len(run(borrowed_identity_profiles, app)) == 1
    assert len(run(revived_dormant_profile, app)) == 1
    assert len(run(new_code_account, app)) == 1


def test_only_one_half_does_not_fire_the_combination(build: Build, run: Run) -> None:
    assert run(borrowed_identity_profiles, build(_profiles(HIJACKED_LINKEDIN))) == []
    assert run(borrowed_identity_profiles, build(_profiles(NEW_GITHUB))) == []


def test_attributed_handle_fires_from_handle_or_url(build: Build, run: Run) -> None:
    by_handle = build(_profiles({"network": "github", "handle": "DevLancer0328"}))
    findings = run(attributed_handle, by_handle)
    assert len(findings) == 1
    assert findings[0].evidence["investigation"] == "LargeFakeNetworks_23.08.2024"
    assert not findings[0].hard  # a review trigger, never an automatic block
    by_url = build(_profiles({"network": "github", "url": "https://github.com/smartcoding51/"}))
    assert len(run(attributed_handle, by_url)) == 1


def test_handle_that_only_resembles_an_attributed_one_stays_quiet(build: Build, run: Run) -> None:
    app = build(_profiles({"network": "github", "handle": "devlancer03"}))
    assert run(attributed_handle, app) == []


def test_history_older_than_the_account_fires(build: Build, run: Run) -> None:
    aged = {
        "network": "github",
        "handle": "dwhitaker",
        "created_on": "2026-06-01",
        "last_activity_on": "2021-03-09",
    }
    assert len(run(activity_before_creation, build(_profiles(aged)))) == 1


def test_normal_dates_stay_quiet(build: Build, run: Run) -> None:
    assert run(activity_before_creation, build()) == []


def test_linkedin_address_with_another_name_fires(build: Build, run: Run) -> None:
    other = HIJACKED_LINKEDIN | {"url": "https://www.linkedin.com/in/kevin-moore-4471"}
    findings = run(profile_names_someone_else, build(_profiles(other)))
    assert len(findings) == 1
    assert findings[0].evidence["reason"] == "other_name"


def test_persona_github_handle_fires_weakly(build: Build, run: Run) -> None:
    app = build(_profiles({"network": "github", "handle": "kmoore-dev0707"}))
    findings = run(profile_names_someone_else, app)
    assert len(findings) == 1
    assert findings[0].weight < profile_names_someone_else.weight


def test_own_name_slug_and_plain_handle_stay_quiet(build: Build, run: Run) -> None:
    app = build(
        _profiles(
            {"network": "linkedin", "url": "https://www.linkedin.com/in/dana-whitaker-8b21a"},
            {"network": "github", "handle": "dwhitaker"},
        )
    )
    assert run(profile_names_someone_else, app) == []


def test_slug_is_not_compared_with_a_name_in_another_script(build: Build, run: Run) -> None:
    slug = {"network": "linkedin", "url": "https://www.linkedin.com/in/jiwoo-park-94"}
    app = build({"applicant": {"full_name": "박지우", "profiles": [slug]}})
    assert run(profile_names_someone_else, app) == []
    # The same slug against a Latin-script name that it does not match does fire.
    app = build({"applicant": {"full_name": "Dana Whitaker", "profiles": [slug]}})
    assert len(run(profile_names_someone_else, app)) == 1
