"""HG-EML: does the e-mail address look like a person's long-used address?

Disposable domains, the naming patterns of accounts created in bulk for personas, and an
address that names somebody else. All read the split address from enrichment
(:class:`~hireguard.enrich.types.EmailFacts`). The same address on applications under
different names is a linkage finding (HG-LNK), not one of these.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from disposable_email_domains import allowlist as _DISPOSABLE_ALLOW
from disposable_email_domains import blocklist as _DISPOSABLE
from rapidfuzz import fuzz

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.normalise import email_facts

DISPOSABLE_LIST = (
    "disposable-email-domains (PyPI package of the community-maintained list "
    "github.com/disposable-email-domains/disposable-email-domains)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (inconsistent name spelling and contact details across the application)"
)
PSA25 = (
    "FBI I-012325-PSA, 'North Korean IT Workers Conducting Data Extortion', 2025-01-23 "
    "(e-mail addresses reused on resumes of supposedly different applicants)"
)
MSFT25 = (
    "Microsoft Threat Intelligence, 'Jasper Sleet: North Korean remote IT workers' evolving "
    "tactics', 2025-06-30 (about 3,000 Outlook/Hotmail accounts created by DPRK IT workers "
    "suspended)"
)
SEAL = (
    "Security Alliance (SEAL) Frameworks, 'Insider threats: Techniques, Tactics, and "
    "Procedures' (persona accounts, handle changes)"
)
HANDLES = (
    "Community-attributed DPRK IT-worker GitHub handles (shortdoom/gh-fake-analyzer, 2024): "
    "names such as devlancer0328, livedeveloper823, smartcoding51 combine a developer word "
    "with a number"
)

_WORDS = re.compile(r"[a-z]+")
_NUMBERS = re.compile(r"\d{3,}")
_NO_VOWEL_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{6,}")
_YEAR = re.compile(r"(?:19[4-9]\d|20[01]\d)")

# Words that describe a trade or a selling point rather than a person (persona accounts).
# Short ones count only as words of their own ("kmoore.dev0707"); long ones also when glued
# to something else ("livedeveloper823", "smartcoding51").
_PERSONA_SHORT = (
    "dev", "devs", "code", "codes", "coder", "tech", "web", "web3", "pro", "guru", "ninja",
    "stack", "smart", "block", "chain", "defi", "java", "node", "react", "senior", "expert",
    "master", "hacker", "lancer", "crypto",
)  # fmt: skip
_PERSONA_LONG = (
    "developer", "develop", "coding", "programmer", "software", "fullstack", "blockchain",
    "freelancer", "freelance", "engineer", "solidity", "hightech", "techie", "python",
    "lancer", "smart", "crypto",
)  # fmt: skip
_PERSONA = re.compile(
    "|".join(sorted(_PERSONA_LONG, key=len, reverse=True))
    + r"|(?<![a-z])(?:"
    + "|".join(sorted(_PERSONA_SHORT, key=len, reverse=True))
    + r")(?![a-z])"
)
# Words in an address that are neither a name nor a persona (contact@, hello@, ...).
_NEUTRAL = frozenset(
    {"mail", "email", "info", "contact", "hello", "hi", "me", "the", "real", "official",
     "personal", "private", "inbox", "office", "home", "and", "mr", "ms", "mrs", "dr"}
)  # fmt: skip


def _name_parts(app: EnrichedApplication) -> tuple[tuple[str, ...], str]:
    """The applicant's name tokens (all names given) and their concatenation."""
    names = app.names
    if not names.other_latin:
        return names.tokens, "".join(names.tokens)
    parts = list(names.tokens)
    for other in names.other_latin:
        parts.extend(other.split())
    return tuple(p for p in parts if p), "".join(parts)


def _strip_names(text: str, parts: tuple[str, ...]) -> str:
    """The text with the applicant's name parts (3+ letters) blanked out."""
    for part in parts:
        if len(part) >= 3 and part in text:
            text = text.replace(part, " ")
    return text


