"""The shortcuts that make screening fast never change an answer (real built-in lists)."""

from __future__ import annotations

import random

from hireguard.sanctions.index import _QueryContext
from hireguard.sanctions.names import tokenize
from hireguard.sanctions.screener import DEFAULT_THRESHOLD, Screener


def _queries(screener: Screener, n: int = 400) -> list[tuple[str, str]]:
    """Listed names, the same with a letter changed and a word dropped, and unlisted ones."""
    rng = random.Random(5)
    entries = [e for e in screener.index.entries if e.kind in ("person", "organization")]
    out: list[tuple[str, str]] = []
    for entry in rng.sample(entries, n):
        kind = "person" if entry.kind == "person" else "organization"
        name = entry.name
        out.append((name, kind))
        i = rng.randrange(len(name))
        out.append((name[:i] + rng.choice("aeiouknrst") + name[i + 1 :], kind))
        words = name.split()
        if len(words) > 2:
            out.append((" ".join(words[:1] + words[2:]), kind))
    out += [(n, "person") for n in ("Laura Turner", "Kim Min-jun", "Wang Xiaoming", "Ali Hassan")]
    return out


def test_the_alignment_bound_never_skips_a_name_that_reaches_the_floor(
    screener: Screener,
) -> None:
    floor = DEFAULT_THRESHOLD - 0.1
    skipped = 0
    for name, kind in _queries(screener):
        sub = screener.index.persons if kind == "person" else screener.index.orgs
        query = tokenize(name, kind)
        if not query:
            continue
        typos = tuple(sub.is_typo(t) for t in query)
        bounded = _QueryContext(query, sub.rarity, sub.org, typos, sub.memos(query))
        exact = _QueryContext(query, sub.rarity, sub.org, typos)
        for name_no in sub.candidates(query, floor_share=0.2, limit=50):
            tokens, wr = sub.name_tokens[name_no], sub.name_wr[name_no]
            full = exact.align(tokens, wr)
            quick = bounded.align(tokens, wr, floor)
            if quick == 0.0 and full > 0.0:
                skipped += 1
                assert full < floor, (name, tokens, full)
            else:
                assert quick == full, (name, tokens, quick, full)
    assert skipped > 100  # the bound does skip names


def test_answers_with_warm_caches_equal_answers_with_cold_ones(screener: Screener) -> None:
    queries = _queries(screener, 150)
    index = screener.index

    def answers() -> list[list[tuple[str, float, str]]]:
        return [
            [
                (h.entry.entity_id, h.score, h.matched_name)
                for h in index.search(name, kind=kind, dob="1970-01-01", threshold=0.8)
            ]
            for name, kind in queries
        ]

    index.clear_caches()
    cold = answers()
    assert any(cold)
    assert answers() == cold


def test_neighbours_kept_in_the_index_equal_those_found_by_searching(
    screener: Screener,
) -> None:
    """Listed words' neighbours are found once when the index is built; a search at query
    time (as for a word on no list) finds exactly the same words and similarities."""
    rng = random.Random(3)
    for sub in (screener.index.persons, screener.index.orgs):
        for tok in rng.sample(sub.vocab_tokens, 300):
            assert sub.similar_tokens(tok) == sub._find_similar(tok), tok
