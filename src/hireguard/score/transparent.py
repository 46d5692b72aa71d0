"""The transparent scorer: findings' weights added in log-odds, read as a probability.

Each finding carries a weight, a natural-log likelihood ratio chosen from its sources
(see ``hireguard detectors``). The score is

    risk = 100 · sigmoid(prior + Σ_families Σ_i  w_(family, i) · decay^i)

where, inside one family (network, location, device, ...), findings are sorted by weight
and each further one counts ``decay`` times less than the one before: two findings of one
family usually witness the same fact (a VPN exit that is also a hosting network), while
findings of different families are nearly independent. The prior is the log-odds of fraud
in the reference population (default 3 %). This is a documented stand-in until the
learned model arrives; its output is only approximately calibrated.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from hireguard.detect.registry import SEVERITY_ORDER, Finding
from hireguard.model import Reason

MODEL_VERSION = "transparent-1"


@dataclass(frozen=True, slots=True)
class Scored:
    risk_score: float  # 0..100
    log_odds: float
    reasons: list[Reason]


@dataclass(frozen=True, slots=True)
class TransparentScorer:
    """Sum of finding weights in log-odds with diminishing returns inside a family.

    Parameters:
        prior_rate: share of fraudulent applications before any evidence (0..1).
        family_decay: factor applied to each further finding of the same family.
    """

    prior_rate: float = 0.03
    family_decay: float = 0.5
    version: str = MODEL_VERSION

    @property
    def prior(self) -> float:
        return math.log(self.prior_rate / (1 - self.prior_rate))

    def effective_weights(self, findings: Sequence[Finding]) -> list[float]:
        """Each finding's weight after the in-family decay (same order as ``findings``)."""
        by_family: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(findings):
            by_family[f.family or f.code].append(i)
        out = [0.0] * len(findings)
        for idxs in by_family.values():
            positives = sorted(
                (i for i in idxs if findings[i].weight > 0), key=lambda i: -findings[i].weight
            )
            for rank, i in enumerate(positives):
                out[i] = findings[i].weight * self.family_decay**rank
            for i in idxs:
                if findings[i].weight <= 0:
                    out[i] = findings[i].weight
        return out

    def score(self, findings: Sequence[Finding]) -> Scored:
        if not findings:  # most applications: the prior alone, nothing to weigh or explain
            z = self.prior
            return Scored(risk_score=round(100.0 / (1.0 + math.exp(-z)), 1), log_odds=z, reasons=[])
        eff = self.effective_weights(findings)
        z = self.prior + sum(eff)
        risk = 100.0 / (1.0 + math.exp(-z))
        positive = sum(w for w in eff if w > 0)
        order = sorted(
            range(len(findings)),
            key=lambda i: (not findings[i].hard, -eff[i], -SEVERITY_ORDER[findings[i].severity]),
        )
        reasons = [
            Reason(
                code=findings[i].code,
                message=findings[i].message,
                contribution=round(eff[i] / positive, 3) if positive > 0 and eff[i] > 0 else 0.0,
                evidence=findings[i].evidence,
            )
            for i in order
        ]
        return Scored(risk_score=round(risk, 1), log_odds=z, reasons=reasons)
