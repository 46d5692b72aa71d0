"""What the store keeps for linkage, on SQLite and PostgreSQL: merged rings' old ids, and
the narrow identifier rows (migration 0003) that an older store is converted to."""

from __future__ import annotations

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
from tests.linkage.people import person
from tests.linkage.test_rings import honest, score


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
