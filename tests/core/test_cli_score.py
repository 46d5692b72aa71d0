"""`hireguard score` end to end, as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def hireguard(
    *args: str,
    stdin: str | None = None,
    home: Path,
    columns: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``hireguard ARGS`` as a user runs it, in its own data folder (``HIREGUARD_DB`` unset
    unless ``env`` sets it; ``columns`` the terminal's width)."""
    full_env = {k: v for k, v in os.environ.items() if k != "HIREGUARD_DB"}
    full_env.update({"HIREGUARD_HOME": str(home), "NO_COLOR": "1", **(env or {})})
    if columns is not None:
        full_env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "hireguard", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
        check=False,
    )


@pytest.fixture
def examples_file(examples: dict[str, dict[str, Any]], tmp_path: Path) -> Path:
    path = tmp_path / "examples.jsonl"
    order = ["legitimate-us", "legitimate-korean-american", "suspected-facilitated"]
    path.write_text("\n".join(json.dumps(examples[k]) for k in order) + "\n")
    return path


def test_contract_examples(examples_file: Path, tmp_path: Path) -> None:
    res = hireguard("score", str(examples_file), "-o", str(tmp_path / "out.jsonl"), home=tmp_path)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [a["application_id"] for a in out] == ["EX-0001", "EX-0002", "EX-0003"]
    assert out[0]["decision"] == "allow"
    assert out[1]["decision"] == "allow", out[1]["reasons"]
    suspect = out[2]
    assert suspect["decision"] in {"review", "block"}
    text = " ".join(r["message"] for r in suspect["reasons"])
    codes = {r["code"] for r in suspect["reasons"]}
    assert "Asia/Shanghai" in text  # the Asian time zone
    assert "175.45.178.14" in text  # the DPRK-range WebRTC address
    assert "AnyDesk" in text  # the remote-control tool
    assert "HG-LOC-002" in codes  # the location mismatch
    for a in out:
        assert set(a) >= {
            "application_id",
            "risk_score",
            "decision",
            "reasons",
            "cluster_id",
            "model_version",
            "sanctions_matches",
        }
        assert 0 <= a["risk_score"] <= 100


def test_broken_lines_give_error_assessments_in_order(
    examples: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    good = json.dumps(examples["legitimate-us"])
    lines = [
        good,
        "{broken",
        json.dumps({"application_id": "NO-JOB"}),
        good.replace("EX-0001", "EX-0001b"),
    ]
    res = hireguard("score", "-", stdin="\n".join(lines) + "\n", home=tmp_path)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [a["decision"] for a in out] == ["allow", "error", "error", "allow"]
    assert out[1]["application_id"] == "line-2" and "line 2" in out[1]["error"]
    assert out[2]["application_id"] == "NO-JOB"
    assert "field submitted_at" in out[2]["error"] and "field job" in out[2]["error"]


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    res = hireguard("score", "-", stdin="nope\nnada\n", home=tmp_path)
    assert res.returncode == 1
    assert [json.loads(x)["decision"] for x in res.stdout.splitlines()] == ["error", "error"]
    missing = hireguard("score", str(tmp_path / "absent.jsonl"), home=tmp_path)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_detectors_listing_has_metadata(tmp_path: Path) -> None:
    res = hireguard("detectors", "--json", home=tmp_path)
    assert res.returncode == 0, res.stderr
    dets = json.loads(res.stdout)
    ids = [d["id"] for d in dets]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for d in dets:
        assert d["title"] and d["description"] and d["sources"] and d["false_positives"]
        assert d["severity"] in {"info", "low", "medium", "high", "critical"}
    assert {"HG-LOC-002", "HG-LOC-003", "HG-DEV-001"} <= set(ids)


def test_detectors_docs_page_is_up_to_date() -> None:
    from hireguard.cli_score import detectors_markdown

    page = Path(__file__).resolve().parents[2] / "docs" / "detectors.md"
    assert page.read_text(encoding="utf-8") == detectors_markdown(), (
        "docs/detectors.md is stale: run `hireguard detectors --markdown > docs/detectors.md`"
    )


def test_empty_files_and_folders_are_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    res = hireguard("score", str(empty), home=tmp_path)
    assert res.returncode == 1 and "error: no record in the file" in res.stderr
    res = hireguard("score", str(tmp_path), home=tmp_path)
    assert res.returncode == 2 and "is a folder" in res.stderr
    empty.write_text('{"application_id": "X"}\n')
    res = hireguard("score", str(empty), "-o", str(tmp_path), home=tmp_path)
    assert res.returncode == 2 and "cannot write" in res.stderr and "folder" in res.stderr
