"""``hireguard synth``: the generated population, from the outside (CLI and Python API)."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from geoip2fast import GeoIP2Fast
from typer.testing import CliRunner

from hireguard.cli import app
from hireguard.model import Application
from hireguard.synth import generate
from hireguard.synth.names import ORIGINS

FRAUD_SCHEMES = {
    "laptop_farm",
    "vpn_operator",
    "hijacked_profile",
    "identity_rental",
    "ip_burst",
    "lone_operator",
}
HONEST_SCHEMES = {
    "honest_regular",
    "honest_traveller",
    "honest_vpn_user",
    "honest_recent_mover",
    "honest_new_grad",
    "honest_returner",
    "honest_ai_letter",
    "honest_cgnat",
    "honest_it_support",
    "honest_household",
    "honest_repeat",
    "honest_agency",
    "honest_campus",
    "honest_coworking",
}

runner = CliRunner()


@pytest.fixture(scope="module")
def population() -> list[dict[str, Any]]:
    return list(generate(6000, seed=7, fraud_rate=0.12))


@pytest.fixture(scope="module")
def geo() -> GeoIP2Fast:
    return GeoIP2Fast(geoip2fast_data_file="geoip2fast-asn-ipv6.dat.gz")


def _honest(pop: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in pop if not r["label"]["is_fraud"]]


def _fraud(pop: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in pop if r["label"]["is_fraud"]]


def _when(rec: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(rec["submitted_at"].replace("Z", "+00:00"))


# ── contract ─────────────────────────────────────────────────────────────────


def test_every_record_validates_against_the_contract_model(
    population: list[dict[str, Any]],
) -> None:
    for rec in population:
        app_ = Application.model_validate(rec)
        assert app_.model_extra is not None and "label" in app_.model_extra
        assert set(rec["label"]) == {"is_fraud", "scheme", "ring_id", "benign_group"}
    ids = [r["application_id"] for r in population]
    assert len(set(ids)) == len(ids)


def test_records_validate_against_the_shared_json_schema(
    population: list[dict[str, Any]], shared_dir: Path
) -> None:
    """The contract itself, not only its pydantic mirror (needs ``jsonschema``)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared_dir / "contract" / "application.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for rec in population[:2000]:
        errors = list(validator.iter_errors(rec))
        assert not errors, (rec["application_id"], errors[0].message)


def test_labels_name_schemes_rings_and_benign_groups(population: list[dict[str, Any]]) -> None:
    schemes = collections.Counter(r["label"]["scheme"] for r in population)
    assert set(schemes) == FRAUD_SCHEMES | HONEST_SCHEMES
    for rec in population:
        label = rec["label"]
        if label["is_fraud"]:
            assert label["scheme"] in FRAUD_SCHEMES and label["ring_id"]
            assert label["benign_group"] is None
        else:
            assert label["scheme"] in HONEST_SCHEMES and label["ring_id"] is None
    grouped = [r for r in population if r["label"]["benign_group"]]
    kinds = {r["label"]["benign_group"].split("-")[0] for r in grouped}
    assert {"agency", "household", "campus", "coworking", "person", "cgnat"} <= kinds


def test_fraud_rate_is_respected() -> None:
    for rate in (0.0, 0.03, 0.2):
        recs = list(generate(3000, seed=3, fraud_rate=rate))
        share = sum(r["label"]["is_fraud"] for r in recs) / len(recs)
        assert abs(share - rate) < 0.015, (rate, share)
    assert all(r["label"]["is_fraud"] for r in generate(200, seed=3, fraud_rate=1.0))


def test_api_rejects_impossible_arguments() -> None:
    with pytest.raises(ValueError):
        list(generate(-1))
    with pytest.raises(ValueError):
        list(generate(10, fraud_rate=1.5))
    with pytest.raises(ValueError):
        list(generate(10, days=0))
    assert list(generate(0)) == []


def test_records_come_out_in_submission_order(population: list[dict[str, Any]]) -> None:
    times = [_when(r) for r in population]
    late = sum(1 for a, b in itertools.pairwise(times) if b < a)
    assert late <= 0.01 * len(times)
    ids = [r["application_id"] for r in population]
    assert ids == sorted(ids)


