"""Matching on the built-in lists: who must be found, who must not, and why."""

from __future__ import annotations

import pytest

from hireguard.sanctions.index import token_sim
from hireguard.sanctions.names import skeleton, syllables, tokenize
from hireguard.sanctions.screener import DEFAULT_THRESHOLD, Screener
from tests.sanctions.helpers import top_hit

KIM_JONG_UN = ("us_ofac_sdn", "20157")


top = top_hit


@pytest.mark.parametrize(
    "query",
    [
        "Kim Jong Un",  # as listed
        "Jong Un Kim",  # given name first
        "Gim Jeong-eun",  # Revised Romanisation
        "Kim Chong-un",  # McCune-Reischauer with hyphen
        "김정은",  # Hangul
        "Kim Jongun",  # given names run together
        "Mr. Kim Jong Un",  # honorific
    ],
)
def test_a_listed_dprk_person_is_found_in_any_romanisation_or_script(
    screener: Screener, query: str
) -> None:
    assert top(screener, query, kind="person") == KIM_JONG_UN


def test_a_known_dprk_linked_digital_currency_address_is_found(screener: Screener) -> None:
    # Lazarus Group's ETH address from OFAC's 2022-04-14 update, as typed in lower case.
    matches = screener.search_address("0x098b716b8aaf21512996dc57eb0615e2383e2f96")
    assert [(m.list, m.entity_id, m.name) for m in matches] == [
        ("us_ofac_sdn", "27307", "LAZARUS GROUP")
    ]
    assert matches[0].features == {"crypto_exact": 1.0}
    assert screener.search_address("0x098b716b8aaf21512996dc57eb0615e2383e2f97") == []


def test_date_of_birth_raises_a_match_and_a_conflicting_one_lowers_it(
    screener: Screener,
) -> None:
    plain = screener.search("Kim Chong-un", kind="person", threshold=0.5)[0]
    same = screener.search("Kim Chong-un", kind="person", dob="1984-01-08", threshold=0.5)[0]
    other = screener.search("Kim Chong-un", kind="person", dob="1990-05-05", threshold=0.5)[0]
    assert same.score > plain.score > other.score
    assert same.features["dob_exact"] == 1.0 and other.features["dob_conflict"] == 1.0


def test_nationality_only_qualifies_a_name_match(screener: Screener) -> None:
    """A nationality never makes a match on its own: an unrelated name stays quiet."""
    assert screener.search("Emily Johnson", kind="person", nationality="KP") == []
    listed = screener.search("Kim Chong-un", kind="person", nationality="KP", threshold=0.5)
    assert listed[0].entity_id == "20157"


@pytest.mark.parametrize(
    "name",
    [
        "Kim Min-jun",
        "Park Ji-hoon",
        "Lee Seo-yeon",
        "Choi Ha-eun",
        "Wang Fang",
        "Li Na",
        "Zhang Wei Ming",
        "Nguyen Van Anh",
        "Maria Garcia",
        "Mohammed Haddad",
    ],
)
def test_common_names_of_unlisted_people_are_not_hits(screener: Screener, name: str) -> None:
    assert screener.search(name, kind="person") == []


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("Chinyong Information Technology Cooperation Company", "43379"),
        ("CHINYONG INFORMATION TECHNOLOGY COOPERATION CO.", "43379"),  # legal form short
        ("Chinyong Information Technology Cooperation Compnay", "43379"),  # typo in it
        ("Volasys Silver Star", "24978"),
        ("Yanbian Silverstar Network Technology Co., Ltd", "24977"),
    ],
)
def test_dprk_front_companies_are_found_with_legal_forms_handled(
    screener: Screener, query: str, entity_id: str
) -> None:
    assert top(screener, query, kind="organization") == ("us_ofac_sdn", entity_id)


def test_ordinary_employers_are_not_hits(screener: Screener) -> None:
    employers = (
        "Google LLC",
        "Freelance",
        "Samsung Electronics Co., Ltd.",
        "Upwork Inc.",
        "IBM",
        "CGI",
        "BBC",
        "Uber",
        "Ola",
        "Acer",
        "RBC",
        "Wise",
        "Sky",
    )
    for employer in employers:
        assert screener.search(employer, kind="organization") == [], employer


