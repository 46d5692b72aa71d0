"""The fairness rule, end to end: nationality, a name's origin or script, and the country of
a school or employer never move the score on their own."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from hireguard.intake.readers import validate
from hireguard.runtime import build_pipeline
from tests.appfactory import make_app

NAMES = [
    ("Maria Elena Torres", []),
    ("Park Ji-woo", ["박지우", "Jiwoo Park"]),
    ("Kim Min-jun", ["김민준"]),
    ("Li Wei", ["李伟"]),
    ("Nguyen Thi Lan", []),
    ("Oluwaseun Adeyemi", []),
    ("Mohammed Al-Farsi", ["محمد الفارسي"]),
    ("Aleksandr Petrov", ["Александр Петров"]),
    ("Priya Raghunathan", []),
]
NATIONALITIES = [None, "US", "KR", "CN", "RU", "IR", "NG", "IN", "VN"]
SCHOOLS = ["US", "KR", "CN", "RU", "IN", "NG", "PK", "VN"]


def _variant(name: str, others: list[str], nationality: str | None, country: str) -> dict[str, Any]:
    app = make_app(
        {
            "applicant.full_name": name,
            "applicant.other_names": others,
            "applicant.nationality": nationality,
            "applicant.email": "applicant.2026@gmail.com",
        },
        application_id=f"F-{abs(hash((name, nationality, country))) % 10**8}",
    )
    app["resume"] = {
        "education": [
            {
                "institution": "A University",
                "degree": "BS",
                "field": "Computer Science",
                "country": country,
                "start_year": 2007,
                "end_year": 2011,
            }
        ],
        "experience": [
            {
                "employer": "Acme Software",
                "title": "Software Engineer",
                "country": country,
                "start": "2011-07",
                "end": "2018-12",
            },
            {
                "employer": "Northwind Data",
                "title": "Senior Engineer",
                "country": "US",
                "start": "2019-01",
                "end": None,
            },
        ],
    }
    return copy.deepcopy(app)


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    return build_pipeline(store=False)


def test_scores_do_not_depend_on_origin(pipeline) -> None:  # type: ignore[no-untyped-def]
    records = [
        validate(i, _variant(name, others, nat, school))
        for i, ((name, others), nat, school) in enumerate(
            (n, NATIONALITIES[k % len(NATIONALITIES)], SCHOOLS[k % len(SCHOOLS)])
            for k, n in enumerate(NAMES * 3)
        )
    ]
    out = pipeline.assess(records)
    scores = {a.risk_score for a in out}
    assert len(scores) == 1, [(a.application_id, a.risk_score, a.reasons) for a in out]
    assert {a.decision for a in out} == {"allow"}
    assert all(not a.sanctions_matches for a in out)


def test_korean_american_with_korean_settings_is_allowed(
    pipeline,
    examples: dict[str, dict[str, Any]],  # type: ignore[no-untyped-def]
) -> None:
    [a] = pipeline.assess([validate(1, examples["legitimate-korean-american"])])
    assert a.decision == "allow"
    baseline = copy.deepcopy(examples["legitimate-korean-american"])
    baseline["session"]["languages"] = ["en-US"]
    baseline["session"]["keyboard_layouts"] = ["en-US"]
    baseline["applicant"]["other_names"] = []
    [b] = pipeline.assess([validate(2, baseline)])
    assert a.risk_score == b.risk_score


def _abroad(
    name: str,
    others: list[str],
    email: str,
    phone: str,
    address: dict[str, str],
    ip: str,
    tz: str,
    offset: int,
    langs: list[str],
) -> dict[str, Any]:
    return make_app(
        {
            "applicant.full_name": name,
            "applicant.other_names": others,
            "applicant.email": email,
            "applicant.phone": phone,
            "applicant.address": address,
            "session.ip": ip,
            "session.timezone": tz,
            "session.utc_offset_minutes": offset,
            "session.languages": langs,
            "session.keyboard_layouts": langs,
            "payment.bank_country": address["country"],
        },
        application_id=f"ABROAD-{address['country']}",
    )


def test_an_applicant_in_seoul_scores_like_one_in_berlin(pipeline) -> None:  # type: ignore[no-untyped-def]
    seoul = _abroad(
        "Park Ji-woo",
        ["박지우"],
        "jiwoo.park@naver.com",
        "010-2345-6789",
        {"line1": "123 Teheran-ro", "city": "Seoul", "postal_code": "06133", "country": "KR"},
        "175.192.10.20",
        "Asia/Seoul",
        540,
        ["ko-KR", "en-US"],
    )
    berlin = _abroad(
        "Jonas Becker",
        [],
        "jonas.becker@gmx.de",
        "0151 23456789",
        {"line1": "Torstrasse 12", "city": "Berlin", "postal_code": "10119", "country": "DE"},
        "79.192.10.20",
        "Europe/Berlin",
        120,
        ["de-DE", "en-US"],
    )
    a, b = pipeline.assess([validate(1, seoul), validate(2, berlin)])
    assert a.decision == b.decision == "allow", (a.reasons, b.reasons)
    assert a.risk_score == b.risk_score, (a.reasons, b.reasons)
