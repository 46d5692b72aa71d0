"""Near-duplicate documents: MinHash signatures, LSH band keys, estimated Jaccard."""

from __future__ import annotations

import random

from hireguard.linkage.minhash import MIN_WORDS, MinHasher, jaccard
from tests.linkage.people import resume_text


def _edit(text: str, n: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    words = text.split()
    for i in rnd.sample(range(len(words)), n):
        words[i] = f"edited{i}"
    return " ".join(words)


def test_a_resume_with_a_new_name_shares_bands_and_a_high_jaccard() -> None:
    h = MinHasher.create("salt")
    original = resume_text(1, words=200)
    copy = "Jane Doe jane@example.org " + _edit(original, 3)
    other = resume_text(2, words=200)
    a, b, c = h.signatures([original, copy, other])
    assert a is not None and b is not None and c is not None
    assert jaccard(a, b) >= 0.8
    assert jaccard(a, c) <= 0.1
    ka, kb, kc = h.band_keys([a, b, c], 9)
    assert set(ka) & set(kb)
    assert not set(ka) & set(kc)


def test_batch_and_single_signatures_agree_and_salt_changes_them() -> None:
    h = MinHasher.create("salt")
    texts = [resume_text(i, words=80) for i in range(5)]
    batch = h.signatures(texts)
    for text, sig in zip(texts, batch, strict=True):
        (single,) = h.signatures([text])
        assert single is not None and sig is not None
        assert (single == sig).all()
    (other_salt,) = MinHasher.create("pepper").signatures(texts[:1])
    assert other_salt is not None and batch[0] is not None
    assert jaccard(other_salt, batch[0]) < 0.5


def test_short_or_missing_texts_have_no_signature() -> None:
    h = MinHasher.create("salt")
    short = " ".join(["word"] * (MIN_WORDS - 1))
    assert h.signatures([None, "", short]) == [None, None, None]


def test_every_script_is_tokenised_alike() -> None:
    """Hangul, Cyrillic and Latin resumes are near-duplicates of their own copies only."""
    h = MinHasher.create("salt")
    rnd = random.Random(3)
    hangul = " ".join(
        rnd.choice(["개발", "서버", "데이터", "팀", "설계", "운영", "성능", "보안"]) + str(i % 7)
        for i in range(60)
    )
    cyrillic = " ".join(
        rnd.choice(["разработка", "сервер", "данные", "команда", "дизайн"]) + str(i % 7)
        for i in range(60)
    )
    sigs = h.signatures([hangul, _edit(hangul, 1), cyrillic, _edit(cyrillic, 1)])
    assert all(s is not None for s in sigs)
    s0, s1, s2, s3 = sigs
    assert s0 is not None and s1 is not None and s2 is not None and s3 is not None
    assert jaccard(s0, s1) >= 0.75 and jaccard(s2, s3) >= 0.75
    assert jaccard(s0, s2) <= 0.1
