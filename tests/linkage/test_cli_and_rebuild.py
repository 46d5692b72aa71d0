"""`hireguard rings list/show/rebuild`, and the rebuild agreeing with incremental linking."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from typer.testing import CliRunner

from hireguard.cli import app
from hireguard.linkage import default_salt, rebuild_rings
from hireguard.linkage import tables as lt
from hireguard.store import tables as t
from hireguard.store.db import open_db
from tests.linkage.people import person
from tests.linkage.test_rings import FARM, score


def _population() -> list[dict[str, Any]]:
    apps = [person(i) for i in range(40)]
    apps += [person(100 + i, **{"shipping_address": FARM}) for i in range(5)]
    phone = {"applicant.phone": "+1 929 555 0112"}
    apps += [person(200 + i, **phone) for i in range(3)]
    acct = person(300)["payment"]["account_sha256"]
    apps += [person(300), person(301, **{"payment.account_sha256": acct})]
    return apps


def _membership(url: str) -> dict[str, str]:
    with open_db(url).connect() as conn:
        return dict(
            conn.execute(
                sa.select(t.applications.c.application_id, lt.ring_members.c.cluster_id).join(
                    lt.ring_members, lt.ring_members.c.application_pk == t.applications.c.pk
                )
            ).all()
        )


def _partition(members: dict[str, str]) -> list[list[str]]:
    """Rings as sorted lists of application ids, ignoring their ids."""
    return sorted(sorted(a for a in members if members[a] == c) for c in set(members.values()))


def test_rebuild_finds_the_rings_incremental_linking_built(db_url: str) -> None:
    score(db_url, _population(), chunk_size=6)
    before = _membership(db_url)
    with open_db(db_url).begin() as conn:  # lose the rings: the rebuild must find them again
        conn.execute(lt.ring_members.delete())
        conn.execute(lt.rings.delete())
    stats = rebuild_rings(db_url)
    after = _membership(db_url)
    assert _partition(after) == _partition(before)
    assert stats.rings == 3 and stats.members == 10


def test_rings_list_show_and_rebuild_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    out = score(url, _population())
    cid = out["P-0104"].cluster_id
    assert cid is not None
    runner = CliRunner()
    listed = runner.invoke(app, ["rings", "list", "--db", url, "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {r["cluster_id"] for r in rows} == {a.cluster_id for a in out.values() if a.cluster_id}
    farm = next(r for r in rows if r["cluster_id"] == cid)
    assert farm["size"] == 5 and farm["links"]["shipping_address"] == 5

    svg = tmp_path / "ring.svg"
    shown = runner.invoke(app, ["rings", "show", cid, "--db", url, "--svg", str(svg), "--json"])
    assert shown.exit_code == 0, shown.output
    detail = json.loads(shown.output)
    assert [m["application_id"] for m in detail["members"]] == [
        f"P-{100 + i:04d}" for i in range(5)
    ]
    assert any(v["kind"] == "shipping_address" and len(v["members"]) == 5 for v in detail["shared"])
    picture = svg.read_text()
    assert picture.startswith("<svg") and picture.count("<circle") == 5
    assert "1420" not in picture and "Van Buren" not in picture  # identifiers never in clear

    table = runner.invoke(app, ["rings", "show", cid, "--db", url, "--svg", str(svg)])
    assert table.exit_code == 0 and "shipping_address" in table.output
    missing = runner.invoke(app, ["rings", "show", "R-nope", "--db", url])
    assert missing.exit_code == 1

    rebuilt = runner.invoke(app, ["rings", "rebuild", "--db", url])
    assert rebuilt.exit_code == 0, rebuilt.output
    again = runner.invoke(app, ["rings", "list", "--db", url, "--json"])
    assert {json.loads(line)["cluster_id"] for line in again.output.splitlines()} == {
        r["cluster_id"] for r in rows
    }


def test_default_salt_is_kept_once_generated(monkeypatch: Any) -> None:
    monkeypatch.delenv("HIREGUARD_SALT", raising=False)
    first = default_salt()
    assert len(first) >= 32 and default_salt() == first
    path = Path(os.environ["HIREGUARD_HOME"]) / "salt"
    assert path.stat().st_mode & 0o077 == 0
    monkeypatch.setenv("HIREGUARD_SALT", "from-env")
    assert default_salt() == "from-env"


def test_rings_show_draws_every_link_type_and_hides_explanations(tmp_path: Path) -> None:
    """A laptop farm held by remote control on one connection (two of its identities claim
    one state) and a pair held by a reference who is the other applicant: `rings show` lists
    what they share, not the explanation, and draws both pictures."""

    def home(i: int, city: str, region: str) -> dict[str, Any]:
        return {"line1": f"{i} Main St", "city": city, "region": region, "country": "US"}

    farm = [
        person(
            400 + i,
            **{
                "session.ip": "98.161.22.40",
                "session.remote_access_tools": ["anydesk"],
                "applicant.address": home(i, city, region),
            },
        )
        for i, (city, region) in enumerate([("Tampa", "FL"), ("Miami", "FL"), ("Reno", "NV")])
    ]
    friend = person(410, **{"session.ip": "24.5.77.13"})
    vouched = person(
        411,
        **{
            "session.ip": "24.5.77.13",
            "references": [{"name": "A Friend", "email": friend["applicant"]["email"]}],
        },
    )
    url = f"sqlite:///{tmp_path / 'show.db'}"
    out = score(url, [*(person(i) for i in range(10)), *farm, friend, vouched])
    runner = CliRunner()
    for last, kind in (("P-0402", "controlled_ip"), ("P-0411", "referee_applicant")):
        cid = out[last].cluster_id
        assert cid is not None
        svg = tmp_path / f"{last}.svg"
        shown = runner.invoke(app, ["rings", "show", cid, "--db", url, "--svg", str(svg), "--json"])
        assert shown.exit_code == 0, shown.output
        kinds = {v["kind"] for v in json.loads(shown.output)["shared"]}
        assert kind in kinds and "controlled_ip_same_area" not in kinds
        assert kind in svg.read_text()
