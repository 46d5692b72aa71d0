"""Ordinary user mistakes give one clear line and an exit code, not a traceback; and the
other rough edges a QA review found (help text, BOM-prefixed CSV, detector messages).

Most tests run the real command line as a subprocess, as a user does.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.core.test_cli_score import hireguard
from tests.linkage.people import person
from tests.linkage.test_reassess import FARM


def one_error_line(res: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The run failed with ``code`` and said why on one ``error:`` line, no traceback."""
    assert res.returncode == code, (res.returncode, res.stderr)
    assert "Traceback" not in res.stderr and "╭" not in res.stderr, res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    return lines[0]


@pytest.fixture
def good_jsonl(examples: dict[str, dict[str, Any]], tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(examples["legitimate-us"]) + "\n")
    return path


# --- paths -----------------------------------------------------------------------------------


def test_screen_batch_missing_file_or_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    line = one_error_line(hireguard("screen", "--batch", str(missing), home=tmp_path))
    assert str(missing) in line and "no such file" in line
    line = one_error_line(hireguard("screen", "--batch", str(tmp_path), home=tmp_path))
    assert str(tmp_path) in line and "folder" in line


def test_screen_batch_output_in_a_missing_folder(tmp_path: Path) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text(json.dumps({"query_id": "1", "name": "Kim"}) + "\n")
    out = tmp_path / "nonexistent_dir" / "out.jsonl"
    line = one_error_line(
        hireguard("screen", "--batch", str(queries), "-o", str(out), home=tmp_path)
    )
    assert str(out) in line


def test_score_output_is_a_folder(good_jsonl: Path, tmp_path: Path) -> None:
    folder = tmp_path / "outdir"
    folder.mkdir()
    line = one_error_line(hireguard("score", str(good_jsonl), "-o", str(folder), home=tmp_path))
    assert str(folder) in line and "folder" in line


def test_score_ipdb_not_an_mmdb_is_one_line(good_jsonl: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "some.csv"
    bogus.write_text("a,b\n1,2\n")
    line = one_error_line(hireguard("score", "--ipdb", str(bogus), str(good_jsonl), home=tmp_path))
    assert ".mmdb" in line


def test_rings_show_svg_in_a_missing_folder(tmp_path: Path) -> None:
    apps = [person(i) for i in range(4)] + [
        person(100 + i, **{"shipping_address": FARM}) for i in range(4)
    ]
    path = tmp_path / "farm.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in apps) + "\n")
    db = f"sqlite:///{tmp_path / 'rings.db'}"
    res = hireguard("score", str(path), "--db", db, "--no-sanctions", "-q", home=tmp_path)
    assert res.returncode == 0, res.stderr
    ring = json.loads(res.stdout.splitlines()[-1])["cluster_id"]
    assert ring
    svg = tmp_path / "nonexistent_d" / "x.svg"
    line = one_error_line(
        hireguard("rings", "show", ring, "--db", db, "--svg", str(svg), home=tmp_path)
    )
    assert str(svg) in line and "no such file" in line


# --- numbers ---------------------------------------------------------------------------------


def test_demo_negative_count_is_a_usage_error(tmp_path: Path) -> None:
    res = hireguard("demo", "-n", "-5", "--out", str(tmp_path / "demo"), home=tmp_path)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr and "ValueError" not in res.stderr
    assert "'-n'" in res.stderr
    assert not (tmp_path / "demo").exists()


# --- databases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "url", "expect"),
    [
        (["rings", "list"], "foo://bar", "foo://bar"),
        (["rings", "list"], "/tmp/x.db", "not a database URL"),
        (["serve"], "/tmp/x.db", "not a database URL"),
        (["score", "-"], "foo://bar", "foo://bar"),
        (
            ["rings", "list"],
            "postgresql+psycopg://postgres:s3cret@127.0.0.1:5999/hg",
            "postgres:***@127.0.0.1:5999/hg",
        ),
    ],
)
def test_bad_or_unreachable_database(
    command: list[str], url: str, expect: str, tmp_path: Path
) -> None:
    res = hireguard(*command, "--db", url, home=tmp_path)
    line = one_error_line(res)
    assert expect in line and "s3cret" not in res.stderr


def test_database_from_the_environment_is_named(tmp_path: Path) -> None:
    res = hireguard("rings", "list", home=tmp_path, env={"HIREGUARD_DB": "/tmp/x.db"})
    assert "/tmp/x.db" in one_error_line(res)


# --- main(): what is translated and what stays visible ---------------------------------------


