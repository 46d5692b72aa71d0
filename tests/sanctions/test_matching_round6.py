"""Matching changes of the sixth round (issue 3: romanisation plus a typo): each with a
name it must now find and an honest look-alike that must stay quiet at the default
threshold."""

from __future__ import annotations

import pytest

from hireguard.sanctions.index import TYPO_ROMANISATION_SIM, token_sim
from hireguard.sanctions.screener import Screener
from tests.sanctions.helpers import top_hit

top = top_hit


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Ahmed (the Arabic short vowel written e) with two letters swapped, for AHMED/AHMAD
        ("Ameen Ahmda", ("us_ofac_sdn", "44442")),
        # Mohammed with a letter too many, for Muhammad
        ("El-Hindi Muhamemd", ("us_ofac_sdn", "27311")),
    ],
)
def test_an_arabic_vowel_spelling_with_a_letter_added_or_swapped_is_found(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query) == expected


def test_an_arabic_vowel_spelling_with_a_letter_missing_is_another_name(
    screener: Screener,
) -> None:
    # Hessa is a name of its own, Hasan less a letter with its vowel written e: not a typo
    assert token_sim("hessa", "hasan", True) < TYPO_ROMANISATION_SIM
    assert top(screener, "Hessa Bilal") is None
    assert top(screener, "Hamza Bilal") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Gim (Kim) with a letter mistyped, Yo with one added, Yi (Ri) with one added
        ("Gwang-Il Gij", ("us_ofac_sdn", "15657")),  # (or the UN's KPi.009, the same man)
        ("Ylo Chong-gim", ("us_ofac_sdn", "21444")),
        ("Yhi Myeong-hun", ("us_ofac_sdn", "23231")),
    ],
)
def test_a_three_letter_typo_of_a_korean_syllable_romanised_is_found(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query) in (expected, ("un_sc_sanctions", "KPi.009"))


def test_a_three_letter_word_near_another_syllable_of_the_same_skeleton_is_no_typo(
    screener: Screener,
) -> None:
    # Huy is a letter from Hui, whose skeleton is He's: not a misspelt He (a Vietnamese name)
    assert token_sim("huy", "he", True) < TYPO_ROMANISATION_SIM
    assert token_sim("gij", "kim", True) == TYPO_ROMANISATION_SIM
    assert top(screener, "Huy Ly") is None
    assert top(screener, "Huy Myeong-hun") is None
