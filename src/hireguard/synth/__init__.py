"""``hireguard synth``: a reproducible synthetic population of job applications.

Honest applicants of many backgrounds and situations, and fraud schemes documented for
DPRK IT workers and US laptop farms, each record carrying a ``label``. See ``docs/synth.md``.
"""

from __future__ import annotations

from hireguard.synth.population import DEFAULT_START, generate

__all__ = ["DEFAULT_START", "generate"]
