"""The REST API (FastAPI): score applications, read assessments, list the analyst queue.

``hireguard serve`` runs it with uvicorn. Every route works on the same store as the
command line, through the same pipeline (:func:`hireguard.runtime.build_pipeline`).
"""

from __future__ import annotations

import html
from typing import Any

import orjson
import sqlalchemy as sa
from fastapi import Body, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from hireguard import __version__
from hireguard.detect.registry import all_detectors
from hireguard.intake.readers import validate
from hireguard.linkage.query import surviving_cluster_ids
from hireguard.pipeline import Pipeline, assessment_json
from hireguard.store import tables as t

QUEUE_DECISIONS = ("block", "review", "verify")


def create_app(pipeline: Pipeline) -> FastAPI:
    """The API around one pipeline (its engine is the store the routes read)."""
    if pipeline.engine is None:
        raise ValueError("the API needs a pipeline with a database")
    engine = pipeline.engine
    api = FastAPI(
        title="HireGuard",
        version=__version__,
        description="Risk scores with reasons for job applications; the analyst queue.",
    )

    @api.get("/healthz")
    def healthz() -> dict[str, str]:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        return {"status": "ok", "version": __version__}

    @api.post("/v1/assessments")
    def score(applications: list[dict[str, Any]] = Body(...)) -> list[dict[str, Any]]:
        """Assess and store applications (contract format); one assessment each, in order."""
        if len(applications) > 10_000:
            raise HTTPException(413, "at most 10,000 applications per request")
        records = [validate(i + 1, a) for i, a in enumerate(applications)]
        return [orjson.loads(assessment_json(a)) for a in pipeline.assess(records)]

    @api.get("/v1/applications/{application_id}")
    def application(application_id: str) -> dict[str, Any]:
        """The current assessment of one application, its findings and its history."""
        with engine.connect() as conn:
            pk = conn.scalar(
                sa.select(t.applications.c.pk).where(
                    t.applications.c.application_id == application_id
                )
            )
            if pk is None:
                raise HTTPException(404, f"no application {application_id!r}")
            rows = (
                conn.execute(
                    sa.select(t.assessments)
                    .where(t.assessments.c.application_pk == pk)
                    .order_by(t.assessments.c.pk.desc())
                )
                .mappings()
                .all()
            )
            history = [_assessment_row(r) for r in rows]
            _follow_merged_rings(conn, history)
        current = next((h for h in history if h["is_current"]), history[0] if history else None)
        return {"application_id": application_id, "current": current, "history": history}

    @api.get("/v1/queue")
    def queue(
        decision: list[str] = Query(list(QUEUE_DECISIONS)),
        limit: int = Query(50, ge=1, le=1000),
    ) -> list[dict[str, Any]]:
        """Applications waiting for an analyst: current assessments, riskiest first."""
        return _queue(engine, decision, limit)

    @api.get("/v1/detectors")
    def detectors() -> list[dict[str, Any]]:
        return [d.metadata() for d in all_detectors()]

    @api.get("/", response_class=HTMLResponse)
    def queue_page() -> str:
        rows = _queue(engine, list(QUEUE_DECISIONS), 200)
        body = "".join(
            f"<tr class='{html.escape(r['decision'])}'><td>{html.escape(r['application_id'])}</td>"
            f"<td>{r['risk_score']:.0f}</td><td>{html.escape(r['decision'])}</td>"
            f"<td>{html.escape(r['cluster_id'] or '')}</td><td><ul>"
            + "".join(
                f"<li><b>{html.escape(x['code'])}</b> {html.escape(x['message'])}</li>"
                for x in r["reasons"][:3]
            )
            + "</ul></td></tr>"
            for r in rows
        )
        return (
            "<!doctype html><html><head><meta charset='utf-8'><title>HireGuard queue</title>"
            "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}"
            ".block td{background:#fdd}.review td{background:#ffe9d6}</style></head><body>"
            f"<h1>Analyst queue</h1><p>{len(rows)} application(s) waiting.</p>"
            "<table id='queue'><thead><tr><th>application</th><th>risk</th><th>decision</th>"
            f"<th>ring</th><th>reasons</th></tr></thead><tbody>{body}</tbody></table>"
            "</body></html>"
        )

    return api


def _assessment_row(r: Any) -> dict[str, Any]:
    return {
        "risk_score": r["risk_score"],
        "decision": r["decision"],
        "reasons": r["reasons"],
        "sanctions_matches": r["sanctions_matches"],
        "cluster_id": r["cluster_id"],
        "model_version": r["model_version"],
        "assessed_at": r["assessed_at"].isoformat() if r["assessed_at"] else None,
        "is_current": bool(r["is_current"]),
    }


def _queue(engine: sa.Engine, decisions: list[str], limit: int) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = (
            conn.execute(
                sa.select(
                    t.applications.c.application_id,
                    t.assessments.c.risk_score,
                    t.assessments.c.decision,
                    t.assessments.c.reasons,
                    t.assessments.c.cluster_id,
                )
                .join(t.applications, t.applications.c.pk == t.assessments.c.application_pk)
                .where(t.assessments.c.is_current.is_(True))
                .where(t.assessments.c.decision.in_(decisions))
                .order_by(t.assessments.c.risk_score.desc(), t.applications.c.application_id)
                .limit(limit)
            )
            .mappings()
            .all()
        )
        out = [dict(r) for r in rows]
        _follow_merged_rings(conn, out)
    return out


def _follow_merged_rings(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Replace ring ids that a merge retired (stored with earlier assessments) by the ring
    that absorbed them, so that every member shows the ring it is in now; the stored
    assessment keeps the id it was given."""
    live = surviving_cluster_ids(conn, (r["cluster_id"] for r in rows if r.get("cluster_id")))
    for r in rows:
        if r.get("cluster_id") in live:
            r["cluster_id"] = live[r["cluster_id"]]
