"""Matching changes of the fifth round (issue 3: typos in organisations' names): each with
a name it must now find and an honest look-alike that must stay quiet at the default
threshold."""

from __future__ import annotations

import functools

import pytest

from hireguard.sanctions.index import SHORT_ORG_TYPO_SIM, _misspelt_stopword, org_token_sim
from hireguard.sanctions.screener import Screener
from tests.sanctions.helpers import top_hit

top = functools.partial(top_hit, kind="organization")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # "de" of "S.A. de C.V." misspelt, missing or C.V. misspelt: the phrase folds again
        ("CONSTRUCTORA VANIA, S.A. DDE C.V.", ("us_ofac_sdn", "21573")),
        ("GRUPO ZAIT, S.A. E C.V.", ("us_ofac_sdn", "40384")),
        ("RECSERVI, S.A. DE CC.V.", ("us_ofac_sdn", "39489")),
    ],
)
def test_a_misspelt_short_word_of_a_legal_phrase_folds_as_the_phrase(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query) == expected


def test_a_short_word_near_a_phrase_word_that_folds_nothing_stays_a_word(
    screener: Screener,
) -> None:
    # "Dt" is one letter from "de", but reading it so only drops it: RT-CAPITAL is not
    # "Capital", and neither is DT-Capital
    assert top(screener, "DT-Capital LLC") is None
    assert top(screener, "Constructora Vania DF") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("THEE HOUTHIS", ("un_sc_sanctions", "YEe.001")),
        ("FOZ OFR TRADING", ("us_ofac_sdn", "26895")),
    ],
)
def test_a_misspelt_stopword_costs_as_little_as_a_legal_form(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query) == expected


def test_a_stopword_with_a_letter_added_is_a_word_of_its_own(screener: Screener) -> None:
    # a doubled letter or two swapped is a slip; a letter added elsewhere makes a name
    assert _misspelt_stopword("thee") and _misspelt_stopword("ofr") and _misspelt_stopword("dde")
    for word in ("dell", "ford", "fort", "hand", "ella", "dan"):
        assert not _misspelt_stopword(word), word
    assert top(screener, "Foz Ford Trading") is None
    assert top(screener, "Dell Houthis") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("IBBS SOFT LTD", ("us_ofac_sdn", "48401")),  # IBS SOFT LTD, a letter doubled
        ("Jinmingsheng Technology HKK Co Limited", ("us_ofac_sdn", "48729")),
        # VTB swapped
        ("VBT CAPITAL HOLDINGS CLOSED JOINT STOCK COMPANY", ("us_ofac_sdn", "18729")),
    ],
)
def test_a_short_word_with_a_letter_doubled_or_two_swapped_is_a_typo(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query) == expected


def test_a_short_word_with_another_letter_is_another_acronym(screener: Screener) -> None:
    assert org_token_sim("ibbs", "ibs", typo=True) == SHORT_ORG_TYPO_SIM
    assert org_token_sim("vbt", "vtb", typo=True) == SHORT_ORG_TYPO_SIM
    # a letter added that is no double: most acronyms hold a listed shorter one
    assert org_token_sim("cgi", "ig", typo=True) == 0.0
    assert org_token_sim("hsbc", "hbc", typo=True) == 0.0
    # a listed acronym is no typo of another
    assert org_token_sim("vbt", "vtb", typo=False) == 0.0
    # an acronym alone with two letters swapped is not enough: AMS GROUP LLC
    assert top(screener, "ASM Group LLC") is None
    assert top(screener, "Jinmingsheng Technology HKG Co Limited") is None
    assert top(screener, "IBX Soft Ltd") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("HAQQANI NETWORK HQ", ("un_sc_sanctions", "TAe.012")),  # HQN
        ("Eurogroup Engineering ED", ("us_ofac_sdn", "32127")),  # EAD
        ("Myanma Il and Gas Enterprise", ("us_ofac_cons", "46072")),  # Oil
    ],
)
def test_a_word_of_two_letters_with_a_letter_missing_is_a_typo(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query) == expected


def test_a_word_of_two_letters_missing_a_letter_alone_is_no_match(screener: Screener) -> None:
    assert org_token_sim("hq", "hqn") == pytest.approx(2 / 3)
    assert org_token_sim("hx", "hqn") == 0.0
    # the rest of the name must agree: an acronym alone (HP is in EP-MHP, BT in SBT S.A.),
    # or another acronym, is no match
    for query in ("HP Inc.", "BT Group", "Haqqani Network HX"):
        assert top(screener, query) is None, query
