"""HG-SAN detectors: each with a true positive and an honest look-alike that stays quiet."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from hireguard.decide.policy import Policy
from hireguard.detect.registry import Finding, get_detector
from hireguard.enrich import enrich
from hireguard.intake.readers import validate
from hireguard.model import Application
from hireguard.pipeline import Pipeline
from hireguard.sanctions.screener import Screener

from .conftest import SHARED

EXAMPLES = SHARED / "contract" / "examples"


@pytest.fixture(scope="module")
def korean_american() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "legitimate-korean-american.json").read_text())
    return data


def findings(screener: Screener, raw: dict[str, Any], code: str) -> list[Finding]:
    e = enrich(Application.model_validate(raw))
    e.sanctions = screener.screen_application(e)
    return get_detector(code).run(e)


def with_applicant(raw: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(raw)
    out["applicant"].update(changes)
    return out


def test_san_001_listed_person_with_matching_birth_date_blocks(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = with_applicant(
        korean_american, full_name="Kim Jong Un", other_names=[], date_of_birth="1984-01-08"
    )
    [f] = findings(screener, raw, "HG-SAN-001")
    assert f.hard and f.severity == "critical"
    assert f.evidence["entity_id"] == "20157" and f.evidence["field"] == "applicant.full_name"


def test_san_001_korean_american_applicant_stays_quiet(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """Ji-woo Park (박지우), born 1994, Los Angeles: a Korean name is no finding."""
    for code in ("HG-SAN-001", "HG-SAN-003"):
        assert findings(screener, korean_american, code) == []


def test_san_001_a_birth_year_alone_does_not_block(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """AL-WATFA, Ali Ibrahim: the list gives a year of birth (1969) and an a.k.a. "Ali
    Ibrahim". An "Ali Ibrahim" born in 1969 is no confirmed match (namesakes of a common name
    share birth years): identity verification, not a block."""
    from hireguard.decide.policy import Policy

    raw = with_applicant(
        korean_american, full_name="Ali Ibrahim", other_names=[], date_of_birth="1969-08-05"
    )
    assert findings(screener, raw, "HG-SAN-001") == []
    [f] = findings(screener, raw, "HG-SAN-003")
    assert f.evidence["features"]["dob_year"] == 1.0 and "only the year of birth" in f.message
    assert Policy.load().decide(5.0, [f]) == "verify"


def test_san_001_namesake_with_another_birth_date_does_not_block(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = with_applicant(
        korean_american, full_name="Kim Jong Un", other_names=[], date_of_birth="1991-06-30"
    )
    assert findings(screener, raw, "HG-SAN-001") == []


def test_san_002_payout_to_a_listed_address_blocks(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["payment"] = {
        "method": "crypto",
        "crypto_address": "0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
    }
    [f] = findings(screener, raw, "HG-SAN-002")
    assert f.hard and f.evidence["listed_name"] == "LAZARUS GROUP"


def test_san_002_an_unlisted_address_stays_quiet(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["payment"] = {
        "method": "crypto",
        "crypto_address": "0x52908400098527886E0F7030069857D2E4169EE7",
    }
    assert findings(screener, raw, "HG-SAN-002") == []


def test_san_003_name_only_match_asks_for_verification_not_block(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = with_applicant(
        korean_american, full_name="Gim Jeong-eun", other_names=[], date_of_birth=None
    )
    [f] = findings(screener, raw, "HG-SAN-003")
    # A name alone weighs little in the score; the policy asks for verification instead.
    assert not f.hard and f.weight < 1.0 and f.evidence["entity_id"] == "20157"
    # The default policy turns a name-only match into identity verification at least.
    from hireguard.decide.policy import Policy

    assert Policy.load().decide(5.0, [f]) == "verify"


def test_san_003_a_namesake_born_on_another_day_is_cleared(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """The list gives Kim Jong Un's date of birth; an applicant born on another day is
    another person: no finding, and so no forced verification (OFAC's guidance on hits)."""
    raw = with_applicant(
        korean_american, full_name="Kim Jong Un", other_names=[], date_of_birth="1991-06-30"
    )
    assert findings(screener, raw, "HG-SAN-003") == []


def test_san_006_part_of_a_listed_name_is_context_not_verification(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """Carlos Torres, two of the four words of TORRES HOYOS, Carlos Mario: shown to the
    analyst, weighing nothing, forcing nothing (OFAC's guidance on hits: just part of the
    listed name matching is most likely not the listed person)."""
    from hireguard.decide.policy import Policy

    raw = with_applicant(
        korean_american, full_name="Carlos Torres", other_names=[], date_of_birth=None
    )
    assert findings(screener, raw, "HG-SAN-003") == []
    [f] = findings(screener, raw, "HG-SAN-006")
    assert f.weight == 0.0 and f.evidence["features"]["name_coverage"] == 0.5
    assert "part of the listed name TORRES HOYOS" in f.message
    assert Policy.load().decide(5.0, [f]) == "allow"


def test_san_006_a_weak_alias_alone_is_context(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """OFAC marks some a.k.a.s weak (generic names): "Abdullah Aziz" is one of
    NURISTANI, Abdul Aziz's. (Without the resume's dates, which would rule out his age.)"""
    raw = with_applicant(
        korean_american, full_name="Abdullah Aziz", other_names=[], date_of_birth=None
    )
    raw["resume"] = {"text": korean_american["resume"]["text"]}
    assert findings(screener, raw, "HG-SAN-003") == []
    [f] = findings(screener, raw, "HG-SAN-006")
    assert "weak a.k.a." in f.message and f.evidence["entity_id"] == "19671"


def test_san_006_a_whole_listed_name_is_not_just_context(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """The whole name of a listed person (KHALIL, Hassan), in the other order: HG-SAN-003
    asks for identity verification, and HG-SAN-006 says nothing."""
    raw = with_applicant(
        korean_american, full_name="Hassan Khalil", other_names=[], date_of_birth=None
    )
    assert findings(screener, raw, "HG-SAN-006") == []
    [f] = findings(screener, raw, "HG-SAN-003")
    assert f.evidence["features"]["name_coverage"] == 1.0


def test_san_005_a_listed_reference_is_a_weak_finding_without_forced_verification(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["references"] = [{"name": "Choe Ryong Hae"}]
    [f] = findings(screener, raw, "HG-SAN-005")
    assert f.weight < 1.0 and f.evidence["field"] == "references[0].name"
    assert findings(screener, raw, "HG-SAN-003") == []
    from hireguard.decide.policy import Policy

    assert Policy.load().decide(5.0, [f]) == "allow"


def test_san_005_common_korean_references_stay_quiet(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["references"] = [{"name": "Kim Min-jun"}, {"name": "Lee Seo-yeon"}]
    assert findings(screener, raw, "HG-SAN-005") == []


def test_san_004_dprk_front_company_as_employer(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["resume"]["experience"][0]["employer"] = "Chinyong IT Cooperation Company"
    [f] = findings(screener, raw, "HG-SAN-004")
    assert f.evidence["entity_id"] == "43379" and not f.hard
    assert f.evidence["field"] == "resume.experience[0].employer"


def test_san_004_payee_company_on_the_list_blocks(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["payment"] = {"method": "third_party_payee", "payee_company": "Volasys Silver Star"}
    [f] = findings(screener, raw, "HG-SAN-004")
    assert f.hard and f.evidence["field"] == "payment.payee_company"


def test_san_004_an_employer_where_the_list_has_no_address_is_a_probable_namesake(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """Carvana, the US car retailer, is not CARVANA COMPANY of Tehran and Esfahan: with the
    job in the US the match is shown as a probable namesake and weighs nothing; without a
    country, or in a country the list gives, it weighs as before."""
    raw = copy.deepcopy(korean_american)
    job = {"employer": "Carvana", "title": "Data Engineer", "start": "2020-01", "end": "2023-01"}
    raw["resume"]["experience"] = [{**job, "country": "US"}]
    [f] = findings(screener, raw, "HG-SAN-004")
    assert f.evidence["entity_id"] == "12553" and f.weight == 0 and f.severity == "info"
    assert "namesake" in f.message
    raw["resume"]["experience"] = [job]
    [f] = findings(screener, raw, "HG-SAN-004")
    assert f.weight == 0.8 and "namesake" not in f.message
    raw["resume"]["experience"] = [{**job, "country": "IR"}]
    [f] = findings(screener, raw, "HG-SAN-004")
    assert f.weight == 0.8 and f.evidence["features"]["country_match"] == 1.0  # type: ignore[index]


def test_san_004_an_employer_is_never_a_listed_ship(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """An employer named "Silver Cloud LLC" bears the name (an alias) of the listed vessel
    ARGO I; an employer is no ship, whatever its name."""
    ship = screener.search("Silver Cloud LLC", kind="organization")
    assert [m.name for m in ship][:1] == ["ARGO I"]
    raw = copy.deepcopy(korean_american)
    raw["resume"]["experience"] = [
        {"employer": "Silver Cloud LLC", "title": "Engineer", "start": "2019-01", "end": "2022-10"}
    ]
    assert findings(screener, raw, "HG-SAN-004") == []


def test_san_004_ordinary_korean_employers_stay_quiet(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["resume"]["experience"] = [
        {"employer": e} for e in ("Samsung SDS", "Naver Corporation", "Kakao Corp.", "Coupang")
    ]
    assert findings(screener, raw, "HG-SAN-004") == []


def test_san_007_a_listed_front_company_as_the_agency_is_held_for_review(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """Namchongang Trading Corporation (UN KPe.004, OFAC 11532) putting a candidate forward
    had weighed 0.8 in HG-SAN-004 and been allowed; it is HG-SAN-007's, held for review."""
    raw = copy.deepcopy(korean_american)
    raw["staffing_agency"] = "Namchongang Trading Corporation"
    [f] = findings(screener, raw, "HG-SAN-007")
    assert f.severity == "high" and not f.hard
    assert f.evidence["listed_name"] == "NAMCHONGANG TRADING CORPORATION"
    assert f.evidence["field"] == "staffing_agency"
    assert findings(screener, raw, "HG-SAN-004") == []  # (not twice)
    pipeline = Pipeline(engine=None, policy=Policy.load(), screener=screener)
    [a] = pipeline.assess([validate(1, raw)])
    assert a.decision == "review" and "HG-SAN-007" in {r.code for r in a.reasons}
    del raw["staffing_agency"]
    [a] = pipeline.assess([validate(1, raw)])
    assert a.decision == "allow"


def test_san_007_an_agency_that_only_resembles_a_listed_name_stays_low(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["staffing_agency"] = "Silverstar Network Technology"  # 0.91 to YANBIAN SILVERSTAR ...
    assert findings(screener, raw, "HG-SAN-007") == []
    [f] = findings(screener, raw, "HG-SAN-004")
    assert f.weight == 0.2
    for agency in ("Robert Half", "Randstad", "Adecco"):
        raw["staffing_agency"] = agency
        assert findings(screener, raw, "HG-SAN-007") == []


def test_san_004_a_payee_person_is_called_a_person(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    raw = copy.deepcopy(korean_american)
    raw["payment"] = {"method": "third_party_payee", "payee_name": "Kim Jong Un"}
    [f] = findings(screener, raw, "HG-SAN-004")
    assert "matches the listed person KIM, Jong Un" in f.message


def _with_history(
    raw: dict[str, Any], name: str, degree_end: int, first_job: str, dob: str | None = None
) -> dict[str, Any]:
    """``raw`` for applicant ``name`` (no other names), a bachelor's finished in
    ``degree_end`` and a first job as an engineer from ``first_job``."""
    out = with_applicant(raw, full_name=name, other_names=[], date_of_birth=dob)
    out["resume"]["education"] = [
        {"degree": "BS", "start_year": degree_end - 4, "end_year": degree_end}
    ]
    out["resume"]["experience"] = [{"title": "Software Engineer", "start": first_job}]
    return out


def test_san_003_a_namesake_the_resume_makes_too_young_or_too_old_is_cleared(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """HAMDAN, Ahmad (OFAC SDN 21905) was born on 1965-03-15. An "Ahmad Hamdan" who gives
    no date of birth but finished his bachelor's in 2016 (born 1971-1998 by his resume)
    is another man: no verification is forced, and the match stays in the assessment
    marked ``age_conflict`` for the analyst. The same name on a resume that fits 1965
    (a degree in 1987, a first job in 1988) still asks for verification."""
    young = _with_history(korean_american, "Ahmad Hamdan", 2016, "2018-08")
    e = enrich(Application.model_validate(young))
    e.sanctions = screener.screen_application(e)
    [m] = [m for m in e.sanctions if m.entity_id == "21905"]
    assert m.features.get("age_conflict") == 1.0 and m.score >= 0.95
    assert get_detector("HG-SAN-003").run(e) == []

    fits = _with_history(korean_american, "Ahmad Hamdan", 1987, "1988-02")
    [f] = findings(screener, fits, "HG-SAN-003")
    assert f.evidence["entity_id"] == "21905"
    assert "age_conflict" not in f.evidence["features"]  # type: ignore[operator]


def test_san_003_a_listed_person_too_young_for_the_resume_is_cleared(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """KHALIL, Hassan (OFAC SDN 40134) was born in 1979: an applicant of that name who has
    worked as an engineer since 1990 (born by 1974) is not him; one who began in 2001 may be."""
    old = _with_history(korean_american, "Hassan Khalil", 1989, "1990-01")
    assert findings(screener, old, "HG-SAN-003") == []
    later = _with_history(korean_american, "Hassan Khalil", 2001, "2001-09")
    [f] = findings(screener, later, "HG-SAN-003")
    assert f.evidence["entity_id"] == "40134"


def test_san_001_a_given_date_of_birth_outranks_the_resume(
    screener: Screener, korean_american: dict[str, Any]
) -> None:
    """With the list's very date of birth the match is confirmed, whatever the resume's
    dates say (they bound an age only when no date of birth is given)."""
    raw = _with_history(korean_american, "Ahmad Hamdan", 2016, "2018-08", "1965-03-15")
    [f] = findings(screener, raw, "HG-SAN-001")
    assert f.evidence["entity_id"] == "21905"
