"""``hireguard lists load/status``, ``hireguard screen`` and re-screening, from the outside."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from typer.testing import CliRunner

from hireguard.cli import app
from hireguard.sanctions import default_screener, rescreen_stored
from hireguard.sanctions.screener import Screener
from hireguard.sanctions.store import all_versions, current_version
from hireguard.store import tables as t

runner = CliRunner()


def test_load_keeps_versions_and_a_broken_file_changes_nothing(
    home: Path, lists_dir: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["lists", "load", str(lists_dir / "un"), "--no-rescreen"])
    assert result.exit_code == 0, result.output
    first = current_version("un_sc_sanctions")
    assert first is not None and first.entries == 1003 and first.published == "2026-02-27"

    truncated = tmp_path / "consolidated.xml"
    data = (lists_dir / "un" / "UN_consolidated.xml").read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    result = runner.invoke(app, ["lists", "load", str(truncated), "--no-rescreen"])
    assert result.exit_code == 1
    assert "consolidated.xml" in result.output and "unchanged" in result.output
    assert current_version("un_sc_sanctions") == first  # still in service

    # A newer edition (one record fewer) becomes current; the first stays for audit.
    newer = tmp_path / "newer.xml"
    start = data.index(b"<INDIVIDUAL>")
    end = data.index(b"</INDIVIDUAL>", start) + len(b"</INDIVIDUAL>")
    newer.write_bytes(data[:start] + data[end:])
    result = runner.invoke(app, ["lists", "load", str(newer), "--no-rescreen"])
    assert result.exit_code == 0, result.output
    second = current_version("un_sc_sanctions")
    assert second is not None and second.entries == 1002 and second.version != first.version
    assert {v.version for v in all_versions("un_sc_sanctions")} == {first.version, second.version}

    status = runner.invoke(app, ["lists", "status"])
    assert status.exit_code == 0 and "un_sc_sanctions" in status.output and "1002" in status.output
    assert "also in service" in status.output and "us_ofac_sdn" in status.output
    # A loaded list takes the place of the built-in list of its name; the built-in lists
    # it does not replace stay in service (loading the UN list had silently dropped OFAC's
    # SDN list and its digital-currency addresses from screening).
    screener = default_screener()
    lists = [e.list for e in screener.index.entries]
    assert lists.count("un_sc_sanctions") == 1002  # the loaded edition, not the built-in
    assert set(lists) == {"un_sc_sanctions", "us_ofac_sdn", "us_ofac_cons", "us_ofac_addresses"}
    assert screener.search("KIM JONG UN", kind="person")[0].list == "us_ofac_sdn"
    assert screener.search("Ri Je-son", kind="person")
    lazarus = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"  # OFAC SDN, Lazarus Group
    assert screener.search_address(lazarus)


def test_screen_one_name_as_json(home: Path) -> None:
    result = runner.invoke(app, ["screen", "Gim Jeong-eun", "--dob", "1984-01-08", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["matches"][0]["entity_id"] == "20157"
    assert out["matches"][0]["features"]["dob_exact"] == 1.0


def test_screen_rejects_a_bad_date_naming_the_field(home: Path) -> None:
    result = runner.invoke(app, ["screen", "Kim Jong Un", "--dob", "08/01/1984"])
    assert result.exit_code == 2 and "date_of_birth" in result.output


def test_batch_follows_the_contract(home: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.jsonl"
    out = tmp_path / "a.jsonl"
    lines = [
        {"query_id": "1", "name": "Kim Jong Un", "kind": "person", "date_of_birth": "1984"},
        "not json",
        {"query_id": "3", "name": "Ji-woo Park", "nationality": "US"},
        {"query_id": "4", "crypto_address": "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"},
        {"query_id": "5", "name": "Kim", "kind": "vessel"},
    ]
    queries.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines))
    result = runner.invoke(app, ["screen", "--batch", str(queries), "-o", str(out)])
    assert result.exit_code == 0, result.output
    answers = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [a.get("query_id") for a in answers] == ["1", None, "3", "4", "5"]
    assert answers[0]["matches"][0] == {
        "list": "us_ofac_sdn",
        "entity_id": "20157",
        "name": "KIM, Jong Un",
        "score": answers[0]["matches"][0]["score"],
    }
    assert "line 2" in answers[1]["error"]
    assert answers[2]["matches"] == []
    assert answers[3]["matches"][0]["name"] == "LAZARUS GROUP"
    assert "kind" in answers[4]["error"]


def _store(url: str, raw: dict[str, object], matches: list[dict[str, object]]) -> None:
    engine = sa.create_engine(url)
    t.metadata.create_all(engine)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        inserted = conn.execute(
            t.applications.insert().values(
                application_id=raw["application_id"],
                submitted_at=now,
                received_at=now,
                raw=raw,
                content_sha256="0" * 64,
            )
        ).inserted_primary_key
        assert inserted is not None
        pk = inserted[0]
        conn.execute(
            t.assessments.insert().values(
                application_pk=pk,
                assessed_at=now,
                risk_score=10.0,
                decision="allow",
                reasons=[],
                sanctions_matches=matches,
                is_current=True,
            )
        )


def test_rescreen_reports_only_new_matches(
    home: Path, tmp_path: Path, screener: Screener, examples: dict[str, dict[str, Any]]
) -> None:
    raw = copy.deepcopy(examples["legitimate-us"])
    raw["payment"] = {
        "method": "crypto",
        "crypto_address": "0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
    }
    url = f"sqlite:///{tmp_path / 'hg.db'}"
    _store(url, raw, [])
    [(app_id, [match])] = rescreen_stored(url, screener=screener, rescore=False)
    assert app_id == raw["application_id"] and match.matched_field == "payment.crypto_address"

    url2 = f"sqlite:///{tmp_path / 'hg2.db'}"
    _store(url2, raw, [match.model_dump()])
    assert rescreen_stored(url2, screener=screener, rescore=False) == []


def test_status_says_how_old_the_shipped_lists_are(home: Path) -> None:
    from hireguard.sanctions.screener import BUILTIN_AS_OF, builtin_lists

    assert set(builtin_lists()) == set(BUILTIN_AS_OF)  # every shipped list has its date
    status = runner.invoke(app, ["lists", "status"])
    assert status.exit_code == 0
    text = " ".join(status.output.split())
    assert "us_ofac_sdn (as of 2024-05-03," in text and "un_sc_sanctions (as of 2026-02-27" in text
