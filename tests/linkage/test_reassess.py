"""Members assessed before their ring formed are assessed again once it does.

The first applicants of a laptop farm are scored alone and look clean; the ring appears
with a later one. The run then assesses the early members again from the store: their
current assessment names the ring and carries its findings, and the first assessment stays
as history. Honest look-alikes, which never form a ring, are assessed once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from hireguard.decide.policy import Policy
from hireguard.intake.readers import validate
from hireguard.linkage import Linker
from hireguard.pipeline import Pipeline, RunSummary
from hireguard.store import tables as t
from hireguard.store.db import open_db
from tests.core.test_cli_score import hireguard
from tests.linkage.people import household, person

FARM = {"line1": "1420 W Van Buren St", "city": "Phoenix", "postal_code": "85007", "country": "US"}


def run(db_url: str, apps: list[dict[str, Any]], chunk_size: int = 1000) -> RunSummary:
    pipeline = Pipeline(
        engine=open_db(db_url),
        policy=Policy.load(),
        linker=Linker("test-salt"),
        chunk_size=chunk_size,
    )
    return pipeline.run([validate(i, a) for i, a in enumerate(apps)], source="test")


def history(db_url: str) -> dict[str, list[tuple[bool, str | None, set[str]]]]:
    """application id -> its assessments in order: (is current, cluster id, finding codes)."""
    a, s, f = t.applications, t.assessments, t.findings
    out: dict[str, list[tuple[bool, str | None, set[str]]]] = {}
    with open_db(db_url).connect() as conn:
        codes: dict[int, set[str]] = {}
        for apk, code in conn.execute(sa.select(f.c.assessment_pk, f.c.code)):
            codes.setdefault(apk, set()).add(code)
        rows = conn.execute(
            sa.select(a.c.application_id, s.c.pk, s.c.is_current, s.c.cluster_id)
            .join(s, s.c.application_pk == a.c.pk)
            .order_by(s.c.pk)
        )
        for app_id, pk, current, cid in rows:
            out.setdefault(app_id, []).append((bool(current), cid, codes.get(pk, set())))
    return out


def test_first_members_of_a_farm_are_assessed_again_with_the_ring(db_url: str) -> None:
    honest = [person(i) for i in range(20)]
    farm = [person(100 + i, shipping_address=FARM) for i in range(6)]
    summary = run(db_url, honest + farm, chunk_size=7)
    seen = history(db_url)
    current = {app_id: next(h for h in hs if h[0]) for app_id, hs in seen.items()}
    ring_ids = {current[a["application_id"]][1] for a in farm}
    assert len(ring_ids) == 1 and None not in ring_ids
    first = seen[farm[0]["application_id"]]
    assert len(first) == 2 and first[0][:2] == (False, None)  # alone, kept as history
    assert {"HG-LNK-008", "HG-RNG-001"} <= first[1][2]
    assert summary.reassessed.total() >= 1
    for a in honest:
        (only,) = seen[a["application_id"]]
        assert only[:2] == (True, None)


def test_household_is_assessed_once(db_url: str) -> None:
    family = household(700)
    summary = run(db_url, [person(i) for i in range(10)] + family, chunk_size=2)
    assert summary.reassessed.total() == 0
    assert all(len(hs) == 1 and hs[0][1] is None for hs in history(db_url).values())


def test_a_second_run_does_not_assess_the_ring_again(db_url: str) -> None:
    farm = [person(100 + i, shipping_address=FARM) for i in range(4)]
    run(db_url, farm, chunk_size=1)
    before = {k: len(v) for k, v in history(db_url).items()}
    summary = run(db_url, [person(i) for i in range(5)])
    assert summary.reassessed.total() == 0
    after = history(db_url)
    assert all(len(after[k]) == n for k, n in before.items())


def _ring_message(db_url: str, application_id: str) -> str:
    """The HG-RNG-001 message of the application's current assessment."""
    a, s, f = t.applications, t.assessments, t.findings
    with open_db(db_url).connect() as conn:
        return str(
            conn.scalar(
                sa.select(f.c.message)
                .join(s, s.c.pk == f.c.assessment_pk)
                .join(a, a.c.pk == s.c.application_pk)
                .where(
                    a.c.application_id == application_id,
                    s.c.is_current.is_(True),
                    f.c.code == "HG-RNG-001",
                )
            )
        )


