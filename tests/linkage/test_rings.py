"""Rings found through `hireguard score`'s pipeline, on SQLite and PostgreSQL.

Each test stores a small hand-made population: honest applicants (nothing strong in
common) plus either a ring (identities held together by what an operator reuses) or an
honest look-alike (an agency, a household, a campus) that must not become one.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from hireguard.decide.policy import Policy
from hireguard.intake.readers import validate
from hireguard.linkage import Linker, rebuild_rings
from hireguard.linkage import tables as lt
from hireguard.model import Assessment
from hireguard.pipeline import Pipeline
from hireguard.store.db import open_db
from tests.linkage.people import household, person, resume_text

FARM = {"line1": "1420 W Van Buren St", "city": "Phoenix", "postal_code": "85007", "country": "US"}


def score(db_url: str, apps: list[dict[str, Any]], chunk_size: int = 1000) -> dict[str, Assessment]:
    pipeline = Pipeline(
        engine=open_db(db_url),
        policy=Policy.load(),
        linker=Linker("test-salt"),
        chunk_size=chunk_size,
    )
    out = pipeline.assess([validate(i, a) for i, a in enumerate(apps)])
    return {a.application_id: a for a in out}


def copy_of(text: str, k: int, first: int, second: int, word: str) -> str:
    """A near-duplicate of a resume: two words replaced, at ``first + k`` and ``second + k``."""
    w = text.split()
    w[first + k] = "renamed"
    w[second + k] = word
    return " ".join(w)


def codes(a: Assessment) -> set[str]:
    return {r.code for r in a.reasons}


def honest(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [person(i) for i in range(start, start + n)]


def test_laptop_farm_is_one_ring_named_on_every_member(db_url: str) -> None:
    farm = [person(100 + i, **{"shipping_address": FARM}) for i in range(6)]
    out = score(db_url, honest(20) + farm, chunk_size=7)
    # The first to ship there had nothing to link to when it was scored; the rest name the ring.
    assert out[farm[0]["application_id"]].cluster_id is None
    ids = {out[a["application_id"]].cluster_id for a in farm[1:]}
    assert len(ids) == 1 and None not in ids
    again = score(db_url, farm[:1])
    assert again[farm[0]["application_id"]].cluster_id in ids
    last = out[farm[-1]["application_id"]]
    assert "HG-LNK-008" in codes(last) and "HG-RNG-001" in codes(last)
    msg = next(r.message for r in last.reasons if r.code == "HG-LNK-008")
    assert "Ships to the same address as 5 other applicants under different names" in msg
    assert all(out[a["application_id"]].cluster_id is None for a in honest(20))


def test_shared_identity_number_under_two_names_is_critical(db_url: str) -> None:
    stolen = person(200)["applicant"]["national_id_sha256"]
    b = person(201, **{"applicant.national_id_sha256": stolen})
    out = score(db_url, [*honest(10), person(200), b])
    finding = next(r for r in out["P-0201"].reasons if r.code == "HG-LNK-001")
    assert "same national identity number as 1 other applicant" in finding.message
    assert out["P-0201"].cluster_id == out["P-0200"].cluster_id is not None


def test_voip_phone_and_payout_ring_holds_across_runs_and_rebuild(db_url: str) -> None:
    ring = [
        person(300, **{"applicant.phone": "+1 929 555 0112"}),
        person(
            301,
            **{
                "applicant.phone": "+1 929 555 0112",
                "payment.account_sha256": person(302)["payment"]["account_sha256"],
            },
        ),
        person(302, **{"session.device_id": "fp-shared-77aa"}),
        person(303, **{"session.device_id": "fp-shared-77aa"}),
    ]
    first = score(db_url, honest(15) + ring[:2])
    second = score(db_url, ring[2:] + honest(5, start=40))
    cid = first["P-0300"].cluster_id
    assert cid is not None and first["P-0301"].cluster_id == cid
    assert {second["P-0302"].cluster_id, second["P-0303"].cluster_id} == {cid}
    assert "HG-LNK-005" in codes(second["P-0302"])  # the bank account shared with P-0301
    stats = rebuild_rings(db_url)
    assert stats.rings == 1 and stats.members == 4 and stats.kept_ids == 1
    with open_db(db_url).connect() as conn:
        members = dict(
            conn.execute(
                sa.select(lt.ring_members.c.application_pk, lt.ring_members.c.cluster_id)
            ).all()
        )
        assert set(members.values()) == {cid}
    again = score(db_url, ring)  # re-scoring keeps the id and stores nothing twice
    assert {a.cluster_id for a in again.values()} == {cid}
    with open_db(db_url).connect() as conn:
        n_ids = conn.scalar(sa.select(sa.func.count()).select_from(lt.link_identifiers))
        n_distinct = conn.scalar(
            sa.select(sa.func.count()).select_from(
                sa.select(lt.link_identifiers.c.h, lt.link_identifiers.c.application_pk)
                .distinct()
                .subquery()
            )
        )
        assert n_ids == n_distinct
        n_nodes = conn.scalar(sa.select(sa.func.count()).select_from(lt.link_nodes))
        assert n_nodes == 24


def test_near_duplicate_resumes_make_a_ring_without_their_author(db_url: str) -> None:
    original = resume_text(7, words=200)
    author = person(399, resume={"text": original})  # an honest developer, applying first
    copies = [
        person(400 + k, resume={"text": copy_of(original, k, 5, 50, "contoso")}) for k in range(3)
    ]
    out = score(db_url, [*honest(10), author, *copies], chunk_size=3)
    last = out["P-0402"]
    assert "HG-LNK-009" in codes(last)
    assert last.cluster_id is not None and out["P-0401"].cluster_id == last.cluster_id
    assert out["P-0399"].cluster_id is None and "HG-LNK-009" not in codes(out["P-0399"])
    assert all(out[f"P-{i:04d}"].cluster_id is None for i in range(10))
    rebuild_rings(db_url)
    again = score(db_url, [author, *copies])
    assert {again[c["application_id"]].cluster_id for c in copies} == {last.cluster_id}
    assert again["P-0399"].cluster_id is None


def test_staffing_agency_candidates_are_no_ring(db_url: str) -> None:
    office = {
        "session.ip": "64.20.11.5",
        "session.device_id": "fp-agency-desk-1",
        "applicant.phone": "+1 646 555 0100",
        "source": "staffing_agency",
    }
    candidates = [person(500 + i, **office) for i in range(14)]
    out = score(db_url, honest(10) + candidates)
    for a in candidates:
        got = out[a["application_id"]]
        assert got.cluster_id is None
        assert not codes(got) & {"HG-LNK-003", "HG-LNK-004", "HG-RNG-001"}


def test_agency_candidate_sharing_a_payout_account_with_a_ring_joins_it(db_url: str) -> None:
    office = {
        "session.ip": "64.20.11.5",
        "applicant.phone": "+1 646 555 0100",
        "source": "staffing_agency",
    }
    acct = person(600)["payment"]["account_sha256"]
    ring = [person(600), person(601, **{"payment.account_sha256": acct})]
    mole = person(602, **office, **{"payment.account_sha256": acct})
    out = score(db_url, [person(603, **office), person(604, **office), *ring, mole])
    assert out["P-0602"].cluster_id == out["P-0600"].cluster_id is not None
    assert out["P-0603"].cluster_id is None and out["P-0604"].cluster_id is None


def test_household_is_no_ring(db_url: str) -> None:
    family = household(700)
    out = score(db_url, honest(10) + family)
    for a in family:
        got = out[a["application_id"]]
        assert got.cluster_id is None
        assert not codes(got) & {"HG-LNK-003", "HG-LNK-004", "HG-LNK-008", "HG-RNG-001"}


def test_campus_burst_is_no_ring_but_a_burst(db_url: str) -> None:
    students = [
        person(
            800 + i,
            **{
                "session.ip": f"128.135.7.{20 + i % 3}",
                "submitted_at": f"2026-10-02T{9 + i // 6:02d}:00:00Z",
            },
        )
        for i in range(30)
    ]
    out = score(db_url, students)
    assert all(a.cluster_id is None for a in out.values())
    assert "HG-LNK-010" in codes(out["P-0829"])


def test_one_person_applying_many_times_is_no_ring(db_url: str) -> None:
    me = person(900)
    apps = [
        {**me, "application_id": f"P-0900-{k}", "job": {"title": f"Role {k}"}} for k in range(5)
    ]
    out = score(db_url, apps)
    assert all(a.cluster_id is None for a in out.values())


class RecordingLinker(Linker):
    """The real linker, keeping each application's LinkContext for the test to read."""

    def __init__(self, salt: str) -> None:
        super().__init__(salt)
        self.contexts: dict[str, Any] = {}

    def link_chunk(self, conn: sa.Connection, apps: list[Any], app_pks: list[int]) -> None:
        super().link_chunk(conn, apps, app_pks)
        self.contexts.update({e.app.application_id: e.links for e in apps})


