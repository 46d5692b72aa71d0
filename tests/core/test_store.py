"""Storage on SQLite and on PostgreSQL: history kept, nothing duplicated, nothing dropped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa

from hireguard.decide.policy import Policy
from hireguard.enrich import bare_ip_facts
from hireguard.enrich.types import IpFacts
from hireguard.intake.readers import read_applications, validate
from hireguard.pipeline import Pipeline, iter_stored_records
from hireguard.store import tables as t
from hireguard.store.bulk import insert_rows
from hireguard.store.db import JsonText, current_revision, head_revision, open_db
from tests.appfactory import make_app


def _file(tmp_path: Path, apps: list[dict[str, object]], name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(a) for a in apps) + "\n")
    return path


def _pipeline(db_url: str) -> Pipeline:
    # Storage only: no reference data needed to show what is kept.
    return Pipeline(engine=open_db(db_url), policy=Policy.load(), chunk_size=2)


def test_schema_is_migrated_to_head(db_url: str) -> None:
    engine = open_db(db_url)
    assert current_revision(engine) == head_revision()


def test_rescoring_keeps_history_without_duplicates(db_url: str, tmp_path: Path) -> None:
    apps = [make_app(application_id=f"S{i}") for i in range(5)]
    apps[2]["ats_extra"] = {"stage": "phone-screen"}
    path = _file(tmp_path, apps)
    p = _pipeline(db_url)
    first = p.run(read_applications(path), source="first")
    apps[1]["session"]["remote_access_tools"] = ["anydesk"]
    second = p.run(read_applications(_file(tmp_path, apps, "again.jsonl")), source="second")
    assert first.batch_id != second.batch_id
    engine = open_db(db_url)
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(t.applications)) == 5
        assert conn.scalar(sa.select(sa.func.count()).select_from(t.assessments)) == 10
        current = conn.execute(
            sa.select(t.applications.c.application_id, t.assessments.c.reasons)
            .join(t.assessments, t.assessments.c.application_pk == t.applications.c.pk)
            .where(t.assessments.c.is_current.is_(True))
        ).all()
        assert len(current) == 5
        by_id = {aid: reasons for aid, reasons in current}
        assert [r["code"] for r in by_id["S1"]] == ["HG-DEV-001"]
        raw = conn.scalar(
            sa.select(t.applications.c.raw).where(t.applications.c.application_id == "S2")
        )
        assert raw["ats_extra"] == {"stage": "phone-screen"}
        n_findings = conn.scalar(sa.select(sa.func.count()).select_from(t.findings))
        assert n_findings == 1
        batches = conn.execute(
            sa.select(t.batches.c.n_read, t.batches.c.decisions).order_by(t.batches.c.id)
        ).all()
        assert batches[0][0] == 5 and batches[0][1] == {"allow": 5}


def test_resubmission_in_one_file_is_one_application(db_url: str, tmp_path: Path) -> None:
    apps = [
        make_app(application_id="R1"),
        make_app(application_id="R2"),
        make_app(application_id="R1"),
    ]
    out = _pipeline(db_url).assess(read_applications(_file(tmp_path, apps)))
    assert [a.application_id for a in out] == ["R1", "R2", "R1"]
    engine = open_db(db_url)
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(t.applications)) == 2
        assert (
            conn.scalar(
                sa.select(sa.func.count())
                .select_from(t.assessments)
                .where(t.assessments.c.is_current.is_(True))
            )
            == 2
        )


def test_bad_records_do_not_lose_good_ones(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(make_app(application_id="G1"))
        + "\n{oops\n"
        + json.dumps(make_app(application_id="G2"))
        + "\n"
    )
    out = _pipeline(db_url).assess(read_applications(path))
    assert [a.decision for a in out] == ["allow", "error", "allow"]
    stored = [r.application_id for r in iter_stored_records(open_db(db_url))]
    assert stored == ["G1", "G2"]


def test_nul_character_is_a_named_error_and_the_run_goes_on(db_url: str, tmp_path: Path) -> None:
    # PostgreSQL refuses U+0000 in text: one such record had ended the run there, losing
    # every record after its chunk. It is now an error line that names the field.
    bad = make_app(application_id="N1")
    bad["resume"] = {"text": "Go developer\u0000", "skills": ["go"]}
    path = tmp_path / "nul.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(a)
            for a in (make_app(application_id="N0"), bad, make_app(application_id="N2"))
        )
        + "\n"
    )
    out = _pipeline(db_url).assess(read_applications(path))
    assert [(a.application_id, a.decision) for a in out] == [
        ("N0", "allow"),
        ("N1", "error"),
        ("N2", "allow"),
    ]
    assert out[1].error == (
        "line 2: field resume.text: holds a NUL character (U+0000), which no text field may hold"
    )
    stored = [r.application_id for r in iter_stored_records(open_db(db_url))]
    assert stored == ["N0", "N2"]


class _BrokenLookup:
    """An IP database that fails on one address, as a damaged .mmdb file can."""

    def lookup(self, raw: str) -> IpFacts:
        if raw == "203.0.113.66":
            raise KeyError("damaged record")
        return bare_ip_facts(raw)


def test_a_record_whose_facts_cannot_be_read_is_an_error_line(db_url: str) -> None:
    apps = [
        make_app(application_id="E0", **{"session.ip": "198.51.100.7"}),
        make_app(application_id="E1", **{"session.ip": "203.0.113.66"}),
        make_app(application_id="E2", **{"session.ip": "198.51.100.8"}),
    ]
    pipeline = Pipeline(
        engine=open_db(db_url), policy=Policy.load(), ipintel=_BrokenLookup(), chunk_size=3
    )
    out = pipeline.assess([validate(i + 1, a) for i, a in enumerate(apps)])
    assert [a.decision for a in out] == ["allow", "error", "allow"]
    assert out[1].application_id == "E1"
    assert out[1].error == (
        "line 2: could not be assessed: KeyError while reading its facts "
        "(an internal error; please report it)"
    )
    stored = [r.application_id for r in iter_stored_records(open_db(db_url))]
    assert stored == ["E0", "E2"]


def test_bulk_insert_stores_what_a_sqlalchemy_insert_stores(db_url: str) -> None:
    """Rows written through the driver (pre-serialised JSON included) read back exactly as
    rows written by SQLAlchemy's own insert: types, time zones, JSON text and booleans."""
    engine = open_db(db_url)
    when = dt.datetime(2026, 9, 1, 7, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    evidence = {"kind": "phone", "names": ["Ji-woo Park", "김지우"], "n": 2, "score": 0.5}
    columns = ("application_id", "submitted_at", "received_at", "raw", "normalised")
    columns += ("content_sha256",)
    raw = JsonText(json.dumps({"b": 1, "a": "é"}, separators=(",", ":"), ensure_ascii=False))
    with engine.begin() as conn:
        conn.execute(
            t.applications.insert(),
            [dict(zip(columns, ("by-sa", when, when, raw, evidence, "0" * 64), strict=True))],
        )
        insert_rows(conn, t.applications, columns, [("bulk", when, when, raw, evidence, "0" * 64)])
        pks = {
            r[0]: r[1]
            for r in conn.execute(sa.select(t.applications.c.application_id, t.applications.c.pk))
        }
        finding = ("HG-X-1", "high", 1.5, True, "a message", evidence)
        fcols = ("assessment_pk", "code", "severity", "weight", "hard", "message", "evidence")
        for aid in ("by-sa", "bulk"):
            row = (pks[aid], None, when, 42.0, "verify", JsonText("[]"), [], None, "m", True)
            acols = ("application_pk", "batch_id", "assessed_at", "risk_score", "decision")
            acols += ("reasons", "sanctions_matches", "cluster_id", "model_version", "is_current")
            if aid == "by-sa":
                conn.execute(t.assessments.insert(), [dict(zip(acols, row, strict=True))])
            else:
                insert_rows(conn, t.assessments, acols, [row])
        apks = {
            r[0]: r[1]
            for r in conn.execute(sa.select(t.assessments.c.application_pk, t.assessments.c.pk))
        }
        conn.execute(
            t.findings.insert(), [dict(zip(fcols, (apks[pks["by-sa"]], *finding), strict=True))]
        )
        insert_rows(conn, t.findings, fcols, [(apks[pks["bulk"]], *finding)])

    def stored(table: sa.Table, key: sa.ColumnElement[int], pk: int) -> tuple[object, ...]:
        # JSON columns read back as text too: the serialised form must be the same.
        text = [sa.cast(c, sa.Text) for c in table.c if isinstance(c.type, sa.JSON)]
        with engine.connect() as conn:
            row = conn.execute(sa.select(table, *text).where(key == pk)).one()
        return tuple(v for c, v in zip(row._fields, row, strict=True) if c != "pk")

    a = t.applications.c
    by_sa = stored(t.applications, a.pk, pks["by-sa"])
    bulk = stored(t.applications, a.pk, pks["bulk"])
    assert by_sa[1:] == bulk[1:] and by_sa[0] == "by-sa" and bulk[0] == "bulk"
    s = t.assessments.c
    assert (
        stored(t.assessments, s.application_pk, pks["by-sa"])[1:]
        == stored(t.assessments, s.application_pk, pks["bulk"])[1:]
    )
    f = t.findings.c
    assert (
        stored(t.findings, f.assessment_pk, apks[pks["by-sa"]])[1:]
        == stored(t.findings, f.assessment_pk, apks[pks["bulk"]])[1:]
    )
