"""HG-PHN: phone validity, formatting, country and line type."""

from __future__ import annotations

from collections.abc import Callable

from hireguard.detect.phone import (
    invalid_phone,
    odd_phone_format,
    phone_country_mismatch,
    voip_phone,
)
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]


def test_number_with_too_few_digits_is_invalid(build: Build, run: Run) -> None:
    findings = run(invalid_phone, build({"applicant": {"phone": "+1 512 555 014"}}))
    assert len(findings) == 1
    assert findings[0].evidence["reason"] == "impossible"
    assert findings[0].weight > invalid_phone.weight


def test_number_in_unassigned_us_range_is_invalid(build: Build, run: Run) -> None:
    # Area codes never start with 0 or 1 in the North American plan.
    findings = run(invalid_phone, build({"applicant": {"phone": "+1 123 555 0143"}}))
    assert len(findings) == 1


def test_honest_local_number_without_country_code_is_valid(build: Build, run: Run) -> None:
    assert run(invalid_phone, build()) == []


def test_us_number_grouped_4_3_fires(build: Build, run: Run) -> None:
    app = build({"applicant": {"phone": "+1 (929) 5550 112"}})
    findings = run(odd_phone_format, app)
    assert len(findings) == 1
    assert findings[0].evidence["grouping"] == "1-3-4-3"
    assert "3-3-4" in findings[0].message


def test_every_usual_us_writing_stays_quiet(build: Build, run: Run) -> None:
    for raw in (
        "(512) 555-0143",
        "512-555-0143",
        "512.555.0143",
        "+1 512 555 0143",
        "1-512-555-0143",
        "+1 (512) 555-0143",
        "5125550143",
        "512 5550143",
    ):
        assert run(odd_phone_format, build({"applicant": {"phone": raw}})) == [], raw


def test_uk_number_split_inside_area_code_fires_weakly(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"phone": "+44 2 07946 0958", "address": {"country": "GB", "region": None}}}
    )
    findings = run(odd_phone_format, app)
    assert len(findings) == 1
    assert findings[0].weight < odd_phone_format.weight


def test_uk_subscriber_digits_grouped_differently_stay_quiet(build: Build, run: Run) -> None:
    # Londoners write "020 7946 0958" and also "+44 (0)20 794 60958": only the area code
    # boundary is a convention everybody keeps.
    for raw in ("020 7946 0958", "+44 (0)20 7946 0958", "+44 20 794 60958"):
        app = build({"applicant": {"phone": raw, "address": {"country": "GB", "region": None}}})
        assert run(odd_phone_format, app) == [], raw


def test_phone_of_another_country_fires(build: Build, run: Run) -> None:
    findings = run(phone_country_mismatch, build({"applicant": {"phone": "+63 917 123 4567"}}))
    assert len(findings) == 1
    assert findings[0].evidence == {"phone_region": "PH", "address_country": "US"}


def test_person_who_moved_from_canada_keeps_quiet(build: Build, run: Run) -> None:
    # A Toronto number with an Austin address: one numbering plan, a move, not a tell.
    assert run(phone_country_mismatch, build({"applicant": {"phone": "+1 416 555 0199"}})) == []


def test_number_without_country_code_is_read_as_home_country(build: Build, run: Run) -> None:
    assert run(phone_country_mismatch, build()) == []


def test_uk_voip_range_fires(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"phone": "+44 56 1234 5678", "address": {"country": "GB", "region": None}}}
    )
    findings = run(voip_phone, app)
    assert len(findings) == 1
    assert findings[0].evidence["number_type"] == "voip"
    assert "voice-over-IP" in findings[0].message


def test_uk_voip_number_of_someone_elsewhere_weighs_more_than_at_home(
    build: Build, run: Run
) -> None:
    at_home = run(
        voip_phone,
        build(
            {
                "applicant": {
                    "phone": "+44 56 1234 5678",
                    "address": {"country": "GB", "region": None},
                }
            }
        ),
    )
    abroad = run(voip_phone, build({"applicant": {"phone": "+44 56 1234 5678"}}))  # US home
    assert at_home[0].weight < abroad[0].weight == voip_phone.weight


def test_non_geographic_number_fires(build: Build, run: Run) -> None:
    findings = run(voip_phone, build({"applicant": {"phone": "+882 3456 7890 12"}}))
    assert len(findings) == 1
    assert findings[0].evidence["region"] in (None, "001")


def test_ordinary_mobile_stays_quiet(build: Build, run: Run) -> None:
    app = build(
        {"applicant": {"phone": "07911 123456", "address": {"country": "GB", "region": None}}}
    )
    assert run(voip_phone, app) == []
    assert run(voip_phone, build()) == []


def test_common_writings_abroad_that_libphonenumber_does_not_list_stay_quiet(
    build: Build, run: Run
) -> None:
    # Germans write mobile prefixes as 0151 as well as 01512; Indians and Vietnamese group
    # their mobiles in several ways. None of these is a tell.
    for country, raw in (
        ("DE", "0151 23456789"),
        ("DE", "+49 151 23456789"),
        ("IN", "+91 987 654 3210"),
        ("VN", "091 234 56 78"),
        ("FR", "06 12 34 56 78"),
        ("JP", "090-1234-5678"),
        ("BR", "(11) 91234-5678"),
    ):
        app = build({"applicant": {"phone": raw, "address": {"country": country, "region": None}}})
        assert run(odd_phone_format, app) == [], raw
        assert run(invalid_phone, app) == [], raw


def test_number_without_country_code_or_address_is_not_judged(build: Build, run: Run) -> None:
    # Nothing to read "(512) 555-0143" against: unknown is not invalid.
    app = build({"applicant": {"address": None}})
    assert app.phone is not None and app.phone.parse_error is not None
    assert run(invalid_phone, app) == []
