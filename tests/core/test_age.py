"""Birth years a resume allows (hireguard.enrich.age)."""

from __future__ import annotations

from typing import Any

from hireguard.enrich.age import BirthYears, birth_years
from hireguard.model import Resume


def resume(
    education: list[dict[str, Any]] | None = None, experience: list[dict[str, Any]] | None = None
) -> Resume:
    return Resume.model_validate({"education": education or [], "experience": experience or []})


def test_a_first_degree_bounds_both_ways() -> None:
    """A bachelor's finished in 2016: born by 1998 (18 at the end), and after 1971 (a
    first degree finished after 45 is rare)."""
    r = resume([{"degree": "BEng", "start_year": 2012, "end_year": 2016}])
    assert birth_years(r) == BirthYears(1971, 1998)


def test_graduate_degrees_bound_only_the_latest_year() -> None:
    """A master's or a bootcamp is taken at any age: it says only how young one can be."""
    assert birth_years(resume([{"degree": "MSc", "end_year": 2020}])) == BirthYears(None, 2000)
    assert birth_years(resume([{"degree": "PhD", "end_year": 2020}])) == BirthYears(None, 1998)
    assert birth_years(resume([{"degree": "Coding bootcamp certificate", "end_year": 2021}])) == (
        BirthYears(None, 2003)
    )


def test_the_earliest_professional_job_bounds_the_latest_year() -> None:
    r = resume(
        [{"degree": "BS", "end_year": 2002}],
        [{"title": "Software Engineer", "start": "1996-06"}, {"title": "Lead", "start": "2010-01"}],
    )
    assert birth_years(r) == BirthYears(1957, 1980)


def test_student_jobs_bound_nothing() -> None:
    """A summer internship or a cashier's job at 14 is no professional job."""
    r = resume([], [{"title": "Summer intern", "start": "1999-06"}])
    assert birth_years(r) == BirthYears(None, None)


def test_no_dates_no_bounds() -> None:
    assert birth_years(None) == BirthYears(None, None)
    assert birth_years(resume([{"degree": "BA"}], [{"title": "Analyst"}])) == BirthYears(None, None)


def test_dates_that_contradict_each_other_bound_nothing() -> None:
    """A professional job in 1970 and a first degree in 2020: the resume is inconsistent
    (HG-HIS rules speak to that); it rules out no birth year."""
    r = resume([{"degree": "BA", "end_year": 2020}], [{"title": "Engineer", "start": "1970-01"}])
    assert birth_years(r) == BirthYears(None, None)


def test_excludes_allows_a_slack() -> None:
    b = BirthYears(1971, 1998)
    assert b.excludes(1965) and b.excludes(2001)
    assert not b.excludes(1970) and not b.excludes(1999) and not b.excludes(1985)
    assert not BirthYears(None, None).excludes(1900)
