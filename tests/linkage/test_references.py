"""References as links, bounded linking cost, and one ring per application.

A reference whose e-mail or phone is another applicant's own (fellow operatives vouching
for each other) links two applications when something else is shared too; a reference two
applicants both name only adds to a link. Honest colleagues and a professor vouching for a
class never make a ring.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa

from hireguard.linkage import tables as lt
from hireguard.store.db import open_db
from tests.linkage.people import person, resume_text
from tests.linkage.test_rings import codes, honest, score


def _ref(app: dict[str, Any]) -> dict[str, str]:
    a = app["applicant"]
    return {"name": a["full_name"], "email": a["email"], "phone": a["phone"]}


def test_operatives_vouching_for_each_other_from_one_address_are_a_ring(db_url: str) -> None:
    hub = person(300, **{"session.ip": "98.51.7.20"})
    vouched = [
        person(301 + i, **{"session.ip": "98.51.7.20", "references": [_ref(hub)]}) for i in range(3)
    ]
    out = score(db_url, [*honest(15), hub, *vouched], chunk_size=5)
    ids = {out[a["application_id"]].cluster_id for a in vouched}
    assert len(ids) == 1 and None not in ids
    assert all(out[a["application_id"]].cluster_id is None for a in honest(15))


def test_an_honest_colleague_as_reference_makes_no_ring(db_url: str) -> None:
    colleague = person(310)
    friend = person(311, references=[_ref(colleague)])
    out = score(db_url, [*honest(10), colleague, friend])
    assert out[friend["application_id"]].cluster_id is None
    assert "HG-RNG-001" not in codes(out[friend["application_id"]])


def test_a_team_of_colleagues_naming_each_other_makes_no_ring(db_url: str) -> None:
    """Three colleagues apply together and each names the other two: every pair then has
    a reference that is the other's own contact and a reference both name. That is one
    fact (they know each other), and references alone link nobody."""
    team = [person(315 + i) for i in range(3)]
    for i, member in enumerate(team):
        member["references"] = [_ref(team[(i + 1) % 3]), _ref(team[(i + 2) % 3])]
    out = score(db_url, [*honest(10), *team])
    for member in team:
        assert out[member["application_id"]].cluster_id is None
        assert "HG-RNG-001" not in codes(out[member["application_id"]])


def test_a_professor_vouching_for_a_class_on_campus_makes_no_ring(db_url: str) -> None:
    professor = {"name": "Prof. Ada Byron", "email": "ada.byron@uni.example.edu"}
    students = [
        person(
            320 + i,
            **{"session.ip": f"128.10.4.{10 + i % 3}", "references": [professor]},
        )
        for i in range(12)
    ]
    out = score(db_url, [*honest(10), *students], chunk_size=5)
    assert all(out[a["application_id"]].cluster_id is None for a in students)


def test_ones_own_contact_as_reference_links_nobody(db_url: str) -> None:
    a = person(330)
    a["references"] = [_ref(a)]
    out = score(db_url, [*honest(5), a])
    assert out[a["application_id"]].cluster_id is None


def test_copied_resume_ring_is_found_and_boilerplate_is_not(db_url: str) -> None:
    """Copies share every LSH band and are found; resumes that only share boilerplate
    (one band) are never compared, so they cost nothing and link nothing."""
    text = resume_text(9001, words=150)
    copies = [person(340 + i, resume={"text": text}) for i in range(5)]
    boiler = " ".join(resume_text(9002, words=40).split())
    similar = [
        person(360 + i, resume={"text": boiler + " " + resume_text(9100 + i, words=120)})
        for i in range(10)
    ]
    out = score(db_url, [*honest(10), *copies, *similar], chunk_size=4)
    # The author and the first copy have nothing else in common: the ring starts at the
    # second copy (the first members are named on a later run, as for every ring).
    ids = Counter(out[a["application_id"]].cluster_id for a in copies[2:])
    assert len(ids) == 1 and None not in ids
    assert all(out[a["application_id"]].cluster_id is None for a in similar)


def test_every_application_is_in_at_most_one_ring_as_rings_merge(db_url: str) -> None:
    """Two rings that a later application bridges become one: every member then carries
    the surviving id, in the store and when scored again."""
    a = [person(400 + i, **{"applicant.phone": "+1 929 555 0101"}) for i in range(3)]
    b = [person(410 + i, **{"session.device_id": "fp-ring-b"}) for i in range(3)]
    bridge = person(420, **{"applicant.phone": "+1 929 555 0101", "session.device_id": "fp-ring-b"})
    out = score(db_url, [*honest(8), *a, *b, bridge], chunk_size=3)
    final = out[bridge["application_id"]].cluster_id
    assert final is not None
    engine = open_db(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(lt.ring_members.c.application_pk, lt.ring_members.c.cluster_id)
        ).all()
        n_rings = conn.scalar(sa.select(sa.func.count()).select_from(lt.rings))
    assert len(rows) == len({pk for pk, _ in rows})  # one ring per application
    assert {cid for _, cid in rows} == {final} and n_rings == 1
    again = score(db_url, [*a, *b])
    assert {x.cluster_id for x in again.values()} == {final}


def test_a_references_phone_reads_as_the_applicants_own_would() -> None:
    from hireguard.intake.normalise import phone_facts
    from hireguard.linkage.identifiers import reference_phone

    typed = [
        ("(510) 863-9549", "US"),
        ("718.775.9273", "US"),
        ("+1 (267) 702-0843", "DE"),
        ("0959 464 415", "KR"),
        ("+81 90-5423-0431", None),
        ("03-8027-1166", "JP"),
        ("0502 671 55 47", "TR"),
        ("085925 88984", "ID"),
        ("+44 (0)20 7946 0958", "GB"),
        ("0049 30 901820", "FR"),
        ("12", "US"),
        ("not a number", "US"),
        ("+999 1234", None),
    ]
    for raw, country in typed:
        facts = phone_facts(raw, country)
        assert reference_phone(raw, country) == (facts.e164 if facts.possible else None), raw
