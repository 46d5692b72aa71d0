"""HG-CNT: cover roles, front companies, generic machine-written letters."""

from __future__ import annotations

from collections.abc import Callable

from hireguard.detect.content import (
    _mentions_listed_domain,
    cover_role,
    front_company,
    front_indicators,
    generic_cover_letter,
)
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]

GENERATED = (
    "Dear Hiring Manager, I am thrilled to apply for this exciting opportunity. With my "
    "extensive experience and passion for cutting-edge technology, I am confident that I "
    "would be a valuable asset to your esteemed organization. Thank you for considering my "
    "application."
)
ASSISTED = (
    "Dear Hiring Manager, I am thrilled to apply for the Backend Engineer role. At "
    "Bazaarvoice I cut p99 latency of our review API from 900 ms to 120 ms by moving hot "
    "paths to Go, and I led the migration of 40 services to Kubernetes. I am confident that "
    "my extensive experience with PostgreSQL would be a valuable asset to your team."
)


def test_resume_role_named_as_a_cover_fires(build: Build, run: Run) -> None:
    app = build(
        {"resume": {"experience": [{"title": "Remote Data Center Operator", "start": "2021-01"}]}}
    )
    findings = run(cover_role, app)
    assert len(findings) == 1
    assert findings[0].evidence == {"role": "remote data-centre operator", "where": "resume"}


def test_job_title_alone_fires_weakly(build: Build, run: Run) -> None:
    findings = run(cover_role, build({"job": {"title": "Remote Software-Testing Specialist"}}))
    assert len(findings) == 1
    assert findings[0].weight < cover_role.weight


def test_ordinary_qa_and_datacentre_roles_stay_quiet(build: Build, run: Run) -> None:
    app = build(
        {
            "job": {"title": "QA Engineer"},
            "resume": {"experience": [{"title": "Data Center Facilities Manager"}]},
        }
    )
    assert run(cover_role, app) == []


def test_front_company_email_domain_fires(build: Build, run: Run) -> None:
    findings = run(front_company, build({"applicant": {"email": "tony@hopanatech.com"}}))
    assert len(findings) == 1
    assert findings[0].weight == 3.0
    assert findings[0].evidence["where"] == "e-mail domain"


def test_front_company_url_in_resume_fires(build: Build, run: Run) -> None:
    app = build({"resume": {"text": "Portfolio: https://www.inditechlab.com/team/dana"}})
    assert len(run(front_company, app)) == 1


def test_front_company_employer_with_other_legal_form_fires(build: Build, run: Run) -> None:
    app = build(
        {"resume": {"experience": [{"employer": "Tony WKJ, L.L.C.", "title": "Developer"}]}}
    )
    findings = run(front_company, app)
    assert len(findings) == 1
    assert findings[0].evidence["indicator"] == "Tony WKJ LLC"


def test_low_confidence_domain_fires_weakly(build: Build, run: Run) -> None:
    findings = run(front_company, build({"applicant": {"email": "t.wang@hopana.com"}}))
    assert findings[0].weight == 1.0


def test_lookalike_names_stay_quiet(build: Build, run: Run) -> None:
    # Another "Fortuna" and a domain that merely contains a listed one.
    app = build(
        {
            "applicant": {"email": "dana@nothopanatech.com"},
            "resume": {"experience": [{"employer": "Fortuna Insurance", "title": "Analyst"}]},
        }
    )
    assert run(front_company, app) == []


def test_generic_empty_letter_fires_weakly(build: Build, run: Run) -> None:
    findings = run(generic_cover_letter, build({"cover_letter": GENERATED}))
    assert len(findings) == 1
    assert findings[0].weight <= 0.5


def test_writing_assistant_letter_with_specifics_stays_quiet(build: Build, run: Run) -> None:
    assert run(generic_cover_letter, build({"cover_letter": ASSISTED})) == []


def test_short_plain_letter_stays_quiet(build: Build, run: Run) -> None:
    letter = "Hello, I would like to apply for this role. I am a team player. Thanks, Dana"
    assert run(generic_cover_letter, build({"cover_letter": letter})) == []


def test_domain_pretest_agrees_with_a_search_for_each_listed_domain() -> None:
    # The pre-test looks for top-level domains and checks the name before each occurrence;
    # it must say yes exactly where a plain substring search for some listed domain would.
    domains = list(front_indicators()[0])
    texts = [
        "portfolio at linkedin.com/in/dana and github.com/dana, mail dana@gmail.com",
        "no address at all",
        "",
        ".com",
        "hopana.co and hopanatech.com.",
    ]
    for d in domains:
        texts += [d, f"see www.{d}/jobs", f"x{d}y", d[:-1], d.replace(".", " . ")]
    for text in texts:
        assert _mentions_listed_domain(text) == any(d in text for d in domains), text
