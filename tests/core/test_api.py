"""The REST API over a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hireguard.api import create_app
from hireguard.decide.policy import Policy
from hireguard.pipeline import Pipeline
from hireguard.store.db import open_db
from tests.appfactory import make_app


def client(db_url: str) -> TestClient:
    return TestClient(create_app(Pipeline(engine=open_db(db_url), policy=Policy.load())))


def test_score_then_read_back_with_history(db_url: str) -> None:
    c = client(db_url)
    assert c.get("/healthz").json()["status"] == "ok"
    risky = make_app(
        {
            "session.remote_access_tools": ["anydesk", "teamviewer"],
            "session.timezone": "Asia/Shanghai",
            "session.utc_offset_minutes": 480,
        },
        application_id="API-2",
    )
    res = c.post(
        "/v1/assessments",
        json=[make_app(application_id="API-1"), risky, {"application_id": "API-3"}],
    )
    assert res.status_code == 200
    out = res.json()
    assert [a["decision"] for a in out][::2] == ["allow", "error"]
    assert out[1]["decision"] in {"verify", "review"}
    assert "field submitted_at" in out[2]["error"]
    c.post("/v1/assessments", json=[risky])
    detail = c.get("/v1/applications/API-2").json()
    assert len(detail["history"]) == 2
    assert detail["current"]["is_current"] is True
    assert c.get("/v1/applications/NOPE").status_code == 404
    queue = c.get("/v1/queue").json()
    assert [q["application_id"] for q in queue] == ["API-2"]
    page = c.get("/").text
    assert "API-2" in page and "API-1" not in page
