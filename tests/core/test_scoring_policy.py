"""The transparent scorer and the policy file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hireguard.decide.policy import Policy, PolicyError
from hireguard.detect.registry import Finding
from hireguard.score.transparent import TransparentScorer


def f(code: str, weight: float, family: str, hard: bool = False) -> Finding:
    return Finding(
        code=code, message=code, severity="medium", weight=weight, family=family, hard=hard
    )


def test_no_findings_scores_the_prior() -> None:
    assert TransparentScorer(prior_rate=0.03).score([]).risk_score == 3.0


def test_same_family_findings_add_with_diminishing_returns() -> None:
    s = TransparentScorer()
    apart = s.score([f("A", 2, "NET"), f("B", 2, "DEV")]).risk_score
    together = s.score([f("A", 2, "NET"), f("B", 2, "NET")]).risk_score
    assert apart > together > s.score([f("A", 2, "NET")]).risk_score


def test_reasons_are_ordered_and_contributions_sum_to_one() -> None:
    scored = TransparentScorer().score(
        [f("LOW", 0.5, "X"), f("HIGH", 2.5, "Y"), f("CTX", 0.0, "Z")]
    )
    assert [r.code for r in scored.reasons] == ["HIGH", "LOW", "CTX"]
    assert sum(r.contribution or 0 for r in scored.reasons) == pytest.approx(1.0, abs=0.01)
    assert scored.reasons[-1].contribution == 0


def test_default_policy_thresholds() -> None:
    p = Policy.load()
    assert p.decide(49.9, []) == "allow"
    assert p.decide(50, []) == "verify"
    assert p.decide(85, []) == "verify"
    assert p.decide(85.1, []) == "review"
    assert p.decide(10, [f("HG-SAN-001", 5, "SAN", hard=True)]) == "block"


def test_policy_overrides(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    # (a real detector's id: an unknown one is refused, tests/core/test_cli_hygiene.py)
    path.write_text(
        "thresholds: {verify: 30, review: 60}\nminimum_decision: {HG-NET-004: review}\n"
    )
    p = Policy.load(path)
    assert p.decide(35, []) == "verify"
    assert p.decide(5, [f("HG-NET-004", 0.1, "X")]) == "review"


def test_bad_policy_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("thresholds: {verify: 90, review: 60}\n")
    with pytest.raises(PolicyError, match="thresholds"):
        Policy.load(path)
    path.write_text("hard_findings: explode\n")
    with pytest.raises(PolicyError, match="field hard_findings"):
        Policy.load(path)