def test_generation_streams_without_building_the_population() -> None:
    started = time.perf_counter()
    first = list(itertools.islice(generate(50_000_000, seed=1), 20))
    assert len(first) == 20
    assert time.perf_counter() - started < 5  # a list of 50 million would never get here


def test_throughput_is_thousands_per_second() -> None:
    list(generate(200, seed=2))  # load the tables once
    started = time.process_time()
    count = sum(1 for _ in generate(5000, seed=2))
    rate = count / (time.process_time() - started)
    assert rate > 3000, f"{rate:.0f} applications per CPU second"


# ── command line ─────────────────────────────────────────────────────────────


def test_cli_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    args = ["synth", "-n", "400", "--fraud-rate", "0.1", "--start", "2026-10-01", "--days", "30"]
    assert runner.invoke(app, [*args, "--seed", "5", "-o", str(a)]).exit_code == 0
    assert runner.invoke(app, [*args, "--seed", "5", "-o", str(b)]).exit_code == 0
    assert runner.invoke(app, [*args, "--seed", "6", "-o", str(c)]).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    lines = a.read_bytes().splitlines()
    assert len(lines) == 400
    for line in lines:
        rec = json.loads(line)
        when = _when(rec)
        assert (
            dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
            <= when
            < dt.datetime(2026, 10, 31, tzinfo=dt.UTC)
        )


def test_output_does_not_depend_on_the_process(tmp_path: Path) -> None:
    """Two interpreters with different string-hash seeds write the same bytes."""
    outputs = []
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-m", "hireguard", "synth", "-n", "300", "--seed", "8", "-q"],
            env=env,
            capture_output=True,
            check=True,
            timeout=120,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 300


