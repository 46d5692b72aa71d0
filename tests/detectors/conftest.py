"""Builders for the identity/history/profile/content detector tests.

Each test starts from one honest, unremarkable application (a US backend engineer), changes
only what the test is about, validates it as the contract's ``Application``, enriches it
and runs one detector: from the outside in, no mocks.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from hireguard.detect.registry import Detector, Finding
from hireguard.enrich import enrich
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import Application

BASELINE: dict[str, Any] = {
    "schema_version": 1,
    "application_id": "T-0001",
    "submitted_at": "2026-09-03T15:42:10-05:00",
    "source": "careers_site",
    "job": {"title": "Senior Backend Engineer", "remote": True, "country": "US"},
    "applicant": {
        "full_name": "Dana Ruth Whitaker",
        "date_of_birth": "1988-11-19",
        "email": "dana.whitaker@fastmail.com",
        "phone": "(512) 555-0143",
        "address": {
            "line1": "4417 Avenue F",
            "city": "Austin",
            "region": "TX",
            "postal_code": "78751",
            "country": "US",
        },
        "profiles": [
            {
                "network": "linkedin",
                "url": "https://www.linkedin.com/in/danawhitaker",
                "created_on": "2011-02-14",
                "updated_on": "2026-08-20",
                "last_activity_on": "2026-08-11",
                "connections": 612,
            },
            {
                "network": "github",
                "handle": "dwhitaker",
                "created_on": "2012-06-02",
                "public_repos": 41,
            },
        ],
    },
    "resume": {
        "text": "Backend engineer with eleven years of Python and Go, running payment APIs.",
        "skills": ["Python", "Go", "PostgreSQL", "Kubernetes"],
        "education": [
            {
                "institution": "The University of Texas at Austin",
                "degree": "BS",
                "field": "Computer Science",
                "country": "US",
                "start_year": 2006,
                "end_year": 2010,
            }
        ],
        "experience": [
            {
                "employer": "Indeed",
                "title": "Software Engineer",
                "country": "US",
                "start": "2010-07",
                "end": "2016-03",
            },
            {
                "employer": "Bazaarvoice",
                "title": "Senior Software Engineer",
                "country": "US",
                "start": "2016-04",
                "end": None,
            },
        ],
    },
    "payment": {"method": "direct_deposit", "bank_country": "US"},
    "interview": {"video_declined": False},
}


def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``changes`` into ``base``: dicts merge, anything else replaces."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]


@pytest.fixture
def build() -> Build:
    """``build({"applicant": {...}})`` → the baseline with these changes, enriched."""

    def _build(changes: dict[str, Any] | None = None) -> EnrichedApplication:
        record = _merge(BASELINE, changes or {})
        return enrich(Application.model_validate(record))

    return _build


@pytest.fixture
def run() -> Run:
    def _run(det: Detector, app: EnrichedApplication) -> list[Finding]:
        findings = det.run(app)
        for f in findings:
            assert f.code == det.id
            assert f.message and (f.weight > 0 or f.severity == "info")
        return findings

    return _run