def test_each_match_says_which_features_made_it(screener: Screener) -> None:
    [match] = screener.search("Kim Jong Un", kind="person", dob="1984", limit=1)
    assert match.features == {"name": 1.0, "dob_year": 1.0}
    assert 0.0 <= match.score <= 1.0 and DEFAULT_THRESHOLD < 1.0


def test_identity_numbers_match_exactly_after_normalising(screener: Screener) -> None:
    # PAEK, Chang-Ho (SDN 15667): "Passport 381420754 issued 07 Dec 2011".
    matches = screener.search_id("381-420-754")
    assert "15667" in {m.entity_id for m in matches}
    assert {m.name for m in matches} <= {"PAEK, Chang-Ho", "PAEK CHANG-HO"}
    assert all(m.features == {"id_exact": 1.0} for m in matches)
    assert screener.search_id("381420755") == []


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("Gim Jeogng-eun", "person", KIM_JONG_UN),  # romanisation with a letter too many
        ("Khalid An-Barnawi", "person", ("us_ofac_sdn", "15011")),  # assimilated article
        ("Khalid Barnawi", "person", ("us_ofac_sdn", "15011")),  # article left out
        ("Abd Al Rauf Khadem", "person", ("un_sc_sanctions", "TAi.025")),  # Abdul written Abd al-
        ("GTLK Middle East Free Zone Compnay", "organization", ("us_ofac_sdn", "37863")),
        ("JSC Power Machies", "organization", ("us_ofac_sdn", "23563")),  # a letter dropped
        ("Orbital Horizons Ocrp.", "organization", ("us_ofac_sdn", "13353")),  # legal form
    ],
)
def test_typos_articles_and_misspelt_legal_forms_still_find_the_listed_party(
    screener: Screener, query: str, kind: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query, kind=kind) == expected


@pytest.mark.parametrize("query", ["Kim Kyung-soo", "Karim Nasser", "Hyun-woo Lim"])
def test_a_common_name_differing_in_a_real_name_word_stays_quiet(
    screener: Screener, query: str
) -> None:
    # Kyung is not a typo of Pyong, nor Karim of Ali: both are names in their own right.
    assert screener.search(query, kind="person") == []


@pytest.mark.parametrize("query", ["Wang Xiaoming", "Yang Xiaoming", "Mary Taylor"])
def test_a_two_part_name_with_one_part_another_name_is_a_namesake(
    screener: Screener, query: str
) -> None:
    # Half of a two-part name differs (Wang for Zhang, Mary for Mark): another person.
    assert screener.search(query, kind="person") == []


@pytest.mark.parametrize("query", ["Zhang Xiaoming", "Zhang Xiaomng", "Kony Ali"])
def test_a_two_part_name_with_a_typo_still_finds_the_listed_person(
    screener: Screener, query: str
) -> None:
    assert screener.search(query, kind="person"), query


@pytest.mark.parametrize(
    ("query", "entity_id"),
    [
        ("Gwng Jun Gim", "17617"),  # KIM, Kwang Chun: Gwang with a letter dropped
        ("Jewng Yeong Su", "23091"),  # JONG, Yong Su: Jeong with a letter mistyped
        ("Jang Seongcheol", "17620"),  # JANG, Song Chol: a given name written as one word
        ("Mun Ilpark", "23011"),  # PAK, Mun Il: two syllables run together
    ],
)
def test_a_typo_in_a_romanised_syllable_or_syllables_run_together_still_find_the_person(
    screener: Screener, query: str, entity_id: str
) -> None:
    assert top(screener, query, kind="person") == ("us_ofac_sdn", entity_id)


def test_letters_spaced_out_are_one_acronym_not_a_misspelt_legal_form() -> None:
    assert tokenize("Limited Liability Company I T C", "organization") == ("~llc", "itc")
    assert tokenize("I T C Inc", "organization") == ("itc", "~inc")
    # a three-letter word is a misspelt legal form only with two letters swapped
    assert tokenize("ITC Limited", "organization") == ("itc", "~ltd")
    assert tokenize("Qingji Ind. Co. Tld", "organization") == ("qingji", "ind", "~coltd")
    assert tokenize("S. A. de C. V.", "organization") == tokenize("SA de CV", "organization")