def test_link_context_names_the_honest_explanation(db_url: str) -> None:
    home = {"line1": "77 Elm St", "city": "Austin", "postal_code": "78701", "country": "US"}
    family = [
        person(
            950 + i,
            **{
                "applicant.address": home,
                "session.ip": "70.112.4.9",
                "session.device_id": "fp-family-pc",
            },
        )
        for i in range(2)
    ]
    agency = [
        person(
            960 + i,
            **{
                "session.ip": "64.20.11.5",
                "applicant.phone": "+1 646 555 0100",
                "source": "staffing_agency",
            },
        )
        for i in range(2)
    ]
    campus = [person(970 + i, **{"session.ip": f"128.135.7.{20 + i}"}) for i in range(2)]
    linker = RecordingLinker("test-salt")
    pipeline = Pipeline(engine=open_db(db_url), policy=Policy.load(), linker=linker)
    pipeline.assess([validate(i, a) for i, a in enumerate(family + agency + campus)])
    ctx = linker.contexts
    assert ctx["P-0951"].benign_group == "household"
    assert ctx["P-0951"].shared["device_id"] == ["P-0950"]
    assert ctx["P-0951"].names_sharing == {}  # a household: nothing shared is evidence
    assert ctx["P-0961"].benign_group == "staffing_agency"
    assert ctx["P-0971"].benign_group == "shared_network"
    assert ctx["P-0971"].shared == {"ip_net": ["P-0970"]}
    assert all(c.cluster_id is None for c in ctx.values())


