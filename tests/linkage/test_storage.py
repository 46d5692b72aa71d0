"""What the store keeps for linkage, on SQLite and PostgreSQL: merged rings' old ids, the
narrow identifier rows (migration 0003) and the identifiers packed in each application's node
(migration 0005) that an older store is converted to."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient

from hireguard.api import create_app
from hireguard.decide.policy import Policy
from hireguard.linkage import rebuild_rings
from hireguard.linkage import tables as lt
from hireguard.linkage.query import resolve_cluster_id, ring_detail
from hireguard.pipeline import Pipeline
from hireguard.store.db import alembic_config, open_db
from tests.linkage.people import person, resume_text
from tests.linkage.test_rings import FARM, honest, score


def test_a_ring_merged_into_another_is_still_found_by_its_old_id(db_url: str) -> None:
    a0, b0 = person(700), person(710)
    ring_a = [a0, person(701, **{"applicant.phone": a0["applicant"]["phone"]})]
    ring_b = [b0, person(711, **{"applicant.phone": b0["applicant"]["phone"]})]
    first = score(db_url, [*honest(6), *ring_a, *ring_b])
    old_a, old_b = first["P-0701"].cluster_id, first["P-0711"].cluster_id
    assert old_a and old_b and old_a != old_b
    # One more identity shares ring A's phone and ring B's payout account: one ring now.
    bridge = person(
        720,
        **{
            "applicant.phone": a0["applicant"]["phone"],
            "payment.account_sha256": b0["payment"]["account_sha256"],
        },
    )
    merged = score(db_url, [bridge])["P-0720"].cluster_id
    assert merged in (old_a, old_b)
    retired = old_b if merged == old_a else old_a
    engine = open_db(db_url)
    for _ in range(2):  # after the merge, and again after a rebuild
        with engine.connect() as conn:
            assert resolve_cluster_id(conn, retired) == merged
            assert resolve_cluster_id(conn, merged) == merged
            assert resolve_cluster_id(conn, "R-000000000000") is None
            detail = ring_detail(conn, retired)
        assert detail is not None and detail.summary.cluster_id == merged
        assert {m.application_id for m in detail.members} == {
            "P-0700",
            "P-0701",
            "P-0710",
            "P-0711",
            "P-0720",
        }
        rebuild_rings(db_url)
    # The API shows every member in the ring it is in now, whatever id its assessment
    # was stored with before the merge.
    api = TestClient(create_app(Pipeline(engine=engine, policy=Policy.load())))
    for app_id in ("P-0700", "P-0701", "P-0710", "P-0711", "P-0720"):
        current = api.get(f"/v1/applications/{app_id}").json()["current"]
        assert current["cluster_id"] == merged, app_id
    queued = {r["cluster_id"] for r in api.get("/v1/queue").json() if r["cluster_id"]}
    assert retired not in queued


def test_identifiers_survive_a_downgrade_and_upgrade_of_the_store(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Migration 0004 recomputes resume band keys with the store's salt: the linker's here.
    monkeypatch.setenv("HIREGUARD_SALT", "test-salt")
    phone = person(800)["applicant"]["phone"]
    score(db_url, [*honest(5), person(800)])
    engine = open_db(db_url)

    def identifiers() -> set[tuple[int, int, int]]:
        with engine.connect() as conn:
            li = lt.link_identifiers.c
            return {tuple(r) for r in conn.execute(sa.select(li.h, li.application_pk, li.kind))}

    before = identifiers()
    assert len(before) > 6
    cfg = alembic_config(engine)
    command.downgrade(cfg, "0002")  # the wide rows of 0002, rebuilt from link_nodes
    with engine.connect() as conn:
        cols = {c["name"] for c in sa.inspect(conn).get_columns("link_identifiers")}
        assert {"t", "name_key", "home_key"} <= cols
        assert conn.scalar(sa.text("SELECT COUNT(*) FROM link_identifiers")) == len(before)
    command.upgrade(cfg, "head")
    assert identifiers() == before
    # What was stored before the round trip still links a newcomer under another name.
    later = score(db_url, [person(801, **{"applicant.phone": phone})])
    assert later["P-0801"].cluster_id is not None


def _linkage_answers(db_url: str, apps: list[dict[str, Any]]) -> tuple[Any, ...]:
    """What scoring ``apps`` into the store at ``db_url`` says, in a comparable form."""
    out = score(db_url, apps)
    engine = open_db(db_url)
    with engine.connect() as conn:
        answers = sorted(
            (a.application_id, a.cluster_id, a.risk_score, sorted(r.message for r in a.reasons))
            for a in out.values()
        )
        li = lt.link_identifiers.c
        stored = sorted(conn.execute(sa.select(li.h, li.application_pk, li.kind)).all())
        cids = sorted({a.cluster_id for a in out.values() if a.cluster_id})
        details = [ring_detail(conn, cid) for cid in cids]
    return answers, stored, details


def test_a_store_of_the_previous_schema_upgrades_to_identifiers_packed_in_nodes(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Migration 0005 packs each application's identifiers into its node and drops the index
    # by application. A store left at 0004, upgraded and scored into answers as a new one.
    monkeypatch.setenv("HIREGUARD_SALT", "test-salt")
    p = person(900)
    first = [
        *honest(6, start=850),
        p,
        person(901, **{"applicant.phone": p["applicant"]["phone"]}),
        person(902, **{"shipping_address": FARM}),
        person(903, **{"shipping_address": FARM}),
    ]
    later = [
        person(904, **{"payment.account_sha256": p["payment"]["account_sha256"]}),
        person(905, **{"shipping_address": FARM, "session.ip": p["session"]["ip"]}),
        person(903, **{"shipping_address": FARM, "applicant.phone": "+1 312 555 7777"}),
        person(906, **{"resume": {"text": resume_text(900)}}),
    ]
    engine = open_db(db_url)
    cfg = alembic_config(engine)
    _linkage_answers(db_url, first)
    fresh = _linkage_answers(db_url, later)
    fresh_rebuild = rebuild_rings(db_url)

    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
    _linkage_answers(db_url, first)
    command.downgrade(cfg, "0004")  # the store as the previous version left it
    with engine.connect() as conn:
        assert "ids" not in {c["name"] for c in sa.inspect(conn).get_columns("link_nodes")}
        indexes = {i["name"] for i in sa.inspect(conn).get_indexes("link_identifiers")}
        assert "ix_link_identifiers_application" in indexes
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        indexes = {i["name"] for i in sa.inspect(conn).get_indexes("link_identifiers")}
        assert "ix_link_identifiers_application" not in indexes
        li, n = lt.link_identifiers.c, lt.link_nodes.c
        rows = {tuple(r) for r in conn.execute(sa.select(li.h, li.application_pk, li.kind))}
        packed = {
            (h, pk, code)
            for pk, blob in conn.execute(sa.select(n.application_pk, n.ids))
            for h, code in lt.unpack_identifiers(blob)
        }
        assert packed == rows and len(rows) > 10 * len(first)
    upgraded = _linkage_answers(db_url, later)
    assert upgraded == fresh
    assert any(cid for _, cid, _, _ in fresh[0]) and fresh[2]
    assert rebuild_rings(db_url).rings == fresh_rebuild.rings
