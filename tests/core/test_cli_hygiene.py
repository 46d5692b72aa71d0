"""The QA review of 2026-11-26 (second round): what a run does to the user's files and
data, and what it says about bad input.

- the output must never be the input (it was emptied before a line was read);
- ``--no-store`` still links the applications of the file with each other;
- a SQLite database is whole in its ``.db`` file after a command (no data left in -wal);
- new files holding personal data are the owner's only (0600), a user's file keeps its mode;
- a policy naming no detector is refused;
- error messages name the line and the field but never quote the value;
- ``submitted_at`` needs its offset, ``session.ip`` must be an address, CSV on standard
  input without ``--format csv`` is said once;
- ``HIREGUARD_TOR_EXITS`` is named when its file is missing; ``rings`` commands refuse a
  SQLite database that does not exist instead of creating it.

The tests run the command line's entry point, ``hireguard.cli.main`` (which turns
mistakes into one ``error:`` line and closes the databases), in this process with its
arguments, standard input and environment, as a user's shell would give them: a
subprocess each costs seconds of start-up on a loaded machine.
"""

from __future__ import annotations

import copy
import csv
import gc
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hireguard.intake.readers import read_applications, read_jsonl_lines, validate
from tests.appfactory import make_app
from tests.core.test_cli_errors import one_error_line
from tests.linkage.people import person
from tests.linkage.test_reassess import FARM

Run = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def hireguard(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> Run:
    """``hireguard ARGS`` through :func:`hireguard.cli.main`, in this process: the same
    signature and result as ``tests.core.test_cli_score.hireguard`` (a subprocess)."""
    from hireguard import cli

    def run(
        *args: str, stdin: str | None = None, home: Path, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as m:
            m.setattr(sys, "argv", ["hireguard", *args])
            m.setenv("HIREGUARD_HOME", str(home))
            m.setenv("NO_COLOR", "1")
            m.delenv("HIREGUARD_DB", raising=False)
            for key, value in (env or {}).items():
                m.setenv(key, value)
            m.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((stdin or "").encode())))
            m.setattr(gc, "freeze", lambda: None)  # (main freezes the collector as it ends)
            code: Any = 0
            try:
                cli.main()
            except SystemExit as exc:
                code = exc.code
        out, err = capsysbinary.readouterr()
        return subprocess.CompletedProcess(
            ["hireguard", *args],
            code if isinstance(code, int) else 1,
            out.decode("utf-8", "replace"),
            err.decode("utf-8", "replace"),
        )

    return run


#: A name typed into a field where it does not belong: no message may repeat it.
NAME = "Dana Ruth Whitaker"


def _jsonl(path: Path, apps: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in apps), encoding="utf-8")
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def two_apps(tmp_path: Path) -> Path:
    return _jsonl(
        tmp_path / "v1.jsonl",
        [make_app(application_id="H-1"), make_app(application_id="H-2")],
    )


# --- 1. the output is the input --------------------------------------------------------------


def test_output_that_is_the_input_is_refused_before_anything_is_written(
    two_apps: Path, tmp_path: Path, hireguard: Run
) -> None:
    before = two_apps.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(two_apps)
    os.link(two_apps, tmp_path / "hard.jsonl")
    (tmp_path / "sub").mkdir()
    spellings = [
        (str(two_apps), str(two_apps)),  # the same path
        (str(two_apps), str(tmp_path / "link.jsonl")),  # through a symlink
        (str(tmp_path / "link.jsonl"), str(tmp_path / "sub" / ".." / "v1.jsonl")),
        (str(tmp_path / "hard.jsonl"), str(two_apps)),  # a hard link
    ]
    for source, out in spellings:
        line = one_error_line(hireguard("score", source, "-o", out, home=tmp_path))
        assert "is the input file" in line and out in line, line
        assert two_apps.read_bytes() == before, (source, out)
    assert not (tmp_path / "hireguard.db").exists()  # refused before the database, too


# --- 2. --no-store links within the file -----------------------------------------------------