def test_one_person_under_a_new_name_is_one_identity(db_url: str) -> None:
    """A married name: same identity number, e-mail, phone and home; no ring, no HG-LNK-001."""
    before = person(980)
    after = person(
        980,
        application_id="P-0980-b",
        submitted_at="2026-10-20T10:00:00Z",
        **{"applicant.full_name": "Maria Lopez", "job": {"title": "SRE"}},
    )
    out = score(db_url, [*honest(5), before, after])
    assert out["P-0980-b"].cluster_id is None
    assert "HG-LNK-001" not in codes(out["P-0980-b"])


def test_identities_sharing_an_operators_server_address_are_a_ring(db_url: str) -> None:
    """Three identities connecting from one data-centre address (a VPS tagged `hosting` by the
    shipped IP data) are one operator; three neighbours on one home ISP address are not."""
    from hireguard.runtime import load_ipintel

    vps = [person(990 + i, **{"session.ip": "45.61.114.113"}) for i in range(3)]
    isp = [person(995 + i, **{"session.ip": "73.110.20.45"}) for i in range(3)]
    pipeline = Pipeline(
        engine=open_db(db_url),
        policy=Policy.load(),
        ipintel=load_ipintel(),
        linker=Linker("test-salt"),
    )
    out = {
        a.application_id: a
        for a in pipeline.assess([validate(i, a) for i, a in enumerate(vps + isp)])
    }
    assert out["P-0992"].cluster_id is not None
    assert out["P-0991"].cluster_id == out["P-0992"].cluster_id
    assert all(out[f"P-{995 + i:04d}"].cluster_id is None for i in range(3))


def test_users_of_one_commercial_vpn_exit_are_no_ring(db_url: str) -> None:
    """A commercial VPN's exit (here a documented Astrill exit in the shipped IP data) serves
    all of its customers at once: three honest people behind it share nothing of their own,
    and are neither linked nor a ring. Each still gets HG-NET-004 for the exit itself."""
    from hireguard.runtime import load_ipintel

    ipintel = load_ipintel()
    exit_ip = "23.237.32.34"
    assert {"vpn", "astrill"} <= ipintel.lookup(exit_ip).tags
    users = [person(1000 + i, **{"session.ip": exit_ip}) for i in range(3)]
    pipeline = Pipeline(
        engine=open_db(db_url),
        policy=Policy.load(),
        ipintel=ipintel,
        linker=Linker("test-salt"),
    )
    out = [pipeline.assess([validate(i, a)])[0] for i, a in enumerate(users)]
    assert all(a.cluster_id is None for a in out)
    assert all("HG-NET-004" in codes(a) for a in out)
    assert not any(c.startswith(("HG-LNK", "HG-RNG")) for a in out for c in codes(a))


