"""The analyst queue page in a real browser (Debian's chromium driven by Playwright),
served by `hireguard serve` as a user starts it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.appfactory import make_app

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "HIREGUARD_HOME": str(tmp_path)}
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
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            proc.terminate()
            pytest.fail(
                f"server did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
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
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        page.goto(server + "/")
        assert page.title() == "HireGuard queue"
        rows = page.locator("#queue tbody tr")
        assert rows.count() == 1
        text = rows.first.inner_text()
        assert "WEB-RISK" in text and "PiKVM" in text
        assert "WEB-OK" not in page.content()
        browser.close()
