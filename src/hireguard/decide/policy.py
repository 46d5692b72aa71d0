"""Policy: scores and hard findings to decisions. Policy is data (YAML), not code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from hireguard.detect.registry import Finding
from hireguard.paths import package_data

ActiveDecision = Literal["allow", "verify", "review", "block"]
_RANK: dict[str, int] = {"allow": 0, "verify": 1, "review": 2, "block": 3}


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verify: float = Field(50, ge=0, le=100)
    review: float = Field(85, ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.verify > self.review:
            raise ValueError("thresholds.verify must not be above thresholds.review")
        return self


class Policy(BaseModel):
    """The decision policy: see ``src/hireguard/data/policy/default.yaml``."""

    model_config = ConfigDict(extra="forbid")
    version: int = 1
    thresholds: Thresholds = Field(default_factory=Thresholds)
    hard_findings: ActiveDecision = "block"
    minimum_decision: dict[str, ActiveDecision] = Field(default_factory=dict)
    disabled_detectors: list[str] = Field(default_factory=list)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Policy:
        """Read a policy file (the shipped default when ``path`` is None)."""
        source = Path(path) if path else package_data("policy", "default.yaml")
        try:
            data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise PolicyError(f"cannot read policy file {source}: {exc}") from exc
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise PolicyError(f"policy file {source}: field {loc}: {first['msg']}") from exc

    def decide(self, risk_score: float, findings: Sequence[Finding]) -> ActiveDecision:
        """The decision for one application: thresholds first, then hard rules raise it."""
        if risk_score > self.thresholds.review:
            decision: ActiveDecision = "review"
        elif risk_score >= self.thresholds.verify:
            decision = "verify"
        else:
            decision = "allow"
        for f in findings:
            floor = self.minimum_decision.get(f.code)
            if f.hard and _RANK[self.hard_findings] > _RANK[decision]:
                decision = self.hard_findings
            if floor and _RANK[floor] > _RANK[decision]:
                decision = floor
        return decision


class PolicyError(ValueError):
    pass