def test_members_are_assessed_again_when_their_ring_grows(db_url: str) -> None:
    """A farm of three found on Monday grows to six on Tuesday: Monday's members must not
    keep saying "ring of 3" (and the weaker decision that came with it). Each is assessed
    once more, by the run that grew the ring; a run that leaves the ring alone does not."""
    farm = [person(100 + i, shipping_address=FARM) for i in range(6)]
    run(db_url, farm[:3], chunk_size=1)
    assert "of 3 applications" in _ring_message(db_url, "P-0100")
    before = {k: len(v) for k, v in history(db_url).items()}
    summary = run(db_url, farm[3:], chunk_size=1)
    assert summary.reassessed.total() >= 3
    after = history(db_url)
    for a in farm[:3]:
        app_id = a["application_id"]
        assert len(after[app_id]) == before[app_id] + 1
        assert "of 6 applications" in _ring_message(db_url, app_id)
    again = run(db_url, [person(i) for i in range(3)])
    assert again.reassessed.total() == 0


def _set_current_cluster(db_url: str, application_id: str, cluster_id: str | None) -> None:
    a, s = t.applications, t.assessments
    with open_db(db_url).begin() as conn:
        pk = conn.scalar(sa.select(a.c.pk).where(a.c.application_id == application_id))
        conn.execute(
            s.update()
            .where(s.c.application_pk == pk, s.c.is_current.is_(True))
            .values(cluster_id=cluster_id)
        )


def test_rings_rebuild_brings_current_assessments_in_line(db_url: str, tmp_path: Path) -> None:
    """An assessment that names no ring for a member, and one that names a ring for an
    applicant who is not in it (as a rebuild that moved them would leave them): `hireguard
    rings rebuild` assesses both again; `--no-reassess` leaves them."""
    apps = [person(i) for i in range(8)] + [
        person(100 + i, shipping_address=FARM) for i in range(4)
    ]
    src = tmp_path / "apps.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in apps))
    res = hireguard(
        "score", str(src), "-o", str(tmp_path / "out.jsonl"), "--db", db_url, home=tmp_path
    )
    assert res.returncode == 0, res.stderr
    farm_id = history(db_url)["P-0103"][-1][1]
    assert farm_id is not None
    _set_current_cluster(db_url, "P-0101", None)
    _set_current_cluster(db_url, "P-0002", farm_id)

    kept = hireguard("rings", "rebuild", "--db", db_url, "--no-reassess", home=tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert history(db_url)["P-0002"][-1][1] == farm_id  # left as it was

    res = hireguard("rings", "rebuild", "--db", db_url, home=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "2 application(s) assessed again to match the rebuilt rings" in res.stderr
    seen = history(db_url)
    assert seen["P-0101"][-1][:2] == (True, farm_id) and len(seen["P-0101"]) == 2
    assert seen["P-0002"][-1][:2] == (True, None) and len(seen["P-0002"]) == 2
    assert all(len(seen[f"P-{i:04d}"]) == 1 for i in (0, 1, 3, 4))


def test_the_output_file_tells_what_the_store_tells(db_url: str, tmp_path: Path) -> None:
    """`hireguard score -o FILE`: the farm's first member, written a chunk before its ring
    existed (a chunk is 1,000 applications), is rewritten in the file with the
    ring's id and their new decision, as the store has them; the honest lines stay."""
    farm = [person(5000 + i, shipping_address=FARM) for i in range(5)]
    honest = [person(i) for i in range(1000)]
    apps = [farm[0], *honest, *farm[1:]]
    src = tmp_path / "apps.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in apps))
    out = tmp_path / "out.jsonl"
    res = hireguard("score", str(src), "-o", str(out), "--db", db_url, home=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = {json.loads(x)["application_id"]: json.loads(x) for x in out.read_text().splitlines()}
    assert list(lines) == [a["application_id"] for a in apps]
    seen = history(db_url)
    first = seen[farm[0]["application_id"]]
    assert len(first) == 2 and first[0][1] is None  # assessed before the ring, and again
    ring = first[1][1]
    assert ring is not None
    for a in farm:
        assert lines[a["application_id"]]["cluster_id"] == ring  # the first ones too
    assert all(lines[a["application_id"]]["cluster_id"] is None for a in honest)
