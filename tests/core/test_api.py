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


def test_queue_pages_application_and_ring_views(db_url: str) -> None:
    """The queue a page at a time with its total, filtered by decision; the application and
    ring views it links to; ids escaped in the page and in its links."""
    from urllib.parse import quote

    from hireguard.linkage import Linker
    from tests.linkage.people import person
    from tests.linkage.test_rings import FARM

    pipeline = Pipeline(engine=open_db(db_url), policy=Policy.load(), linker=Linker("test-salt"))
    c = TestClient(create_app(pipeline))
    odd = "V/<i>1&"
    unsure = {
        "session.remote_access_tools": ["anydesk"],
        "session.timezone": "America/New_York",
        "session.utc_offset_minutes": 480,
    }
    apps = [person(100 + i, **{"shipping_address": FARM}) for i in range(3)]
    apps += [make_app(unsure, application_id=odd), make_app(application_id="OK-1")]
    out = {a["application_id"]: a for a in c.post("/v1/assessments", json=apps).json()}
    assert [out[k]["decision"] for k in ("P-0100", odd, "OK-1")] == ["review", "verify", "allow"]
    ring = out["P-0100"]["cluster_id"]

    first = c.get("/v1/queue", params={"limit": 1})
    assert first.headers["x-total-count"] == "4" and len(first.json()) == 1
    last = c.get("/v1/queue", params={"limit": 2, "offset": 3}).json()
    assert [r["application_id"] for r in last] == [odd]
    assert c.get("/v1/queue", params={"decision": "verify"}).headers["x-total-count"] == "1"

    page = c.get("/", params={"limit": 2}).text
    assert "4 application(s) waiting: 0 block, 3 review, 1 verify." in page
    assert "Showing 1–2 of 4." in page and "rel='next' href='/?offset=2&amp;limit=2'" in page
    page = c.get("/", params={"decision": "verify"}).text
    assert "Showing 1–1 of 1 (verify)." in page and "rel='next'" not in page
    href = f"/applications/{quote(odd, safe='')}"
    assert f"href='{href.replace('&', '&amp;')}'" in page and "<i>1" not in page
    assert c.get("/", params={"decision": "allow"}).status_code == 400

    detail = c.get(href)
    assert detail.status_code == 200 and "V/&lt;i&gt;1&amp;" in detail.text
    assert "HG-DEV-001" in detail.text and "<i>" not in detail.text
    assert c.get("/applications/NOPE").status_code == 404

    shown = c.get(f"/v1/rings/{ring}").json()
    assert [m["application_id"] for m in shown["members"]] == ["P-0100", "P-0101", "P-0102"]
    assert {m["decision"] for m in shown["members"]} == {"review"}
    assert any(s["kind"] == "shipping_address" and len(s["members"]) == 3 for s in shown["shared"])
    ring_page = c.get(f"/rings/{ring}").text
    assert ring_page.count("<circle") == 3 and "href='/applications/P-0101'" in ring_page
    names = [a["applicant"]["full_name"] for a in apps]
    assert not any(n in ring_page or n in str(shown) for n in names)
    assert c.get("/v1/rings/R-000000000000").status_code == 404
    assert c.get("/rings/R-000000000000").status_code == 404
