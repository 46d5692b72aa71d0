"""The REST API (FastAPI): score applications, read assessments, list the analyst queue.

``hireguard serve`` runs it with uvicorn. Every route works on the same store as the
command line, through the same pipeline (:func:`hireguard.runtime.build_pipeline`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlencode

import orjson
import sqlalchemy as sa
from fastapi import Body, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse

from hireguard import __version__
from hireguard.detect.registry import all_detectors
from hireguard.intake.readers import validate
from hireguard.linkage.query import RingDetail, ring_detail, surviving_cluster_ids
from hireguard.linkage.svg import ring_svg
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
        response: Response,
        decision: list[str] = Query(list(QUEUE_DECISIONS)),
        limit: int = Query(50, ge=1, le=1000),
        offset: int = Query(0, ge=0, description="Skip this many (paging)."),
    ) -> list[dict[str, Any]]:
        """Applications waiting for an analyst: current assessments, riskiest first.

        The header ``X-Total-Count`` gives how many are waiting under these decisions."""
        counts = _queue_counts(engine, sorted(set(decision)))
        response.headers["X-Total-Count"] = str(sum(counts.values()))
        return _queue(engine, decision, limit, offset)

    @api.get("/v1/rings/{cluster_id}")
    def ring(cluster_id: str) -> dict[str, Any]:
        """One ring: its members (application ids, with their current decision and score),
        the link types that hold it together and which members share each value. No names
        and no identifier values."""
        found = _ring(engine, cluster_id)
        if found is None:
            raise HTTPException(404, f"no ring {cluster_id!r}")
        return found[0]

    @api.get("/v1/detectors")
    def detectors() -> list[dict[str, Any]]:
        return [d.metadata() for d in all_detectors()]

    @api.get("/", response_class=HTMLResponse)
    def queue_page(
        request: Request,
        decision: list[str] = Query(list(QUEUE_DECISIONS)),
        offset: int = Query(0, ge=0),
        limit: int = Query(PAGE_SIZE, ge=1, le=1000),
    ) -> str:
        """The analyst queue, a page at a time, filtered by decision."""
        unknown = sorted(set(decision) - set(QUEUE_DECISIONS))
        if unknown:
            raise HTTPException(400, f"unknown decision {unknown[0]!r}: one of {QUEUE_DECISIONS}")
        chosen = [d for d in QUEUE_DECISIONS if d in decision]
        counts = _queue_counts(engine)
        return _queue_html(
            _root(request), chosen, counts, offset, limit, _queue(engine, chosen, limit, offset)
        )

    @api.get("/applications/{application_id:path}", response_class=HTMLResponse)
    def application_page(request: Request, application_id: str) -> HTMLResponse:
        """One application's assessment: score, decision, reasons, sanctions matches, ring."""
        root = _root(request)
        try:
            found = application(application_id)
        except HTTPException:
            return HTMLResponse(
                _page(root, "Not found", f"<p>No application {_e(application_id)}.</p>"), 404
            )
        return HTMLResponse(_application_html(root, found))

    @api.get("/rings/{cluster_id:path}", response_class=HTMLResponse)
    def ring_page(request: Request, cluster_id: str) -> HTMLResponse:
        """One ring: members and their decisions, what they share, and the picture (members
        labelled by application id, never by name)."""
        root = _root(request)
        found = _ring(engine, cluster_id)
        if found is None:
            return HTMLResponse(_page(root, "Not found", f"<p>No ring {_e(cluster_id)}.</p>"), 404)
        return HTMLResponse(_ring_html(root, *found))

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


def _queue_counts(engine: sa.Engine, decisions: Sequence[str] = QUEUE_DECISIONS) -> dict[str, int]:
    """How many current assessments there are under each of ``decisions``."""
    a = t.assessments.c
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(a.decision, sa.func.count())
            .where(a.is_current.is_(True))
            .where(a.decision.in_(decisions))
            .group_by(a.decision)
        )
        return {str(d): int(n) for d, n in rows}


