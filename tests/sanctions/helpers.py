"""What the matching tests ask of a search: the list and entity id of its first hit."""

from __future__ import annotations

from typing import Any

from hireguard.sanctions.screener import Screener


def top_hit(
    screener: Screener, name: str, kind: str = "person", **kw: Any
) -> tuple[str, str] | None:
    """``(list, entity_id)`` of the best match for ``name`` at the default threshold."""
    matches = screener.search(name, kind=kind, **kw)  # type: ignore[arg-type]
    return (matches[0].list, matches[0].entity_id) if matches else None
