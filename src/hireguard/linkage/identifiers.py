"""What an application carries that can link it to others, as salted 64-bit fingerprints.

Only values that point at one person, device, account or place become identifiers: an
address in private or carrier-grade NAT space, a mobile carrier's shared address, the exit
of a commercial VPN or of Tor, and a WebRTC address equal to the connecting one are left
out, since they say nothing about who is behind them. The shipping address is an identifier
of its own only when it is not the applicant's home (a laptop sent elsewhere); nationality,
name origin and script never are.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import ipaddress
import socket
from dataclasses import dataclass, field

import phonenumbers

from hireguard.detect.device import tools_of_kind
from hireguard.enrich.types import EnrichedApplication, IpFacts
from hireguard.intake.normalise import email_facts, latin_key, parse_number, plain_nanp
from hireguard.linkage.kinds import BY_KIND
from hireguard.linkage.minhash import MinHasher
from hireguard.model import Address

_digest = hashlib.sha256  # fp64 must equal fingerprint() cut to 64 bits (tests check it)
# Addresses many unrelated people share: a mobile carrier's NAT pool, and the exits of a
# commercial VPN (Astrill's included) or of Tor, which serve all of their users at once. On the
# held-out-style population, honest Astrill users in China (where it is the common VPN) were
# linked to each other and to rings through the handful of documented Astrill exits; that the
# exit is Astrill's is HG-NET-004's finding, on each application by itself.
_NOT_LINKABLE_TAGS = frozenset({"private", "mobile", "vpn", "tor"})
_HOSTED_TAGS = frozenset({"hosting"})  # a data-centre address: a VPS is rented by one operator


def fp64(kind: str, value: str, salt: str) -> int:
    """:func:`~hireguard.intake.normalise.fingerprint` cut to a signed 64-bit integer."""
    return int.from_bytes(_digest(f"{salt}\x1f{kind}\x1f{value}".encode()).digest()[:8]) - (1 << 63)


def identity_name(e: EnrichedApplication) -> str:
    """The name as an identity key: first and last word, order-free ("Park Ji-woo" = "Ji-woo Park"
    is not claimed; "Kevin James Moore" = "Kevin Moore" is)."""
    tokens = e.names.tokens
    if not tokens:
        return ""
    return " ".join(sorted({tokens[0], tokens[-1]}))


@dataclass(slots=True)
class AppKeys:
    """One application's linkage facts, fingerprinted."""

    t: int
    name_key: int
    agency_key: int | None
    home_key: int | None
    first_key: int | None
    last_key: int | None
    ids: dict[int, int] = field(default_factory=dict)  # fingerprint -> link-type code
    resume_sig: bytes | None = None
    cover_sig: bytes | None = None


def _not_global_v4() -> tuple[list[int], list[int]]:
    """IPv4 ranges that say nothing about who is behind them (IANA special-purpose: private,
    carrier-grade NAT, loopback, link-local, documentation, benchmarking, multicast and
    reserved), as sorted disjoint ``[start, end]`` integer bounds for a bisect."""
    spans: list[tuple[int, int]] = []
    for net in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/3",
    ):
        n = ipaddress.IPv4Network(net)
        spans.append((int(n.network_address), int(n.broadcast_address)))
    spans.sort()
    return [a for a, _ in spans], [b for _, b in spans]


_V4_LO, _V4_HI = _not_global_v4()


def _linkable_ip(facts: IpFacts | None) -> str | None:
    if facts is None or not facts.valid or facts.tags & _NOT_LINKABLE_TAGS:
        return None
    if facts.version == 4:  # the common case, without building an ipaddress object
        try:
            value = int.from_bytes(socket.inet_pton(socket.AF_INET, facts.ip))
        except OSError:
            return None
        i = bisect.bisect_right(_V4_LO, value) - 1
        return None if i >= 0 and value <= _V4_HI[i] else socket.inet_ntoa(value.to_bytes(4))
    try:
        ip = ipaddress.ip_address(facts.ip)
    except ValueError:
        return None
    if not ip.is_global:
        return None
    return str(ip)


@functools.lru_cache(maxsize=8192)
def reference_phone(raw: str, home_country: str | None) -> str | None:
    """A reference's phone number in E.164 when it is a possible number, else None.

    The same reading as :func:`~hireguard.intake.normalise.phone_facts` (a number without a
    country code is read in the applicant's address country; E.164 = country code and
    national significant number; a valid number is a possible one), without classifying
    the number's region and type, which a reference's number does not need and which cost
    two thirds of the parse.
    """
    stripped = raw.strip()
    had_cc = stripped.startswith("+") or stripped.startswith("00")
    region = None if had_cc else (home_country or None)
    # A North American number written the plain way: ``parse``'s own reading at a fraction
    # of its cost (see ``plain_nanp``); ten digits after +1 are always a possible number.
    nsn = plain_nanp(stripped, region)
    if nsn is not None:
        return f"+1{nsn}"
    num, _ = parse_number(stripped, region)
    if num is None:
        return None
    if not phonenumbers.is_possible_number(num):
        return None
    return f"+{num.country_code}{phonenumbers.national_significant_number(num)}"