def persona_pattern(handle: str, app: EnrichedApplication) -> tuple[list[str], list[str], bool]:
    """Read an account name (e-mail local part, code-hosting handle) for persona patterns.

    Returns the trade words left once the applicant's names are removed, the numbers that
    are not birth years (3+ digits), and whether a vowel-less run of 6+ letters remains.
    """
    rest = _strip_names(handle.lower(), _name_parts(app)[0])
    persona = _PERSONA.findall(rest)
    numbers = [n for n in _NUMBERS.findall(rest) if not _YEAR.fullmatch(n)] if persona else []
    garbled = not persona and _NO_VOWEL_RUN.search(rest) is not None
    return persona, numbers, garbled


def names_someone_else(words: list[str], app: EnrichedApplication) -> bool:
    """True when ``words`` (lower-case, from an address or a profile slug) read as a
    person's name (two or more words of letters, two of them 3+ letters long) and none of
    them matches the applicant's names, initials or a spelling variant of them."""
    if len(words) < 2:
        return False
    words = [w for w in words if w not in _NEUTRAL]
    if len(words) < 2 or any(len(w) < 2 for w in words) or sum(len(w) >= 3 for w in words) < 2:
        return False
    if any(_PERSONA.fullmatch(w) for w in words):
        return False
    applicant = app.app.applicant
    if not any(_latin_script(n) for n in (applicant.full_name, *applicant.other_names)):
        # Only a transliteration to compare with (박지우 → "bagjiu", 田中 → "tianzhong"):
        # that would make the script of a name a risk factor. Not compared.
        return False
    parts, blob = _name_parts(app)
    return bool(parts) and not any(_matches_name(w, parts, blob) for w in words)


@functools.lru_cache(maxsize=65536)
def _latin_script(name: str) -> bool:
    """Whether every letter of the name is a Latin letter (accents allowed)."""
    if name.isascii():
        return True
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def account_words(handle: str) -> list[str]:
    """The words of letters in an account name (split at dots, dashes, digits ...)."""
    return _WORDS.findall(handle.lower())


@detector(
    id="HG-EML-001",
    title="Disposable or throwaway e-mail domain",
    severity="medium",
    weight=1.2,
    sources=[DISPOSABLE_LIST, MSFT25],
    false_positives=[
        "privacy-minded applicants who give a forwarding address",
        "domains on the community list by mistake (the package has an allowlist)",
    ],
)
def disposable_email(app: EnrichedApplication) -> Iterator[Finding]:
    """The e-mail domain (or the domain it is a sub-domain of) is a disposable-mail service
    from the maintained ``disposable-email-domains`` list. An employer cannot reach such an
    address for long, and personas are built on addresses that cost nothing."""
    domain = app.email.domain
    if not domain or domain in _DISPOSABLE_ALLOW:
        return
    parent = domain.split(".", 1)[1] if domain.count(".") >= 2 else ""
    if domain in _DISPOSABLE or (parent and parent in _DISPOSABLE):
        yield disposable_email.finding(
            f"The e-mail address is at {domain}, a disposable-mail service.",
            evidence={"domain": domain},
        )


@detector(
    id="HG-EML-002",
    title="E-mail address named like a mass-created persona account",
    severity="low",
    weight=1.0,
    sources=[MSFT25, HANDLES, SEAL],
    false_positives=[
        "developers who put their trade in their address (johnsmith.dev@)",
        "addresses with a birthday or a lucky number",
    ],
)
def persona_email(app: EnrichedApplication) -> Iterator[Finding]:
    """Once the applicant's own names are taken out, what remains of the address is a trade
    word ("dev", "coder", "smart", "blockchain") with a number that is not a birth year
    (e.g. ``kmoore.dev0707``), the naming of persona accounts created in bulk and of the
    community-attributed GitHub handles; or a string of letters no one could pronounce.
    Graded: trade word with number 1.0, trade word alone 0.4, unpronounceable 0.5."""
    local = app.email.local
    if not local:
        return
    persona, numbers, garbled = persona_pattern(local, app)
    if persona and numbers:
        yield persona_email.finding(
            f"The e-mail address combines the trade word '{persona[0]}' with a "
            f"{len(numbers[0])}-digit number, like persona accounts created in bulk.",
            evidence={"persona_words": persona, "number_digits": len(numbers[0])},
        )
    elif persona:
        yield persona_email.finding(
            f"The e-mail address is built on the trade word '{persona[0]}' rather than a name.",
            evidence={"persona_words": persona},
            weight=0.4,
        )
    elif garbled:
        yield persona_email.finding(
            "The e-mail address contains a long run of letters with no vowel, like a "
            "generated account name.",
            evidence={"pattern": "no_vowel_run"},
            weight=0.5,
        )