def test_remote_controlled_laptops_on_one_connection_are_a_ring(db_url: str) -> None:
    """Three identities claiming homes in three states, each computer with remote-control
    software or a KVM, on one residential connection: a laptop farm. Coworkers of one state
    on one office connection with the same tools, and a family with TeamViewer, are not."""
    states = [("Columbus", "OH"), ("Tampa", "FL"), ("Reno", "NV")]
    farm = [
        person(
            1010 + i,
            **{
                "session.ip": "98.161.22.40",
                "session.remote_access_tools": [tool],
                "applicant.address": {
                    "line1": f"{10 + i} Main St",
                    "city": city,
                    "region": region,
                    "country": "US",
                },
            },
        )
        for i, (tool, (city, region)) in enumerate(
            zip(["AnyDesk", "PiKVM", "chrome remote desktop"], states, strict=True)
        )
    ]
    coworkers = [
        person(
            1020 + i,
            **{
                "session.ip": "73.45.200.9",
                "session.remote_access_tools": ["teamviewer"],
                "applicant.address": {
                    "line1": f"{20 + i} Lake St",
                    "city": town,
                    "region": "IL",
                    "country": "US",
                },
            },
        )
        for i, town in enumerate(["Chicago", "Evanston", "Oak Park"])
    ]
    home = {"line1": "77 Elm St", "city": "Austin", "region": "TX", "country": "US"}
    family = [
        person(
            1030 + i,
            **{
                "session.ip": "70.112.4.9",
                "session.remote_access_tools": ["teamviewer"],
                "applicant.address": home,
            },
        )
        for i in range(3)
    ]
    out = score(db_url, honest(10) + farm + coworkers + family)
    ids = {out[a["application_id"]].cluster_id for a in farm[1:]}
    assert len(ids) == 1 and None not in ids
    assert all(out[a["application_id"]].cluster_id is None for a in coworkers + family)
    # Each later member is told what it shares; coworkers and the family are not.
    assert all("HG-LNK-012" in codes(out[a["application_id"]]) for a in farm[1:])
    assert not any("HG-LNK-012" in codes(out[a["application_id"]]) for a in coworkers + family)
    stats = rebuild_rings(db_url)
    assert stats.rings == 1 and stats.members == 3


def _home(city: str, region: str, n: int) -> dict[str, str]:
    return {"line1": f"{n} Main St", "city": city, "region": region, "country": "US"}


def test_identities_on_a_rings_connection_join_it(db_url: str) -> None:
    """Two identities of a ring (one computer) on one residential connection, and a third
    identity with a home in another state on it within weeks: the farm's next laptop joins
    the ring, at scoring time and in the rebuild. The address's earlier tenant (months
    before), a household member of a ring identity on its home line, and an applicant on a
    connection where only one of the ring's identities was seen stay out."""
    line, other_line = "98.161.22.40", "71.10.10.10"
    farm = {"session.ip": line}
    ring = [
        person(
            1100,
            **farm,
            **{"session.device_id": "fp-farm"},
            **{"applicant.address": _home("Columbus", "OH", 1)},
        ),
        person(
            1101,
            **farm,
            **{"session.device_id": "fp-farm"},
            **{"applicant.address": _home("Tampa", "FL", 2)},
        ),
        person(1104, **{"session.ip": other_line, "session.device_id": "fp-farm"}),
    ]
    third = person(1102, **farm, **{"applicant.address": _home("Reno", "NV", 3)})
    earlier = person(
        1103,
        **farm,
        **{"applicant.address": _home("Denver", "CO", 4), "submitted_at": "2026-05-02T10:00:00Z"},
    )
    # The ring's third identity lives with someone on its own line: one ring identity there.
    flatmate = person(
        1105, **{"session.ip": other_line, "applicant.address": ring[2]["applicant"]["address"]}
    )
    neighbour = person(1106, **{"session.ip": other_line})
    # The third identity and the flatmate are stored before the ring exists (chunks of 2):
    # the ring's growth brings the address's earlier holders in.
    apps = [*honest(6), earlier, third, flatmate, *ring, neighbour]
    out = score(db_url, apps, chunk_size=2)
    cid = out["P-1104"].cluster_id
    assert cid is not None and out["P-1101"].cluster_id == cid
    assert all(out[a["application_id"]].cluster_id is None for a in [earlier, flatmate, neighbour])
    before = _membership(db_url)
    assert before["P-1102"] == cid and {"P-1100", "P-1101", "P-1104"} <= set(before)
    assert not {"P-1103", "P-1105", "P-1106"} & set(before)
    again = score(db_url, [third])  # scored again, it is told about the ring
    assert again["P-1102"].cluster_id == cid and "HG-RNG-001" in codes(again["P-1102"])
    stats = rebuild_rings(db_url)
    assert _membership(db_url) == before
    assert stats.rings == 1 and stats.members == 4


