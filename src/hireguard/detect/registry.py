"""Detection as code: every detector carries its own documentation.

A detector is a plain function ``(EnrichedApplication) -> Iterable[Finding]`` registered
with :func:`detector`, in the manner of a Sigma rule: id, title, description, public
sources, severity, default weight and known false positives sit next to the logic, and
``hireguard detectors`` and ``docs/detectors.md`` are generated from them.

Weights are log-likelihood ratios in natural-log odds: a finding of weight 2.0 multiplies
the odds that the application is fraudulent by e^2 ≈ 7.4. The transparent scorer
(:mod:`hireguard.score.transparent`) adds them to a prior; nothing else reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from hireguard.enrich.types import EnrichedApplication

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


@dataclass(slots=True)
class Finding:
    """One thing a detector noticed about one application.

    ``weight`` overrides the detector's default when a detector grades its own evidence
    (e.g. a weaker weight for a low-confidence indicator). ``hard`` marks evidence that
    blocks by policy whatever the score (a confirmed sanctions match, DPRK address space).
    """

    code: str
    message: str
    severity: Severity
    weight: float
    evidence: dict[str, Any] = field(default_factory=dict)
    hard: bool = False
    family: str = ""


DetectorFn = Callable[["EnrichedApplication"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Detector:
    id: str
    title: str
    description: str
    severity: Severity
    weight: float
    sources: tuple[str, ...]
    false_positives: tuple[str, ...]
    family: str
    fn: DetectorFn
    hard: bool = False
    tags: tuple[str, ...] = ()

    def finding(
        self,
        message: str,
        *,
        evidence: dict[str, Any] | None = None,
        weight: float | None = None,
        severity: Severity | None = None,
        hard: bool | None = None,
    ) -> Finding:
        """Build a finding of this detector, with its defaults unless overridden."""
        return Finding(
            code=self.id,
            message=message,
            severity=severity or self.severity,
            weight=self.weight if weight is None else weight,
            evidence=evidence or {},
            hard=self.hard if hard is None else hard,
            family=self.family,
        )

    def run(self, app: EnrichedApplication) -> list[Finding]:
        return list(self.fn(app))

    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "family": self.family,
            "severity": self.severity,
            "weight": self.weight,
            "hard": self.hard,
            "sources": list(self.sources),
            "false_positives": list(self.false_positives),
            "tags": list(self.tags),
        }


_REGISTRY: dict[str, Detector] = {}


def detector(
    *,
    id: str,
    title: str,
    severity: Severity,
    weight: float,
    sources: Iterable[str],
    false_positives: Iterable[str],
    description: str | None = None,
    hard: bool = False,
    tags: Iterable[str] = (),
) -> Callable[[DetectorFn], Detector]:
    """Register a detector. The function's docstring is its description unless given.

    The family is the middle part of the id (``HG-NET-003`` → ``NET``).
    """

    def wrap(fn: DetectorFn) -> Detector:
        if id in _REGISTRY:
            raise ValueError(f"detector id {id} is registered twice")
        parts = id.split("-")
        if len(parts) != 3 or parts[0] != "HG":
            raise ValueError(f"detector id {id!r} must look like HG-FAM-000")
        doc = description or (fn.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"detector {id} needs a description or a docstring")
        srcs = tuple(sources)
        fps = tuple(false_positives)
        if not srcs or not fps:
            raise ValueError(f"detector {id} needs at least one source and one false positive")
        det = Detector(
            id=id,
            title=title,
            description=" ".join(doc.split()),
            severity=severity,
            weight=weight,
            sources=srcs,
            false_positives=fps,
            family=parts[1],
            fn=fn,
            hard=hard,
            tags=tuple(tags),
        )
        _REGISTRY[id] = det
        return det

    return wrap


def all_detectors() -> list[Detector]:
    """Every registered detector, in id order (importing the detector modules first)."""
    import hireguard.detect  # noqa: F401  (registers the built-in detectors)

    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def get_detector(detector_id: str) -> Detector:
    all_detectors()
    return _REGISTRY[detector_id]


def run_detectors(
    app: EnrichedApplication, detectors: Iterable[Detector] | None = None
) -> Iterator[Finding]:
    """Run detectors over one enriched application, letting a detector's error through (for
    tests and tools; the pipeline catches and logs it per detector so the others still run)."""
    for det in detectors if detectors is not None else all_detectors():
        yield from det.fn(app)
