"""Policy: scores and hard findings to decisions. Policy is data (YAML), not code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

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

    @field_validator("minimum_decision", "disabled_detectors")
    @classmethod
    def _known_detectors(cls, value: dict[str, str] | list[str]) -> dict[str, str] | list[str]:
        """Every detector id named must be a registered detector's: a misspelt one
        (``HG-NET-01``) would otherwise force or disable nothing, silently."""
        _check_detector_ids(list(value))
        return value

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


def _check_detector_ids(ids: list[str]) -> None:
    import difflib

    from hireguard.detect.registry import all_detectors

    known = [d.id for d in all_detectors()]
    unknown = [i for i in ids if i not in set(known)]
    if not unknown:
        return
    first = unknown[0]
    close = difflib.get_close_matches(first, known, n=1, cutoff=0.8)
    hint = f"; did you mean {close[0]}?" if close else ""
    more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
    raise PydanticCustomError(
        "unknown_detector",
        "unknown detector id {id}{more}: detector ids look like HG-LOC-002 (HG-, a family of "
        "three capital letters, three digits); `hireguard detectors` lists them{hint}",
        {"id": repr(first), "more": more, "hint": hint},
    )
