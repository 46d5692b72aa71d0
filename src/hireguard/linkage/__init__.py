"""The identity graph: applications linked by what they share, and the rings in it.

* :class:`Linker` links each new application to everything stored before it (called by
  ``hireguard score`` for every chunk) and keeps rings up to date.
* :func:`rebuild_rings` recomputes every ring from the store (``hireguard rings rebuild``)
  with set-based SQL on DuckDB.
* :func:`default_salt` is the secret that fingerprints identifiers.

Link types and their strengths are in :mod:`hireguard.linkage.kinds`.
"""

from __future__ import annotations

from hireguard.linkage.linker import Linker
from hireguard.linkage.rebuild import RebuildStats, rebuild_rings
from hireguard.linkage.salt import default_salt

__all__ = ["Linker", "RebuildStats", "default_salt", "rebuild_rings"]
