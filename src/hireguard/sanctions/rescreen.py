"""Re-screening of stored applications after a new list version is loaded (nightly)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from hireguard.model import Application, SanctionsMatch
from hireguard.sanctions.screener import Screener, default_screener


def _key(m: dict[str, Any] | SanctionsMatch) -> tuple[str, str, str]:
    if isinstance(m, SanctionsMatch):
        return (m.list, m.entity_id, m.matched_field or "")
    return (str(m.get("list")), str(m.get("entity_id")), str(m.get("matched_field") or ""))


def rescreen_stored(
    db_url: str | None = None,
    *,
    screener: Screener | None = None,
    progress: Callable[[int], None] | None = None,
    rescore: bool = True,
) -> list[tuple[str, list[SanctionsMatch]]]:
    """Screen every stored application again; return those with matches that are new.

    A match is new when its (list, entry, field) was not among the sanctions matches of
    the application's current assessment. Redacted applications (no ``raw``) are skipped.
    When the pipeline offers ``rescore_stored(db_url, application_ids)`` (and ``rescore``
    is true), it is called so that the new matches become findings.
    """
    from hireguard.store import tables as t
    from hireguard.store.db import default_url, make_engine

    url = db_url or default_url()
    engine = make_engine(url)
    screener = screener or default_screener()
    inspector = sa.inspect(engine)
    if not inspector.has_table("applications"):
        return []
    has_assessments = inspector.has_table("assessments")
    previous: dict[int, set[tuple[str, str, str]]] = {}
    new: list[tuple[str, list[SanctionsMatch]]] = []
    with engine.connect() as conn:
        if has_assessments:
            rows = conn.execute(
                sa.select(t.assessments.c.application_pk, t.assessments.c.sanctions_matches).where(
                    t.assessments.c.is_current.is_(True)
                )
            )
            for pk, matches in rows:
                previous[pk] = {_key(m) for m in matches or [] if isinstance(m, dict)}
        query = (
            sa.select(t.applications.c.pk, t.applications.c.application_id, t.applications.c.raw)
            .where(t.applications.c.raw.is_not(None))
            .order_by(t.applications.c.pk)
        )
        done = 0
        for pk, app_id, raw in conn.execute(query):
            done += 1
            if progress is not None and done % 500 == 0:
                progress(500)
            try:
                app = Application.model_validate(raw)
            except ValidationError:
                continue  # it was stored as an error assessment; nothing to screen
            known = previous.get(pk, set())
            fresh = [m for m in screener.screen_application(app) if _key(m) not in known]
            if fresh:
                new.append((app_id, fresh))
        if progress is not None:
            progress(done % 500)
    if new and rescore:
        from hireguard.pipeline import rescore_stored

        rescore_stored(db_url, [app_id for app_id, _ in new])
    return new
