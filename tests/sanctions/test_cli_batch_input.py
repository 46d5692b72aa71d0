"""``hireguard screen``: query lines and dates of birth that the contract does not accept are
errors that say so (with the line number), never silent answers. Run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.test_cli_score import hireguard


def test_batch_query_lines_are_checked(tmp_path: Path) -> None:
    queries = [
        {"name": "Kim Jong Un"},  # no query_id
        {"query_id": "", "name": "Kim Jong Un"},  # an empty one
        {"query_id": "  ", "name": "Kim Jong Un"},
        {"query_id": "4", "name": "Kim Jong Un", "date_of_birth": "1984-13-45"},
        {"query_id": "5", "name": "Kim Jong Un", "date_of_birth": "1983-02-29"},
        {"query_id": "6", "name": "Kim Jong Un", "date_of_birth": "1984"},
        {"query_id": "7", "name": "Kim Jong Un", "date_of_birth": "1984-01-08"},
        {"query_id": "8", "name": "Kim Jong Un", "nationality": "Korea"},
        {"query_id": 9, "name": "Kim Jong Un"},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in queries) + "\n")
    res = hireguard("screen", "--batch", str(path), home=tmp_path / "home")
    assert res.returncode == 0, res.stderr
    answers = [json.loads(line) for line in res.stdout.splitlines()]
    assert [a["query_id"] for a in answers] == [None, "", "  ", "4", "5", "6", "7", "8", 9]

    assert answers[0]["error"] == "line 1: field query_id: required field is missing"
    assert answers[1]["error"].startswith("line 2: field query_id: ")
    assert answers[2]["error"].startswith("line 3: field query_id: ")
    for i in (3, 4):  # month 13, and 29 February of a common year
        assert "matches" not in answers[i]
        assert answers[i]["error"].startswith(f"line {i + 1}: field 'date_of_birth'")
        assert "1984-13-45" not in answers[i]["error"]  # names the field, never the value
    assert answers[5]["matches"] and answers[6]["matches"]  # YYYY and real dates stay fine
    assert answers[7]["error"].startswith("line 8: field 'nationality'")
    assert "matches" in answers[8]  # a numeric id is an id


@pytest.mark.parametrize(("dob", "code"), [("1984-13-45", 2), ("1984-02-30", 2), ("1984", 0)])
def test_screen_one_name_checks_the_date(dob: str, code: int, tmp_path: Path) -> None:
    res = hireguard("screen", "Kim Jong Un", "--dob", dob, home=tmp_path)
    assert res.returncode == code, res.stderr
    if code:
        assert "date_of_birth" in res.stderr and "Traceback" not in res.stderr
