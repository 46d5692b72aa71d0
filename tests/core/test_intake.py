"""Reading applications: JSON Lines and CSV, errors that name line and field."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import phonenumbers

from hireguard.intake.normalise import address_key, email_facts, phone_facts, street_key
from hireguard.intake.readers import read_applications, read_jsonl_lines
from hireguard.model import Address
from tests.appfactory import make_app


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    good1 = json.dumps(make_app(application_id="A1"))
    good2 = json.dumps(make_app(application_id="A2"))
    missing = json.dumps(
        {
            "application_id": "A3",
            "submitted_at": "2026-09-01T00:00:00Z",
            "job": {"title": "x"},
            "applicant": {"full_name": "X"},
        }
    )
    path = write_lines(tmp_path / "a.jsonl", [good1, "{not json", "", missing, "[1,2]", good2])
    recs = list(read_applications(path))
    assert [r.application_id for r in recs] == ["A1", "line-2", "A3", "line-5", "A2"]
    assert recs[1].error and recs[1].error.startswith("line 2: not valid JSON")
    assert recs[2].error == "line 4: field applicant.email: required field is missing"
    assert recs[3].error and "expected a JSON object" in recs[3].error


def test_jsonl_file_reads_like_text_whatever_the_bytes(tmp_path: Path) -> None:
    """The file reader decodes plain lines from bytes; every record, line number and
    message must be those of reading the same file as UTF-8 text (replacement characters,
    a lone carriage return ending a line)."""
    good = json.dumps(make_app(application_id="G1")).encode()
    korean = json.dumps(
        make_app({"applicant.full_name": "김지우"}, application_id="K1"), ensure_ascii=False
    )
    lines = [
        good + b"\n",
        korean.encode() + b"\r\n",
        b'{"application_id": "bad-utf8-\xff", "x": 1}\n',  # invalid UTF-8: replaced, then read
        b"\xef\xbb\xbf" + good.replace(b"G1", b"G2") + b"\n",  # a byte-order mark
        good.replace(b"G1", b"G3") + b"\r" + good.replace(b"G1", b"G4") + b"\n",
        b"{truncated\r\n",
        b"   \n",
        "\u00a0\u3000\n".encode(),  # Unicode-only blank line
        b"[1, 2]\n",
        b'{"application_id": "A5"}\r\r\n',
        good.replace(b"G1", b"G6"),  # last line, no newline
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"".join(lines))
    with open(path, encoding="utf-8", errors="replace", newline="") as text:
        expected = list(read_jsonl_lines(text))
    got = list(read_applications(path))
    assert [(r.line, r.application_id, r.error, r.raw) for r in got] == [
        (r.line, r.application_id, r.error, r.raw) for r in expected
    ]
    assert [r.application_id for r in got if r.application] == ["G1", "K1", "G3", "G4", "G6"]


def test_bad_field_value_names_the_field(tmp_path: Path) -> None:
    bad = make_app(application_id="B1")
    bad["applicant"]["date_of_birth"] = "12/04/1989"
    bad["session"]["utc_offset_minutes"] = "minus five"
    recs = list(read_applications(write_lines(tmp_path / "b.jsonl", [json.dumps(bad)])))
    assert recs[0].error is not None
    assert "field applicant.date_of_birth" in recs[0].error
    assert "field session.utc_offset_minutes" in recs[0].error


def test_unknown_fields_are_kept(tmp_path: Path) -> None:
    app = make_app(application_id="U1")
    app["ats_candidate_ref"] = "greenhouse-99"
    app["applicant"]["pronouns"] = "she/her"
    recs = list(read_applications(write_lines(tmp_path / "u.jsonl", [json.dumps(app)])))
    assert recs[0].application is not None
    assert recs[0].raw is not None and recs[0].raw["ats_candidate_ref"] == "greenhouse-99"
    assert recs[0].application.applicant.model_extra == {"pronouns": "she/her"}


def test_csv_with_dotted_columns(tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    path.write_text(
        "application_id,submitted_at,job.title,job.remote,applicant.full_name,applicant.email,"
        "applicant.address.country,session.ip,session.languages,session.utc_offset_minutes,"
        "resume.experience.0.employer,resume.experience.0.start,resume.experience.0.end\n"
        "C1,2026-09-01T10:00:00Z,Engineer,yes,Ana Silva,ana@example.org,BR,200.150.1.2,"
        "pt-BR|en-US,-180,Nubank,2019-02,current\n"
        "C2,2026-09-01T10:00:00Z,Engineer,maybe,Bo Li,bo@example.org,CN,,,,,,\n"
        "C3,2026-09-01T10:00:00Z,Engineer,no,Cy Ray,,US,,,,,,\n",
        encoding="utf-8",
    )
    recs = list(read_applications(path))
    app = recs[0].application
    assert app is not None and app.job.remote is True
    assert app.session is not None and app.session.languages == ["pt-BR", "en-US"]
    assert app.session.utc_offset_minutes == -180
    assert app.resume is not None and app.resume.experience[0].employer == "Nubank"
    assert app.resume.experience[0].end is None
    assert recs[1].error == (  # (the cell described, never quoted: it may be personal data)
        "line 3: field job.remote: a text of 5 characters (letters), not true or false "
        "(true/false, yes/no or 1/0)"
    )
    assert recs[2].error == "line 4: field applicant.email: required field is missing"


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_damaged_csv_rows_are_named_errors_and_the_rest_is_read(tmp_path: Path) -> None:
    # Each of these had ended the whole run with a traceback (or, for the index, tried to
    # build a list of millions): now each is its own error line and the next row is read.
    head = ["application_id", "submitted_at", "job.title", "applicant.full_name"]
    head += ["applicant.email", "resume.experience", "resume.experience.0.employer"]
    head += ["session.hardware_concurrency", "resume.text"]
    ok = ["2026-09-01T10:00:00Z", "Engineer", "Ana Silva", "ana@example.org"]
    path = _csv(
        tmp_path / "damaged.csv",
        head,
        [
            ["D1", *ok, "-1", "Acme", "8", ""],  # a list column given a number
            ["D2", *ok, "", "Acme", "9" * 30, ""],  # an integer beyond 64 bits
            ["D3", *ok, "", "Acme", "8", "x" * 200_000],  # a long resume (over 128 KiB)
            ["D4", *ok, "", "Acme", "8", "x" * (5 * 1024 * 1024)],  # over the 4 MiB cell limit
            ["D5", *ok, "", "Acme", "8", "Go developer"],
        ],
    )
    recs = list(read_applications(path))
    assert [r.application_id for r in recs[:3]] == ["D1", "D2", "D3"]
    assert recs[0].error == (
        "line 2: column resume.experience.0.employer: resume.experience holds a value that "
        "is no object or list, so nothing can be put inside it"
    )
    assert recs[1].error == (
        "line 3: field session.hardware_concurrency: holds an integer beyond 64 bits"
    )
    assert recs[2].application is not None and recs[2].error is None
    assert recs[3].application is None and recs[3].error is not None
    assert recs[3].error.startswith("line 5: not a readable CSV row")
    assert recs[4].application is not None and recs[4].application_id == "D5"
    assert len(recs) == 5


def test_csv_list_index_must_be_a_small_number(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "index.csv",
        ["application_id", "submitted_at", "resume.experience.99999999.employer"],
        [["X1", "2026-09-01T10:00:00Z", "Acme"]],
    )
    (rec,) = list(read_applications(path))
    assert rec.error == (
        "line 2: column resume.experience.99999999.employer: resume.experience is a list, and "
        "'99999999' is no index of it (0 to 999)"
    )


def test_email_provider_rules() -> None:
    assert email_facts("Jane.Doe+jobs@GoogleMail.com").canonical == "janedoe@gmail.com"
    assert email_facts("jane.doe+x@outlook.com").canonical == "jane.doe@outlook.com"
    assert email_facts("jane.doe+x@example.org").canonical == "jane.doe+x@example.org"
    assert not email_facts("no-at-sign").valid


def test_phone_region_from_address_when_no_country_code() -> None:
    uk = phone_facts("020 7946 0018", "GB")
    assert uk.e164 == "+442079460018" and uk.region == "GB" and not uk.had_country_code
    us = phone_facts("+1 (929) 555-0112", "GB")
    assert us.region == "US" and us.had_country_code
    assert phone_facts("call me", "US").e164 is None


def _by_phonenumbers(raw: str, region: str | None) -> tuple[str | None, str | None, bool, str]:
    """What ``phonenumbers`` alone makes of a number: E.164, region, validity, type."""
    stripped = raw.strip()
    if stripped.startswith("+") or stripped.startswith("00"):
        region = None
    try:
        num = phonenumbers.parse(stripped, region)
    except phonenumbers.NumberParseException:
        return None, None, False, ""
    valid = phonenumbers.is_valid_number(num)
    return (
        phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.region_code_for_number(num) if valid else None,
        valid,
        phonenumbers.PhoneNumberType.to_string(phonenumbers.number_type(num)).lower()
        if valid
        else "",
    )


def test_phone_facts_agree_with_phonenumbers_on_every_spelling() -> None:
    """The quick path for plainly written North American numbers must read every number as
    ``phonenumbers.parse`` does: same E.164, region, validity and type, whatever the
    spelling, the default region, or a leading trunk or country code; numbers that are not
    plain (extensions, letters, other countries) go to ``phonenumbers`` itself."""
    rng = random.Random(5)
    layouts = [
        "({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "{a} {b} {c}", "{a}{b}{c}",
        "+1 ({a}) {b}-{c}", "+1 {a}-{b}-{c}", "+1{a}{b}{c}", "1-{a}-{b}-{c}", "1 ({a}) {b} {c}",
        "1{a}{b}{c}", "+1 {a} {b} {c} x12", "({a}) {b}-{c} ext. 4", "+11{a}{b}{c}",
        "{a}-{b}", "{b}-{c}", "+{a}{b}{c}", "001 {a} {b} {c}", "  {a} {b} {c}  ", "({a}{b}{c}",
        "{a}) {b}--{c}", "+1 ({a}) {b}-{c}0", "{a} {b} {c} 9",
    ]  # fmt: skip
    regions = ["US", "CA", "PR", "JM", "AG", "GB", "DE", "KR", None]
    areas = ["212", "415", "929", "604", "787", "876", "268", "800", "900", "555", "011", "123"]
    for _ in range(6000):
        a = rng.choice(areas) if rng.random() < 0.6 else f"{rng.randint(0, 999):03d}"
        b, c = f"{rng.randint(0, 999):03d}", f"{rng.randint(0, 9999):04d}"
        raw = rng.choice(layouts).format(a=a, b=b, c=c)
        region = rng.choice(regions)
        facts = phone_facts(raw, region)
        got = (facts.e164, facts.region if facts.valid else None, facts.valid)
        e164, want_region, valid, kind = _by_phonenumbers(raw, region)
        assert got == (e164, want_region, valid), (raw, region)
        assert (facts.number_type or "") == kind, (raw, region)
    # and a few that must stay invalid or unreadable
    assert not phone_facts("(055) 123-4567", "US").valid
    assert phone_facts("415-555", "US").e164 == _by_phonenumbers("415-555", "US")[0]


def test_address_key_folds_spelling_variants() -> None:
    a = Address(
        line1="1420 W. Van Buren Street", line2="Apt 3", postal_code="85007-1234", country="US"
    )
    b = Address(line1="1420 w van buren st #3", postal_code="85007", country="US")
    c = Address(line1="1420 W Van Buren St", line2="Unit 9", postal_code="85007", country="US")
    assert address_key(a) == address_key(b)
    assert address_key(a) != address_key(c)
    assert street_key(a) == street_key(c)


def test_bytes_that_are_not_utf8_are_read_with_a_warning(tmp_path: Path) -> None:
    # A Latin-1 export had been read silently as "Jos\ufffd M\ufffdller": the record is
    # still read (one bad byte in a letter must not cost the application) but says so.
    good = json.dumps(make_app(application_id="U0")).encode()
    latin = json.dumps(
        make_app(application_id="U1", **{"applicant.full_name": "José Müller"}),
        ensure_ascii=False,
    )
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good + b"\n" + latin.encode("latin-1") + b"\n")
    first, second = read_applications(path)
    assert first.warning is None and second.application is not None
    assert second.application.applicant.full_name == "Jos\ufffd M\ufffdller"
    assert second.warning is not None and second.warning.startswith("line 2: not UTF-8 (byte 0xE9")
    table = tmp_path / "latin.csv"
    table.write_bytes(
        "application_id,submitted_at,job.title,applicant.full_name,applicant.email\n"
        "C1,2026-09-01T10:00:00Z,Dev,José Müller,j@example.org\n".encode("latin-1")
    )
    (row,) = read_applications(table)
    assert row.application is not None and row.warning is not None
    assert row.warning.startswith("line 2: not UTF-8")