def test_main_translates_oserror_but_keeps_bugs_visible(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hireguard import cli

    def missing() -> None:
        raise FileNotFoundError(2, "No such file or directory", "/no/such/file")

    monkeypatch.setattr(cli, "app", missing)
    monkeypatch.setattr(sys, "argv", ["hireguard"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == "error: /no/such/file: no such file or folder\n"

    def bug() -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(cli, "app", bug)
    with pytest.raises(KeyError):
        cli.main()


def test_password_is_masked() -> None:
    from hireguard.cli import _db_url, _mask_password

    assert _mask_password("postgresql://u:p%40ss@h:5432/d") == "postgresql://u:***@h:5432/d"
    assert _mask_password("postgresql://u@h/d") == "postgresql://u@h/d"
    assert _mask_password("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert _db_url(["rings", "list", "--db=postgresql://a:b@h/d"]) == "postgresql://a:***@h/d"


# --- score: input ----------------------------------------------------------------------------


def test_csv_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffapplication_id,submitted_at,job.title,job.remote,applicant.full_name,"
        "applicant.email,applicant.address.country\n"
        "C1,2026-09-01T10:00:00Z,Engineer,yes,Ana Silva,ana@example.org,BR\n".encode()
    )
    res = hireguard("score", str(path), "--no-store", "--no-sanctions", "-q", home=tmp_path)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(a["application_id"], a["decision"]) for a in out] == [("C1", "allow")], out


# --- help ------------------------------------------------------------------------------------


def _flat(text: str) -> str:
    """Help text without box characters and line breaks, words separated by one space."""
    return " ".join(text.replace("│", " ").split())


def _prose(help_text: str) -> list[str]:
    """The description lines of a --help page: after the usage line, before the first box."""
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if "Usage:" in line) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("╭"))
    return [line.rstrip() for line in lines[start:end]]


@pytest.mark.parametrize("columns", [80, 100])
def test_help_paragraphs_reflow(columns: int, tmp_path: Path) -> None:
    for command in (["score"], ["demo"], ["synth"], ["rings", "rebuild"]):
        res = hireguard(*command, "--help", home=tmp_path, columns=columns)
        assert res.returncode == 0, res.stderr
        prose = _prose(res.stdout)
        for line, after in itertools.pairwise(prose):
            if line.strip() and after.strip():
                # Filled greedily: the next line's first word did not fit on this one.
                first = after.split()[0]
                assert len(line) + 1 + len(first) > columns - 3, (command, line, after)
    score = hireguard("score", "--help", home=tmp_path, columns=columns)
    assert "ends with a one-screen summary on standard error" in _flat(score.stdout)
    demo = hireguard("demo", "--help", home=tmp_path, columns=columns)
    assert "(default: <data dir>/demo)" in _flat(demo.stdout)
    assert all(len(line) <= columns for line in demo.stdout.splitlines())


def test_lists_load_help_names_the_database_variable(tmp_path: Path) -> None:
    res = hireguard("lists", "load", "--help", home=tmp_path, columns=100)
    assert res.returncode == 0 and "HIREGUARD_DB" in res.stdout


# --- detectors --stats -----------------------------------------------------------------------


def test_detector_stats_without_labels_says_so(good_jsonl: Path, tmp_path: Path) -> None:
    line = one_error_line(hireguard("detectors", "--stats", str(good_jsonl), home=tmp_path))
    assert str(good_jsonl) in line and "label" in line


# --- detector messages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (
            1,
            "The resume is a near-duplicate of the resume of 1 other applicant under a different name",
        ),
        (
            3,
            "The resume is a near-duplicate of the resumes of 3 other applicants under different names",
        ),
    ],
)
def test_near_duplicate_resume_message_reads_well(n: int, expected: str) -> None:
    from hireguard.detect.linkage import near_duplicate_resume, same_email

    e: Any = SimpleNamespace(
        links=SimpleNamespace(names_sharing={"resume": n, "email": n}, shared={"resume": ["A"]})
    )
    [finding] = near_duplicate_resume.run(e)
    assert finding.message == expected
    [email] = same_email.run(e)
    assert email.message.startswith("Uses the same e-mail address as ")
    assert " as as " not in email.message and " of as " not in email.message


def test_dprk_address_finding_labels_the_geoip_name(
    examples: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    path = tmp_path / "suspect.jsonl"
    path.write_text(json.dumps(examples["suspected-facilitated"]) + "\n")
    res = hireguard("score", str(path), "--no-store", "--no-sanctions", "-q", home=tmp_path)
    assert res.returncode == 0, res.stderr
    [a] = [json.loads(line) for line in res.stdout.splitlines()]
    msg = next(r["message"] for r in a["reasons"] if r["code"] == "HG-NET-001")
    assert "network owner in the GeoIP data" not in msg
    assert "network name Ryugyong-dong, country KP" in msg


def test_the_summary_of_a_run_fits_one_screen(tmp_path: Path) -> None:
    """`hireguard score` ends with a one-screen summary (it had printed 110 lines for 6,000
    applications at 80 columns: every riskiest application's reasons in full)."""
    pop = tmp_path / "pop.jsonl"
    made = hireguard("synth", "-n", "1500", "--seed", "7", "-o", str(pop), home=tmp_path)
    assert made.returncode == 0, made.stderr
    res = hireguard("score", str(pop), "-o", str(tmp_path / "out.jsonl"), home=tmp_path, columns=80)
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert "Highest risk first" in res.stderr and len(lines) <= 30, res.stderr
    assert max(len(line) for line in lines) <= 80


def test_rings_list_limit_must_be_positive(tmp_path: Path) -> None:
    res = hireguard("rings", "list", "--limit", "-3", home=tmp_path)
    assert res.returncode == 2 and "--limit" in res.stderr