def test_cli_writes_standard_output_by_default() -> None:
    result = runner.invoke(app, ["synth", "-n", "25", "--seed", "9"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 25
    api = [json.dumps(r, ensure_ascii=False) for r in generate(25, seed=9)]
    assert [json.loads(x) for x in lines] == [json.loads(x) for x in api]


def test_cli_rejects_a_bad_start_date_and_an_unwritable_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "-n", "5", "--start", "September"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["synth", "-n", "5", "-o", str(tmp_path / "no" / "such.jsonl")])
    assert result.exit_code == 2
    assert "cannot write" in result.output


# ── realism of honest applicants ─────────────────────────────────────────────


def test_dates_fall_in_the_window_and_clocks_match_their_zone(
    population: list[dict[str, Any]],
) -> None:
    start = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    end = start + dt.timedelta(days=90)
    honest_off_clock = 0
    for rec in population:
        when = _when(rec)
        assert start <= when < end
        session = rec["session"]
        if not rec["submitted_at"].endswith("Z"):
            off = when.utcoffset()
            assert off is not None
            assert off.total_seconds() // 60 == session["utc_offset_minutes"]
        if not rec["label"]["is_fraud"]:
            real = when.astimezone(ZoneInfo(session["timezone"])).utcoffset()
            assert real is not None
            honest_off_clock += real.total_seconds() // 60 != session["utc_offset_minutes"]
    # a rare honest clock is off (stale tz data, a hand-set clock), never many
    assert honest_off_clock < 0.01 * len(_honest(population))
    spoofed = [
        r
        for r in _fraud(population)
        if (
            _when(r).astimezone(ZoneInfo(r["session"]["timezone"])).utcoffset() or dt.timedelta()
        ).total_seconds()
        // 60
        != r["session"]["utc_offset_minutes"]
    ]
    assert spoofed, "some operators report a zone name whose offset they do not have"


def test_lives_careers_and_profiles_are_consistent_with_birth(
    population: list[dict[str, Any]],
) -> None:
    for rec in _honest(population):
        app_ = rec["applicant"]
        if "date_of_birth" not in app_:
            continue
        born = dt.date.fromisoformat(app_["date_of_birth"])
        assert 1960 <= born.year <= 2004
        for edu in rec["resume"].get("education", []):
            assert edu["start_year"] - born.year >= 16
            assert edu["end_year"] > edu["start_year"]
        for job in rec["resume"].get("experience", []):
            assert int(job["start"][:4]) - born.year >= 16
            assert job["end"] is None or job["end"] >= job["start"]
        for prof in app_.get("profiles", []):
            if "created_on" not in prof:
                continue
            created = dt.date.fromisoformat(prof["created_on"])
            assert created.year - born.year >= 15
            assert created <= _when(rec).date()


def test_honest_ips_geolocate_to_where_people_live(
    population: list[dict[str, Any]], geo: GeoIP2Fast
) -> None:
    regular = [
        r
        for r in population
        if r["label"]["scheme"] in ("honest_regular", "honest_new_grad", "honest_returner")
        and "address" in r["applicant"]
    ]
    assert len(regular) > 1000
    for rec in regular:
        assert (
            geo.lookup(rec["session"]["ip"]).country_code == rec["applicant"]["address"]["country"]
        )
    travellers = [r for r in population if r["label"]["scheme"] == "honest_traveller"]
    abroad = sum(
        geo.lookup(r["session"]["ip"]).country_code
        != r["applicant"].get("address", {}).get("country")
        for r in travellers
    )
    assert abroad >= 0.8 * len(travellers)


def test_honest_phone_numbers_are_valid_where_people_live(
    population: list[dict[str, Any]],
) -> None:
    checked = valid = 0
    for rec in _honest(population):
        phone, addr = rec["applicant"].get("phone"), rec["applicant"].get("address")
        if not phone or not addr:
            continue
        checked += 1
        with contextlib.suppress(phonenumbers.NumberParseException):
            valid += phonenumbers.is_valid_number(phonenumbers.parse(phone, addr["country"]))
    assert checked > 3000
    assert valid / checked > 0.98


def test_background_mix_is_wide(population: list[dict[str, Any]]) -> None:
    countries = collections.Counter(
        r["applicant"]["address"]["country"]
        for r in _honest(population)
        if "address" in r["applicant"]
    )
    assert countries["US"] / sum(countries.values()) > 0.5
    assert len(countries) >= 25
    langs = collections.Counter(tuple(r["session"]["languages"]) for r in _honest(population))
    assert any("ko-KR" in k and k[0] == "en-US" for k in langs)  # Korean-Americans
    assert any(k[:1] == ("fr-CA",) or "fr-CA" in k for k in langs)  # Quebec
    native = [
        name
        for r in _honest(population)
        for name in r["applicant"].get("other_names", [])
        if any("\uac00" <= ch <= "\ud7a3" or "\u4e00" <= ch <= "\u9fff" for ch in name)
    ]
    assert len(native) > 20  # 박지우, 王志伟: names also written in their own script


def test_device_ids_are_per_person_except_where_people_share(
    population: list[dict[str, Any]],
) -> None:
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for rec in _honest(population):
        if rec["label"]["scheme"] not in ("honest_agency", "honest_repeat"):
            owners[rec["session"]["device_id"]].add(rec["applicant"]["email"])
    assert all(len(v) == 1 for v in owners.values())


def test_text_varies_between_people(population: list[dict[str, Any]]) -> None:
    people = {r["applicant"]["email"]: r for r in _honest(population)}  # one per person
    texts = {r["resume"]["text"] for r in people.values()}
    assert len(texts) > 0.97 * len(people)
    letters = [r["cover_letter"] for r in people.values() if "cover_letter" in r]
    assert len(set(letters)) > 0.97 * len(letters)
    again = [r for r in _honest(population) if r["label"]["scheme"] == "honest_repeat"]
    by_person = collections.defaultdict(set)
    for r in again:
        by_person[r["applicant"]["email"]].add(r["resume"]["text"])
    assert by_person and all(len(v) == 1 for v in by_person.values())  # one resume a person


# ── fraud ────────────────────────────────────────────────────────────────────


def _tells(rec: dict[str, Any]) -> set[str]:
    s, out = rec["session"], set()
    if s.get("remote_access_tools"):
        out.add("remote_tool")
    if any(ip != s["ip"] for ip in s.get("webrtc_ips", [])):
        out.add("webrtc")
    if rec.get("interview", {}).get("video_declined"):
        out.add("no_video")
    if "shipping_address" in rec:
        out.add("shipping")
    if rec.get("payment", {}).get("method") not in (None, "direct_deposit"):
        out.add("payment")
    when = _when(rec)
    real = when.astimezone(ZoneInfo(s["timezone"])).utcoffset() or dt.timedelta()
    if real.total_seconds() // 60 != s["utc_offset_minutes"] or s["timezone"].startswith("Asia/"):
        out.add("clock")
    return out


def test_no_single_tell_separates_fraud_from_honest(population: list[dict[str, Any]]) -> None:
    honest, fraud = _honest(population), _fraud(population)
    per_honest = collections.Counter(t for r in honest for t in _tells(r))
    per_fraud = collections.Counter(t for r in fraud for t in _tells(r))
    for tell in ("remote_tool", "webrtc", "no_video", "shipping", "payment", "clock"):
        assert per_honest[tell] > 0, f"no honest applicant shows {tell}"
        assert per_fraud[tell] < len(fraud), f"every fraud shows {tell}"
    counts = collections.Counter(len(_tells(r)) for r in fraud)
    assert counts[0] + counts[1] > 0.1 * len(fraud), counts  # some show almost nothing
    assert sum(v for k, v in counts.items() if k >= 3) > 0.1 * len(fraud)


def test_rings_reuse_identifiers_across_identities(population: list[dict[str, Any]]) -> None:
    rings: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for rec in _fraud(population):
        rings[rec["label"]["ring_id"]].append(rec)
    big = [recs for recs in rings.values() if len({r["applicant"]["full_name"] for r in recs}) >= 3]
    assert len(big) >= 5

    def keys(rec: dict[str, Any]) -> set[str]:
        s = rec["session"]
        out = {"dev:" + s["device_id"], "net:" + s["ip"].rsplit(".", 1)[0]}
        if "phone" in rec["applicant"]:
            out.add("ph:" + rec["applicant"]["phone"])
        if "shipping_address" in rec:
            out.add("ship:" + rec["shipping_address"]["line1"])
        if rec.get("payment", {}).get("account_sha256"):
            out.add("acct:" + rec["payment"]["account_sha256"])
        out.add("cv:" + rec["resume"]["text"])
        return out

    linked = 0
    for recs in big:
        seen = collections.Counter(k for r in recs for k in keys(r))
        linked += any(v >= 2 for v in seen.values())
    assert linked >= 0.8 * len(big)


def test_ip_bursts_come_from_one_range_within_hours(population: list[dict[str, Any]]) -> None:
    bursts: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for rec in population:
        if rec["label"]["scheme"] == "ip_burst":
            bursts[rec["label"]["ring_id"]].append(rec)
    assert bursts
    for recs in bursts.values():
        assert len({r["session"]["ip"].rsplit(".", 1)[0] for r in recs}) == 1
        times = sorted(_when(r) for r in recs)
        assert times[-1] - times[0] <= dt.timedelta(hours=6)


def test_fraud_personas_do_not_make_origin_or_schooling_a_proxy(
    population: list[dict[str, Any]],
) -> None:
    """Among applicants claiming a US address, East-Asian surnames, foreign nationality and
    foreign schools are no more common in fraud than among honest people."""
    east_asian = {
        s for o in ("korean", "chinese", "vietnamese", "taiwanese") for s in ORIGINS[o].surnames
    }

    def shares(recs: list[dict[str, Any]]) -> tuple[float, float, float]:
        us = [r for r in recs if r["applicant"].get("address", {}).get("country") == "US"]
        surname = sum(r["applicant"]["full_name"].split()[-1] in east_asian for r in us)
        foreign_nat = sum(r["applicant"].get("nationality", "US") != "US" for r in us)
        school = sum(
            any(e.get("country") != "US" for e in r["resume"].get("education", [])) for r in us
        )
        return surname / len(us), foreign_nat / len(us), school / len(us)

    big = list(generate(12000, seed=21, fraud_rate=0.25))
    h, f = shares(_honest(big)), shares(_fraud(big))
    assert f[0] <= h[0] + 0.01, (h, f)
    assert f[1] <= h[1] + 0.01, (h, f)
    assert f[2] <= h[2] + 0.02, (h, f)
