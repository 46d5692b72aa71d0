"""The analyst queue page in a real browser (Debian's chromium driven by Playwright),
served by `hireguard serve` as a user starts it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.appfactory import make_app
from tests.browser import TEXT_OUTSIDE_VIEWBOX_JS, launch
from tests.linkage.people import person
from tests.linkage.test_rings import FARM

pytestmark = pytest.mark.browser
# A fresh data directory first builds the index of the built-in sanctions lists: seconds on
# an idle machine, minutes on a loaded one.
STARTUP_SECONDS = float(os.environ.get("HIREGUARD_TEST_STARTUP_SECONDS", "300"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def web_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory for the module's servers: the index of the built-in sanctions
    lists is built once (each test still has its own database)."""
    return tmp_path_factory.mktemp("web-home")


@pytest.fixture
def server(tmp_path: Path, web_home: Path) -> Iterator[str]:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "HIREGUARD_HOME": str(web_home)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hireguard",
            "serve",
            "--port",
            str(port),
            "--db",
            f"sqlite:///{tmp_path / 'web.db'}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.terminate()
                proc.wait(timeout=20)
                pytest.fail(f"server did not start: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_queue_page_lists_the_risky_application(server: str) -> None:
    from playwright.sync_api import sync_playwright

    risky = make_app(
        {
            "session.remote_access_tools": ["anydesk", "pikvm"],
            "session.timezone": "America/New_York",
            "session.utc_offset_minutes": 480,
        },
        application_id="WEB-RISK",
    )
    res = httpx.post(
        f"{server}/v1/assessments", json=[make_app(application_id="WEB-OK"), risky], timeout=60
    )
    assert res.status_code == 200, res.text
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.goto(server + "/")
        assert page.title() == "HireGuard queue"
        rows = page.locator("#queue tbody tr")
        assert rows.count() == 1
        text = rows.first.inner_text()
        assert "WEB-RISK" in text and "PiKVM" in text
        assert "WEB-OK" not in page.content()
        browser.close()


def test_queue_page_counts_pages_filters_and_links(server: str) -> None:
    """Five applications wait (four of a laptop farm under review, one to verify): the page
    says so, shows them two at a time, filters by decision, and leads from a row to the
    application's assessment and to its ring, never showing a name."""
    from playwright.sync_api import sync_playwright

    farm = [person(100 + i, **{"shipping_address": FARM}) for i in range(4)]
    unsure = person(
        300,
        **{
            "session.remote_access_tools": ["anydesk"],
            "session.timezone": "America/New_York",
            "session.utc_offset_minutes": 480,
        },
    )
    res = httpx.post(f"{server}/v1/assessments", json=[*farm, unsure, person(301)], timeout=120)
    assert res.status_code == 200, res.text
    out = {a["application_id"]: a for a in res.json()}
    assert {k: a["decision"] for k, a in out.items()} == {
        "P-0100": "review",
        "P-0101": "review",
        "P-0102": "review",
        "P-0103": "review",
        "P-0300": "verify",
        "P-0301": "allow",
    }
    ring = out["P-0100"]["cluster_id"]
    assert ring and all(out[f"P-010{i}"]["cluster_id"] == ring for i in range(4))
    names = [a["applicant"]["full_name"] for a in (*farm, unsure)]

    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.set_default_timeout(10_000)
        page.goto(server + "/?limit=2")
        assert "5 application(s) waiting: 0 block, 4 review, 1 verify" in page.inner_text("#count")
        rows = page.locator("#queue tbody tr")
        seen: list[str] = []
        for showing in ("Showing 1–2 of 5.", "Showing 3–4 of 5.", "Showing 5–5 of 5."):
            assert page.inner_text("#showing") == showing
            seen += rows.locator("a.application").all_inner_texts()
            if showing.startswith("Showing 5"):
                assert page.locator("a[rel=next]").count() == 0
            else:
                page.click("a[rel=next]")
        assert seen == ["P-0100", "P-0101", "P-0102", "P-0103", "P-0300"]
        page.click("a[rel=prev]")
        assert page.inner_text("#showing") == "Showing 3–4 of 5."

        page.click("#filter a:has-text('verify (1)')")
        assert page.inner_text("#showing") == "Showing 1–1 of 1 (verify)."
        assert rows.count() == 1 and "verify" in rows.first.inner_text()

        # From the row to the application: its score, decision, reasons, sanctions matches.
        page.click("#queue a.application")
        assert page.url.endswith("/applications/P-0300")
        assert page.inner_text("#decision") == "verify"
        assert page.inner_text("#risk") == f"{out['P-0300']['risk_score']:.0f}"
        assert "HG-DEV-001" in page.inner_text("#reasons")
        assert "Sanctions matches" in page.inner_text("body")

        # From a row under review to its ring: the members and the picture, by id only.
        page.goto(server + "/?decision=review")
        assert rows.count() == 4
        page.click("#queue a.ring >> nth=0")
        assert re.search(r"/rings/R-[0-9a-f]+$", page.url)
        assert page.inner_text("h1") == f"Ring {ring}"
        members = page.locator("#members a.application")
        assert members.all_inner_texts() == ["P-0100", "P-0101", "P-0102", "P-0103"]
        assert page.locator(".picture svg circle").count() == 4
        assert page.evaluate(TEXT_OUTSIDE_VIEWBOX_JS) == []
        content = page.content()
        assert not any(name in content for name in names)
        members.nth(2).click()
        assert page.url.endswith("/applications/P-0102")
        assert page.inner_text("#decision") == "review"
        browser.close()

    # The API: a page of the queue, with the total in a header; the ring without names.
    api = httpx.get(f"{server}/v1/queue", params={"limit": 2, "offset": 4}, timeout=30)
    assert api.headers["x-total-count"] == "5"
    assert [r["application_id"] for r in api.json()] == ["P-0300"]
    verify = httpx.get(f"{server}/v1/queue", params={"decision": "verify"}, timeout=30)
    assert verify.headers["x-total-count"] == "1"
    ring_json = httpx.get(f"{server}/v1/rings/{ring}", timeout=30)
    assert [m["application_id"] for m in ring_json.json()["members"]] == sorted(out)[:4]
    assert not any(name in ring_json.text for name in names)