def test_no_store_still_links_the_applications_of_the_file(
    tmp_path: Path, hireguard: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    farm = _jsonl(
        tmp_path / "farm.jsonl", [person(100 + i, shipping_address=FARM) for i in range(4)]
    )
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # ($TMPDIR, read once)
    home = tmp_path / "home"
    res = hireguard("score", str(farm), "--no-store", "--no-sanctions", home=home)
    assert res.returncode == 0, res.stderr
    rings = {json.loads(line)["cluster_id"] for line in res.stdout.splitlines()}
    assert len(rings) == 1 and None not in rings, res.stdout
    assert "nothing stored" in res.stderr
    assert not (home / "hireguard.db").exists()  # nothing kept ...
    assert list(scratch.iterdir()) == []  # ... not even the temporary database


# --- 3. and 4. the SQLite database and output files ------------------------------------------


def test_sqlite_database_is_whole_and_private_after_a_command(
    two_apps: Path, tmp_path: Path, hireguard: Run
) -> None:
    db = tmp_path / "data" / "hg.db"
    out = tmp_path / "out.jsonl"
    res = hireguard(
        "score",
        str(two_apps),
        "--db",
        f"sqlite:///{db}",
        "-o",
        str(out),
        "--no-sanctions",
        "-q",
        home=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    wal = db.with_name("hg.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed into the .db file
    copy_ = tmp_path / "copy.db"
    shutil.copyfile(db, copy_)  # the .db file alone, as a backup would take it
    with sqlite3.connect(copy_) as conn:
        assert conn.execute("select count(*) from applications").fetchone() == (2,)
    conn.close()
    assert _mode(db) == 0o600 and _mode(out) == 0o600
    assert _mode(tmp_path / "salt") == 0o600
    # Through `rings list` (a reading command), too.
    res = hireguard("rings", "list", "--db", f"sqlite:///{db}", home=tmp_path)
    assert res.returncode == 0, res.stderr
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_users_own_output_file_keeps_its_mode(tmp_path: Path, hireguard: Run) -> None:
    """Even when the output is rewritten after the run (ring members assessed again)."""
    db = f"sqlite:///{tmp_path / 'rings.db'}"
    first = _jsonl(tmp_path / "first.jsonl", [person(100, shipping_address=FARM)])
    more = _jsonl(
        tmp_path / "more.jsonl", [person(101 + i, shipping_address=FARM) for i in range(3)]
    )
    res = hireguard("score", str(first), "--db", db, "--no-sanctions", "-q", home=tmp_path)
    assert res.returncode == 0, res.stderr
    mine = tmp_path / "mine.jsonl"
    mine.write_text("")
    mine.chmod(0o644)
    link = tmp_path / "to-mine.jsonl"
    link.symlink_to(mine)
    res = hireguard(
        "score", str(more), "--db", db, "--no-sanctions", "-o", str(link), home=tmp_path
    )
    assert res.returncode == 0, res.stderr
    assert "assessed again because a ring" in res.stderr  # (so the file was rewritten)
    assert link.is_symlink() and _mode(mine) == 0o644
    assert len(mine.read_text().splitlines()) == 3


# --- 5. the policy names detectors that exist ------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "unknown", "hint"),
    [
        ("minimum_decision: {HG-XXX-999: block}\n", "HG-XXX-999", ""),
        ("disabled_detectors: [HG-NET-01]\n", "HG-NET-01", "did you mean HG-NET-001?"),
    ],
)
def test_policy_with_an_unknown_detector_is_refused(
    policy: str, unknown: str, hint: str, two_apps: Path, tmp_path: Path, hireguard: Run
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(policy)
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    line = one_error_line(
        hireguard("score", str(two_apps), "--policy", str(path), "-o", str(out), home=tmp_path)
    )
    assert f"'{unknown}'" in line and "HG-LOC-002" in line and hint in line, line
    assert out.read_text() == "kept\n"  # the earlier output was not emptied
    assert not (tmp_path / "hireguard.db").exists()


def test_a_policy_naming_real_detectors_is_read() -> None:
    from hireguard.decide.policy import Policy

    policy = Policy.model_validate(
        {"minimum_decision": {"HG-SAN-003": "verify"}, "disabled_detectors": ["HG-NET-001"]}
    )
    assert policy.disabled_detectors == ["HG-NET-001"]


# --- 6. messages name the field, never quote the value ---------------------------------------


def test_csv_errors_say_what_is_wrong_without_quoting_the_cell(
    tmp_path: Path, hireguard: Run
) -> None:
    path = tmp_path / "apps.csv"
    ok = ["2026-09-01T10:00:00Z", "Engineer", "Ana Silva", "ana@example.org"]
    head = ["application_id", "submitted_at", "job.title", "applicant.full_name"]
    head += ["applicant.email", "interview.video_declined", "session.hardware_concurrency"]
    head += ["resume.education.0.start_year", "interview.camera_off_minutes"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(head)
        writer.writerow(["C1", *ok, NAME, "", "", ""])
        writer.writerow(["C2", *ok, "", NAME, "", ""])
        writer.writerow(["C3", *ok, "", "", NAME, ""])
        writer.writerow(["C4", *ok, "", "", "", NAME])
    res = hireguard("score", str(path), "--no-store", "--no-sanctions", home=tmp_path)
    assert res.returncode == 1, res.stderr  # (no record could be read)
    for text in (res.stdout, res.stderr):
        assert "Dana" not in text and "Whitaker" not in text, text
    errors = [json.loads(line)["error"] for line in res.stdout.splitlines()]
    assert errors == [
        "line 2: field interview.video_declined: a text of 18 characters (letters and "
        "spaces), not true or false (true/false, yes/no or 1/0)",
        "line 3: field session.hardware_concurrency: a text of 18 characters (letters and "
        "spaces), not a whole number",
        "line 4: field resume.education.0.start_year: a text of 18 characters (letters and "
        "spaces), not a whole number",
        "line 5: field interview.camera_off_minutes: a text of 18 characters (letters and "
        "spaces), not a number",
    ]


def _leaf_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return [prefix]
    return [p for key, value in items for p in _leaf_paths(value, (*prefix, key))]


def test_json_errors_never_quote_the_value(examples: dict[str, dict[str, Any]]) -> None:
    """A name put into every field of the contract's examples, one at a time (and a list or
    an object of it where a number or text belongs): each message names the line and the
    field, and none repeats the name."""
    lines, fields = [], []
    for base in examples.values():
        for path in _leaf_paths(base):
            for value in (NAME, [NAME], {"x": NAME}):
                record = copy.deepcopy(base)
                node = record
                for key in path[:-1]:
                    node = node[key]
                node[path[-1]] = value
                lines.append(json.dumps(record))
                fields.append(".".join(str(p) for p in path))
    records = list(read_jsonl_lines(lines))
    errors = [r for r in records if r.error is not None]
    assert len(errors) > 100
    for number, rec in enumerate(records, 1):
        if rec.error is None:
            continue
        assert rec.error.startswith(f"line {number}: field "), rec.error
        assert "Dana" not in rec.error and "Whitaker" not in rec.error, rec.error
    assert any("field submitted_at:" in r.error for r in errors if r.error)
    assert any("field session.ip:" in r.error for r in errors if r.error)


# --- 7. submitted_at, session.ip, CSV on standard input --------------------------------------


def test_submitted_at_needs_an_offset_and_session_ip_an_address(
    tmp_path: Path, hireguard: Run
) -> None:
    apps = [
        make_app(application_id="S-1", submitted_at="2026-09-03T15:42:10"),
        make_app(application_id="S-2", submitted_at="2026-09-03"),
        make_app({"session.ip": "not-an-ip"}, application_id="S-3"),
        make_app(application_id="S-4", submitted_at="2026-09-03T15:42:10.5+02:00"),
        make_app({"session.ip": " 2001:db8::1 "}, application_id="S-5"),
    ]
    stdin = "".join(json.dumps(a) + "\n" for a in apps)
    res = hireguard("score", "-", "--no-store", "--no-sanctions", "-q", stdin=stdin, home=tmp_path)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [a["decision"] == "error" for a in out] == [True, True, True, False, False]
    assert out[0]["error"].startswith("line 1: field submitted_at: has no time-zone offset")
    assert out[1]["error"].startswith("line 2: field submitted_at: is a date without a time")
    assert out[2]["error"].startswith("line 3: field session.ip: not an IPv4 or IPv6 address")
    assert "not-an-ip" not in res.stdout


def test_stored_records_from_before_the_checks_are_still_read() -> None:
    """An application stored before these checks (no offset, a bad IP) can be assessed
    again from the store (rings, re-screening); new input cannot."""
    raw = make_app({"session.ip": "unknown"}, submitted_at="2026-09-03T15:42:10")
    assert validate(1, raw).error is not None
    assert validate(1, raw, check_storable=False, stored=True).application is not None


def test_csv_on_standard_input_without_format_is_said_once(tmp_path: Path, hireguard: Run) -> None:
    head = "application_id,submitted_at,job.title,applicant.full_name,applicant.email\n"
    rows = "".join(
        f"C{i},2026-09-01T10:00:00Z,Engineer,Ana Silva,a@example.org\n" for i in range(5)
    )
    res = hireguard("score", "-", "--no-store", "--no-sanctions", stdin=head + rows, home=tmp_path)
    assert res.returncode == 1, res.stderr
    [line] = res.stdout.splitlines()
    error = json.loads(line)["error"]
    assert error.startswith("line 1: this is the header of a CSV file (5 columns")
    assert "--format csv" in error
    assert "not valid JSON" not in res.stdout + res.stderr
    res = hireguard(
        "score", "-", "--format", "csv", "--no-store", "--no-sanctions", "-q",
        stdin=head + rows, home=tmp_path,
    )  # fmt: skip
    assert res.returncode == 0 and len(res.stdout.splitlines()) == 5, res.stderr


def test_a_json_file_is_not_taken_for_csv(tmp_path: Path) -> None:
    # (a first line of JSON, even one with commas and dotted names, is JSON)
    path = _jsonl(tmp_path / "a.jsonl", [make_app(application_id="J-1")])
    [rec] = list(read_applications(path))
    assert rec.application is not None


# --- 8. environment variables and read-only commands -----------------------------------------


def test_missing_tor_exit_list_names_the_variable(
    two_apps: Path, tmp_path: Path, hireguard: Run
) -> None:
    missing = tmp_path / "nonexistent"
    line = one_error_line(
        hireguard(
            "score", str(two_apps), "-q", home=tmp_path, env={"HIREGUARD_TOR_EXITS": str(missing)}
        )
    )
    assert "HIREGUARD_TOR_EXITS" in line and str(missing) in line and "no such file" in line


@pytest.mark.parametrize(
    "command",
    [["rings", "list"], ["rings", "show", "R-000000000000"], ["rings", "rebuild"]],
)
def test_reading_commands_refuse_a_sqlite_database_that_does_not_exist(
    command: list[str], tmp_path: Path, hireguard: Run
) -> None:
    typo = tmp_path / "no" / "such" / "hg.db"
    line = one_error_line(hireguard(*command, "--db", f"sqlite:///{typo}", home=tmp_path))
    assert f"no database at {typo}" in line and "hireguard score" in line, line
    assert not (tmp_path / "no").exists()  # neither the file nor its folders were made


def test_rings_list_refuses_a_missing_database_from_the_environment(
    tmp_path: Path, hireguard: Run
) -> None:
    typo = tmp_path / "typo.db"
    res = hireguard("rings", "list", home=tmp_path, env={"HIREGUARD_DB": f"sqlite:///{typo}"})
    assert str(typo) in one_error_line(res) and not typo.exists()


def test_every_file_a_command_creates_is_its_owners_only(tmp_path: Path, hireguard: Run) -> None:
    """Not only the database and ``score -o``: a batch screening's output and whatever
    else a command writes (pictures, reports) are created 0600; the caller's umask is
    given back afterwards."""
    queries = tmp_path / "q.jsonl"
    queries.write_text(json.dumps({"query_id": "1", "name": "Kim Jong Un"}) + "\n")
    before = os.umask(0o022)
    try:
        res = hireguard(
            "screen", "--batch", str(queries), "-o", str(tmp_path / "hits.jsonl"), home=tmp_path
        )
        assert res.returncode == 0, res.stderr
        assert _mode(tmp_path / "hits.jsonl") == 0o600
        assert os.umask(0o022) == 0o022  # given back
    finally:
        os.umask(before)
