"""Matching changes of the eighth round (a typo inside a company's legal form or short
name, a Korean name romanised with a typo): each with a name it must now find and a
look-alike that must stay quiet (or rank below) at the default threshold."""

from __future__ import annotations

import functools

from hireguard.sanctions.index import (
    NEAR_ROMANISATION_FACTOR,
    TYPO_ROMANISATION_SIM,
    _agreeing_context_typo,
    _trailing_legal_forms,
    token_sim,
)
from hireguard.sanctions.names import legal_word, other_syllable_reading, tokenize
from hireguard.sanctions.screener import Screener
from tests.sanctions.helpers import top_hit

top = top_hit
top_org = functools.partial(top_hit, kind="organization")

CITY_PHARMA = ("us_ofac_sdn", "28535")  # CITY PHARMA SARL
BLACK_DROP = ("us_ofac_sdn", "33273")  # BLACK DROP INTL CO., LIMITED
TAXI_AEREO = ("us_ofac_sdn", "11479")  # TAXI AEREO ANTIOQUENO S.A.
VTB_KAZAKHSTAN = {("us_ofac_sdn", "18723"), ("us_ofac_cons", "18723")}
KIM_SONG_CHOL = {("us_ofac_sdn", "19531"), ("un_sc_sanctions", "KPi.030")}
KIM_SOK_CHOL = {("us_ofac_sdn", "17622"), ("un_sc_sanctions", "KPi.036")}


# A. A misspelt legal abbreviation where the legal form stands


def test_a_misspelt_legal_abbreviation_at_the_end_is_the_legal_form(screener: Screener) -> None:
    assert _trailing_legal_forms("surl") == ("sarl",)
    assert _trailing_legal_forms("itl") == ("intl",)
    assert _trailing_legal_forms("gmbb") == ("gmbh",)
    # (the first letter kept; words such as Open and Coop are no abbreviations to guess)
    assert _trailing_legal_forms("igl") == ()
    assert _trailing_legal_forms("opel") == ()
    assert top_org(screener, "City Pharma Surl") == CITY_PHARMA
    assert top_org(screener, "City Pharma Sarp") == CITY_PHARMA
    # before another legal form at the end ("Co"): still where the legal form stands
    assert top_org(screener, "Black Drop Itl Co") == BLACK_DROP


def test_a_name_or_a_short_name_in_the_legal_forms_place_stays_a_word(
    screener: Screener,
) -> None:
    # Sari is a person's name (on a list): no misspelt SARL, however close
    assert top_org(screener, "City Pharma Sari") is None
    # one word of the name only: too little to read the last one as a legal form
    assert top_org(screener, "Pharma Surl") is None
    # nor a word one edit from no abbreviation of the kind
    assert top_org(screener, "Black Drop Igl Co") is None


# B. A known word one slip off, when the rest of a company's name agrees word for word


def test_a_known_word_one_slip_off_beside_rare_words_that_agree(screener: Screener) -> None:
    # Tai is a syllable (a known word), Taxi less a letter
    assert tokenize("Tai Aereo Antioqueno", "organization") == ("tai", "aereo", "antioqueno")
    assert top_org(screener, "Tai Aereo Antioqueno") == TAXI_AEREO
    assert top_org(screener, "TAI AEREO ANTIOQUENO S.A.") == TAXI_AEREO


def test_the_context_must_be_whole_and_rare(screener: Screener) -> None:
    query = ("tai", "aereo", "antioqueno")
    listed = ("taxi", "aereo", "antioqueno")
    flags = (False, False, False)
    words = list(query)
    assert _agreeing_context_typo(query, flags, words, listed, lambda _: 1.0) == (
        True,
        False,
        False,
    )
    # frequent words agreeing say too little (Asia Pacific, Trading, International)
    assert _agreeing_context_typo(query, flags, words, listed, lambda _: 0.35) is None
    # two words differing: another name
    other = ("taxi", "aereo", "antioquia")
    assert _agreeing_context_typo(query, flags, words, other, lambda _: 1.0) is None
    # a word left out of the listed name is no slip
    assert _agreeing_context_typo(query, flags, words, listed[:2], lambda _: 1.0) is None
    # a name of two words: one word agreeing is too little context
    assert top_org(screener, "Tai Antioqueno") is None


# C. A Korean syllable with two letters swapped (or one too many) is a romanisation misspelt


