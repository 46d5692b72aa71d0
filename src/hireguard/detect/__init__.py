"""Detectors: each module registers its detectors on import (see :mod:`.registry`)."""

# Import order does not matter: ids are unique and listed sorted.
from hireguard.detect import (  # noqa: F401
    builtin as _builtin,
)
from hireguard.detect.registry import (
    Detector,
    Finding,
    all_detectors,
    detector,
    get_detector,
    run_detectors,
)

__all__ = ["Detector", "Finding", "all_detectors", "detector", "get_detector", "run_detectors"]