def _queue(
    engine: sa.Engine, decisions: list[str], limit: int, offset: int = 0
) -> list[dict[str, Any]]:
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
                .offset(offset)
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


def _ring(engine: sa.Engine, cluster_id: str) -> tuple[dict[str, Any], RingDetail] | None:
    """A ring as the API shows it (no names, no identifier values), and its detail."""
    with engine.connect() as conn:
        detail = ring_detail(conn, cluster_id)
        if detail is None:
            return None
        ids = [m.application_id for m in detail.members]
        current: dict[str, tuple[str, float]] = {}
        for i in range(0, len(ids), 900):
            for aid, decision, risk in conn.execute(
                sa.select(
                    t.applications.c.application_id,
                    t.assessments.c.decision,
                    t.assessments.c.risk_score,
                )
                .join(t.applications, t.applications.c.pk == t.assessments.c.application_pk)
                .where(t.assessments.c.is_current.is_(True))
                .where(t.applications.c.application_id.in_(ids[i : i + 900]))
            ):
                current[str(aid)] = (str(decision), float(risk))
    out = {
        **detail.summary.as_dict(),
        "members": [
            {
                "application_id": m.application_id,
                "decision": current.get(m.application_id, (None, None))[0],
                "risk_score": current.get(m.application_id, (None, None))[1],
            }
            for m in detail.members
        ],
        "shared": [
            {"kind": kind, "members": list(members), "values": n}
            for (kind, members), n in _count_values(detail).items()
        ],
    }
    return out, detail


def _count_values(detail: RingDetail) -> dict[tuple[str, tuple[str, ...]], int]:
    """How many shared values each link type has per group of members (the values
    themselves, even as fingerprints, stay out of the API)."""
    counted: dict[tuple[str, tuple[str, ...]], int] = {}
    for v in detail.shared:
        key = (v.kind, tuple(v.members))
        counted[key] = counted.get(key, 0) + 1
    return counted


# The HTML pages: the queue, one application, one ring. Every value is escaped; links are
# absolute under the app's root path (ids may hold any character).

PAGE_SIZE = 100
"""Rows per page of the queue page (``?limit=`` changes it)."""

