"""The identity graph: applications linked by what they share, and the rings in it.

* :class:`Linker` links each new application to everything stored before it (called by
  ``hireguard score`` for every chunk) and keeps rings up to date.
* :func:`rebuild_rings` recomputes every ring from the store (``hireguard rings rebuild``)
  with set-based SQL on DuckDB.
* :func:`default_salt` is the secret that fingerprints identifiers.

Link types and their strengths are in :mod:`hireguard.linkage.kinds`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hireguard.linkage.linker import Linker
    from hireguard.linkage.rebuild import RebuildStats, rebuild_rings
    from hireguard.linkage.salt import default_salt

__all__ = ["Linker", "RebuildStats", "default_salt", "rebuild_rings"]

# Imported on first use (PEP 562): the linker pulls in DuckDB, NumPy and the detectors,
# which commands such as ``hireguard screen`` never need (about 0.5 s of start-up).
_HOME = {
    "Linker": "linker",
    "RebuildStats": "rebuild",
    "rebuild_rings": "rebuild",
    "default_salt": "salt",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