def test_a_company_spelt_with_spaced_initials_is_found(screener: Screener) -> None:
    assert top(screener, "Limited Liability Company I T C", kind="organization") == (
        "us_ofac_sdn",
        "47676",
    )
    assert top(screener, "B S Company", kind="organization") == ("us_ofac_sdn", "26884")


def test_a_word_of_a_company_name_is_no_person_name(screener: Screener) -> None:
    # "Amn" is a listed company's word (AMN Pardazesh), not a name: in a person's name it
    # is a typo of Amin (SHOKOHI, Amin).
    assert top(screener, "Amn Shokohi", kind="person") == ("us_ofac_sdn", "22952")


def test_korean_syllables_are_those_names_are_written_with() -> None:
    names = syllables()
    assert {"hyok", "hyeok", "seop", "sop", "gye", "hye", "kwang", "hoek"} <= names
    # letter-by-letter transcriptions and syllables no Sino-Korean name reads are typos
    assert not {"hog", "seob", "kko", "chel", "myeng", "jwang"} & names


@pytest.mark.parametrize(
    "query", ["Zhang Jing", "Zhang Qiang", "Huang Fang", "Choe Hyeon Jeong", "Wang Yun Peng"]
)
def test_korean_and_chinese_names_differing_in_one_syllable_are_other_people(
    screener: Screener, query: str
) -> None:
    # Jing is not a misspelt Jiang, nor Jeong a Myong: each syllable is a name of its own
    # (ZHANG Jiang Ping, HUANG Wang Ken, CHOE Myong Hyon, CHANG Ping Yun are listed).
    assert screener.search(query, kind="person") == []


def test_a_misspelt_title_is_no_part_of_the_name(screener: Screener) -> None:
    assert top(screener, "Generl Kim Jong Un", kind="person") == KIM_JONG_UN
    assert top(screener, "Kim Jong Un Sheikhh", kind="person") == KIM_JONG_UN


# Third round of issue 3 (docs/sanctions.md): each kind of match the matcher now makes,
# with a name that looks like it and must stay quiet.


@pytest.mark.parametrize(
    ("query", "entity_id", "look_alike"),
    [
        # a letter too many in the query: one of its deletes is the listed word
        ("Hafez Al-Aspsad", "29279", "Hafez Aspen"),
        # a typo in a romanisation of a syllable (Ctheol: Cheol, which is Chol)
        ("Ctheol U Yu", "19488", "Choi Hyun-woo"),
        ("Cfhoi Hwi", "21306", "Choi Hwa"),
    ],
)
def test_a_typo_that_reaches_the_listed_word_only_through_a_spelling_is_found(
    screener: Screener, query: str, entity_id: str, look_alike: str
) -> None:
    assert top(screener, query, kind="person") == ("us_ofac_sdn", entity_id)
    assert screener.search(look_alike, kind="person") == []


def test_frequent_words_reach_the_shortest_names_holding_them(screener: Screener) -> None:
    # Hundreds of listed names hold Mohammad and Shah; the candidates are ranked by the
    # share of both names that agrees, so SHAH, Mohammad Yusuf is among those scored.
    # (First since the fourth round: the alias "Shah Mohammed" of another entry, every
    # word of it matched, Mohammed/Mohammad being one name: a coin toss either way.)
    hits = screener.search("Mohammad Shah", kind="person")
    assert ("us_ofac_sdn", "22563") in [(m.list, m.entity_id) for m in hits]
    assert screener.search("Mohammed Haddad", kind="person") == []


