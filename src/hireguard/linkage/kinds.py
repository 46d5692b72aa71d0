"""The link types of the identity graph and how much each one weighs.

Two applications are joined by an edge when the strengths of the identifiers they share
add up to at least :data:`EDGE_THRESHOLD`. One strong identifier is enough (the same
national-identity number, bank account or e-mail under two names); weak ones (the same
/24, the same home address, a similar cover letter) never are on their own, and are
discounted further where an honest explanation is in the data itself:

* both applications came through a staffing agency (``source: staffing_agency``): the
  agency's office network, computers and contact details are shared by design;
* a household: both give the same home address, or they share a family name, or one gives
  no home address and both connect from the same IP (a home network). The home network,
  family computer, landline, shared mailbox and the address itself count for nothing, and
  a joint bank account weighs half. (A family name is only ever compared for equality
  between two applications: it says "possibly relatives", never where anyone is from.)

The table is the single definition: :func:`pair_strength` applies it in Python for
incremental linking, and :func:`strength_sql` renders the same rules as a SQL expression
for the batch rebuild (DuckDB here, Spark SQL at scale).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LinkType:
    code: int
    kind: str
    strength: float
    label: str  # "shares <label>" in messages
    why: str
    agency_discount: float = 1.0  # factor when both came through a staffing agency
    household_discount: float = 1.0  # factor when both give the same home address
    explains: str | None = None  # a negative type: the kind of link it cancels


LINK_TYPES: tuple[LinkType, ...] = (
    LinkType(
        1,
        "national_id",
        2.0,
        "the same national identity number",
        "one identity number under two names is a stolen or lent identity",
    ),
    LinkType(
        2,
        "bank_account",
        1.5,
        "the same bank account",
        "shared payout accounts across workers (ADV22, GTIG25, BFV)",
        household_discount=0.5,
    ),
    LinkType(
        3,
        "crypto_address",
        1.5,
        "the same crypto address",
        "wages paid to one wallet for several workers (ADV22)",
        household_discount=0.5,
    ),
    LinkType(
        4,
        "payee",
        1.2,
        "the same third-party payee",
        "pay routed to one payee for several workers (ADV22)",
    ),
    LinkType(
        5,
        "device_id",
        1.2,
        "the same device",
        "one computer applying as several people (SCW24, PSA25)",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        6,
        "email",
        1.5,
        "the same e-mail address",
        "same e-mail on resumes of supposedly different applicants (PSA25)",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        7,
        "phone",
        1.0,
        "the same phone number",
        "same (often VoIP) phone on resumes of different applicants (PSA25)",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        8,
        "shipping_address",
        1.0,
        "the same shipping address (not their home)",
        "laptops shipped to one farm address (DOJ0630, PSA24)",
    ),
    LinkType(
        9,
        "resume",
        1.0,
        "a near-duplicate resume",
        "near-identical resumes with new names (PSA25, SpyCloud); the earlier of two (the "
        "likely author) joins a ring through it only when otherwise linked or a copy itself",
    ),
    LinkType(
        10,
        "webrtc",
        0.5,
        "the same real IP behind a VPN (WebRTC)",
        "one operator's real address seen through several identities' VPNs",
    ),
    LinkType(
        15,
        "hosted_ip",
        0.6,
        "the same data-centre or VPN exit address",
        "one operator's VPS or VPN exit used by several identities (PSA25; SCW24 Astrill); "
        "with the same IP it links, as home and office addresses alone never do",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        18,
        "controlled_ip",
        0.6,
        "the same connecting IP, with remote-control software or a KVM on both computers",
        "a laptop farm: company laptops of identities who claim to live in different places, "
        "on one residential connection, each driven from abroad through remote-desktop "
        "software or an IP-KVM (PSA24, DOJ0630, SCW24, SOPH25); with the same IP it links",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        19,
        "controlled_ip_same_area",
        -0.6,
        "the same connecting IP, with remote-control software on both, and homes in one area",
        "an honest explanation, not a link: people of one region (or city) who share an office, a "
        "coworking space or a campus network and use remote-desktop tools; it cancels "
        "`controlled_ip` exactly (it is only ever made alongside it)",
        agency_discount=0.0,
        household_discount=0.0,
        explains="controlled_ip",
    ),
    LinkType(
        16,
        "referee_applicant",
        0.6,
        "a reference who is another applicant",
        "references that are fellow operatives: one identity vouches for another, a hired "
        "worker recommends more (ADV22, MNDPOD, GTIG25, SEAL); the reference's e-mail or "
        "phone is another applicant's own, under another name; colleagues who both apply do "
        "this honestly too, so it links only with something else shared",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        11,
        "ip",
        0.4,
        "the same connecting IP",
        "several accounts from one IP (PSA25); also offices, campuses, coworking",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        12,
        "address",
        0.3,
        "the same home address",
        "households and shared flats are common; weak on its own",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        13,
        "cover_letter",
        0.3,
        "a near-duplicate cover letter",
        "cover-letter templates are common; weak on its own",
    ),
    LinkType(
        17,
        "shared_referee",
        0.4,
        "the same reference",
        "the same reference (e-mail or phone) vouching for several applicants (ADV22, SEAL); "
        "also a professor or a manager vouching for honest colleagues, so only context",
        agency_discount=0.0,
        household_discount=0.0,
    ),
    LinkType(
        14,
        "ip_net",
        0.1,
        "the same /24 (IPv4) or /48 (IPv6) network",
        "a batch from one range (seed story); alone it is only context",
        agency_discount=0.0,
        household_discount=0.0,
    ),
)

BY_KIND: dict[str, LinkType] = {lt.kind: lt for lt in LINK_TYPES}
BY_CODE: dict[int, LinkType] = {lt.code: lt for lt in LINK_TYPES}

EDGE_THRESHOLD = 1.0
"""Pair strength at or above which two applications are linked for ring building."""

MAX_GROUP = 200
"""An identifier carried by more applications than this is too common to link on."""

SEEDING_CODES = frozenset(lt.code for lt in LINK_TYPES if lt.strength >= 0.5)
"""Link types that can start a link: partners are looked up through these."""

CONTEXT_CODES = frozenset(lt.code for lt in LINK_TYPES if lt.strength < 0.5)
"""Link types that only add to a link started by another (same IP, /24, home, cover letter):
too common to look partners up by, and never enough on their own; or, with a negative
strength, take away from it (an honest explanation found in the identifiers themselves)."""

EXPLAINING_CODES = frozenset(lt.code for lt in LINK_TYPES if lt.strength < 0)
"""Context that explains a link away (negative strength): never shown as something shared."""

EXPLAINS: dict[int, int] = {
    lt.code: BY_KIND[lt.explains].code for lt in LINK_TYPES if lt.explains is not None
}
"""Each explaining code and the link it cancels: a pair that carries both shares neither as
evidence (coworkers of one area with remote tools on one office connection)."""


IP_CODE = BY_KIND["ip"].code
REFERENCE_CODE = BY_KIND["referee_applicant"].code
"""The stored kind of a reference's e-mail or phone. It is fingerprinted like an applicant's
own e-mail or phone, so one look-up finds both roles; :func:`pair_code` names the link."""
SHARED_REFEREE_CODE = BY_KIND["shared_referee"].code


def pair_code(code_a: int, code_b: int) -> int:
    """The link type two holders of one identifier share, from their stored kinds: a
    reference's contact that is another applicant's own is ``referee_applicant``; one
    reference named by both is ``shared_referee``; otherwise the kind itself."""
    if code_a != code_b:
        return REFERENCE_CODE
    return SHARED_REFEREE_CODE if code_a == REFERENCE_CODE else code_a


def pair_code_sql(a: str, b: str) -> str:
    """:func:`pair_code` in SQL for two kind columns."""
    return (
        f"(CASE WHEN {a} <> {b} THEN {REFERENCE_CODE} "
        f"WHEN {a} = {REFERENCE_CODE} THEN {SHARED_REFEREE_CODE} ELSE {a} END)"
    )


def same_household(
    home_a: int | None,
    home_b: int | None,
    words_a: tuple[int | None, int | None],
    words_b: tuple[int | None, int | None],
    codes: set[int],
) -> bool:
    """Whether two applications look like one household: the same home address; a name
    word in common at either end of the names (relatives: "Ana Silva" and "Rui Silva", "Park
    Ji-woo" and "Min-jun Park"; either order, so no naming custom is favoured); or one
    without a home address and both on one IP (a home network).

    ``words_*`` are the fingerprints of the first and last word of each name.
    """
    if home_a is not None and home_a == home_b:
        return True
    if {w for w in words_a if w is not None} & {w for w in words_b if w is not None}:
        return True
    return (home_a is None or home_b is None) and IP_CODE in codes


def household_sql(a: str, b: str, has_ip: str) -> str:
    """:func:`same_household` in SQL, for node aliases ``a``/``b`` and a 0/1 ``has_ip``."""
    words = " OR ".join(
        f"COALESCE({a}.{x} = {b}.{y}, FALSE)"
        for x in ("first_key", "last_key")
        for y in ("first_key", "last_key")
    )
    net = f"(({a}.home_key IS NULL OR {b}.home_key IS NULL) AND {has_ip} = 1)"
    return f"(COALESCE({a}.home_key = {b}.home_key, FALSE) OR {words} OR {net})"


def pair_strength(codes: set[int], same_agency: bool, household: bool) -> float:
    """Evidence that two applications are controlled by one operator.

    ``codes`` are the link-type codes they share; ``same_agency`` is true when both came
    through a staffing agency; ``household`` when :func:`same_household` holds.

    A reference named by both counts only where neither names the other: colleagues who
    vouch for each other name the same third colleague too, and the two facts are one
    (three colleagues of one team, applying together, each naming the other two, are no
    ring). References never link two applications without something else.
    """
    total = 0.0
    vouched = REFERENCE_CODE in codes
    for code in codes:
        if vouched and code == SHARED_REFEREE_CODE:
            continue
        lt = BY_CODE[code]
        s = lt.strength
        if same_agency:
            s *= lt.agency_discount
        if household:
            s *= lt.household_discount
        total += s
    return total


def strength_sql(kind: str, same_agency: str, household: str, vouched: str = "FALSE") -> str:
    """The strength of one shared link type as a portable SQL ``CASE`` expression.

    ``kind`` is the column holding the link-type code; ``same_agency``, ``household`` and
    ``vouched`` (the pair shares ``referee_applicant``) are boolean SQL expressions. Summed
    over the distinct kinds a pair shares, it gives :func:`pair_strength` (the rebuild runs
    it on DuckDB; it is plain Spark SQL too).
    """
    whens = []
    for lt in LINK_TYPES:
        one_fact = (
            f" * (CASE WHEN {vouched} THEN 0.0 ELSE 1.0 END)"
            if lt.code == SHARED_REFEREE_CODE
            else ""
        )
        whens.append(
            f"WHEN {lt.code} THEN {lt.strength!r}"
            f" * (CASE WHEN {same_agency} THEN {lt.agency_discount!r} ELSE 1.0 END)"
            f" * (CASE WHEN {household} THEN {lt.household_discount!r} ELSE 1.0 END)" + one_fact
        )
    return f"(CASE {kind} " + " ".join(whens) + " ELSE 0.0 END)"