_CSS = (
    "body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}"
    "td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}"
    ".block td{background:#fdd}.review td{background:#ffe9d6}.verify td{background:#fffbd6}"
    "nav{margin:.8em 0}nav a,nav strong{margin-right:1em}dt{font-weight:bold;float:left;"
    "clear:left;width:9em}dd{margin:0 0 .3em 10em}.picture svg{max-width:100%;height:auto}"
    "a.application,a.ring{white-space:nowrap}"
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _score(risk: float | None) -> str:
    return "" if risk is None else f"{risk:.0f}"


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _app_href(root: str, application_id: str) -> str:
    return f"{root}/applications/{quote(application_id, safe='')}"


def _ring_href(root: str, cluster_id: str) -> str:
    return f"{root}/rings/{quote(cluster_id, safe='')}"


def _page(root: str, title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{_e(title)}</title>"
        f"<style>{_CSS}</style></head><body>"
        f"<p><a href='{_e(root or '/')}'>Analyst queue</a></p>{body}</body></html>"
    )


def _queue_href(root: str, decisions: list[str], offset: int, limit: int) -> str:
    params: list[tuple[str, str | int]] = []
    if decisions and set(decisions) != set(QUEUE_DECISIONS):
        params += [("decision", d) for d in decisions]
    if offset:
        params.append(("offset", offset))
    if limit != PAGE_SIZE:
        params.append(("limit", limit))
    return f"{root}/" + (f"?{urlencode(params)}" if params else "")


def _queue_html(
    root: str,
    chosen: list[str],
    counts: dict[str, int],
    offset: int,
    limit: int,
    rows: list[dict[str, Any]],
) -> str:
    waiting = sum(counts.values())
    total = sum(counts.get(d, 0) for d in chosen)
    every = set(chosen) == set(QUEUE_DECISIONS)
    by_decision = ", ".join(f"{counts.get(d, 0)} {d}" for d in QUEUE_DECISIONS)
    filters = [
        f"<strong aria-current='page'>{_e(label)}</strong>"
        if picked == chosen
        else f"<a href='{_e(_queue_href(root, picked, 0, limit))}'>{_e(label)}</a>"
        for label, picked in [
            (f"all ({waiting})", list(QUEUE_DECISIONS)),
            *((f"{d} ({counts.get(d, 0)})", [d]) for d in QUEUE_DECISIONS),
        ]
    ]
    if rows:
        shown = f"Showing {offset + 1}–{offset + len(rows)} of {total}"
    else:
        shown = f"Nothing to show past {total}" if offset else f"Showing 0 of {total}"
    shown += "" if every else f" ({', '.join(chosen)})"
    pager = []
    if offset > 0:
        prev = _queue_href(root, chosen, max(0, min(offset, total) - limit), limit)
        pager.append(f"<a rel='prev' href='{_e(prev)}'>← previous</a>")
    if offset + limit < total:
        nxt = _queue_href(root, chosen, offset + limit, limit)
        pager.append(f"<a rel='next' href='{_e(nxt)}'>next →</a>")
    body = "".join(
        f"<tr class='{_e(r['decision'])}'>"
        f"<td><a class='application' href='{_e(_app_href(root, r['application_id']))}'>"
        f"{_e(r['application_id'])}</a></td>"
        f"<td>{r['risk_score']:.0f}</td><td>{_e(r['decision'])}</td><td>"
        + (
            f"<a class='ring' href='{_e(_ring_href(root, r['cluster_id']))}'>"
            f"{_e(r['cluster_id'])}</a>"
            if r["cluster_id"]
            else ""
        )
        + "</td><td><ul>"
        + "".join(f"<li><b>{_e(x['code'])}</b> {_e(x['message'])}</li>" for x in r["reasons"][:3])
        + "</ul></td></tr>"
        for r in rows
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>HireGuard queue</title>"
        f"<style>{_CSS}</style></head><body><h1>Analyst queue</h1>"
        f"<p id='count'>{waiting} application(s) waiting: {_e(by_decision)}.</p>"
        f"<nav id='filter'>Show: {' '.join(filters)}</nav>"
        f"<p id='showing'>{_e(shown)}.</p>"
        "<table id='queue'><thead><tr><th>application</th><th>risk</th><th>decision</th>"
        f"<th>ring</th><th>reasons</th></tr></thead><tbody>{body}</tbody></table>"
        f"<nav id='pages'>{' '.join(pager)}</nav></body></html>"
    )


def _application_html(root: str, found: dict[str, Any]) -> str:
    aid = found["application_id"]
    cur = found["current"]
    parts = [f"<h1>Application {_e(aid)}</h1>"]
    if cur is None:
        parts.append("<p>Not assessed yet.</p>")
    else:
        ring = (
            f"<a class='ring' href='{_e(_ring_href(root, cur['cluster_id']))}'>"
            f"{_e(cur['cluster_id'])}</a>"
            if cur["cluster_id"]
            else "none"
        )
        parts.append(
            f"<dl id='assessment' class='{_e(cur['decision'])}'>"
            f"<dt>decision</dt><dd id='decision'>{_e(cur['decision'])}</dd>"
            f"<dt>risk score</dt><dd id='risk'>{cur['risk_score']:.0f}</dd>"
            f"<dt>ring</dt><dd>{ring}</dd>"
            f"<dt>assessed</dt><dd>{_e(cur['assessed_at'] or '')}</dd>"
            f"<dt>model</dt><dd>{_e(cur['model_version'] or '')}</dd></dl>"
        )
        reasons = "".join(
            f"<tr><td><b>{_e(x.get('code', ''))}</b></td><td>{_e(x.get('message', ''))}</td>"
            f"<td>{_e(x.get('contribution', ''))}</td></tr>"
            for x in cur["reasons"] or []
        )
        parts.append(
            "<h2>Reasons</h2>"
            + (
                "<table id='reasons'><thead><tr><th>code</th><th>reason</th><th>weight</th>"
                f"</tr></thead><tbody>{reasons}</tbody></table>"
                if reasons
                else "<p>None.</p>"
            )
        )
        matches = "".join(
            f"<tr><td>{_e(m.get('list', ''))}</td><td>{_e(m.get('entity_id', ''))}</td>"
            f"<td>{_e(m.get('name', ''))}</td><td>{_e(m.get('matched_field', ''))}</td>"
            f"<td>{_e(m.get('score', ''))}</td></tr>"
            for m in cur["sanctions_matches"] or []
            if isinstance(m, dict)
        )
        parts.append(
            "<h2>Sanctions matches</h2>"
            + (
                "<table id='sanctions'><thead><tr><th>list</th><th>entry</th>"
                "<th>listed name</th><th>matched field</th><th>score</th></tr></thead>"
                f"<tbody>{matches}</tbody></table>"
                if matches
                else "<p>None.</p>"
            )
        )
    earlier = [h for h in found["history"] if h is not cur]
    if earlier:
        rows = "".join(
            f"<tr class='{_e(h['decision'])}'><td>{_e(h['assessed_at'] or '')}</td>"
            f"<td>{_e(h['decision'])}</td><td>{h['risk_score']:.0f}</td>"
            f"<td>{_e(h['model_version'] or '')}</td></tr>"
            for h in earlier
        )
        parts.append(
            "<h2>Earlier assessments</h2><table id='history'><thead><tr><th>assessed</th>"
            f"<th>decision</th><th>risk</th><th>model</th></tr></thead><tbody>{rows}"
            "</tbody></table>"
        )
    parts.append(
        f"<p><a href='{_e(root)}/v1/applications/{_e(quote(aid, safe=''))}'>as JSON</a></p>"
    )
    return _page(root, f"HireGuard application {aid}", "".join(parts))


def _ring_html(root: str, ring: dict[str, Any], detail: RingDetail) -> str:
    held = ", ".join(f"{_e(k)} ({n} names)" for k, n in ring["links"].items())
    members = "".join(
        f"<tr class='{_e(m['decision'] or '')}'><td><a class='application' "
        f"href='{_e(_app_href(root, m['application_id']))}'>{_e(m['application_id'])}</a></td>"
        f"<td>{_e(m['decision'] or '')}</td>"
        f"<td>{_score(m['risk_score'])}</td></tr>"
        for m in ring["members"]
    )
    shared = "".join(
        f"<tr><td>{_e(v['kind'])}</td><td>{v['values']}</td><td>{len(v['members'])}</td>"
        f"<td>{_e(', '.join(v['members']))}</td></tr>"
        for v in ring["shared"]
    )
    body = (
        f"<h1>Ring {_e(ring['cluster_id'])}</h1>"
        f"<p id='summary'>{ring['size']} applications, {ring['identities']} identities, "
        f"score {ring['score']:.2f}, seen {_e(ring['first_seen'][:10])} to "
        f"{_e(ring['last_seen'][:10])}. Held together by {held}.</p>"
        "<h2>Members</h2><table id='members'><thead><tr><th>application</th><th>decision</th>"
        f"<th>risk</th></tr></thead><tbody>{members}</tbody></table>"
        f"<h2>Picture</h2><div class='picture'>{ring_svg(detail, names=False)}</div>"
        "<h2>Shared identifiers</h2><table id='shared'><thead><tr><th>kind</th>"
        "<th>values</th><th>members</th><th>applications</th></tr></thead>"
        f"<tbody>{shared}</tbody></table>"
        f"<p><a href='{_e(root)}/v1/rings/{_e(quote(ring['cluster_id'], safe=''))}'>"
        "as JSON</a></p>"
    )
    return _page(root, f"HireGuard ring {ring['cluster_id']}", body)