def test_copied_authors_own_applications_keep_it_out_of_the_ring(db_url: str) -> None:
    """An honest developer applying to two jobs (one identity, linked to itself) whose
    resume three others copied: the copies are a ring, the author is not, at scoring time
    and in the rebuild."""
    original = resume_text(8, words=200)
    author = person(499, resume={"text": original})
    again = {**author, "application_id": "P-0499-b", "job": {"title": "Platform Engineer"}}
    copies = [
        person(500 + k, resume={"text": copy_of(original, k, 5, 60, "fabrikam")}) for k in range(3)
    ]
    out = score(db_url, [*honest(6), author, again, *copies])
    assert out["P-0502"].cluster_id is not None
    assert out["P-0499"].cluster_id is None and out["P-0499-b"].cluster_id is None
    rebuild_rings(db_url)
    members = _membership(db_url)
    assert {"P-0500", "P-0501", "P-0502"} <= set(members)
    assert "P-0499" not in members and "P-0499-b" not in members


def test_an_author_whose_two_applications_share_only_contacts_stays_out(db_url: str) -> None:
    """The same, when the author's two applications give no identity number: what holds
    them together besides the resume (e-mail, phone, device, account, under one name and
    home) is discounted as one household, so their own edge is carried by the resume; the
    second is still not a copy of the first (one person), and a copier later gives the
    author no way into his ring (hireguard synth seed 2: an honest applicant had joined a
    21-member fraud ring so, and was held for review)."""
    original = resume_text(9, words=200)
    author = person(520, resume={"text": original})
    author["applicant"].pop("national_id_sha256")
    again = {**author, "application_id": "P-0520-b", "job": {"title": "Platform Engineer"}}
    copies = [
        person(521 + k, resume={"text": copy_of(original, k, 5, 60, "contoso")}) for k in range(3)
    ]
    out = score(db_url, [*honest(6), author, again, *copies])
    assert out["P-0523"].cluster_id is not None  # (submitted on the 18th to 20th: copies)
    assert out["P-0520"].cluster_id is None and out["P-0520-b"].cluster_id is None
    rebuild_rings(db_url)
    members = _membership(db_url)
    assert {"P-0521", "P-0522", "P-0523"} <= set(members)
    assert "P-0520" not in members and "P-0520-b" not in members


def _membership(db_url: str) -> dict[str, str]:
    from hireguard.store import tables as t

    with open_db(db_url).connect() as conn:
        return {
            aid: cid
            for aid, cid in conn.execute(
                sa.select(t.applications.c.application_id, lt.ring_members.c.cluster_id).join(
                    lt.ring_members, lt.ring_members.c.application_pk == t.applications.c.pk
                )
            )
        }


def test_copied_resume_with_the_author_as_reference_is_a_ring(db_url: str) -> None:
    """Two identities with near-identical resumes, the later naming the earlier as its
    reference: whoever vouches for the copier is no stranger whose resume was taken (fellow
    operatives vouch for each other, ADV22, SEAL), so both are one ring, at scoring time and
    in the rebuild. A copy naming an unrelated reference leaves its author out."""

    vouched_text, stranger_text = resume_text(9, words=200), resume_text(10, words=200)
    author = person(520, resume={"text": vouched_text})
    copier = person(
        521,
        resume={"text": copy_of(vouched_text, 0, 7, 70, "northwind")},
        references=[{"name": "A Colleague", "email": author["applicant"]["email"]}],
    )
    stranger = person(522, resume={"text": stranger_text})
    thief = person(
        523,
        resume={"text": copy_of(stranger_text, 1, 7, 70, "northwind")},
        references=[{"name": "Old Boss", "email": "boss@contoso.example"}],
    )
    out = score(db_url, [*honest(6), author, copier, stranger, thief], chunk_size=2)
    cid = out["P-0521"].cluster_id
    assert cid is not None and out["P-0523"].cluster_id is None
    members = _membership(db_url)
    assert members.get("P-0520") == cid and members.get("P-0521") == cid
    assert "P-0522" not in members and "P-0523" not in members
    rebuild_rings(db_url)
    assert _partition_of(_membership(db_url)) == _partition_of(members)


def _partition_of(members: dict[str, str]) -> list[list[str]]:
    return sorted(sorted(a for a in members if members[a] == c) for c in set(members.values()))
