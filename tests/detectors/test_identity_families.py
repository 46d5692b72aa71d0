"""All identity/history/profile/content detectors together, on the contract's examples.

The examples are copies of ``shared/contract/examples``. The fairness rule is checked as a
property: changing nationality, the countries of schools and employers, or the script of a
name never changes what these detectors find.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from hireguard.detect.registry import Detector, Finding, all_detectors
from hireguard.enrich import enrich
from hireguard.model import Application

DATA = Path(__file__).parent / "data"
FAMILIES = {"PHN", "EML", "HIS", "PRF", "CNT", "PAY", "SHP", "INT"}


def _mine() -> list[Detector]:
    return [d for d in all_detectors() if d.family in FAMILIES]


def _findings(record: dict[str, Any]) -> list[Finding]:
    app = enrich(Application.model_validate(record))
    return [f for d in _mine() for f in d.run(app)]


def _load(name: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return record


def test_every_family_is_registered_with_sources_and_false_positives() -> None:
    mine = _mine()
    assert {d.family for d in mine} == FAMILIES
    for det in mine:
        assert det.sources and det.false_positives and det.description
        # context detectors (severity info) may carry no weight; the others must
        assert 0 <= det.weight <= 4.0 and (det.weight > 0 or det.severity == "info")


@pytest.mark.parametrize("name", ["legitimate-us.json", "legitimate-korean-american.json"])
def test_honest_examples_raise_nothing(name: str) -> None:
    assert _findings(_load(name)) == []


def test_suspected_facilitated_example_raises_many_families() -> None:
    found = _findings(_load("suspected-facilitated.json"))
    codes = {f.code for f in found}
    assert {
        "HG-PHN-002",
        "HG-EML-002",
        "HG-PRF-001",
        "HG-PRF-002",
        "HG-PRF-003",
        "HG-CNT-001",
        "HG-CNT-003",
        "HG-PAY-001",
        "HG-SHP-001",
        "HG-INT-001",
    } <= codes
    assert sum(f.weight for f in found) > 8


def _vary_origin(record: dict[str, Any], country: str, name: str) -> dict[str, Any]:
    out = copy.deepcopy(record)
    out["applicant"]["nationality"] = country
    out["applicant"]["other_names"] = [name]
    for part in ("education", "experience"):
        for item in (out.get("resume") or {}).get(part, []):
            item["country"] = country
    return out


@pytest.mark.parametrize(
    "name", ["legitimate-us.json", "legitimate-korean-american.json", "suspected-facilitated.json"]
)
@pytest.mark.parametrize(
    ("country", "other_name"), [("KR", "박지우"), ("CN", "王伟"), ("NG", "Ọlá")]
)
def test_origin_never_changes_the_findings(name: str, country: str, other_name: str) -> None:
    record = _load(name)
    before = [(f.code, f.weight) for f in _findings(record)]
    after = [(f.code, f.weight) for f in _findings(_vary_origin(record, country, other_name))]
    assert before == after
