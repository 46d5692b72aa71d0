"""HG-HIS: education and work timelines that cannot all be true."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hireguard.detect.history import (
    claimed_years,
    degree_after_senior_role,
    experience_beyond_dates,
    implausible_age,
    overlapping_jobs,
    technology_anachronism,
)
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]


def _job(title: str, start: str, end: str | None, employer: str = "Acme") -> dict[str, Any]:
    return {"employer": employer, "title": title, "country": "US", "start": start, "end": end}


def _edu(degree: str, start: int, end: int) -> dict[str, Any]:
    return {
        "institution": "State University",
        "degree": degree,
        "start_year": start,
        "end_year": end,
    }


def _resume(**kw: Any) -> dict[str, Any]:
    return {"resume": kw}


def test_senior_role_during_first_year_of_study_fires(build: Build, run: Run) -> None:
    app = build(
        _resume(
            education=[_edu("BS", 2012, 2016)],
            experience=[_job("Senior Software Engineer", "2012-09", None)],
        )
    )
    findings = run(degree_after_senior_role, app)
    assert len(findings) == 1
    assert findings[0].evidence["months_before"] == 45
    assert findings[0].weight > degree_after_senior_role.weight


def test_returning_student_who_studied_after_a_career_stays_quiet(build: Build, run: Run) -> None:
    # Worked as a lead first, then went back for a bachelor's degree: an honest path.
    app = build(
        _resume(
            education=[_edu("BA", 2019, 2023)],
            experience=[
                _job("Lead Technician", "2010-01", "2019-08"),
                _job("Data Analyst", "2023-07", None, "Beta"),
            ],
        )
    )
    assert run(degree_after_senior_role, app) == []


def test_masters_degree_while_senior_stays_quiet(build: Build, run: Run) -> None:
    app = build(
        _resume(
            education=[_edu("BS", 2006, 2010), _edu("MS", 2016, 2020)],
            experience=[_job("Senior Software Engineer", "2015-01", None)],
        )
    )
    assert run(degree_after_senior_role, app) == []


def test_degree_at_fourteen_fires(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"date_of_birth": "2000-05-01"}} | _resume(education=[_edu("BS", 2010, 2014)])
    )
    findings = run(implausible_age, app)
    assert len(findings) == 1
    assert findings[0].evidence["age"] == 14


def test_professional_job_at_twelve_fires(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"date_of_birth": "1998-05-01"}}
        | _resume(education=[], experience=[_job("Backend Developer", "2010-02", None)])
    )
    assert len(run(implausible_age, app)) == 1


def test_new_graduate_and_teenage_summer_job_stay_quiet(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"date_of_birth": "2003-02-11"}}
        | _resume(
            text="Recent graduate; two years of coursework projects in Python.",
            education=[_edu("BS", 2021, 2025)],
            experience=[
                _job("Summer camp counsellor", "2018-06", "2018-08"),
                _job("Junior Developer", "2025-07", None, "Beta"),
            ],
        )
    )
    assert run(implausible_age, app) == []
    assert run(experience_beyond_dates, app) == []


def test_two_full_time_jobs_for_three_years_fires(build: Build, run: Run) -> None:
    app = build(
        _resume(
            experience=[
                _job("Software Engineer", "2018-01", "2022-12", "Acme"),
                _job("Backend Developer", "2019-06", "2022-06", "Globex"),
            ]
        )
    )
    findings = run(overlapping_jobs, app)
    assert len(findings) == 1
    assert findings[0].evidence["overlap_months"] == 36
    assert findings[0].weight > overlapping_jobs.weight


def test_freelance_side_work_and_short_handover_stay_quiet(build: Build, run: Run) -> None:
    app = build(
        _resume(
            experience=[
                _job("Software Engineer", "2018-01", "2022-12", "Acme"),
                _job("Freelance Web Developer", "2019-06", "2022-06", "Self"),
                _job("Senior Engineer", "2022-10", None, "Globex"),  # 2-month overlap
            ]
        )
    )
    assert run(overlapping_jobs, app) == []


def test_claimed_years_are_read_in_digits_and_words(build: Build) -> None:
    assert claimed_years(build()) == 11  # "eleven years of Python and Go"
    app = build(_resume(text="Full-stack developer with 9+ years of experience in React."))
    assert claimed_years(app) == 9


def test_a_digit_of_another_script_before_years_is_no_claim_and_no_crash(build: Build) -> None:
    # "²" is a digit to str.isdigit() but not to int(): reading it as a claim raised and
    # silenced the whole HIS family for that application.
    app = build(_resume(text="Table ² years of C (see note); then 7 years of Go development."))
    assert claimed_years(app) == 7


def test_long_career_with_only_recent_roles_listed_stays_quiet(build: Build, run: Run) -> None:
    # Honest resumes list the last roles only; the summary counts the whole career.
    app = build(
        {"applicant": {"date_of_birth": "1979-08-08"}}
        | _resume(
            text="Seasoned engineer with 22 years of experience in production systems.",
            experience=[_job("UI Engineer", "2013-09", None)],
        )
    )
    assert run(experience_beyond_dates, app) == []


def test_experience_impossible_for_age_fires(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"date_of_birth": "2001-01-01"}}
        | _resume(text="I bring 15 years of experience.")
    )
    findings = run(experience_beyond_dates, app)
    assert len(findings) == 1
    assert findings[0].evidence == {"claimed_years": 15, "years_since_16": 9}


def test_honest_claim_matching_the_dates_stays_quiet(build: Build, run: Run) -> None:
    assert run(experience_beyond_dates, build()) == []


def test_solidity_developer_before_solidity_fires(build: Build, run: Run) -> None:
    app = build(_resume(experience=[_job("Solidity Developer", "2011-03", "2016-01")]))
    findings = run(technology_anachronism, app)
    assert len(findings) == 1
    assert findings[0].evidence["technology"] == "solidity"
    assert findings[0].weight == 1.6  # three years before Solidity was proposed


def test_ten_years_of_kubernetes_in_2020_fires(build: Build, run: Run) -> None:
    # Kubernetes was announced in 2014: ten years of it in 2020 is four years too many.
    app = build(
        {"submitted_at": "2020-03-01T10:00:00Z"}
        | _resume(
            text="Platform engineer, 10 years of experience with Kubernetes.",
            experience=[_job("Platform Engineer", "2016-01", None)],
        )
    )
    findings = run(technology_anachronism, app)
    assert len(findings) == 1
    assert findings[0].evidence["claimed_years"] == 10
    assert findings[0].weight == 0.6  # a claim is weaker evidence than a dated role


def test_claim_as_long_as_the_whole_career_is_weak(build: Build, run: Run) -> None:
    app = build(
        {"submitted_at": "2026-03-01T10:00:00Z"}
        | _resume(
            text="27 years of Kafka.",
            experience=[_job("Software Engineer", "1999-01", None)],
        )
    )
    findings = run(technology_anachronism, app)
    assert len(findings) == 1
    assert findings[0].weight == 0.3


def test_career_years_followed_by_a_list_of_tools_stay_quiet(build: Build, run: Run) -> None:
    # An honest 18-year career summed up loosely: the years are the career, not Kafka's.
    app = build(
        {"submitted_at": "2026-03-01T10:00:00Z"}
        | _resume(
            text="Senior backend engineer. 18 years of Kafka, MySQL and a lot of AWS.",
            experience=[_job("Software Engineer", "2008-01", None)],
        )
    )
    assert run(technology_anachronism, app) == []


def test_more_years_of_javascript_than_javascript_has_existed_fires(build: Build, run: Run) -> None:
    # "work, recently at ..." is a sentence going on, not a list of tools.
    app = build(
        _resume(
            text="My background is 34 years of JavaScript work, recently at Zillow.",
            experience=[_job("Frontend Engineer", "2019-01", None)],
        )
    )
    findings = run(technology_anachronism, app)
    assert len(findings) == 1
    assert findings[0].evidence["technology"] == "javascript"


def test_years_that_are_not_experience_are_not_claims(build: Build) -> None:
    app = build(_resume(text="Intern. I've been remote for 8 years and like async work."))
    assert claimed_years(app) is None


def test_react_developer_after_react_stays_quiet(build: Build, run: Run) -> None:
    app = build(
        _resume(
            text="8 years of experience in React and TypeScript.",
            experience=[_job("React Developer", "2015-05", None)],
        )
    )
    assert run(technology_anachronism, app) == []
