"""Hand-written applications for tests: an honest baseline and dotted-path overrides."""

from __future__ import annotations

import copy
from typing import Any

from hireguard.enrich import enrich
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import Application

BASELINE: dict[str, Any] = {
    "schema_version": 1,
    "application_id": "T-0001",
    "submitted_at": "2026-09-03T15:42:10-05:00",
    "source": "careers_site",
    "job": {"title": "Backend Engineer", "requisition_id": "R-1", "remote": True, "country": "US"},
    "applicant": {
        "full_name": "Maria Elena Torres",
        "date_of_birth": "1989-04-12",
        "email": "maria.torres@gmail.com",
        "phone": "(312) 555-0188",
        "address": {
            "line1": "1550 N Damen Ave",
            "city": "Chicago",
            "region": "IL",
            "postal_code": "60622",
            "country": "US",
        },
    },
    "payment": {"method": "direct_deposit", "bank_country": "US"},
    "session": {
        "ip": "73.110.20.45",
        "timezone": "America/Chicago",
        "utc_offset_minutes": -300,
        "languages": ["en-US", "es-US"],
        "hardware_concurrency": 8,
        "device_memory_gb": 16,
        "gpu_renderer": "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
        "device_id": "fp_test_0001",
    },
}


def make_app(overrides: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    """The baseline with ``{"a.b.c": value}`` overrides (value None deletes the field)."""
    app = copy.deepcopy(BASELINE)
    for path, value in {**(overrides or {}), **top}.items():
        node = app
        parts = path.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
    return app


def enriched(
    overrides: dict[str, Any] | None = None, ipintel: Any = None, **top: Any
) -> EnrichedApplication:
    from hireguard.runtime import load_ipintel

    app = Application.model_validate(make_app(overrides, **top))
    return enrich(app, ipintel if ipintel is not None else load_ipintel())
