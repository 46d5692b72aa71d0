"""One definition of link strength: the SQL the rebuild runs equals the Python the linker runs."""

from __future__ import annotations

import itertools

import duckdb

from hireguard.linkage.kinds import (
    BY_KIND,
    EDGE_THRESHOLD,
    IP_CODE,
    LINK_TYPES,
    household_sql,
    pair_strength,
    same_household,
    strength_sql,
)


def test_sql_and_python_strengths_agree_for_every_kind_and_context() -> None:
    db = duckdb.connect()
    for lt, agency, home in itertools.product(LINK_TYPES, (False, True), (False, True)):
        expr = strength_sql(str(lt.code), str(agency).upper(), str(home).upper())
        (sql_value,) = db.execute(f"SELECT {expr}").fetchone() or (None,)
        assert abs(float(sql_value) - pair_strength({lt.code}, agency, home)) < 1e-9, lt.kind


def test_a_reference_and_a_shared_reference_are_one_fact_in_sql_and_python() -> None:
    ref, shared = BY_KIND["referee_applicant"].code, BY_KIND["shared_referee"].code
    both = pair_strength({ref, shared}, False, False)
    assert both == pair_strength({ref}, False, False) < EDGE_THRESHOLD
    assert pair_strength({shared, IP_CODE}, False, False) > pair_strength({IP_CODE}, False, False)
    db = duckdb.connect()
    rows = " UNION ALL ".join(f"SELECT {c} AS kind" for c in (ref, shared))
    (total,) = db.execute(
        f"SELECT SUM({strength_sql('kind', 'FALSE', 'FALSE', 'TRUE')}) FROM ({rows})"
    ).fetchone() or (None,)
    assert abs(float(total) - both) < 1e-9


def test_strong_identifiers_link_alone_and_weak_ones_never_do() -> None:
    for kind in (
        "national_id",
        "bank_account",
        "crypto_address",
        "payee",
        "device_id",
        "email",
        "phone",
        "shipping_address",
        "resume",
    ):
        assert pair_strength({BY_KIND[kind].code}, False, False) >= EDGE_THRESHOLD, kind
    weak = {BY_KIND[k].code for k in ("ip", "ip_net", "address", "cover_letter")}
    assert pair_strength(weak, False, False) > 0
    for kind in ("ip", "ip_net", "address", "cover_letter", "webrtc"):
        assert pair_strength({BY_KIND[kind].code}, False, False) < EDGE_THRESHOLD, kind


def test_agency_and_household_discount_shared_contacts_but_not_identities() -> None:
    office = {BY_KIND[k].code for k in ("phone", "email", "device_id", "ip", "ip_net")}
    assert pair_strength(office, True, False) == 0
    home = {BY_KIND[k].code for k in ("phone", "device_id", "ip", "ip_net", "address")}
    assert pair_strength(home, False, True) < EDGE_THRESHOLD
    nid = {BY_KIND["national_id"].code}
    assert pair_strength(nid, True, True) >= EDGE_THRESHOLD


def test_household_rule_is_the_same_in_sql_and_python() -> None:
    db = duckdb.connect()
    cases = [
        # (home_a, home_b, words_a, words_b, shares ip)
        (1, 1, (10, 11), (12, 13), False),  # same home
        (1, 2, (10, 11), (12, 11), False),  # "Ana Silva" and "Rui Silva"
        (1, 2, (11, 10), (12, 11), False),  # "Silva Ana" and "Rui Silva": either order
        (1, 2, (10, 11), (12, 13), True),  # both homes given, different: not one household
        (None, 2, (10, 11), (12, 13), True),  # one gives no home, one home network
        (None, 2, (10, 11), (12, 13), False),
        (None, None, (None, None), (None, None), False),
    ]
    for home_a, home_b, wa, wb, ip in cases:
        codes = {IP_CODE} if ip else set()
        expected = same_household(home_a, home_b, wa, wb, codes)
        db.execute(
            "CREATE OR REPLACE TABLE n AS SELECT * FROM (VALUES (?, ?, ?, 1), (?, ?, ?, 2)) "
            "t(home_key, first_key, last_key, side)",
            [home_a, wa[0], wa[1], home_b, wb[0], wb[1]],
        )
        expr = household_sql("na", "nb", "1" if ip else "0")
        (got,) = db.execute(
            f"SELECT {expr} FROM n na, n nb WHERE na.side = 1 AND nb.side = 2"
        ).fetchone() or (None,)
        assert bool(got) == expected, (home_a, home_b, wa, wb, ip)
    assert same_household(1, 1, (1, 2), (3, 4), set())
    assert not same_household(1, 2, (1, 2), (3, 4), {IP_CODE})


def test_remote_control_on_one_connection_links_only_people_of_different_areas() -> None:
    """A laptop farm: the same IP with remote-control software on both computers makes a
    link; people of one area sharing an office, coworking space or campus do not."""
    farm = {BY_KIND[k].code for k in ("controlled_ip", "ip", "ip_net")}
    assert pair_strength(farm, False, False) >= EDGE_THRESHOLD
    office = farm | {BY_KIND["controlled_ip_same_area"].code}
    assert pair_strength(office, False, False) < EDGE_THRESHOLD
    # The explanation cancels exactly what remote control added, never anything else.
    phone = {BY_KIND["phone"].code}
    assert pair_strength(office | phone, False, False) == pair_strength(
        phone | {BY_KIND[k].code for k in ("ip", "ip_net")}, False, False
    )
    assert pair_strength(farm, False, True) < EDGE_THRESHOLD  # a family's TeamViewer
    assert pair_strength(farm, True, False) < EDGE_THRESHOLD  # an agency's help desk


def test_ring_links_order_does_not_depend_on_row_order() -> None:
    # Phone and shipping address have equal strength: the order of the summary (shown to
    # analysts and stored) must be the same whichever order the database returned rows in.
    from hireguard.linkage.rings import ring_links

    phone, ship = BY_KIND["phone"].code, BY_KIND["shipping_address"].code
    rows = [(1, phone, 10, 100), (1, phone, 11, 101), (2, ship, 10, 100), (2, ship, 12, 102)]
    forward, backward = ring_links(rows), ring_links(rows[::-1])
    assert forward == backward and list(forward) == list(backward)
    assert list(forward) == sorted(forward, key=lambda k: (-BY_KIND[k].strength, k))