def remote_controlled(tools: list[str]) -> bool:
    """Whether remote-control software or a KVM device was seen on the computer (the
    vocabulary of detectors HG-DEV-001 and HG-DEV-002; a VPN client such as Astrill is not
    remote control)."""
    return bool(tools_of_kind(tools, "remote", "kvm"))


def home_area(address: Address | None) -> str | None:
    """Where someone lives, coarsely: the region (state, province) and country of the home
    address, or its city when no region is given, folded like an address key; None when
    neither is given. Used only to tell people who could share one office, coworking space or
    campus apart from identities claimed all over the country. Coarse on purpose: erring
    towards "one area" only ever loses a link."""
    if address is None:
        return None
    area = address.region or address.city
    if not area:
        return None
    return f"{latin_key(area)}|{(address.country or '').lower()}"


def _extra(obj: object, name: str) -> str | None:
    extra = getattr(obj, "model_extra", None) or {}
    value = extra.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def agency_name(e: EnrichedApplication) -> str | None:
    """The declared staffing agency: ``source: staffing_agency`` (and its name when given)."""
    app = e.app
    if app.source != "staffing_agency":
        return None
    return latin_key(_extra(app, "agency") or _extra(app, "source_detail") or "staffing_agency")


def extract(apps: list[EnrichedApplication], salt: str, hasher: MinHasher) -> list[AppKeys]:
    """Fingerprint the identifiers of a batch of applications (documents hashed together)."""
    resumes = hasher.signatures([e.app.resume.text if e.app.resume else None for e in apps])
    covers = hasher.signatures([e.app.cover_letter for e in apps])
    out: list[AppKeys] = []
    code = {k: lt.code for k, lt in BY_KIND.items()}
    present = [s for s in resumes if s is not None]
    bands = iter(hasher.band_keys(present, code["resume"]))
    words: dict[str, int] = {}  # the chunk's name words, fingerprinted once each (they repeat)

    def word_key(word: str) -> int:
        h = words.get(word)
        if h is None:
            h = words[word] = fp64("name_word", word, salt)
        return h

    for e, rsig, csig in zip(apps, resumes, covers, strict=True):
        app = e.app
        applicant = app.applicant
        agency = agency_name(e)
        tokens = e.names.tokens
        home_key = fp64("address", e.address_key, salt) if e.address_key else None
        keys = AppKeys(
            t=int(app.submitted_at.timestamp()),
            name_key=fp64("name", identity_name(e), salt),
            agency_key=fp64("agency", agency, salt) if agency else None,
            home_key=home_key,
            first_key=word_key(tokens[0]) if tokens else None,
            last_key=word_key(tokens[-1]) if tokens else None,
        )
        ids = keys.ids
        home_country = applicant.address.country if applicant.address else None
        area = home_area(applicant.address)

        def add(kind: str, value: str | None, ids: dict[int, int] = ids) -> None:
            if value:
                ids[fp64(kind, value, salt)] = code[kind]

        add("national_id", applicant.national_id_sha256)
        if app.payment is not None:
            pay = app.payment
            add("bank_account", pay.account_sha256)
            crypto = (pay.crypto_address or "").strip()
            add("crypto_address", crypto.lower() if crypto.startswith("0x") else crypto)
            payee = _extra(pay, "payee") or _extra(pay, "payee_name")
            add("payee", latin_key(payee) if payee else None)
        if e.email.valid:
            add("email", e.email.canonical)
        if e.phone is not None and e.phone.e164 and (e.phone.valid or e.phone.possible):
            add("phone", e.phone.e164)
        for ref in app.references:  # a reference's contact, in the applicant's namespace
            ref_email = email_facts(ref.email) if ref.email else None
            for kind, value in (
                ("email", ref_email.canonical if ref_email and ref_email.valid else None),
                ("phone", reference_phone(ref.phone, home_country) if ref.phone else None),
            ):
                if value:
                    h = fp64(kind, value, salt)
                    ids.setdefault(h, code["referee_applicant"])  # never one's own contact
        if home_key is not None:  # the home's fingerprint, made once for both uses
            ids[home_key] = code["address"]
        if e.shipping_key and e.shipping_key != e.address_key:
            add("shipping_address", e.shipping_key)
        session = app.session
        if session is not None:
            add("device_id", (session.device_id or "").strip() or None)
        ip = _linkable_ip(e.ip)
        if ip is not None and e.ip is not None:
            add("ip", ip)
            add("ip_net", e.ip.network)
            if e.ip.tags & _HOSTED_TAGS:
                add("hosted_ip", ip)
            if session is not None and remote_controlled(session.remote_access_tools):
                add("controlled_ip", ip)
                if area is not None:  # one area: an office or coworking space explains it
                    add("controlled_ip_same_area", f"{ip}|{area}")
        for w in e.webrtc:
            wip = _linkable_ip(w)
            if wip is not None and wip != ip:
                add("webrtc", wip)
        if rsig is not None:
            keys.resume_sig = rsig.tobytes()
            for k in next(bands):
                ids[k] = code["resume"]
        if csig is not None:
            keys.cover_sig = csig.tobytes()  # compared for linked pairs only (a weak link)
        out.append(keys)
    return out
