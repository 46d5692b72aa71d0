"""HG-EML: disposable domains, persona-style addresses, addresses naming someone else."""

from __future__ import annotations

from collections.abc import Callable

from hireguard.detect.email import (
    disposable_email,
    email_names_someone_else,
    persona_email,
    self_reference,
)
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]


def _email(build: Build, email: str, name: str = "Dana Ruth Whitaker") -> EnrichedApplication:
    return build({"applicant": {"email": email, "full_name": name}})


def test_mailinator_address_fires(build: Build, run: Run) -> None:
    findings = run(disposable_email, _email(build, "dana.whitaker@mailinator.com"))
    assert len(findings) == 1
    assert findings[0].evidence == {"domain": "mailinator.com"}


def test_subdomain_of_disposable_service_fires(build: Build, run: Run) -> None:
    assert len(run(disposable_email, _email(build, "dw@eu.mailinator.com"))) == 1


def test_privacy_mail_provider_is_not_disposable(build: Build, run: Run) -> None:
    # Proton and Fastmail are long-lived personal mailboxes, not throwaway ones.
    for email in ("dana.whitaker@proton.me", "dana.whitaker@fastmail.com"):
        assert run(disposable_email, _email(build, email)) == [], email


def test_trade_word_with_number_fires(build: Build, run: Run) -> None:
    app = _email(build, "kevinmoore.dev0707@outlook.com", "Kevin James Moore")
    findings = run(persona_email, app)
    assert len(findings) == 1
    assert findings[0].weight == persona_email.weight
    assert findings[0].evidence == {"persona_words": ["dev"], "number_digits": 4}
    assert "0707" not in findings[0].message  # no piece of the address in clear


def test_glued_persona_handle_fires(build: Build, run: Run) -> None:
    app = _email(build, "livedeveloper823@gmail.com", "Kevin James Moore")
    assert len(run(persona_email, app)) == 1


def test_name_with_birth_year_stays_quiet(build: Build, run: Run) -> None:
    app = _email(build, "jiwoo.park94@gmail.com", "Ji-woo Park")
    assert run(persona_email, app) == []
    app = _email(build, "dana.whitaker1988@gmail.com")
    assert run(persona_email, app) == []


def test_name_that_contains_a_trade_word_stays_quiet(build: Build, run: Run) -> None:
    # "Dev" in Devendra, "Smart" as a surname: names are taken out before looking.
    app = _email(build, "devendra.smart1207@gmail.com", "Devendra Smart")
    assert run(persona_email, app) == []


def test_trade_word_without_number_is_weak(build: Build, run: Run) -> None:
    findings = run(persona_email, _email(build, "dana.codes@gmail.com"))
    assert len(findings) == 1
    assert findings[0].weight < persona_email.weight


def test_address_with_another_persons_name_fires(build: Build, run: Run) -> None:
    findings = run(email_names_someone_else, _email(build, "kevin.moore@gmail.com"))
    assert len(findings) == 1
    assert "kevin" not in findings[0].message.lower()  # personal data stays out of messages


def test_transliteration_variant_stays_quiet(build: Build, run: Run) -> None:
    app = _email(build, "mohamed.alsayed@gmail.com", "Muhammad Al-Sayyid")
    assert run(email_names_someone_else, app) == []


def test_other_name_given_by_the_applicant_stays_quiet(build: Build, run: Run) -> None:
    # A name changed by marriage: the address keeps the former name, listed in other_names.
    changes = {"full_name": "Dana Whitaker", "email": "rebecca.kowalski@gmail.com"}
    assert len(run(email_names_someone_else, build({"applicant": changes}))) == 1
    changes["other_names"] = ["Rebecca Kowalski"]  # type: ignore[assignment]
    assert run(email_names_someone_else, build({"applicant": changes})) == []


def test_handle_is_not_read_as_a_name(build: Build, run: Run) -> None:
    assert run(email_names_someone_else, _email(build, "coolcat88@gmail.com")) == []
    assert run(email_names_someone_else, _email(build, "dw@fastmail.com")) == []


def test_reference_with_the_applicants_own_email_fires(build: Build, run: Run) -> None:
    app = build({"references": [{"name": "J. Smith", "email": "Dana.Whitaker+ref@fastmail.com"}]})
    findings = run(self_reference, app)
    assert len(findings) == 1
    assert findings[0].evidence == {"same": "email"}


def test_reference_with_the_applicants_own_phone_fires(build: Build, run: Run) -> None:
    app = build({"references": [{"name": "J. Smith", "phone": "+1 512-555-0143"}]})
    findings = run(self_reference, app)
    assert findings[0].evidence == {"same": "phone"}
    assert findings[0].weight < self_reference.weight  # could be a shared household line


def test_disposable_reference_is_weaker(build: Build, run: Run) -> None:
    app = build({"references": [{"name": "J. Smith", "email": "jsmith@mailinator.com"}]})
    assert run(self_reference, app)[0].weight < self_reference.weight


def test_colleague_with_own_contact_details_stays_quiet(build: Build, run: Run) -> None:
    # A former colleague in the same city: same area code, their own number and address.
    app = build(
        {
            "references": [
                {
                    "name": "Kyle Becker",
                    "email": "kylebecker26@gmail.com",
                    "phone": "(512) 555-0199",
                }
            ]
        }
    )
    assert run(self_reference, app) == []


def test_name_only_in_another_script_is_never_compared(build: Build, run: Run) -> None:
    # 박지우 transliterates to "bagjiu", not "jiwoo park": comparing would punish the script.
    app = build({"applicant": {"full_name": "박지우", "email": "jiwoo.park@gmail.com"}})
    assert run(email_names_someone_else, app) == []
    app = build({"applicant": {"full_name": "田中太郎", "email": "taro.tanaka@gmail.com"}})
    assert run(email_names_someone_else, app) == []


def test_latin_name_given_alongside_is_compared(build: Build, run: Run) -> None:
    changes = {"full_name": "박지우", "other_names": ["Jiwoo Park"]}
    app = build({"applicant": changes | {"email": "jiwoo.park@gmail.com"}})
    assert run(email_names_someone_else, app) == []
    app = build({"applicant": changes | {"email": "kevin.moore@gmail.com"}})
    assert len(run(email_names_someone_else, app)) == 1