@functools.lru_cache(maxsize=16384)
def _matches_name(token: str, parts: tuple[str, ...], blob: str) -> bool:
    if token in blob or any(len(p) >= 3 and p in token for p in parts):
        return True
    if len(token) <= 2:  # initials
        return all(any(p.startswith(c) for p in parts) for c in token)
    # Transliteration and spelling variants (Mohamed / Muhammad, Jiwoo / Ji-woo).
    skeleton = _skeleton(token)
    return any(
        fuzz.ratio(token, p) >= 65 or (len(skeleton) >= 2 and _skeleton(p) == skeleton)
        for p in parts
        if len(p) >= 3
    )


_VOWELS = re.compile(r"[aeiouyhw]+")
_DOUBLES = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=16384)
def _skeleton(word: str) -> str:
    """Consonants with doubles collapsed: a rough key for transliteration variants."""
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word))


@detector(
    id="HG-EML-003",
    title="E-mail address names somebody other than the applicant",
    severity="low",
    weight=0.8,
    sources=[ADV22, PSA25],
    false_positives=[
        "a family address or a partner's address",
        "a name changed by marriage or a nickname unrelated to the legal name",
    ],
)
def email_names_someone_else(app: EnrichedApplication) -> Iterator[Finding]:
    """The address has the shape of a person's name (two or more words of letters, such as
    ``first.last``), and not one of them matches any of the applicant's names, their
    initials, or a spelling variant of them. Identities are rented and reused: the address
    then still carries the previous persona's name. Addresses that are handles or words
    (``coolcat88``) are not read as names and never fire."""
    local = app.email.local
    if any(len(p) >= 3 and p in local for p in app.names.tokens):
        return  # the address contains one of the applicant's names: the usual case
    words = _WORDS.findall(local)
    if not names_someone_else(words, app):
        return
    yield email_names_someone_else.finding(
        "The e-mail address reads as another person's name: none of its words matches the "
        "applicant's names.",
        evidence={"address_words": len(words)},
    )


REFERENCES = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16, and SEAL Frameworks (fabricated references; references who are fellow "
    "operatives)"
)
_NON_DIGITS = re.compile(r"\D+")


def _phone_digits(raw: str | None) -> str:
    """The last ten digits of a phone number as typed (enough to compare two writings)."""
    return _NON_DIGITS.sub("", raw)[-10:] if raw else ""


@detector(
    id="HG-EML-004",
    title="A reference's contact details are the applicant's own",
    severity="medium",
    weight=1.4,
    sources=[REFERENCES, PSA25],
    false_positives=[
        "an applicant who typed their own details into the reference form by mistake",
        "a household member given as a reference who shares the home phone (why a shared "
        "phone weighs less than a shared e-mail address)",
    ],
)
def self_reference(app: EnrichedApplication) -> Iterator[Finding]:
    """A reference's e-mail address (after provider rules such as Gmail dots) or phone
    number is the applicant's own: the reference would be answered by the applicant.
    Graded: the same e-mail address 1.4; the same phone 0.8 (households share landlines); a
    reference on a disposable-mail domain 0.8 (nobody can check it later)."""
    refs = app.app.references
    if not refs:
        return
    own_phone = _phone_digits(app.app.applicant.phone)
    own_email = app.email.canonical
    throwaway = False
    for ref in refs:
        if ref.email:
            facts = email_facts(ref.email)
            if facts.valid and facts.canonical == own_email:
                yield self_reference.finding(
                    "A reference gives the applicant's own e-mail address.",
                    evidence={"same": "email"},
                )
                return
            throwaway = throwaway or facts.domain in _DISPOSABLE
        if own_phone and len(own_phone) >= 7 and _phone_digits(ref.phone) == own_phone:
            yield self_reference.finding(
                "A reference gives the applicant's own phone number.",
                evidence={"same": "phone"},
                weight=0.8,
            )
            return
    if throwaway:
        yield self_reference.finding(
            "A reference's e-mail address is at a disposable-mail service.",
            evidence={"same": None, "disposable": True},
            weight=0.8,
        )