def test_a_slip_of_a_spelt_syllable_counts_above_a_slip_of_its_skeleton(
    screener: Screener,
) -> None:
    # Senog is Seong (Revised Romanisation of SONG) with two letters swapped; it reaches
    # SOK only through the skeleton of Seog, no syllable
    assert token_sim("senog", "song", True) == NEAR_ROMANISATION_FACTOR
    assert token_sim("senog", "sok", True) == TYPO_ROMANISATION_SIM
    assert top(screener, "Gim Senog-cheol") in KIM_SONG_CHOL
    assert top(screener, "Gim Seong-cheol") in KIM_SONG_CHOL


def test_a_known_syllable_stays_another_syllable(screener: Screener) -> None:
    # Seng is a syllable of its own, not a misspelt Seong: no typo credit
    assert token_sim("seng", "song") < TYPO_ROMANISATION_SIM
    # the listed Sok written as it is finds Sok, not Song
    assert top(screener, "Kim Sok Chol") in KIM_SOK_CHOL
    # and the slip does not bring in another surname
    assert top(screener, "Park Sonog Chol") is None


# D. Two slips in a long legal word: a swap and a letter added into it


def test_a_swap_and_a_letter_added_in_a_long_legal_word(screener: Screener) -> None:
    assert legal_word("compnsay") == "company"
    assert top_org(screener, "Bank VTB Kazakhstan Joint Stock Compnsay") in VTB_KAZAKHSTAN


def test_three_slips_in_a_legal_word_leave_it_a_word() -> None:
    assert legal_word("cmopnsay") is None
    assert legal_word("compnsya") is None
    assert legal_word("lmtide") is None


# E. Pinyin writes a syllable one way: two pinyin syllables, or a pinyin syllable and a
#    Korean spelling that is no pinyin, are two names even where their skeletons agree


def test_a_chinese_name_is_not_a_korean_name_of_like_sound(screener: Screener) -> None:
    # Chen Liu had matched RYU Jin (UN KPi.027, OFAC 17616) and YU, Jin at 0.95: Liu and
    # Ryu, Chen and Jin share skeletons, but Chen and Jin are two pinyin syllables and Liu
    # is Chinese where Ryu is Korean
    for name in ("Chen Liu", "Liu Chen", "Lu Liu"):
        assert top(screener, name) is None, name
    assert other_syllable_reading("liu", "ryu") and other_syllable_reading("chen", "jin")
    assert other_syllable_reading("peng", "ping")  # Xi Jinpeng is not Xi Jinping


def test_korean_spellings_and_arabic_lineage_words_keep_their_variants(
    screener: Screener,
) -> None:
    assert top(screener, "Ryu Jin") in {("un_sc_sanctions", "KPi.027"), ("us_ofac_sdn", "17616")}
    assert top(screener, "Kim Chong Un") == ("us_ofac_sdn", "20157")  # Chong, Jong: Korean
    assert top(screener, "Gang Pil Hun") == ("us_ofac_sdn", "21304")  # Gang, Kang: Korean
    assert not other_syllable_reading("kang", "gang")
    assert token_sim("ben", "bin") >= 0.9  # Ben, Bin: one Arabic word, not two syllables


# F. A name in Arabic script: the guesses at its vowels that share a listed name come first


def test_arabic_script_readings_that_stand_together_in_a_listed_name(screener: Screener) -> None:
    # الأسد is s-d: Assad is not among the four commonest listed words of that skeleton
    # (Said, Saeed, Seyed, Sayyed), but Bashar and Assad share a listed name
    for name, listed in (
        ("بشار الأسد", "AL-ASSAD, Bashar"),
        ("ماهر الأسد", "AL-ASSAD, Maher"),
        ("أسماء الأسد", "AL-ASSAD, Asma"),  # before SAAD, Issam Ahmad (a word left out)
    ):
        [match] = screener.search(name, kind="person")[:1]
        assert match.name == listed
    assert top(screener, "محمود عباس") is None  # Mahmoud is still not Muhammad


def test_a_ya_inside_an_arabic_word_asks_for_an_i_y_or_e(screener: Screener) -> None:
    """حسین is Hossein or Husayn, not Ehsan or Hasan (the same consonants, h-s-n): it had
    found MOHAMMADI, Ehsan for حسین محمدی; a name in Arabic script now finds what the same
    name in Latin letters finds (Hossein Musavi), no more."""
    from hireguard.sanctions.names import arabic_script_words

    assert arabic_script_words("حسین")[0][3] and not arabic_script_words("احسان")[0][3]
    assert top(screener, "حسین محمدی") is None
    assert top(screener, "حسین موسوی") == top(screener, "Hossein Musavi")
