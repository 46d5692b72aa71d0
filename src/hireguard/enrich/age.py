"""What a resume says about when its author was born.

A resume gives no date of birth, but its dates bound it. Nobody finishes a bachelor's
degree much before 18, a master's before 20 or a doctorate before 22, nor holds a
professional job before 16 (HG-HIS-002 flags those ages when a date of birth is given): so
the author was born by the earliest such date minus that age. And few finish their first
degree after 45: so the author was most likely born after it minus 45.

These bounds serve two readers: HG-HIS-002, and sanctions screening, where a listed person
whose every listed birth year lies outside them is another person with the same name
(``age_conflict``, the way OFAC's guidance on hits uses a date of birth that differs).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from hireguard.model import Resume

GRADUATE_DEGREE = re.compile(
    r"\b(?:m\.?s\.?c?|m\.?a|mba|m\.?eng|master|masters|ph\.?d|doctor|doctorate|d\.?phil|"
    r"postgrad|post-graduate|graduate diploma|certificate|bootcamp|diploma|mphil|llm|m\.?sc)\b",
    re.IGNORECASE,
)
"""Degrees that are no first degree: graduate degrees, certificates and bootcamps are
often earned while working, at any age."""

_DOCTORATE = re.compile(r"\b(?:ph\.?d|doctor|doctorate|d\.?phil|md|jd)\b", re.IGNORECASE)
_MASTER = re.compile(r"\b(?:m\.?s\.?c?|m\.?a|mba|m\.?eng|master|masters|mphil|llm)\b", re.I)

NOT_A_JOB = re.compile(
    r"\b(?:intern|internship|trainee|apprentice|student|volunteer|tutor|summer|cashier|"
    r"barista|babysitter|camp)\b",
    re.IGNORECASE,
)
"""Titles of jobs that children and students hold: no bound on age."""

#: The youngest age at which almost anyone holds a professional job.
YOUNGEST_PROFESSIONAL = 16

#: The oldest age at which many finish their first (undergraduate) degree; later is rare.
OLDEST_FIRST_DEGREE = 45


@functools.lru_cache(maxsize=4096)
def is_graduate_degree(degree: str) -> bool:
    return GRADUATE_DEGREE.search(degree) is not None


@functools.lru_cache(maxsize=4096)
def youngest_plausible_graduation(degree: str | None) -> int:
    """The age under which almost nobody finishes ``degree``."""
    if degree and _DOCTORATE.search(degree):
        return 22
    if degree and _MASTER.search(degree):
        return 20
    return 18


class BirthYears(NamedTuple):
    """Birth years a resume allows: ``earliest`` and ``latest``, each None when unbounded."""

    earliest: int | None
    latest: int | None

    def excludes(self, year: int, slack: int = 1) -> bool:
        """Whether ``year`` lies outside the bounds by more than ``slack`` years."""
        return (self.earliest is not None and year < self.earliest - slack) or (
            self.latest is not None and year > self.latest + slack
        )


def birth_years(resume: Resume | None) -> BirthYears:
    """The birth years the resume's dates allow (see the module's docstring)."""
    if resume is None:
        return BirthYears(None, None)
    latest: int | None = None
    first_degree: int | None = None
    for edu in resume.education:
        end = edu.end_year
        if end is None:
            continue
        born_by = end - youngest_plausible_graduation(edu.degree)
        latest = born_by if latest is None else min(latest, born_by)
        if not (edu.degree and is_graduate_degree(edu.degree)):
            first_degree = end if first_degree is None else min(first_degree, end)
    for job in resume.experience:
        if job.start is None or (job.title and NOT_A_JOB.search(job.title)):
            continue
        born_by = int(job.start[:4]) - YOUNGEST_PROFESSIONAL
        latest = born_by if latest is None else min(latest, born_by)
    earliest = None if first_degree is None else first_degree - OLDEST_FIRST_DEGREE
    if earliest is not None and latest is not None and earliest > latest:
        return BirthYears(None, None)  # dates that contradict each other bound nothing
    return BirthYears(earliest, latest)
