"""The shortcuts in fingerprinting a chunk (phones, name words, MinHash) give exactly the
values of the long way."""

from __future__ import annotations

import random

import phonenumbers

from hireguard.linkage.identifiers import extract, fp64, reference_phone
from hireguard.linkage.kinds import BY_KIND
from hireguard.linkage.minhash import MinHasher
from tests.appfactory import enriched


def _parsed(raw: str, country: str | None) -> str | None:
    """``reference_phone`` the long way: always through ``phonenumbers.parse``."""
    stripped = raw.strip()
    had_cc = stripped.startswith("+") or stripped.startswith("00")
    try:
        num = phonenumbers.parse(stripped, None if had_cc else (country or None))
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(num):
        return None
    return f"+{num.country_code}{phonenumbers.national_significant_number(num)}"


def test_a_plain_north_american_reference_phone_reads_as_parse_reads_it() -> None:
    rng = random.Random(4)
    spellings = [
        "({a}) {b}-{c}",
        "{a}-{b}-{c}",
        "{a}.{b}.{c}",
        "{a}{b}{c}",
        "1-{a}-{b}-{c}",
        "1 ({a}) {b} {c}",
        "+1 ({a}) {b}-{c}",
        "+1{a}{b}{c}",
        " +1 {a} {b} {c} ",
        "001 {a} {b} {c}",
        "+44 {a} {b} {c}",
        "{a} {b}",
    ]
    for _ in range(400):
        area = f"{rng.randint(0, 9)}{rng.randint(0, 99):02d}"
        number = {"a": area, "b": f"{rng.randint(0, 999):03d}", "c": f"{rng.randint(0, 9999):04d}"}
        raw = rng.choice(spellings).format(**number)
        country = rng.choice(["US", "CA", "PR", "GB", "DE", None])
        reference_phone.cache_clear()
        assert reference_phone(raw, country) == _parsed(raw, country), (raw, country)


def test_name_words_and_the_home_are_fingerprinted_as_before() -> None:
    """A chunk's repeated name words are fingerprinted once, and the home once for both its
    uses: the keys are those of one fingerprint each."""
    salt = "test-salt"
    apps = [
        enriched({"applicant.full_name": "Ana Silva"}, application_id="T-1"),
        enriched({"applicant.full_name": "Rui Silva"}, application_id="T-2"),
        enriched({"applicant.full_name": "Ana Costa", "applicant.address": None}),
    ]
    keys = extract(apps, salt, MinHasher.create(salt))
    for e, k in zip(apps, keys, strict=True):
        words = e.names.tokens
        assert k.first_key == fp64("name_word", words[0], salt)
        assert k.last_key == fp64("name_word", words[-1], salt)
        if e.address_key:
            assert k.home_key == fp64("address", e.address_key, salt)
            assert k.ids[k.home_key] == BY_KIND["address"].code
        else:
            assert k.home_key is None
    assert keys[0].last_key == keys[1].last_key and keys[0].first_key == keys[2].first_key


def test_a_signature_is_the_same_whatever_else_is_in_its_batch() -> None:
    """Only the rows returned are densified: a short text (few shingles, many empty bins to
    fill), next to texts without any signature, gets what it gets alone."""
    h = MinHasher.create("salt")
    short = " ".join(f"w{i}" for i in range(12))  # 10 shingles for 64 bins
    longer = " ".join(f"v{i}" for i in range(300))
    texts = [None, short, "", "too short", longer, None]
    batch = h.signatures(texts)
    assert [s is None for s in batch] == [True, False, True, True, False, True]
    for text in (short, longer):
        (alone,) = h.signatures([text])
        (with_short_ones,) = [s for t, s in zip(texts, batch, strict=True) if t == text]
        assert alone is not None and with_short_ones is not None
        assert alone.tobytes() == with_short_ones.tobytes()
        assert (alone != 0xFFFFFFFF).all()  # every bin filled