def test_the_arabic_diphthong_is_one_sound_in_any_spelling(screener: Screener) -> None:
    assert skeleton("husayn") == skeleton("hussein") == skeleton("hussain")
    assert skeleton("shaykh") == skeleton("sheikh")
    # Korean and Chinese syllables keep their vowels; English -ey at the end is i
    assert skeleton("mei") != skeleton("mai") and skeleton("harvey") == skeleton("harvie")
    assert top(screener, "Saddam Husayn al-Tikriti", kind="person") in {
        ("us_ofac_sdn", "7843"),
        ("un_sc_sanctions", "IQi.001"),
    }
    assert screener.search("Wang Mei", kind="person") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Mair Moayyed Alai", ("un_sc_sanctions", "IRi.005")),  # Amir, two letters swapped
        ("Firas Hjj Salim", ("us_ofac_sdn", "22137")),  # Hajj, a letter missing
    ],
)
def test_a_misspelt_short_title_is_no_part_of_the_name(
    screener: Screener, query: str, expected: tuple[str, str]
) -> None:
    assert top(screener, query, kind="person") == expected


@pytest.mark.parametrize("query", ["Amira Mansour", "Amira Farouk", "Amir Khan", "Imran Khan"])
def test_a_name_near_a_title_or_a_title_that_is_a_name_stays_a_name(
    screener: Screener, query: str
) -> None:
    # Amira is no misspelt Amir; Amir Khan is not the listed "Sayed Khan" reduced to Khan.
    assert screener.search(query, kind="person") == []
    assert tokenize("Amir Khan") == ("amir", "khan")
    assert tokenize("Haji Muhammad Ashraf") == ("muhammad", "ashraf")


def test_the_arabic_article_written_joined_is_split_off(screener: Screener) -> None:
    assert top(screener, "Samir Alqadi", kind="person") == ("us_ofac_cons", "9672")
    for name in ("Alfred Smith", "Elena Petrova", "Alisha Khan"):
        assert screener.search(name, kind="person") == [], name


def test_a_misspelt_legal_abbreviation_weighs_as_a_legal_form(screener: Screener) -> None:
    assert top(screener, "Rahat Ltf", kind="organization") == ("us_ofac_sdn", "15580")
    assert screener.search("Samsung Electronics Co Ltf", kind="organization") == []


def test_a_name_cut_in_the_wrong_place_is_compared_run_together(screener: Screener) -> None:
    # "Mank-o" is no word: the name is compared as one string with Ko Chol Man's
    assert top(screener, "Cheol Mank-o", kind="person") == ("us_ofac_sdn", "22990")
    # a name of real words is compared word by word: Mary Taylor is not Mark Taylor
    assert screener.search("Park Jih-oon", kind="person") == []
    assert screener.search("Mary Taylor", kind="person") == []


def test_a_typo_is_nearer_the_word_it_misspells_than_one_that_sounds_alike(
    screener: Screener,
) -> None:
    # Mingu, taken for a typo, is a letter from Mingfu; it sounds like Mingguo, two
    # letters away
    assert token_sim("mingu", "mingfu", typo=True) > token_sim("mingu", "mingguo", typo=True)
    # (In a Chinese name, since the fourth round, Mingu is two pinyin syllables written as
    # one, a given name rather than a typo, and sounds like Mingguo: "Mingu Chen" names
    # CHEN, Mingguo or Mingfu, a coin toss that the evaluation file marks ambiguous.)
    assert top(screener, "Mingu Chen", kind="person") in {
        ("us_ofac_sdn", "19250"),
        ("us_ofac_sdn", "31493"),
    }


def test_a_typo_in_a_three_letter_word_and_korean_surname_spellings(screener: Screener) -> None:
    assert top(screener, "Mun Ssn Son", kind="person") == ("us_ofac_sdn", "16083")
    # Lim, Lee, Park are Korean surnames (names), not typos of Kim, Li or Pak
    assert {"lim", "lee", "park", "choi", "oh"} <= syllables()
    for name in ("Lim Hyun-woo", "Lee Dong-hyun"):
        assert screener.search(name, kind="person") == [], name


def test_legal_words_of_other_languages_are_legal_forms() -> None:
    listed = tokenize("KARTAL EXIM DIS TICARET LIMITED SIRKETI", "organization")
    assert listed[-2:] == ("~ltd", "~sti")
    assert tokenize("Kartal Exim Dis Ticaret Limited Sikreti", "organization") == listed
    assert tokenize("Compagnie Generale", "organization") == ("~co", "generale")
