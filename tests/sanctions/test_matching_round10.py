"""Matching changes of the tenth round (a QA review): the order of a Korean given name's
syllables, and a name in Arabic script with the particle bin. Each with names that must be
found and look-alikes that must stay quiet at the default threshold; the look-alikes of A
and the names of B failed on the ninth round's code."""

from __future__ import annotations

from hireguard.sanctions.index import GIVEN_ORDER_CAP, written_as_one
from hireguard.sanctions.names import arabic_script_words
from hireguard.sanctions.screener import Screener
from tests.sanctions.helpers import top_hit

top = top_hit

RI_SU_YONG = {("us_ofac_sdn", "21735"), ("un_sc_sanctions", "KPi.052")}  # RI, Su Yong
KIM_MIN_CHOL = ("us_ofac_sdn", "23092")  # KIM, Min Chol
KIM_JONG_UN = ("us_ofac_sdn", "20157")  # KIM, Jong Un
OSAMA_BIN_LADEN = ("us_ofac_sdn", "6365")  # BIN LADIN, Usama bin Muhammad bin Awad
HAMZA_BIN_LADEN = ("un_sc_sanctions", "QDi.421")  # HAMZA USAMA MUHAMMAD BIN LADEN


def scores(screener: Screener, name: str) -> dict[tuple[str, str], float]:
    return {(m.list, m.entity_id): m.score for m in screener.search(name, kind="person")}


# A. A Korean given name read backwards is another given name


def test_a_the_listed_name_with_its_surname_moved_is_found(screener: Screener) -> None:
    for name in ("Kim Jong Un", "Jong Un Kim", "KIM, Jong Un", "Kim Jong-un"):
        assert top(screener, name) == KIM_JONG_UN, name
    # the given name hyphened, joined or capitalised, in its order
    for name in ("Jong-un Kim", "Jongun Kim", "Jong-Un Kim", "Gim Jeong-eun"):
        assert top(screener, name) == KIM_JONG_UN, name
    assert top(screener, "Min-chol Kim") == KIM_MIN_CHOL
    assert top(screener, "Minchol Kim") == KIM_MIN_CHOL
    # Su-yong written Soo Young, and the surname moved: the listed order
    for name in ("Soo Young Lee", "Soo-young Lee", "Lee Soo-young", "Su Yong Ri", "Yong Ri Su"):
        assert top(screener, name) in RI_SU_YONG, name


def test_a_a_given_name_with_its_syllables_reversed_is_another_name(
    screener: Screener,
) -> None:
    # 영수 (Young-soo) is not 수영 (Su-yong), nor 철민 (Chol-min) 민철 (Min-chol): these had
    # matched RI, Su Yong at 0.944 and KIM, Min Chol at 1.000
    for name in ("Young-soo Lee", "Youngsoo Lee", "Young Soo Lee", "Lee Young-soo", "이영수"):
        assert top(screener, name) is None, name
        assert all(s <= GIVEN_ORDER_CAP for s in scores(screener, name).values()), name
    for name in ("Chol-min Kim", "Cholmin Kim", "Chol Min Kim", "Un-jong Kim"):
        assert top(screener, name) is None, name


def test_a_a_reversed_given_name_alone_is_not_the_listed_given_name(
    screener: Screener,
) -> None:
    # "Young-soo" is written as one name: the listed given name Yong Su (KIM, Yong Su) in
    # its order, part of a listed name; not Su Yong backwards
    found = scores(screener, "Young-soo")
    assert not RI_SU_YONG & found.keys()
    assert scores(screener, "Su-yong").keys() >= RI_SU_YONG


def test_a_words_written_as_one() -> None:
    assert {"youngsoo", "lee"} <= written_as_one("Young-soo Lee")
    assert "youngsoo" in written_as_one("Youngsoo Lee")
    assert "cholsong" in written_as_one("Ch'o'l-so'ng Cho")


# B. A name in Arabic script with the particle bin


def test_b_the_particle_bin_is_no_end_of_a_name() -> None:
    # بن ends in a consonant: no long i at the end (Banai), and أسامة بن is not Somboon
    words = arabic_script_words("أسامة بن لادن")
    assert [w[0] for w in words] == ["sm", "bn", "ldn"]
    assert words[1][4] and not words[0][4]
    # vowel marks are read as the name is read without them
    assert arabic_script_words("عَلِيّ") == arabic_script_words("علي")


def test_b_osama_bin_laden_in_arabic_script_is_found(screener: Screener) -> None:
    # أسامة بن لادن had found only his son HAMZA USAMA MUHAMMAD BIN LADEN (0.934), part of
    # whose name it is: its three words were read as Somboon and Ladin
    assert top(screener, "أسامة بن لادن") == OSAMA_BIN_LADEN
    assert top(screener, "اسامة بن لادن") == OSAMA_BIN_LADEN
    assert top(screener, "Usama bin Laden") == OSAMA_BIN_LADEN
    # the son, in either script, is still the son
    assert top(screener, "حمزة بن لادن") in {("us_ofac_sdn", "21286"), HAMZA_BIN_LADEN}


def test_b_honest_names_with_bin_stay_quiet(screener: Screener) -> None:
    # (not read as AL BANAI, Ali Reda Hassan: بن is bin, not Banai)
    assert ("us_ofac_sdn", "33231") not in scores(screener, "علي بن حسن")
    for name in ("أسامة بن زيد", "سامي بن علي", "يوسف بن علي", "أسامة بن علي"):
        assert top(screener, name) is None, name
    assert top(screener, "محمود عباس") is None  # Mahmoud is still not Muhammad
