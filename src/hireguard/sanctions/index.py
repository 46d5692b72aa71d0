"""The in-memory screening index and its matcher.

Two steps, as in yente: *candidates* from an inverted index of name tokens (exact token,
phonetic skeleton and one-edit neighbours of the skeleton, so that typos and romanisation
variants still meet), then *scoring* of the best candidates by aligning their tokens with
rapidfuzz. Organisations and persons are kept apart so that a query's kind narrows the
search. Each match names the features that made its score (see :data:`FEATURES`).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, Levenshtein

from hireguard.sanctions.entries import ListEntry
from hireguard.sanctions.names import (
    ARABIC_ARTICLES,
    HONORIFICS,
    LEGAL_FORMS,
    STOPWORDS,
    SURNAME_VARIANTS,
    ArabicWord,
    arabic_script_words,
    chinese_cyrillic_readings,
    consonant_skeleton,
    han_surname,
    has_numbers,
    has_title,
    is_legal,
    is_patronymic,
    korean_cyrillic_readings,
    legal_word,
    name_syllables,
    near_syllable_skeletons,
    near_syllables,
    org_words,
    other_syllable_reading,
    pinyin_syllables,
    skeleton,
    syllables,
    to_latin,
    tokenize,
    wade_giles_readings,
)

#: What each feature in a match's ``features`` means (for analysts and ``--json`` output).
FEATURES: dict[str, str] = {
    "name": "similarity of the best-matching listed name (0..1), after aligning its words",
    "weak_alias": "1 when the listed name is one the publisher marks as a weak alias",
    "dob_exact": "the date of birth equals one the list gives (raises the score)",
    "dob_year": "the year of birth equals, or lies within a circa range of, the list's",
    "dob_near": "the year of birth is one year from the list's, a common recording "
    "discrepancy, for the whole listed name (lowers the score a little; no confirmation)",
    "dob_conflict": "the list gives dates of birth and none is compatible (lowers the score)",
    "nationality_match": "the nationality is one the list gives (qualifies a name match)",
    "nationality_conflict": "the list gives nationalities and this is none of them",
    "country_match": "an organisation: the country given is one of its listed addresses'",
    "country_conflict": "an organisation: its listed addresses are all in other countries "
    "than the one given (a namesake, most likely; the score is not changed)",
    "crypto_exact": "the digital-currency address equals a listed one (after normalising)",
    "id_exact": "the identity number equals a listed one (after normalising)",
}

#: Score added or taken for the qualifiers of a name match.
DOB_EXACT_BONUS = 0.08
DOB_YEAR_BONUS = 0.04
DOB_CONFLICT_PENALTY = 0.15
#: A year of birth one year from the list's (a year recorded wrong, or a date reckoned in
#: another calendar) is an approximate agreement, not a conflict: a small penalty only.
DOB_NEAR_PENALTY = 0.02
#: ... for a name that matches the listed one in full (all its words, spelt the same); with
#: less, a year off stays a conflict: a namesake's, most often (on the held-out-style
#: population: Ali Saleh for SALEH, Ali Mohamed; Miguel Morales for TREVINO MORALES, Miguel;
#: He Lei for HE, Yi), and a name spelt otherwise and a date off are two differences.
DOB_NEAR_NAME = 0.99
#: ... of three words or more: a name of two (Ali Ibrahim, Wei Sun) is shared by too many
#: people for a date off by a year to point to the listed one.
DOB_NEAR_WORDS = 3
NATIONALITY_BONUS = 0.02
NATIONALITY_PENALTY = 0.05
WEAK_ALIAS_PENALTY = 0.03

#: What a romanisation variant (equal skeletons) counts of a full match of a word.
ROMANISATION_FACTOR = 0.95
#: The same for a romanisation variant with a typo (skeletons one edit apart), scaled.
NEAR_ROMANISATION_FACTOR = 0.85
#: A word that is no known word and one letter away from a romanisation of a listed word.
TYPO_ROMANISATION_SIM = 0.82
#: Most that two different Korean or Chinese syllables count (below NAMESAKE_WORD_SIM).
OTHER_SYLLABLE_SIM = 0.75
#: Cost of one edit in a word of five letters or more, relative to its length.
LONG_WORD_EDIT_COST = 0.8
#: Similarity of two words that differ by two neighbouring letters swapped.
TRANSPOSITION_SIM = 0.88
#: A company's short word on no list that is a listed word of two or three letters with a
#: letter doubled or two swapped (Ibbs for IBS, Vbt for VTB): less than a swap in a longer
#: word, since acronyms so close are often two companies (see org_token_sim).
SHORT_ORG_TYPO_SIM = 0.8
#: What a listed word left unmatched costs, relative to its weight (dropped middle names).
UNMATCHED_LISTED_WORD = 0.25
#: The same for organisations.
UNMATCHED_ORG_WORD = 0.6
#: What a listed word left unmatched costs in a person's name when a real name of the query
#: (no typo) is left unmatched too: one name written in place of another ("Othman Ahmed
#: Othman al-Harbi" for OTHMAN AHMED OTHMAN AL-GHAMDI) says more than a name left out.
CONFLICTING_LISTED_WORD = 0.6
#: Every word of two letters or more weighs at least this much (a short surname such as
#: Kim, Li or Wang tells as much about identity as a long given name).
MIN_WORD_WEIGHT = 4
#: Least rarity of a query word that is missing from, or misspelt in, a listed name: a
#: frequent given name (Karim, Yang) matching says little, but one that differs tells
#: another person.
MISMATCH_RARITY = 0.7
#: Below this token similarity two words are not aligned at all.
_MIN_TOKEN_SIM = 0.5
#: Share of the query's weight a name must hold to be scored fully (see ``candidates``).
CANDIDATE_FLOOR = 0.5
NAME_CACHE = 20_000  # names whose matches are remembered (whatever the birth date)

NAMESAKE_WORD_SIM = 0.8
"""In a two-part person name, or one of Korean or Chinese syllables only, a known word (on a
list, or a Korean or Chinese syllable) that matches its listed counterpart below this is
another name, not a spelling of it ..."""
NAMESAKE_CAP = 0.85
"""... and the word alignment is capped here, below the default threshold."""
GIVEN_SYLLABLE_CAP = 0.8
"""A name of Korean or Chinese syllables that leaves out a syllable of a listed name of
syllables ("Young Kim" for KIM Young Chol): a Korean or Chinese given name is most often
two syllables, and one of them alone is another given name, not the listed one with a
middle name dropped. Capped so far below the threshold that a year of birth and a
nationality that agree (+0.06) do not lift it over; an exact date of birth (+0.08) does."""
GIVEN_ORDER_CAP = 0.8
"""A name of Korean or Chinese syllables whose given name reads the listed one's syllables
the other way round ("Young-soo Lee", "Youngsoo Lee", "Young Soo Lee" for RI Su Yong;
"Chol-min Kim" for KIM Min Chol): the order of a given name's syllables is part of the
name (영수 and 수영 are two names), so it is another given name. Moving the surname from one
end of the name to the other keeps the rest in order (Kim Jong Un, Jong Un Kim, "Yong RI Su"
read from "RI Su Yong" as given names then surname): only that is the same name. As low as
:data:`GIVEN_SYLLABLE_CAP`, for the same reason. See :func:`_given_order_reversed`."""
LINEAGE_CAP = 0.8
"""An Arabic chain of descent read the other way ("Salman bin Muhammad" for MUHAMMAD bin
Salman): "X bin Y" is X son of Y, and "Y bin X" his father or son, another man. As low as
:data:`GIVEN_SYLLABLE_CAP`: a year of birth that agrees must not make a father his son."""
#: The words that link a name to the father's in an Arabic (or Hebrew, Maghrebi, Malay)
#: chain of descent: son of (bin, ibn, ben, ould), daughter of (bint, binti).
LINEAGE_WORDS = frozenset(["bin", "ibn", "ben", "bint", "binti", "ould"])
#: Longest name text and most words read from one query.
MAX_NAME_CHARS = 300
MAX_NAME_WORDS = 12
#: A listed word this close to a word of the query is within reach (article_readings).
_NEAR_WORD_SIM = 0.8
#: A name in Arabic script, read by its consonants: listed words tried for each of its
#: words, readings at most, and the most such a reading can score (the vowels are not
#: written, so Hasan, Hassan and Husayn read alike: a name-only match is never certain).
#: The cap is still above what part of a listed name scores letter for letter: أسامة بن لادن
#: spells BIN LADEN, Usama out in full (0.95) and is only part of HAMZA USAMA MUHAMMAD BIN
#: LADEN, whose name the UN list gives in Arabic script too (0.934), as in Latin letters
#: "Usama bin Laden" finds the one at 1.0 and the other at 0.929 (0.93 until round 10).
_ARABIC_CHOICES = 4
_MAX_ARABIC_READINGS = 16
ARABIC_SCRIPT_CAP = 0.95
ARABIC_READING_SIM = 0.95
#: Combinations of guesses looked at for readings whose words share a listed name.
_ARABIC_COMBINATIONS = 2000
#: Ways of reading an Arabic-script name's words two by two as one word, at most.
_MAX_ARABIC_JOINS = 4
#: Other readings of a query with a word split into two syllables, at most.
_MAX_READINGS = 4
#: A word of up to three letters joined by a hyphen to the next (al-Ali, Alp-Madani, A-lAli).
_HYPHENED = re.compile(r"(?<![a-z0-9])([a-z]{1,3})\s*[-‐]\s*([a-z]+)")
#: Shortest word of a legal phrase read right when misspelt (see legal_readings).
_LEGAL_PHRASE_WORD = 5
#: Candidate names scored fully per query (the rest are cut by their token coverage).
_CANDIDATES = 24
#: Margin under the floor before a bound skips a candidate (floating-point rounding).
_BOUND_SLACK = 1e-9
#: Query words whose similarities to listed words are kept between queries.
_MEMO_WORDS = 20_000
#: Names held in the per-word weighted postings kept between queries (about 100 bytes each).
_POSTINGS_BUDGET = 400_000


#: A patronymic alone reaches at most this share under the candidate floor.
_PATRONYMIC_FLOOR_MARGIN = 0.01
#: A company's listed word on this many names or fewer may be two words run together.
_FEW_NAMES = 3
#: Longest Wade-Giles syllable (Hsiung, Chuang): a name with a longer word is read as it is.
_WADE_GILES_LONGEST = 6
#: Legal abbreviations recognised when written joined to the company's name (SiemensAG).
_GLUED_LEGAL_FORMS = frozenset(
    ["ag", "gmbh", "llc", "ltd", "inc", "corp", "plc", "jsc", "pjsc", "ojsc", "llp", "sarl", "spa"]
)
#: Legal abbreviations of four letters that are no words (Open, Coop are; a misspelt Corp
#: tokenize() reads already), read where a word one edit from one ends a company's name
#: (see _SubIndex.trailing_legal_readings).
_TRAILING_LEGAL_FORMS = ("cjsc", "fzco", "gmbh", "intl", "jsco", "ojsc", "pjsc", "sarl")


@functools.lru_cache(maxsize=20_000)
def _trailing_legal_forms(tok: str) -> tuple[str, ...]:
    """The abbreviations of :data:`_TRAILING_LEGAL_FORMS` one edit from ``tok`` with its
    first letter ("Surl", "Itl", "Gmbb": SARL, INTL, GmbH)."""
    return tuple(
        w
        for w in _TRAILING_LEGAL_FORMS
        if w[0] == tok[0] and w != tok and OSA.distance(tok, w, score_cutoff=1) <= 1
    )


#: What a legal form (LLC, Ltd, GmbH) weighs in a company's name.
LEGAL_WORD_WEIGHT = 0.3


@functools.lru_cache(maxsize=200_000)
def token_weight(token: str) -> float:
    """Longer words carry more identity; legal forms and initials little."""
    if is_legal(token):
        return LEGAL_WORD_WEIGHT
    return 1.5 if len(token) == 1 else float(max(len(token), MIN_WORD_WEIGHT))


@functools.lru_cache(maxsize=500_000)
def token_sim(a: str, b: str, typo: bool = False) -> float:
    """Similarity of a query word ``a`` and a listed word ``b`` of persons' names, 0..1:
    :func:`word_sim`, and a name's form for the other sex (Gabriela, Gabriel) another
    name (:func:`_other_gender`)."""
    sim = word_sim(a, b, typo)
    if sim > OTHER_GENDER_SIM and _other_gender(a, b):
        return OTHER_GENDER_SIM  # Gabriela is not Gabriel, Kuznetsova not Kuznetsov
    return sim


@functools.lru_cache(maxsize=500_000)
def word_sim(a: str, b: str, typo: bool = False) -> float:
    """Similarity of a query word ``a`` and a listed word ``b``, 0..1.

    Spelling: ``1 - edits / (length - 1)``, so one typo costs little in a long word and
    much in a short one (Min/Man, Jun/Jin are other names, not typos). Romanisation: equal
    skeletons count 0.95 (Kim/Gim, Jong/Chong, Un/Eun). Initials: 0.8 when one word is the
    other's initial.

    ``typo`` says that ``a`` is no known word (not on the lists, no Korean or Chinese
    syllable): a word that is no name is more likely a slip of the keyboard than another
    name, so one edit costs less in a short word, and a word one letter away from a
    romanisation of ``b`` ("Jeogng" for Jeong/Jong) counts as that romanisation with a typo.
    """
    if a == b:
        return 1.0
    la, lb = a[0] == "~", b[0] == "~"  # legal forms (is_legal, inlined: a hot path)
    if la or lb:
        return 0.6 if la and lb else 0.0
    if len(a) == 1 or len(b) == 1:
        return 0.8 if a[0] == b[0] else 0.0
    raw = _spelling(a, b, typo)
    sa, sb = skeleton(a), skeleton(b)
    if (
        sa != sb
        and ("e" in a or "e" in b)
        and len(a) >= 5
        and len(b) >= 5
        and _fatha(a) == _fatha(b)
        and not (a in syllables() and b in syllables())  # Zheng is not Zhang
    ):
        sa = sb  # Ahmed/Ahmad, Mohammed/Muhammad: the Arabic short a written e
    if sa == sb:
        if (
            not typo
            and other_syllable_reading(a, b)
            and a not in LINEAGE_WORDS  # (Ben and Bin, pinyin-shaped, are one Arabic word)
            and b not in LINEAGE_WORDS
        ):
            return min(raw, OTHER_SYLLABLE_SIM)  # Liu is not Ryu, nor Chen Jin
        # A word on no list that sounds like ``b`` but is two letters or more from it
        # may be a typo of another word as much as a spelling of ``b`` (Mingu sounds like
        # Mingguo but is a letter from Mingfu): a romanisation with a typo, not one.
        if typo and OSA.distance(a, b, score_cutoff=1) > 1:
            return max(raw, NEAR_ROMANISATION_FACTOR)
        return max(raw, ROMANISATION_FACTOR)
    if not typo:
        # A known word (a listed word, a Korean or Chinese syllable) whose romanisation
        # differs is another name (Kyung/Pyong, Young/Jong), not a variant spelling;
        # two Korean or Chinese syllables that differ are two names however close their
        # spelling (Jing/Jiang, Qiang/Jiang, Peng/Ping).
        if raw > OTHER_SYLLABLE_SIM and a in syllables() and b in syllables():
            return OTHER_SYLLABLE_SIM
        return raw
    best = max(raw, NEAR_ROMANISATION_FACTOR * _spelling(sa, sb, typo))
    if best < NEAR_ROMANISATION_FACTOR and _slip_of_syllable(a, b, sb):
        return NEAR_ROMANISATION_FACTOR
    if best >= TYPO_ROMANISATION_SIM:
        return best
    if len(a) >= 4 and (_typo_of_romanisation(a, sb) or _typo_of_vowels(a, b)):
        return TYPO_ROMANISATION_SIM
    if len(a) == 3 and _typo_of_short_syllable(a, b, sb):
        return TYPO_ROMANISATION_SIM
    return best


#: East Slavic surnames made from a father's name (Ivanov, Ivanova; Vasilyev, Vasilyeva;
#: Ilyin, Ilyina), which are a letter or two from the patronymics made from the same name
#: (Ivanovna, Vasilyevna, Ilyinichna).
_SLAVIC_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "in", "ina")
#: A name and its form for the other sex (Gabriel, Gabriela; Antonio, Antonia; Kuznetsov,
#: Kuznetsova): two names, as two syllables that differ are (see _other_gender).
OTHER_GENDER_SIM = 0.75


@functools.lru_cache(maxsize=100_000)
def _other_gender(a: str, b: str) -> bool:
    """Whether two words of four letters or more are one name's masculine and feminine
    forms: the feminine adds an a (Gabriel, Gabriela; Aleksandr, Aleksandra; Kuznetsov,
    Kuznetsova; Yevgeniy, Yevgeniya) or ends in a where the masculine ends in o (Antonio,
    Antonia; Camilo, Camila), or in -skaya where it ends in -sky or -skiy. A man and a
    woman of one family or one given name are two people: "Gabriela Chavez" is not GOMEZ
    CHAVEZ, Gabriel. Not Korean or Chinese syllables, which have their own rules."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    if len(a) == len(b):
        gendered = a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}
    elif long_.endswith("skaya") and short.endswith(("sky", "skiy", "ski", "skii")):
        gendered = long_[:-5] == short[: short.rindex("sk")]
    else:
        gendered = long_ == short + "a"
    syl = syllables()
    return gendered and a not in syl and b not in syl


@functools.lru_cache(maxsize=100_000)
def _surname_for_patronymic(a: str, b: str) -> bool:
    """Whether one of two words is an East Slavic patronymic (Ivanovna, Vasilyevna) and
    the other a surname made from a father's name (Ivanova, Vasileva), which is no
    patronymic: different parts of a name however close their spelling. A woman's surname
    is one letter from the patronymic made from the name its first bearer bore (Ivanova,
    Ivanovna), so "Anna Ivanova", among the commonest Russian names, matched a listed
    OTKE, Anna Ivanovna, her surname taken for the patronymic and the listed surname for
    a dropped middle name (see _QueryContext.align)."""
    pa, pb = is_patronymic(a), is_patronymic(b)
    if pa == pb:
        return False
    other = b if pa else a
    return len(other) >= 5 and other.endswith(_SLAVIC_SURNAME_ENDINGS)


def _slip_of_syllable(a: str, b: str, sb: str) -> bool:
    """True when ``a`` (a word on no list, four letters or more) is, with two neighbouring
    letters swapped or a letter too many, a Korean or Chinese syllable spelt as one writes
    it that is a romanisation of ``b`` (a listed syllable; same skeleton): "Senog" is Seong
    with two letters swapped, and Seong is how Revised Romanisation writes SONG. A slip
    that leads to a real spelling of the listed syllable says more than one that only
    leads to its skeleton (Seog, no syllable, shares SOK's), so it counts as a
    romanisation with a typo (:data:`NEAR_ROMANISATION_FACTOR`), above
    :data:`TYPO_ROMANISATION_SIM`. Not a letter missing or mistyped, which makes other
    syllables (Heok, Gong)."""
    return len(a) >= 4 and b in syllables() and sb in _slipped_syllable_skeletons(a)


@functools.lru_cache(maxsize=100_000)
def _slipped_syllable_skeletons(a: str) -> frozenset[str]:
    """Skeletons of the syllables that ``a`` is with a letter dropped or two neighbours
    swapped (computed once per query word, as :func:`_typo_skeletons`)."""
    syl = syllables()
    return frozenset(skeleton(v) for v in _deletes(a) + _swaps(a) if v in syl)


def _typo_of_vowels(a: str, b: str) -> bool:
    """True when ``a`` (a word on no list) is a spelling of ``b`` with its Arabic short
    vowels written the other way (see :func:`_fatha`) and a letter too many or two
    swapped ("Mohamemd", "Mohmaed" for Muhammad; "Ahmda" for Ahmed): what
    :func:`_typo_of_romanisation` says of skeletons, said of the vowels. Not a letter
    missing or mistyped, which makes other names (Hessa is not a misspelt Hasan). Words of
    five letters or more, not two Korean or Chinese syllables, as for the vowels alone."""
    if len(a) < 5 or len(b) < 5 or _fatha(b) not in _typo_vowel_forms(a):
        return False
    return not (a in syllables() and b in syllables())


@functools.lru_cache(maxsize=100_000)
def _typo_vowel_forms(a: str) -> frozenset[str]:
    """:func:`_fatha` of ``a`` with one letter dropped or two neighbours swapped (of five
    letters or more): computed once per query word, as :func:`_typo_skeletons`."""
    return frozenset(_fatha(d) for d in _deletes(a) + _swaps(a) if len(d) >= 5)


@functools.lru_cache(maxsize=100_000)
def _typo_of_short_syllable(a: str, b: str, sb: str) -> bool:
    """True when ``a`` (a word on no list of three letters) is one slip of the keyboard
    from a Korean or Chinese syllable that is ``b`` (a listed syllable) or a romanisation
    of it one letter from it: "Gij" for Gim (Kim), "Yhi" for Yi (Ri), "Ylo" for Yo. Not a
    syllable that only shares ``b``'s skeleton (Huy is a letter from Hui, not from He)."""
    if b not in syllables():
        return False
    return any(
        skeleton(v) == sb and OSA.distance(v, b, score_cutoff=1) <= 1 for v in near_syllables(a)
    )


@functools.lru_cache(maxsize=100_000)
def _fatha(word: str) -> str:
    """``word`` with its inner vowels written as Arabic romanisations vary them (e as a:
    the short a, fatha, is written a or e, Ahmad, Ahmed; o as u: Muhammad, Mohammed) and
    double letters single; the first and last letters as they are (Ellen is not Allan,
    Anne not Anna). Spelling otherwise kept: unlike the skeleton, no voicing or l/r
    folded (Campbell is not Kambar, Moretti not Moradi, Shevchenko not Savchenko)."""
    inner = word[1:-1].replace("e", "a").replace("o", "u")
    out = [word[0]]
    for ch in inner + word[-1]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _typo_of_romanisation(a: str, sb: str) -> bool:
    """True when ``a`` is one slip of the keyboard away from a way of writing a word of
    skeleton ``sb``: a letter too many or two swapped in any spelling ("Jeogng", "Sepo"),
    or, for a Korean or Chinese syllable, one letter missing, added or mistyped in one of
    its romanisations ("Jewng", "Gdeong" for Jeong/Gyeong, "Gwng" for Gwang)."""
    return sb in _typo_skeletons(a) or sb in near_syllable_skeletons(a)


_TITLES_TO_GUESS = tuple(sorted(h for h in HONORIFICS if len(h) >= 4))


def _misspelt_honorific(tok: str, sub: _SubIndex) -> bool:
    """A word on no list that is a title misspelt: one edit away from a title of five
    letters or more (General, Sheikh, Mullah, Maulana), or a title of four letters with
    two letters swapped or one inside missing (Mair, Hjj for Amir, Hajj; not one changed
    or added, nor the first or last missing: Hari, Emil, Amira, Mir are names)."""
    return len(tok) >= 3 and sub.is_typo(tok) and _near_honorific(tok)


@functools.lru_cache(maxsize=20_000)
def _near_honorific(tok: str) -> bool:
    for title in _TITLES_TO_GUESS:
        if abs(len(title) - len(tok)) > 1 or OSA.distance(tok, title, score_cutoff=1) > 1:
            continue
        if len(title) >= 5 and len(tok) >= 5:
            return True
        if len(title) == 4 and (
            sorted(tok) == sorted(title)
            or (len(tok) == 3 and tok[0] == title[0] and tok[-1] == title[-1])
        ):
            return True
    return False


_LEGAL_ABBREVIATIONS = tuple(sorted(w for w in LEGAL_FORMS if 2 <= len(w) <= 4))


@functools.lru_cache(maxsize=20_000)
def _misspelt_legal_form(tok: str) -> bool:
    """A word of up to five letters one edit from a legal abbreviation (Ltf, Gmbbh, Sarll,
    Fzoc for Ltd, GmbH, SARL, FZCO). Only said of a word on no list, and it only changes
    what the word costs when it matches nothing: it weighs as a legal form, so that a
    misspelt "Ltd" does not outweigh the company's name. It still matches only itself,
    never the legal form (ITC is not Inc), unlike the misspellings that tokenize() folds."""
    return len(tok) <= 5 and any(
        abs(len(w) - len(tok)) <= 1 and OSA.distance(tok, w, score_cutoff=1) <= 1
        for w in _LEGAL_ABBREVIATIONS
    )


#: Stopwords common in listed companies' names (Bank of, The, and Sons, for Trade,
#: S.A. de C.V.); the others (Del, La, El, Du) are names' words too often (Dell, Ella).
_STOPWORDS_TO_GUESS = ("and", "de", "for", "of", "the")


@functools.lru_cache(maxsize=20_000)
def _misspelt_stopword(tok: str) -> bool:
    """A word of three or four letters that is a stopword with one slip of the keyboard:
    a letter doubled (Dde, Thee) or, in a word of three, two letters swapped (Ofr, Teh).
    Only said of a word on no list; when it matches nothing it costs as a legal form
    does, since the listed name dropped the stopword it spells. Not a letter added
    anywhere: Dell, Fort, Hand are a stopword and a letter, and names."""
    if not 3 <= len(tok) <= 4:
        return False
    for word in _STOPWORDS_TO_GUESS:
        if len(tok) == len(word) + 1 and any(
            tok[:i] + tok[i + 1 :] == word for i in range(1, len(tok)) if tok[i] == tok[i - 1]
        ):
            return True
        if len(tok) == len(word) == 3 and tok in _swaps(word):
            return True
    return False


def _is_syllable(word: str, syl: frozenset[str]) -> bool:
    return word in syl or word in SURNAME_VARIANTS


@functools.lru_cache(maxsize=100_000)
def _syllable_cuts(word: str) -> tuple[tuple[str, str], ...]:
    """Ways of cutting ``word`` into two Korean or Chinese syllables (or Korean surname
    spellings) of two letters or more: "seongcheol" → (seong, cheol)."""
    if len(word) < 4:
        return ()
    syl = syllables()
    return tuple(
        (word[:cut], word[cut:])
        for cut in range(2, len(word) - 1)
        if _is_syllable(word[:cut], syl) and _is_syllable(word[cut:], syl)
    )


@functools.lru_cache(maxsize=100_000)
def _pinyin_pair(word: str) -> bool:
    """Whether ``word`` is two pinyin syllables run together ("zihan", "yifan")."""
    if len(word) < 4:
        return False
    pinyin = pinyin_syllables()
    return any(word[:cut] in pinyin and word[cut:] in pinyin for cut in range(1, len(word)))


def _swaps(s: str) -> list[str]:
    return [s[: i - 1] + s[i] + s[i - 1] + s[i + 1 :] for i in range(1, len(s))]


@functools.lru_cache(maxsize=100_000)
def _typo_skeletons(a: str) -> frozenset[str]:
    """Skeletons of ``a`` with one letter dropped or two neighbours swapped: computed once
    per query word instead of once per listed word it is compared with."""
    return frozenset(skeleton(d) for d in _deletes(a) + _swaps(a))


@functools.lru_cache(maxsize=200_000)
def org_token_sim(a: str, b: str, typo: bool = False) -> float:
    """Similarity of two words of organisation names: as :func:`token_sim`, except that
    words of up to three letters (IBM, CGI, BBC) must be spelt the same and words of four
    (Uber, Acer) get no romanisation credit: acronyms and short brand names have no
    romanisation variants, and one letter makes another company."""
    if a == b:
        return 1.0
    if a[0] == "~" or b[0] == "~":
        return word_sim(a, b)
    shortest = min(len(a), len(b))
    if shortest <= 3:
        # (a word on no list of three letters is a four-letter one with a letter missing
        # when that is all that differs: Bnk, Ank for Bank; an acronym stays one)
        if typo and len(a) == 3 and len(b) == 4 and _is_subsequence(a, b):
            return _spelling(a, b, typo)
        # (a letter doubled or two swapped: Ibbs, Hkk, Vbt for IBS, HK, VTB)
        if typo and _short_org_slip(a, b):
            return SHORT_ORG_TYPO_SIM
        # (a word of two letters is a three-letter one with a letter missing: Hq for HQN,
        # Il for Oil; 0.67, so that the rest of the name must agree: HP is not EP-MHP)
        if len(a) == 2 and len(b) == 3 and _is_subsequence(a, b):
            return _spelling(a, b, True)
        return 0.0
    if shortest == 4:
        return _spelling(a, b, typo)  # a typo, but no romanisation variants
    sim = word_sim(a, b, typo)
    if sim < DERIVED_WORD_SIM and shortest >= 7 and _derived_stems(a) & _derived_stems(b):
        return DERIVED_WORD_SIM  # Agriculture, Agricultural; Industry, Industrial
    return sim


#: Endings that make an English noun an adjective or a plural (Agriculture, Agricultural;
#: Industry, Industrial; Science, Sciences; Technology, Technological).
_DERIVED_ENDINGS = ("e", "y", "s", "es", "al", "ial", "ic", "ical", "ure", "ural")
#: What two words of a company's name that differ by such an ending count.
DERIVED_WORD_SIM = 0.9


@functools.lru_cache(maxsize=100_000)
def _derived_stems(word: str) -> frozenset[str]:
    """``word`` and what is left of it without one of :data:`_DERIVED_ENDINGS`, six
    letters or more: two words of a company's name that share one are the same word
    derived ("agricultur" of Agriculture and Agricultural)."""
    return frozenset(
        [word]
        + [
            word[: -len(end)]
            for end in _DERIVED_ENDINGS
            if word.endswith(end) and len(word) - len(end) >= 6
        ]
    )


def _short_org_slip(a: str, b: str) -> bool:
    """Whether ``a`` (a word on no list) is the listed short word ``b`` (two or three
    letters) with a letter doubled (Ibbs, Hkk for IBS, HK) or, for three letters, two
    neighbours swapped (Vbt for VTB). Not any letter added: most acronyms of three or
    four letters hold a listed one of two or three (CGI holds IG, HSBC holds HBC)."""
    if len(a) == len(b) + 1 and 2 <= len(b) <= 3:
        return any(a[i] == a[i - 1] and a[:i] + a[i + 1 :] == b for i in range(1, len(a)))
    return len(a) == len(b) == 3 and a in _swaps(b)


def _is_subsequence(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with letters left out."""
    letters = iter(b)
    return all(ch in letters for ch in a)


def _spelling(a: str, b: str, typo: bool = False) -> float:
    """Spelling similarity; a transposition is one edit (OSA distance). Short words
    (up to 4 letters) pay ``edits / (length - 1)``, longer ones
    ``LONG_WORD_EDIT_COST * edits / length``; with ``typo`` (``a`` is no known word)
    words of four letters pay as the longer ones do, and words of three ``edits / length``
    (Ssn for San counts 0.67, where Sun, a name, counts 0.5)."""
    longest = max(len(a), len(b))
    if longest < 2:
        return 0.0
    edits = OSA.distance(a, b)
    if edits == 1 and len(a) == len(b) >= (3 if typo else 4) and sorted(a) == sorted(b):
        return TRANSPOSITION_SIM  # two letters swapped: a slip of the keyboard, not a name
    if typo and longest == 3:
        return max(0.0, 1.0 - edits / longest)
    if longest < 4 or (longest == 4 and not typo):
        return max(0.0, 1.0 - edits / (longest - 1))
    return max(0.0, 1.0 - LONG_WORD_EDIT_COST * edits / longest)


def align(
    query: Sequence[str],
    cand: Sequence[str],
    rarity: Callable[[str], float] = lambda _: 1.0,
    org: bool = False,
    typos: Sequence[bool] = (),
) -> float:
    """Name similarity by aligning words one to one (order does not matter).

    Each word weighs its length times its rarity on the list (frequent words such as
    Kim, Muhammad or Electronics say less about who is meant). Every query word counts in
    full; a listed word left unmatched counts :data:`UNMATCHED_LISTED_WORD` of its weight
    (a dropped middle name is common, an extra word in the query is not explained). For
    organisations a listed word left unmatched costs :data:`UNMATCHED_ORG_WORD`: a company
    name is not shortened the way a person's is ("Wise" is not "Like Wise").
    """
    ctx = _QueryContext(tuple(query), rarity, org, tuple(typos))
    return ctx.align(tuple(cand), tuple((token_weight(c), rarity(c)) for c in cand))


def extra_patronymics(query: Sequence[str]) -> tuple[int, ...]:
    """Positions of the words of a person's name (three words or more) that have the
    shape of an East Slavic patronymic and are not its first word ("Vladimir
    Vladimirovich Putin", "Putin Vladimir Vladimirovich"). An applicant writes the
    patronymic where the list often has none: left unmatched as an extra word, it costs
    what a dropped middle name of the listed name costs (:data:`UNMATCHED_LISTED_WORD`),
    not what an unexplained word does. In place of a listed word (a surname that ends
    so, Rabinovich, for another) and matched to a listed word, it counts as any word."""
    if len(query) < 3:
        return ()
    return tuple(i for i in range(1, len(query)) if is_patronymic(query[i]))


@functools.lru_cache(maxsize=100_000)
def _other_name(a: str, b: str) -> bool:
    """Whether two names that match poorly start with another sound (Harbi, Ghamdi; Hamid,
    Ghani): romanisations of one name keep its first sound (Youssef, Yusuf; Kim, Gim). Not
    when the first letter slipped: two first letters swapped, the first missing or one
    too many (Hamed, Ahssan, Van for Ahmad, Hassan, Ivan); nor words of two letters."""
    if len(a) < 3 or len(b) < 3:
        return False
    sb = skeleton(b)
    if a[0] == b[0] or skeleton(a)[0] == sb[0]:
        return False
    fatha_b = _fatha(b)
    for fixed in (a[1] + a[0] + a[2:], a[1:], b[0] + a):
        if skeleton(fixed) == sb or OSA.distance(_fatha(fixed), fatha_b, score_cutoff=1) <= 1:
            return False
    return True


def _lineage_links(name: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """The (child, parent) word positions of each link of an Arabic chain of descent in a
    name ("Ahmad bin Hasan": Ahmad son of Hasan), see :data:`LINEAGE_WORDS`. A name that
    starts with the link is a list's "BIN MARWAN, Bilal": the given name comes last."""
    links = tuple(
        (i - 1, i + 1)
        for i in range(1, len(name) - 1)
        if name[i] in LINEAGE_WORDS
        and name[i - 1] not in LINEAGE_WORDS
        and name[i + 1] not in LINEAGE_WORDS
    )
    if len(name) >= 3 and name[0] in LINEAGE_WORDS and name[1] not in LINEAGE_WORDS:
        links += ((len(name) - 1, 1),)
    return links


def _lineage_reversed(
    ctx: _QueryContext, links: tuple[tuple[int, int], ...], cand: tuple[str, ...]
) -> bool:
    """Whether the listed name holds a link of descent that reads one of the query's the
    other way ("Hasan bin Ahmad" for Ahmad bin Hasan: the father is the son) and none
    that reads it the same way. Names without such a link on both sides may be reordered
    freely."""
    cand_links = _lineage_links(cand)
    if not cand_links:
        return False

    def same(i: int, j: int) -> bool:
        memo, sim = ctx.sims[i]
        word = cand[j]
        s = memo.get(word)
        if s is None:
            s = memo[word] = sim(word)
        return s >= NAMESAKE_WORD_SIM

    for child, parent in links:
        reversed_ = any(same(child, p) and same(parent, c) for c, p in cand_links)
        if reversed_ and not any(same(child, c) and same(parent, p) for c, p in cand_links):
            return True
    return False


def written_as_one(text: str) -> frozenset[str]:
    """The words of a name as written, lower case, apostrophes and a hyphen inside a word
    dropped: two query words whose concatenation is one of them were written as one word
    ("Young-soo", "Youngsoo": young, soo), see :func:`_given_order_reversed`."""
    folded = to_latin(text).casefold()
    for mark in "'’`":
        folded = folded.replace(mark, "")
    return frozenset(w.replace("-", "") for w in re.split(r"[^a-z0-9-]+", folded) if w)


def _given_order_reversed(
    ctx: _QueryContext, cand: tuple[str, ...], one_word: frozenset[str]
) -> bool:
    """Whether a name of Korean or Chinese syllables reads a listed name of syllables with
    its given name's syllables the other way round (:data:`GIVEN_ORDER_CAP`). The query's
    words are paired with the listed words as the alignment pairs them (the best pairs
    first), and those that agree (:data:`NAMESAKE_WORD_SIM`), listed syllables, are taken
    in the query's order: their places in the listed name must then be the listed order
    turned round at one point at most (a surname moved from one end to the other: Jong Un
    Kim for KIM Jong Un), for three words or more ("Young Soo Lee" reads RI Su Yong as Ri,
    Yong, Su: turned twice); and two words written as one (``one_word``: "Young-soo",
    "Youngsoo") must not take two neighbouring listed words backwards, whatever else the
    query holds ("Young-soo" alone is not the given name Su Yong; "Jeong Eun-gim" for Kim
    Jong Un keeps its order, the surname moved)."""
    syl = syllables()
    query = ctx.query
    pairs = [
        (s, i, j)
        for i, (memo, _) in enumerate(ctx.sims)
        for j, c in enumerate(cand)
        if (s := memo.get(c, 0.0)) >= _MIN_TOKEN_SIM
    ]
    # (the best pairs first, as the alignment takes them; of pairs as good, the query's
    # words in order: "Jang Jang-ha" takes JANG, Chang Ha in its order)
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    place: dict[int, int] = {}
    used: set[int] = set()
    for s, i, j in pairs:
        if i in place or j in used:
            continue
        used.add(j)
        place[i] = j if s >= NAMESAKE_WORD_SIM and cand[j] in syl else -1
    order = [place[i] for i in sorted(place) if place[i] >= 0]
    n = len(order)
    if n >= 3 and sum(order[k] > order[(k + 1) % n] for k in range(n)) > 1:
        return True
    return any(
        query[i] + query[i + 1] in one_word
        and place.get(i, -1) >= 0
        and place.get(i + 1, -1) == place[i] - 1
        for i in range(len(query) - 1)
    )


class _QueryContext:
    """One query's words, weights and word similarities, shared by all its candidates
    (listed words such as Kim or Muhammad recur from one candidate to the next).

    ``memos`` (one dict per query word, listed word -> similarity) may be kept by the caller
    across queries: a word's similarities to listed words never change.
    """

    __slots__ = (
        "first_listed_matched",
        "full_losses",
        "known",
        "listed_left",
        "losses",
        "names_conflict",
        "query",
        "sims",
        "unmatched_cost",
        "weakest",
        "weights",
        "weights_after",
    )

    def __init__(
        self,
        query: tuple[str, ...],
        rarity: Callable[[str], float],
        org: bool,
        typos: tuple[bool, ...],
        memos: Sequence[dict[str, float]] | None = None,
    ) -> None:
        self.query = query
        flags = [i < len(typos) and typos[i] for i in range(len(query))]
        cheap = () if org else extra_patronymics(query)
        self.weights = [
            # a misspelt legal form weighs as one (Ltf, Gmbbh, Sarll: see _misspelt_legal_form)
            LEGAL_WORD_WEIGHT if org and flag and _misspelt_legal_form(q) else token_weight(q)
            for q, flag in zip(query, flags, strict=True)
        ]
        # per query word, the weight of the words after it
        self.weights_after = [sum(self.weights[i + 1 :]) for i in range(len(query))]
        self.losses = [
            # a misspelt "of", "the", "and" left unmatched costs as a legal form would
            # (Army Kof Islam, Foz Ofr Trading: see _misspelt_stopword)
            LEGAL_WORD_WEIGHT * MISMATCH_RARITY
            if org and flag and _misspelt_stopword(q)
            # a patronymic the listed name leaves out costs as a dropped middle name
            # ("Vladimir Vladimirovich Putin" for PUTIN, Vladimir: see extra_patronymics)
            else UNMATCHED_LISTED_WORD * w * max(rarity(q), MISMATCH_RARITY)
            if i in cheap
            else w * max(rarity(q), MISMATCH_RARITY)
            for i, (q, w, flag) in enumerate(zip(query, self.weights, flags, strict=True))
        ]
        # the same, an extra patronymic at its full cost (in place of a listed word)
        self.full_losses = [
            w * max(rarity(q), MISMATCH_RARITY) if i in cheap else loss
            for i, (q, w, loss) in enumerate(zip(query, self.weights, self.losses, strict=True))
        ]
        sim = org_token_sim if org else token_sim
        self.unmatched_cost = UNMATCHED_ORG_WORD if org else UNMATCHED_LISTED_WORD
        self.known = [not f for f in flags]  # real words or syllables, not likely typos
        # per query word (a real name in a person's name of three words or more): left
        # unmatched beside a listed word, or matched poorly to a name of another first
        # sound, it is another name in place of the listed one (CONFLICTING_LISTED_WORD)
        syl = syllables()
        # (not in a name of Korean or Chinese syllables, which has its own namesake rule)
        syllable_name = all(q in syl or f for q, f in zip(query, flags, strict=True))
        self.names_conflict = [
            not org and len(query) >= 3 and not syllable_name and not f for f in flags
        ]
        self.weakest = 1.0  # of the last alignment: the worst match of a known query word
        self.listed_left = False  # of the last alignment: a listed word left unmatched
        self.first_listed_matched = True  # ... and whether the listed name's first word was
        if memos is None:
            memos = [{} for _ in query]
        # per query word: listed word -> similarity (filled as candidates come)
        self.sims: list[tuple[dict[str, float], Callable[[str], float]]] = [
            (memo, functools.partial(sim, q, typo=flag))
            for q, flag, memo in zip(query, flags, memos, strict=True)
        ]

    def align(
        self,
        cand: tuple[str, ...],
        cand_wr: tuple[tuple[float, float], ...],
        floor: float = -1.0,
    ) -> float:
        """The alignment score of ``cand``; when an upper bound of it (computed from the
        word similarities alone, before aligning) is below ``floor``, 0.0 instead.

        The bound: the score is ``M / (M + X)``, with ``M`` the matched mass and ``X``
        the rest of the denominator. ``M`` is at most the sum over query words of their
        best ``s * (weight + listed weight) * rarity``; ``X`` is at least, per query word,
        its loss when it has no partner (similarity 0.5 or more) in ``cand``, else
        ``weight * (1 - best similarity) * MISMATCH_RARITY``, plus, per listed word, its
        unmatched cost when it has no partner, else the least of that cost and
        ``weight * (1 - best similarity) * max(rarity, MISMATCH_RARITY)``. A query word
        with no partner stops the work early when even a perfect match of every word
        after it would leave that bound below ``floor``.
        """
        ncand = len(cand)
        cbest = [0.0] * ncand
        mass_bound = 0.0
        excess = 0.0
        weights = self.weights
        losses = self.losses
        nq = len(weights)
        weights_after = self.weights_after
        top_r = 0.0
        top_wr = -1.0  # found when first needed
        for i, (memo, sim) in enumerate(self.sims):
            wq = weights[i]
            best = 0.0
            mass = 0.0
            for j, c in enumerate(cand):
                s = memo.get(c)
                if s is None:
                    s = memo[c] = sim(c)
                if s >= _MIN_TOKEN_SIM:
                    if s > best:
                        best = s
                    if s > cbest[j]:
                        cbest[j] = s
                    wc, r = cand_wr[j]
                    m = s * (wq + wc) * r
                    if m > mass:
                        mass = m
            if best:
                mass_bound += mass
                excess += wq * (1.0 - best) * MISMATCH_RARITY
            else:
                excess += losses[i]
                if floor > 0.0:
                    # Each word left adds at most its weight times the top rarity, plus
                    # the heaviest listed word's weight times its rarity, to the matched
                    # mass; the rest of the denominator only grows.
                    most = mass_bound
                    left = nq - i - 1
                    if left:
                        if top_wr < 0.0:
                            for wc, r in cand_wr:
                                if r > top_r:
                                    top_r = r
                                if wc * r > top_wr:
                                    top_wr = wc * r
                        most += weights_after[i] * top_r + left * top_wr
                    if not most or most / (most + excess) < floor - _BOUND_SLACK:
                        return 0.0
        unmatched_cost = self.unmatched_cost
        for j in range(ncand):
            wc, r = cand_wr[j]
            lone = unmatched_cost * wc * r
            sj = cbest[j]
            if sj:
                paired = wc * (1.0 - sj) * (r if r > MISMATCH_RARITY else MISMATCH_RARITY)
                excess += paired if paired < lone else lone
            else:
                excess += lone
        if floor > 0.0 and (
            not mass_bound or mass_bound / (mass_bound + excess) < floor - _BOUND_SLACK
        ):
            return 0.0
        # most candidates stop at the bound: the pairs are listed only for those that pass
        pairs = [
            (s, i, j)
            for i, (memo, _) in enumerate(self.sims)
            for j, c in enumerate(cand)
            if (s := memo[c]) >= _MIN_TOKEN_SIM
        ]
        if len(pairs) > 1:
            pairs.sort(reverse=True)
        used_q = used_c = 0
        matched = 0.0
        denom = 0.0
        known = self.known
        names_conflict = self.names_conflict
        weakest = 1.0
        named_initial: tuple[int, int, float, float] | None = None
        for s, i, j in pairs:
            if used_q >> i & 1 or used_c >> j & 1:
                continue
            used_q |= 1 << i
            used_c |= 1 << j
            if s < weakest and known[i]:
                weakest = s
            wc, r = cand_wr[j]
            if s < NAMESAKE_WORD_SIM and names_conflict[i] and _other_name(self.query[i], cand[j]):
                # another real name in place of the listed one: as if both were left
                # unmatched, the listed one replaced (see CONFLICTING_LISTED_WORD)
                denom += losses[i] + CONFLICTING_LISTED_WORD * wc * r
                continue
            w = weights[i] + wc
            m = s * w * r
            matched += m
            # Agreement on a frequent word says little; disagreement says as much as ever.
            d = w * (s * r + (1.0 - s) * (r if r > MISMATCH_RARITY else MISMATCH_RARITY))
            denom += d
            if named_initial is None and (
                # a listed initial met by a name of the query, or a listed patronymic
                # by a surname (Ivanova for Ivanovna)
                (len(cand[j]) == 1 and len(self.query[i]) > 1)
                or _surname_for_patronymic(self.query[i], cand[j])
            ):
                named_initial = (i, j, m, d)
        listed_left = 0.0  # weight of the listed words left unmatched
        replaced = False
        for j, (wc, r) in enumerate(cand_wr):
            if not used_c >> j & 1:
                listed_left += wc * r
                replaced = replaced or (named_initial is not None and len(cand[j]) > 1)
        if replaced and named_initial is not None:
            # A listed name left beside a listed initial that a name of the query took
            # ("Majed Hijazi" for HIJAZI, Raed M.; "Camilo Contreras" for CONTRERAS, Luis
            # C.): the query gives another name in place of the listed one, and the
            # initial is that of a second name, not of the query's. So with a surname
            # taken for a listed patronymic ("Anna Ivanova" for OTKE, Anna Ivanovna): the
            # listed surname is replaced, not dropped. (With the listed name's every
            # other word there, "Yelena Borisova Mizulina", it is the patronymic misspelt.)
            i, j, m, d = named_initial
            matched -= m
            wc, r = cand_wr[j]
            denom += losses[i] - d
            listed_left += wc * r
            weakest = 0.0
        else:
            replaced = False
        for i, loss in enumerate(losses):
            if not used_q >> i & 1:
                # (an extra patronymic is cheap only as an extra word, not in place of a
                # listed word: see extra_patronymics)
                denom += self.full_losses[i] if listed_left else loss
                if known[i]:
                    weakest = 0.0
                    replaced = replaced or names_conflict[i]
        self.weakest = weakest
        self.listed_left = listed_left > 0.0
        self.first_listed_matched = bool(used_c & 1)
        # a listed word left unmatched beside a name of the query left unmatched is a
        # name replaced by another, not one dropped (see CONFLICTING_LISTED_WORD)
        denom += (CONFLICTING_LISTED_WORD if replaced else unmatched_cost) * listed_left
        return matched / denom if denom else 0.0


def _agreeing_context_typo(
    query: tuple[str, ...],
    typos: tuple[bool, ...],
    words: list[str],
    cand: tuple[str, ...],
    rarity: Callable[[str], float],
) -> tuple[bool, ...] | None:
    """The query's typo flags with one known word read as a typo, when a company's name
    of three words or more (legal forms aside) agrees word for word with the listed
    name's but for that word and one listed word one edit from it, and the words that
    agree weigh (length times rarity) twice the differing word at least: "Tai Aereo
    Antioqueno" for TAXI AEREO ANTIOQUENO. A known word (on a list, a syllable: Tai) is
    otherwise another word, not a misspelt one (Min is not Man), and a company's word of
    three letters an acronym spelt the same; but two rare words agreeing in full say it is
    the same company, and the third word one slip off. As a word on no list, the word
    then counts what such a typo counts (Tai for Taxi, a letter missing: 0.8; a word of
    three letters still only with a letter missing, doubled or two swapped, not changed:
    ABC is not ABD). None when the names differ otherwise. Companies only: in persons'
    names one given name for another is a namesake (Mark Taylor, Mary Taylor)."""
    listed = [t for t in cand if t[0] != "~"]
    if len(listed) != len(words):
        return None
    qonly = [t for t in words if t not in listed]
    conly = [t for t in listed if t not in words]
    if len(qonly) != 1 or len(conly) != 1:
        return None
    a, b = qonly[0], conly[0]
    i = query.index(a)
    if typos[i] or min(len(a), len(b)) < 3 or OSA.distance(a, b, score_cutoff=1) > 1:
        return None
    agreeing = sum(token_weight(t) * rarity(t) for t in words if t != a)
    if agreeing < 2 * token_weight(a):
        return None
    return tuple(f or j == i for j, f in enumerate(typos))


def _joined(tokens: Sequence[str]) -> str:
    return "".join(t for t in tokens if not is_legal(t))


def name_similarity(
    query: Sequence[str],
    cand: Sequence[str],
    joined: Iterable[str],
    rarity: Callable[[str], float] = lambda _: 1.0,
    org: bool = False,
    typos: Sequence[bool] = (),
) -> float:
    """The best of the word alignment and of a comparison of the words run together (for
    names written as one word, "Jongun", or split by syllable, "Xi Jin Ping")."""
    return _joined_similarity(align(query, cand, rarity, org, typos), query, cand, joined)


def _joined_similarity(
    score: float,
    query: Sequence[str],
    cand: Sequence[str],
    joined: Iterable[str],
    floor: float = 0.0,
    query_joined: str | None = None,
    split_typo: bool = False,
) -> float:
    """``score``, or the similarity of the words run together when better; comparisons
    that cannot reach ``floor`` (told by the lengths alone, or cut short by rapidfuzz's
    ``score_cutoff``) are skipped. ``query_joined`` is ``_joined(query)`` when known.

    Names of as many words are compared run together only with ``split_typo``: the query
    holds a word on no list, which may be a name cut in the wrong place ("Cheol Mank-o"
    for Ko Chol Man); otherwise their words are aligned one by one (Mark Taylor is not
    Mary Taylor because "marktaylor" is close to "marytaylor")."""
    if score < 0.97 and (split_typo or len(query) != len(cand)):
        qj = _joined(query) if query_joined is None else query_joined
        lq = len(qj)
        if lq >= 6:
            need = max(score, floor) / 0.97
            cutoff = need * (1.0 - _BOUND_SLACK)
            for cj in joined:
                lc = len(cj)
                if min(lq, lc) < need * max(lq, lc):
                    continue  # the normalised similarity is at most the length ratio
                # below the cutoff, rapidfuzz answers 0: such a value could not change
                # ``score`` nor reach ``floor``
                sim = Levenshtein.normalized_similarity(qj, cj, score_cutoff=cutoff)
                score = max(score, 0.97 * sim)
    return score


def _deletes(s: str) -> list[str]:
    return [s[:i] + s[i + 1 :] for i in range(len(s))] if len(s) >= 3 else []


def _raw_keys(s: str) -> list[str]:
    """Keys of a query word in the table of listed words' deletes: the word itself (a
    letter dropped from the listed word) and its deletes (a letter mistyped or added)."""
    return [s, *_deletes(s)] if len(s) >= 3 else []


@dataclass(slots=True)
class _SubIndex:
    """Names of one kind group (persons, or organisations with vessels and aircraft)."""

    org: bool = False
    name_entry: array[int] = field(default_factory=lambda: array("i"))
    name_tokens: list[tuple[str, ...]] = field(default_factory=list)
    name_joined: list[tuple[str, ...]] = field(default_factory=list)
    name_weak: array[int] = field(default_factory=lambda: array("b"))
    name_wr: list[tuple[tuple[float, float], ...]] = field(default_factory=list)
    # each name's weight (its words but legal forms), to rank candidates (see candidates)
    name_weight: array[float] = field(default_factory=lambda: array("d"))
    vocab: dict[str, int] = field(default_factory=dict)
    vocab_tokens: list[str] = field(default_factory=list)
    postings: list[array[int]] = field(default_factory=list)
    skel_keys: dict[str, list[int]] = field(default_factory=dict)
    raw_keys: dict[str, list[int]] = field(default_factory=dict)
    known: frozenset[str] = frozenset()
    rarities: dict[str, float] = field(default_factory=dict)
    _similar: dict[str, tuple[tuple[int, float], ...]] = field(default_factory=dict)
    # each listed word's neighbours (similar_tokens), computed once when the index is built:
    # those of vocabulary word ``tid`` are at neighbour_start[tid]:neighbour_start[tid + 1]
    neighbour_start: array[int] = field(default_factory=lambda: array("i"))
    neighbour_tid: array[int] = field(default_factory=lambda: array("i"))
    neighbour_sim: array[float] = field(default_factory=lambda: array("d"))
    _memos: dict[str, dict[str, float]] = field(default_factory=dict)
    _postings_of: dict[str, tuple[int, float, dict[int, float]]] = field(default_factory=dict)
    _postings_size: int = 0
    _splits: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # persons: listed words by consonant skeleton, commonest first (arabic_readings; built
    # at the first name in Arabic script)
    _by_skeleton: dict[str, list[str]] = field(default_factory=dict)
    _name_sets: dict[str, frozenset[int]] = field(default_factory=dict)
    # organisations: words that tokenize() folds into legal forms in listed names (Unitary,
    # Budgetary, Institution, Stock ...), by themselves and by each of their deletes
    legal_phrase_deletes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # organisations: short words of those phrases that are no legal form themselves (De,
    # CV of "S.A. de C.V.", Rl, Of, The), which a typo keeps from folding (see legal_readings)
    legal_phrase_short: frozenset[str] = frozenset()

    def add(self, entry_no: int, tokens: tuple[str, ...], weak: bool) -> None:
        name_no = len(self.name_tokens)
        self.name_entry.append(entry_no)
        self.name_tokens.append(tokens)
        self.name_weak.append(1 if weak else 0)
        plain = [t for t in tokens if not is_legal(t)]
        joined = {"".join(plain)}
        if len(plain) >= 2:
            joined.add("".join(plain[1:] + plain[:1]))
            joined.add("".join(plain[-1:] + plain[:-1]))
        self.name_joined.append(tuple(j for j in joined if j))
        for tok in set(tokens):
            if is_legal(tok) or len(tok) < 2:
                continue
            tid = self.vocab.get(tok)
            if tid is None:
                tid = len(self.vocab_tokens)
                self.vocab[tok] = tid
                self.vocab_tokens.append(tok)
                self.postings.append(array("i"))
                sk = skeleton(tok)
                for key in (sk, *_deletes(sk)):
                    self.skel_keys.setdefault(key, []).append(tid)
                for key in _deletes(tok):  # typos that change the skeleton (Machies)
                    self.raw_keys.setdefault(key, []).append(tid)
            self.postings[tid].append(name_no)

    def arabic_readings(self, words: tuple[ArabicWord, ...]) -> list[tuple[str, ...]]:
        """Latin readings of an Arabic-script name given by its consonant skeletons
        (:func:`arabic_script_words`): each word as the listed words with its skeleton, the
        commonest first (at most four a word), two words as one listed word where they
        make it ("نصر الله": Nasrallah); at most :data:`_MAX_ARABIC_READINGS` readings."""
        by_skeleton = self._by_skeleton
        if not by_skeleton:
            counts = {tok: len(self.postings[tid]) for tok, tid in self.vocab.items()}
            for tok in sorted(counts, key=lambda t: (-counts[t], t)):
                if tok[0] != "~" and len(tok) > 1:
                    by_skeleton.setdefault(consonant_skeleton(tok), []).append(tok)
        # Two words make one listed word only where they may ("نصر الله": Nasrallah), not
        # where they must: بن after أسامة is the particle bin, not the end of Somboon
        # (s-m-b-n). Each way of reading the words is tried, the joined first.
        segmentations = [
            options
            for joins in self._arabic_joins(words)
            if len(options := self._arabic_options(words, joins)) >= 2
        ]
        if not segmentations:
            return []
        # First the readings whose words stand together in one listed name, among more
        # guesses a word (بشار الأسد: Assad is not among the four commonest words of s-d,
        # Said, Saeed, Seyed, Sayyed, but Bashar and Assad share a listed name); then the
        # commonest guesses of each word, as before.
        readings: list[tuple[str, ...]] = []
        for options in segmentations:
            pool = max(_ARABIC_CHOICES, int(_ARABIC_COMBINATIONS ** (1 / len(options))))
            for r in itertools.product(*(o[:pool] for o in options)):
                if len(readings) >= _MAX_ARABIC_READINGS:
                    break
                if self._one_name(r) and r not in readings:
                    readings.append(r)
        for options in segmentations:
            for r in itertools.product(*(o[:_ARABIC_CHOICES] for o in options)):
                if len(readings) >= _MAX_ARABIC_READINGS:
                    break
                if r not in readings:
                    readings.append(r)
        return readings

    def _arabic_joins(self, words: tuple[ArabicWord, ...]) -> list[frozenset[int]]:
        """The ways of reading an Arabic-script name's words two by two as one listed word
        (the set of the first words of each such pair), the most pairs joined first and
        none joined last; at most :data:`_MAX_ARABIC_JOINS`."""
        by_skeleton = self._by_skeleton
        can = [i for i in range(len(words) - 1) if by_skeleton.get(words[i][0] + words[i + 1][0])]
        found: list[frozenset[int]] = []

        def walk(k: int, chosen: frozenset[int]) -> None:
            if len(found) >= _MAX_ARABIC_JOINS:
                return
            if k == len(can):
                found.append(chosen)
                return
            i = can[k]
            if i - 1 not in chosen:  # (a word joins one neighbour at most)
                walk(k + 1, chosen | {i})
            walk(k + 1, chosen)

        walk(0, frozenset())
        if frozenset() not in found:
            found.append(frozenset())
        return found

    def _arabic_options(
        self, words: tuple[ArabicWord, ...], joins: frozenset[int]
    ) -> list[list[str]]:
        """The listed words that may spell each word of an Arabic-script name, commonest
        first, with the words at ``joins`` read together with the next as one; empty when
        a word has none."""
        by_skeleton = self._by_skeleton
        options: list[list[str]] = []
        i = 0
        while i < len(words):
            skel, long_u, final_i, inner_i, consonant_end = words[i]
            if i in joins:
                options.append(by_skeleton[skel + words[i + 1][0]])
                i += 2
                continue
            found = by_skeleton.get(skel, [])
            if long_u:  # a waw inside the word: a w, or an o or u past the first syllable
                found = [w for w in found if "w" in w[1:] or "o" in w[2:] or "u" in w[2:]]
            if final_i:  # a final ya: the Latin word ends in i or y (Mohammadi, Soleimani)
                found = [w for w in found if w[-1] in "iy"]
            if inner_i:  # a ya inside: an i, y or e past the first letter (Hossein, not Ehsan)
                found = [w for w in found if any(ch in "iye" for ch in w[1:])]
            if consonant_end:  # no long i at the end (بن is bin, not Banai)
                found = [w for w in found if w[-1] not in "iy"]
            if not found:
                return []  # a word no listed name holds: no reading
            options.append(found)
            i += 1
        return options

    def _one_name(self, words: tuple[str, ...]) -> bool:
        """Whether some listed name holds every one of ``words``."""
        sets = sorted((self._name_set(w) for w in words), key=len)
        common = sets[0]
        for other in sets[1:]:
            common = common & other
            if not common:
                return False
        return bool(common)

    def _name_set(self, word: str) -> frozenset[int]:
        """The listed names holding ``word`` (kept: Arabic-script readings ask again)."""
        got = self._name_sets.get(word)
        if got is None:
            got = self._name_sets[word] = frozenset(self.postings[self.vocab[word]])
        return got

    def finish(self) -> None:
        """Compute each word's rarity once all names are in."""
        n = max(len(self.name_tokens), 2)
        self.rarities = {
            tok: max(0.35, min(1.0, math.log(n / len(self.postings[tid])) / math.log(n)))
            for tok, tid in self.vocab.items()
        }
        # each listed word's weight and rarity, as the alignment reads them
        pairs: dict[tuple[float, float], tuple[float, float]] = {}
        self.name_weight = array(
            "d", (sum(token_weight(t) for t in name if t[0] != "~") for name in self.name_tokens)
        )
        self.name_wr = [
            tuple(
                pairs.setdefault(wr, wr) for wr in ((token_weight(t), self.rarity(t)) for t in name)
            )
            for name in self.name_tokens
        ]

    def rarity(self, tok: str) -> float:
        """How much a word identifies a name here: 1 for a word on one name, down to
        0.35 for the most frequent words (inverse document frequency, scaled)."""
        return self.rarities.get(tok, 1.0)

    def is_typo(self, tok: str) -> bool:
        """True for a word that is no known word: not on any loaded list, no Korean or
        Chinese syllable (so a near spelling of a listed word is likely a typo of it)."""
        return len(tok) >= 3 and tok not in self.known and tok[0] != "~"

    def syllable_readings(self, query: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The query read with a word of two Korean or Chinese syllables written as one
        split in two ("Seongcheol" → Seong Cheol, "Ilpark" → Il Park), as lists write
        them, when the rest of the name is Korean or Chinese syllables too (Joshua Moore
        is not Jos Hua Moore); a word that is itself listed or a syllable stays whole."""
        out: list[tuple[str, ...]] = []
        syl = syllables()
        for i, tok in enumerate(query):
            if tok in self.vocab or tok in syl or tok[0] == "~":
                continue
            if not all(_is_syllable(t, syl) for j, t in enumerate(query) if j != i):
                continue
            for left, right in _syllable_cuts(tok):
                out.append((*query[:i], left, right, *query[i + 1 :])[:MAX_NAME_WORDS])
        return out[:_MAX_READINGS]

    def article_readings(self, query: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The query read with the Arabic article written joined to a word split off and
        dropped ("Alqadi" → Qadi, "Elhassan" → Hassan), as for "al-Qadi": for a word on no
        list whose rest (four letters or more) is a listed word or one edit from one, in
        a name of two words or more (Alfred is not Al-Fred when Fred is on no list)."""
        out: list[tuple[str, ...]] = []
        if len(query) < 2:
            return out
        for i, tok in enumerate(query):
            if len(tok) < 6 or tok[:2] not in ("al", "el") or tok in self.known:
                continue
            rest = tok[2:]
            if any(s >= _NEAR_WORD_SIM for _, s in self.similar_tokens(rest)):
                out.append((*query[:i], rest, *query[i + 1 :]))
        return out[:_MAX_READINGS]

    def learn_legal_phrases(self, names: Iterable[str]) -> None:
        """Collect the words of listed organisation names that tokenize() folds into legal
        forms or drops (rigour's legal phrases: "State Unitary Enterprise", "Federal State
        Budgetary Institution", "Closed Joint-Stock Company"; Corporativo), when two names
        or more have them, as a symmetric-delete table (see :meth:`legal_readings`)."""
        counts: dict[str, int] = {}
        short: dict[str, int] = {}
        for name in names:
            kept = set(tokenize(name, "organization"))
            for word in set(org_words(name)):
                if not word.isalpha() or word in kept:
                    continue
                if len(word) >= _LEGAL_PHRASE_WORD:
                    counts[word] = counts.get(word, 0) + 1
                elif 2 <= len(word) <= 3 and legal_word(word) is None:
                    short[word] = short.get(word, 0) + 1
        self.legal_phrase_short = frozenset(w for w, n in short.items() if n >= 2)
        for word in list(counts):
            # a listed name's own typo of a legal word (Stork, Point for Stock, Joint) is
            # no legal word to guess from; another language's word (Corporativo) is
            guessed = legal_word(word)
            if word not in LEGAL_FORMS and guessed and OSA.distance(word, guessed) <= 1:
                del counts[word]
        table: dict[str, set[str]] = {}
        for word, n in counts.items():
            if n >= 2:
                for key in (word, *_deletes(word)):
                    table.setdefault(key, set()).add(word)
        self.legal_phrase_deletes = {k: tuple(sorted(v)) for k, v in table.items()}

    def legal_readings(self, name: str, query: tuple[str, ...]) -> list[tuple[str, ...]]:
        """An organisation's name read with a misspelt word of a legal phrase spelt right
        ("State Unitray Enterprise", "Closed Joint-Stck Company", "Crporativo"), so that
        the phrase folds as in the listed name instead of leaving heavy words behind: for a
        word on no list one edit from a word that the lists' legal phrases hold. A word so
        corrected that does not fold into a legal form keeps its own spelling (a typo stays
        a typo). Short words of those phrases ("S.A. Dde C.V."): see
        :meth:`_short_phrase_readings`."""
        table = self.legal_phrase_deletes
        short = self.legal_phrase_short_typos(query)
        if not table or not (short or any(len(t) >= 4 and self.is_typo(t) for t in query)):
            return []
        words = org_words(name[:MAX_NAME_CHARS])
        out = self._short_phrase_readings(words, query) if short else []
        fix: dict[str, str] = {}
        for word in words:
            if len(word) < 4 or not self.is_typo(word) or word in fix:
                continue
            near = {
                p
                for key in (word, *_deletes(word))
                for p in table.get(key, ())
                if OSA.distance(word, p, score_cutoff=1) <= 1
            }
            if len(near) == 1:  # (two phrase words as near: no guess)
                fix[word] = near.pop()
        if not fix:
            return out
        back = {p: w for w, p in fix.items() if p not in words}
        reading = tuple(
            back.get(t, t) for t in tokenize(" ".join(fix.get(w, w) for w in words), "organization")
        )[:MAX_NAME_WORDS]
        if reading and reading != query and reading not in out:
            out.append(reading)
        return out

    def trailing_legal_readings(
        self, query: tuple[str, ...], names: frozenset[str]
    ) -> list[tuple[str, ...]]:
        """A company's name read with the word where its legal form stands spelt as that
        legal form, when the word is a legal abbreviation of four letters misspelt ("City
        Pharma Surl", "Black Drop Itl Co": SARL, INTL): the last word of the name but its
        legal forms, after two words of the name or more, one edit from one of
        :data:`_TRAILING_LEGAL_FORMS` with the same first letter, and no person's name or
        Korean or Chinese syllable (``names``). By position and spelling the word is the
        legal form, whatever list holds it (Tunisia's SURL is on one); the name's own words
        must still agree, and a legal form weighs little. Not a word of a shorter name
        ("Midas Surl" stays as written: its one name word says too little), nor a word
        elsewhere in the name."""
        last = len(query) - 1
        while last >= 0 and query[last][0] == "~":
            last -= 1
        if last < 2:
            return []
        tok = query[last]
        if not 3 <= len(tok) <= 5 or tok in names or not tok.isalpha():
            return []
        if sum(1 for t in query[:last] if t[0] != "~") < 2:
            return []
        forms = _trailing_legal_forms(tok)
        if len(forms) != 1:  # (two legal forms as near: no guess)
            return []
        return [(*query[:last], "~" + LEGAL_FORMS[forms[0]], *query[last + 1 :])]

    def glued_legal_readings(self, query: tuple[str, ...]) -> list[tuple[str, ...]]:
        """A company's name read with a legal form written joined to the word before it
        split off ("SiemensAG", "AcmeLLC": Siemens AG, Acme LLC): for a word that ends in
        a legal abbreviation (AG, GmbH, LLC, Ltd, Inc ...; not Co or SA, which end words:
        Mexico, Odessa) after a listed word of four letters or more."""
        out: list[tuple[str, ...]] = []
        vocab = self.vocab
        for i, tok in enumerate(query):
            if len(tok) < 6 or tok[0] == "~":
                continue
            for cut in range(max(len(tok) - 4, 4), len(tok) - 1):
                rest, form = tok[:cut], tok[cut:]
                if form in _GLUED_LEGAL_FORMS and rest in vocab:
                    reading = (*query[:i], rest, "~" + LEGAL_FORMS[form], *query[i + 1 :])
                    out.append(reading[:MAX_NAME_WORDS])
        return out[:_MAX_READINGS]

    def legal_phrase_short_typos(self, query: tuple[str, ...]) -> bool:
        """Whether the query holds a word of up to three letters on no listed company's
        name (or a letter alone) that may be a misspelt short word of a legal phrase."""
        vocab = self.vocab
        return bool(self.legal_phrase_short) and any(
            len(t) <= 3 and t[0] != "~" and t.isalpha() and t not in vocab for t in query
        )

    def _short_phrase_readings(
        self, words: list[str], query: tuple[str, ...]
    ) -> list[tuple[str, ...]]:
        """Readings with a misspelt short word of a legal phrase spelt right ("S.A. Dde
        C.V.", "S.A. D C.V.", "S.A. de Cc.V.": S.A. de C.V.; "S. Re R.L."), kept only when
        the phrase then folds: the reading has fewer words than the query (two fewer for
        a letter alone or a stopword, which must merge with their neighbours, not just
        go). A short word is a company's acronym as often as a typo, so a guess that folds
        nothing is no reading (an acronym stays one)."""
        vocab = self.vocab
        phrase = self.legal_phrase_short
        out: list[tuple[str, ...]] = []
        for i, word in enumerate(words):
            if len(word) > 3 or not word.isalpha() or word in vocab or word in phrase:
                continue
            for right in sorted(phrase):
                if abs(len(right) - len(word)) > 1 or OSA.distance(word, right, score_cutoff=1) > 1:
                    continue
                fixed = [*words[:i], right, *words[i + 1 :]]
                reading = tokenize(" ".join(fixed), "organization")[:MAX_NAME_WORDS]
                # (the word must fold with its neighbours, not just go: "Lam
                # Petrochemical" is not "La Petrochemical" and "Dt-Capital" not
                # "De Capital", read as "Petrochemical", "Capital")
                fewer = 1 if len(word) > 1 and right not in STOPWORDS else 2
                if reading and len(reading) <= len(query) - fewer and reading not in out:
                    out.append(reading)
        return out[:_MAX_READINGS]

    def hyphen_article_readings(self, name: str, query: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The query read with a misspelt Arabic article before a hyphen dropped ("Alp-Madani",
        "All-Marfadi": a word on no list, of two or three letters, one edit from al or el),
        or with the hyphen moved back after the article ("A-lAli" for al-Ali)."""
        text = to_latin(name[:MAX_NAME_CHARS]).replace("'", "").replace("’", "").casefold()
        changed = False

        def fix(m: re.Match[str]) -> str:
            nonlocal changed
            head, tail = m.group(1), m.group(2)
            if len(head) == 1 and head + tail[0] in ("al", "el") and len(tail) >= 4:
                changed = True
                return f"{head}{tail[0]}-{tail[1:]}"  # A-lAli: al-Ali
            if (
                len(head) >= 2
                and head not in self.known
                and head not in ARABIC_ARTICLES
                and min(OSA.distance(head, a) for a in ("al", "el")) <= 1
            ):
                changed = True
                return tail  # Alp-Madani: Madani
            return m.group(0)

        text = _HYPHENED.sub(fix, text)
        if not changed:
            return []
        reading = tokenize(text, "person")[:MAX_NAME_WORDS]
        return [reading] if len(reading) >= 2 and reading != query else []

    def similar_tokens(self, tok: str) -> tuple[tuple[int, float], ...]:
        """Vocabulary words within reach of ``tok``: same or one-edit-away skeleton, or one
        edit away in spelling."""
        cached = self._similar.get(tok)
        if cached is not None:
            return cached
        tid = self.vocab.get(tok)
        if tid is not None and tid + 1 < len(self.neighbour_start):
            start, end = self.neighbour_start[tid], self.neighbour_start[tid + 1]
            tids, sims = self.neighbour_tid[start:end], self.neighbour_sim[start:end]
            return tuple(zip(tids, sims, strict=True))
        return self._find_similar(tok)

    def precompute_neighbours(self) -> None:
        """Find every listed word's neighbours once, as the index is built (listed words
        make most query words): queries then only search for words not on the lists."""
        starts, tids, sims = array("i", [0]), array("i"), array("d")
        for tok in self.vocab_tokens:
            for tid, s in self._find_similar(tok):
                tids.append(tid)
                sims.append(s)
            starts.append(len(tids))
        self.neighbour_start, self.neighbour_tid, self.neighbour_sim = starts, tids, sims

    def _find_similar(self, tok: str) -> tuple[tuple[int, float], ...]:
        found: dict[int, float] = {}
        tid = self.vocab.get(tok)
        if tid is not None:
            found[tid] = 1.0
        size = len(tok)
        typo = self.is_typo(tok)
        vocab_tokens = self.vocab_tokens
        sim = org_token_sim if self.org else token_sim
        seen: set[int] = set()  # (the same word is often reached in several ways)
        for cand in self._reachable(tok, typo):
            if cand not in seen:
                seen.add(cand)
                word = vocab_tokens[cand]
                # Spellings far apart in length rarely match.
                if abs(len(word) - size) > 3:
                    continue
                s = sim(tok, word, typo)
                if s >= 0.6:
                    found[cand] = s
        result = tuple(found.items())
        if tid is None:  # listed words' neighbours are kept in the index itself
            if len(self._similar) >= 200_000:
                self._similar.clear()
            self._similar[tok] = result
        return result

    def _reachable(self, tok: str, typo: bool) -> Iterator[int]:
        """Listed words (ids) that may be spellings of ``tok``, to be compared with it."""
        sk = skeleton(tok)
        # the same skeleton, or one edit from it (romanisations, voicing: Kim, Gim)
        for key in (sk, *_deletes(sk)):
            yield from self.skel_keys.get(key, ())
        # a letter missing or mistyped (Machies for Machines, whose skeletons differ more)
        for key in _raw_keys(tok):
            yield from self.raw_keys.get(key, ())
        # a letter too many ("Aspsad", "Norotozi"): a delete of the word is a listed word
        for key in _deletes(tok):
            cand = self.vocab.get(key)
            if cand is not None:
                yield cand
        if self.org and len(tok) >= 7:
            # the same word with another ending (Agriculture, Agricultural: see
            # org_token_sim), found by its stems with each ending
            vocab = self.vocab
            for stem in _derived_stems(tok):
                for end in ("", *_DERIVED_ENDINGS):
                    cand = vocab.get(stem + end)
                    if cand is not None:
                        yield cand
        if typo and not self.org:
            # a typo of a romanisation of a Korean or Chinese syllable ("Ctheol" is Cheol
            # with a letter too many, and Cheol is Chol): listed words of that syllable's
            # skeleton, which neither the spelling nor the typo's own skeleton reaches
            for key in sorted(near_syllable_skeletons(tok)):
                yield from self.skel_keys.get(key, ())

    def typos(self, query: tuple[str, ...]) -> tuple[bool, ...]:
        """Per query word, whether it is taken for a typo (:meth:`is_typo`). In a person's
        name whose other words are Korean or Chinese syllables, a word of two pinyin
        syllables is a Chinese given name written as pinyin writes them, run together
        (Zihan, Yifan: Zhang Zihan is not Zhang Jian misspelt), not a typo."""
        flags = tuple(self.is_typo(t) for t in query)
        if self.org or len(query) < 2 or not any(flags):
            return flags
        syl = syllables()
        return tuple(
            flag
            and not (
                _pinyin_pair(tok)
                and all(_is_syllable(t, syl) for j, t in enumerate(query) if j != i)
            )
            for i, (flag, tok) in enumerate(zip(flags, query, strict=True))
        )

    def memos(self, query: tuple[str, ...], typos: tuple[bool, ...] = ()) -> list[dict[str, float]]:
        """Per query word, its similarities to listed words found so far (kept across
        queries: a word's similarity to a listed word never changes for the same reading
        of the word; one not read as :meth:`is_typo` says has its own)."""
        memos = self._memos
        out = []
        for i, tok in enumerate(query):
            key = tok
            if i < len(typos) and typos[i] != self.is_typo(tok):
                key = "\0" + tok
            memo = memos.get(key)
            if memo is None:
                if len(memos) >= _MEMO_WORDS:
                    memos.clear()
                memo = memos[key] = {}
            out.append(memo)
        return out

    def candidates(
        self, query: tuple[str, ...], floor_share: float = CANDIDATE_FLOOR, limit: int = _CANDIDATES
    ) -> list[int]:
        """Names sharing enough weighted words with the query, best first: at least
        ``floor_share`` of the query's weight must be found in a name.

        Words are taken rarest first; once the words left cannot lift a name not seen yet
        to the floor, frequent words (Kim, Maria, Muhammad) only add to names already
        found instead of walking their long posting lists (max-score pruning).
        """
        words = [t for t in dict.fromkeys(query) if t[0] != "~" and len(t) >= 2]
        if not words:
            return []
        total = sum(token_weight(t) for t in dict.fromkeys(query) if t[0] != "~")
        plan = [self._weighted(tok) for tok in words]
        patronymics = () if self.org else {query[i] for i in extra_patronymics(query)}
        # a patronymic the listed name may leave out weighs in the query's weight what it
        # costs (see losses); a name that holds it gets its weight, but never the floor
        # from it alone (common patronymics would make every Sergeyevich a candidate)
        total -= sum((1 - UNMATCHED_LISTED_WORD) * token_weight(t) for t in patronymics)
        floor = floor_share * total
        for k, tok in enumerate(words):
            if tok in patronymics:
                size, w, weighted = plan[k]
                most = floor * (1 - _PATRONYMIC_FLOOR_MARGIN)
                plan[k] = (size, min(w, most), {n: min(v, most) for n, v in weighted.items()})
        for piece, w in self._joined_pieces(words):
            tid = self.vocab[piece]
            posting = self.postings[tid]
            plan.append((len(posting), w, dict.fromkeys(posting, w)))
        plan.sort(key=lambda p: p[0])
        remaining = sum(w for _, w, _ in plan)
        acc: dict[int, float] = {}
        # (names shared with those found are told by a set intersection, in C: only those
        # are added to one by one)
        for _, w, weighted in plan:
            if remaining >= floor:
                if acc:
                    found = [(k, acc[k]) for k in acc.keys() & weighted.keys()]
                    acc.update(weighted)
                    for name_no, before in found:
                        acc[name_no] = before + weighted[name_no]
                else:
                    acc = weighted.copy()
            elif acc:
                # names not yet found cannot reach the floor: only add to those found
                for name_no in acc.keys() & weighted.keys():
                    acc[name_no] += weighted[name_no]
            else:
                break
            remaining -= w
        # Ranked by the share of both names' weight that agrees, as the alignment will
        # weigh it (query words missing count in full, listed words missing at their
        # unmatched cost), not by the agreeing weight alone: of the many names holding
        # "Mohammad" and "Shah", "Shah Mohammad Yusuf" comes before "Akhtar Mohammad
        # Mansour Shah Mohammed", and a short listed name before a long one with it.
        reached = [(v, k) for k, v in acc.items() if v >= floor]
        if len(reached) > limit and not self.org:
            # An initial (Muhammad N.) reaches no posting; among many names holding the
            # other words, those with a word of that initial agree on more of the query.
            initials = [t for t in query if len(t) == 1 and t.isalpha()]
            if initials:
                reached = self._with_initials(reached, initials, set(words))
        if len(reached) > 1:
            cost = UNMATCHED_ORG_WORD if self.org else UNMATCHED_LISTED_WORD
            name_weight = self.name_weight
            reached = sorted(
                (
                    v
                    / (
                        v
                        + (total - v if total > v else 0.0)
                        + cost * (w - v if (w := name_weight[k]) > v else 0.0)
                    ),
                    k,
                )
                for v, k in reached
            )
        return [k for _, k in reached[-limit:]][::-1]

    def _with_initials(
        self, reached: list[tuple[float, int]], initials: list[str], words: set[str]
    ) -> list[tuple[float, int]]:
        """``reached`` with each name's agreeing weight raised by what the query's initials
        agree with its other words (an initial counts 0.8 of its weight, as in token_sim)."""
        name_tokens = self.name_tokens
        each = 0.8 * token_weight(initials[0])
        out = []
        for v, k in reached:
            firsts = [t[0] for t in name_tokens[k] if t not in words]
            for letter in initials:
                if letter in firsts:
                    firsts.remove(letter)
                    v += each
            out.append((v, k))
        return out

    def _weighted(self, tok: str) -> tuple[int, float, dict[int, float]]:
        """A query word's entry in a candidate search: the size of its listed words'
        postings, its weight, and for each name holding listed words within its reach the
        weight times their similarities (kept across queries, within a budget)."""
        got = self._postings_of.get(tok)
        if got is not None:
            return got
        w = token_weight(tok)
        weighted: dict[int, float] = {}
        postings = self.postings
        size = 0
        for tid, s in self.similar_tokens(tok):
            ws = w * s
            posting = postings[tid]
            size += len(posting)
            if not weighted:
                weighted = dict.fromkeys(posting, ws)
                continue
            # names already holding a similar word add to it; the others start at ws
            found = [(k, weighted[k]) for k in weighted.keys() & posting]
            weighted.update(dict.fromkeys(posting, ws))
            for name_no, before in found:
                weighted[name_no] = before + ws
        got = (size, w, weighted)
        self._postings_size += len(weighted)
        if self._postings_size > _POSTINGS_BUDGET:
            self._postings_of.clear()
            self._postings_size = len(weighted)
        self._postings_of[tok] = got
        return got

    def _joined_pieces(self, words: list[str]) -> list[tuple[str, float]]:
        """Listed words hidden in the query's: a word that is two listed words run together
        ("Jongun"), two query words that are one listed word ("Jin Ping")."""
        found: list[tuple[str, float]] = []
        for tok in words:
            # (a company's listed word too, when on a few names only: Goodwill is on a
            # list, Good Will as well; Petrochemical is on many, written so)
            tid = self.vocab.get(tok)
            if len(tok) >= 4 and (
                tid is None or (self.org and len(self.postings[tid]) <= _FEW_NAMES)
            ):
                found += self._split_pieces(tok)
        vocab = self.vocab
        for left, right in itertools.pairwise(words):
            if left + right in vocab:
                found.append((left + right, token_weight(left) + token_weight(right)))
        return found

    def _split_pieces(self, tok: str) -> list[tuple[str, float]]:
        got = self._splits.get(tok)
        if got is None:
            got = []
            vocab = self.vocab
            w = token_weight(tok)
            # (a company's listed word, or three words run together, only in pieces of
            # three letters or more: General is no Gen Er Al)
            shortest = 3 if tok in vocab else 2
            for i in range(shortest, len(tok) - shortest + 1):
                left, right = tok[:i], tok[i:]
                if left not in vocab or (self.org and right in _DERIVED_ENDINGS):
                    # (Investmentes is Investment with an ending, not Investment Es)
                    continue
                if right in vocab:
                    got += [(left, w * i / len(tok)), (right, w * (len(tok) - i) / len(tok))]
                elif self.org and i >= 3 and len(right) >= 6:
                    # a company's name of three words run together (Vanderbilt: Van Der Bilt)
                    for k in range(3, len(right) - 2):
                        if right[:k] in vocab and right[k:] in vocab:
                            got += [
                                (left, w * i / len(tok)),
                                (right[:k], w * k / len(tok)),
                                (right[k:], w * (len(right) - k) / len(tok)),
                            ]
            if len(self._splits) >= _MEMO_WORDS:
                self._splits.clear()
            self._splits[tok] = got
        return got

    def clear_caches(self) -> None:
        self._memos.clear()
        self._postings_of.clear()
        self._postings_size = 0
        self._splits.clear()
        self._similar.clear()
        self._name_sets.clear()


_CRYPTO_CASELESS = re.compile(r"^(0x|bc1|ltc1|tb1|bitcoincash:|t1|t3)", re.I)


def normalise_address(address: str) -> str:
    """A digital-currency address as a key: trimmed; hex (0x…) and bech32 (bc1…) addresses
    are case-insensitive and lower-cased, base58 ones keep their case."""
    addr = "".join(address.split())
    return addr.lower() if _CRYPTO_CASELESS.match(addr) else addr


def normalise_id(number: str) -> str:
    """An identity number as a key: upper case, letters and digits only."""
    return "".join(ch for ch in number.upper() if ch.isalnum())


@dataclass(slots=True)
class Hit:
    """One listed entry that matched, before it becomes a :class:`SanctionsMatch`."""

    entry: ListEntry
    score: float
    matched_name: str
    features: dict[str, float]


class SanctionsIndex:
    """All loaded lists in memory, ready to answer queries.

    Build once from parsed entries (seconds for every list); pickle it next to the list
    versions so that a later start loads it in well under a second.
    """

    def __init__(self, entries: Iterable[ListEntry]) -> None:
        self.entries: list[ListEntry] = []
        self.persons = _SubIndex()
        self.orgs = _SubIndex(org=True)
        self.crypto: dict[str, list[int]] = {}
        self.ids: dict[str, list[int]] = {}
        for entry in entries:
            self._add(entry)
        self.persons.finish()
        self.orgs.finish()
        # A word of a company's name is no person's name ("Amn" is a typo of Amin, not
        # a name); persons' names often make companies' names.
        persons_known = frozenset(self.persons.vocab) | name_syllables()
        self.persons.known = persons_known
        self.orgs.known = persons_known | frozenset(self.orgs.vocab)
        self.persons.precompute_neighbours()
        self.orgs.precompute_neighbours()
        self.orgs.learn_legal_phrases(
            name
            for e in self.entries
            if e.kind not in ("person", "crypto")
            for name in e.all_names()
        )

    def _add(self, entry: ListEntry) -> None:
        entry_no = len(self.entries)
        self.entries.append(entry)
        for _, addr in entry.crypto:
            self.crypto.setdefault(normalise_address(addr), []).append(entry_no)
        for number in entry.ids:
            key = normalise_id(number)
            if len(key) >= 5:  # shorter "numbers" are fragments of remarks, not identifiers
                self.ids.setdefault(key, []).append(entry_no)
        if entry.kind == "crypto":
            return
        person = entry.kind == "person"
        sub = self.persons if person else self.orgs
        weak = set(entry.weak_aliases) - {entry.name, *entry.aliases}
        seen: set[tuple[str, ...]] = set()
        for name in entry.all_names():
            tokens = tokenize(name, "person" if person else "organization")
            if tokens and tokens not in seen:
                seen.add(tokens)
                sub.add(entry_no, tokens, name in weak)
            if not person:
                # a company's name with its numbers as digits too ("Brigade Forty-Four" is
                # also "Brigade 44"; "First East Export Bank" also "1st East Export Bank"),
                # beside the words as written (a misspelt number word stays a word)
                tokens = tokenize(name, "organization", digits=True)
                if tokens and tokens not in seen:
                    seen.add(tokens)
                    sub.add(entry_no, tokens, name in weak)

    def __len__(self) -> int:
        return len(self.entries)

    def clear_caches(self) -> None:
        """Forget everything remembered between queries (to measure cold queries)."""
        self.persons.clear_caches()
        self.orgs.clear_caches()
        self.__dict__.pop("_name_cache", None)

    def __getstate__(self) -> dict[str, object]:
        self.persons.clear_caches()
        self.orgs.clear_caches()
        return {k: v for k, v in self.__dict__.items() if k != "_name_cache"}

    def lookup_address(self, address: str) -> list[Hit]:
        """Entries that list this digital-currency address (exact, after normalising).

        An address also found on an entry that names its owner is reported once, as that
        entry (the plain address list only fills the gap when no owner is loaded).
        """
        nos = self.crypto.get(normalise_address(address), [])
        owners = [n for n in nos if self.entries[n].kind != "crypto"]
        return [Hit(self.entries[n], 1.0, address, {"crypto_exact": 1.0}) for n in (owners or nos)]

    def lookup_id(self, number: str) -> list[Hit]:
        """Entries listing this identity number (passport, national id, registration
        number), exact after normalising (upper case, letters and digits only)."""
        return [
            Hit(self.entries[n], 1.0, number, {"id_exact": 1.0})
            for n in self.ids.get(normalise_id(number), [])
        ]

    def _name_matches(
        self, name: str, kind: str | None, floor: float
    ) -> tuple[tuple[int, float, bool, str], ...]:
        """(entry, name similarity, weak alias, listed name) for every listed name that
        reaches ``floor``: the costly part of a search, which depends on the name alone, so
        it is remembered (bounded) for the next applicant with the same name and another
        date of birth or nationality."""
        cache: dict[tuple[str, str | None, float], tuple[tuple[int, float, bool, str], ...]]
        cache = self.__dict__.setdefault("_name_cache", {})
        key = (name, kind, floor)
        found = cache.get(key)
        if found is not None:
            return found
        out: list[tuple[int, float, bool, str]] = []
        groups: list[tuple[_SubIndex, str]] = []
        if kind in (None, "person"):
            groups.append((self.persons, "person"))
        if kind in (None, "organization", "company", "vessel", "aircraft"):
            groups.append((self.orgs, "organization"))
        # A name has a handful of words; pasted text must not cost a quadratic alignment.
        text = name[:MAX_NAME_CHARS]
        for sub, sub_kind in groups:
            query = tokenize(text, sub_kind)[:MAX_NAME_WORDS]
            if not sub.org and len(query) > 1:
                # a misspelt title is no part of who a person is ("Genepral", "Sheikhh")
                titled = tuple(t for t in query if not _misspelt_honorific(t, sub))
                # (a name of one word left is too little to tell anyone: the title may be
                # a name misspelt)
                query = titled if len(titled) >= 2 else query
            if not query:
                continue
            spelt_back: tuple[str, ...] = ()
            if not sub.org and not text.isascii():
                # a Korean or Chinese name in Russian letters ("Ким Чен Ын", "Ли Фанвэй")
                # read back in McCune-Reischauer or pinyin
                spelt_back = (*korean_cyrillic_readings(text), *chinese_cyrillic_readings(text))
            if not spelt_back or not any(sub.is_typo(t) for t in query):
                # (read so, its letter-by-letter reading, "Li Fanvey", "Syuy Min", is no
                # spelling of the name: its words on no list are no typos to forgive)
                self._score_candidates(sub, query, floor, out, text)
            if sub.org:
                readings = sub.legal_readings(name, query) + sub.glued_legal_readings(query)
                readings += sub.trailing_legal_readings(query, self.persons.known)
                if has_numbers(query):
                    # numbers as digits ("Brigade Forty-Four", "1st": Brigade 44, First)
                    numbers = tokenize(text, sub_kind, digits=True)
                    if numbers[:MAX_NAME_WORDS] != query and numbers not in readings:
                        readings.append(numbers[:MAX_NAME_WORDS])
                for reading in readings:
                    self._score_candidates(sub, reading, floor, out)
            else:
                readings = sub.syllable_readings(query) + sub.article_readings(query)
                syl = syllables()
                if all(t in syl for t in query) and has_title(text):
                    # in a name of Korean or Chinese syllables, a word read as a title may
                    # be a syllable misspelt ("Col Nam Pak" for PAK Chol Nam): read it kept
                    titled = tokenize(text, sub_kind, keep_titles=True)
                    if titled[:MAX_NAME_WORDS] != query:
                        readings.append(titled[:MAX_NAME_WORDS])
                # other spellings read back: a Chinese name in Wade-Giles ("Hsi Chin-ping")
                # in pinyin, a Korean or Chinese name in Russian letters (above)
                wade_giles = all(len(t) <= _WADE_GILES_LONGEST for t in query)
                for spelt in (*(wade_giles_readings(text) if wade_giles else ()), *spelt_back):
                    # (syllables, no titles: Хон is Hong or Hon, not the Honourable)
                    reading = tokenize(spelt, sub_kind, keep_titles=True)[:MAX_NAME_WORDS]
                    if reading != query and reading not in readings:
                        readings.append(reading)
                arabic = arabic_script_words(text)[:MAX_NAME_WORDS]
                if len(arabic) >= 2:
                    # a name in Arabic script, by its consonants: scored apart, capped
                    start = len(out)
                    for reading in sub.arabic_readings(arabic):
                        self._score_candidates(sub, reading, floor, out)
                    # (a reading is a guess at the vowels: only a listed name it spells out
                    # nearly as written counts, scaled to the cap, so that a reading that
                    # spells the whole listed name comes before one that leaves a word out)
                    out[start:] = [
                        (e, ARABIC_SCRIPT_CAP * sim, weak, listed)
                        for e, sim, weak, listed in out[start:]
                        if sim >= ARABIC_READING_SIM and floor <= ARABIC_SCRIPT_CAP * sim
                    ]
                if "-" in name:
                    # a hyphen between syllables in the wrong place ("KukR-yol" for
                    # Kuk-ryol): the syllables read again from the word run together
                    unhyphened = tokenize(text.replace("-", ""), sub_kind)
                    readings += [
                        r
                        for r in sub.syllable_readings(unhyphened[:MAX_NAME_WORDS])
                        if r != query and r not in readings
                    ]
                    readings += [
                        r for r in sub.hyphen_article_readings(name, query) if r not in readings
                    ]
                for reading in readings:
                    self._score_candidates(sub, reading, floor, out, text)
        result = tuple(out)
        if len(cache) >= NAME_CACHE:
            cache.clear()
        cache[key] = result
        return result

    @staticmethod
    def _score_candidates(
        sub: _SubIndex,
        query: tuple[str, ...],
        floor: float,
        out: list[tuple[int, float, bool, str]],
        text: str = "",
    ) -> None:
        """Append (entry, name similarity, weak alias, listed name) for every candidate of
        ``query`` in ``sub`` that reaches ``floor``; ``text`` is the name as written (its
        words written as one: see :func:`_given_order_reversed`)."""
        candidates = sub.candidates(query)
        if not candidates:  # a third of the applicants' names: no listed name within reach
            return
        typos = sub.typos(query)
        ctx = _QueryContext(query, sub.rarity, sub.org, typos, sub.memos(query, typos))
        # A two-part name, or a name of Korean or Chinese syllables (each one a name of
        # its own), with one part another real name is a namesake (see below).
        syl = syllables()
        qsyl = name_syllables()  # (a query's syllables may be Vietnamese too)
        namesake_rule = not sub.org and (len(query) == 2 or all(t in qsyl for t in query))
        query_joined = _joined(query)
        # (in a company's name only a word of four letters or more: acronyms such as IBM
        # or CGI are spelt the same or are other companies)
        has_typo = any(
            f and (len(t) >= 4 or not sub.org) for f, t in zip(typos, query, strict=True)
        )
        nq = len(query)
        joinable = len(query_joined) >= 6
        # a name of Korean or Chinese syllables (a typo may be one misspelt) of two or more
        syllable_name = (
            not sub.org
            and nq >= 2
            and all(t in qsyl or f for t, f in zip(query, typos, strict=True))
        )
        links = () if sub.org or syllable_name else _lineage_links(query)
        # ... of Korean or Chinese syllables only, whose given name keeps its order (see
        # GIVEN_ORDER_CAP; not Vietnamese: "Minh Van Nguyen" keeps Van beside Nguyen)
        ordered = syllable_name and all(t in syl or f for t, f in zip(query, typos, strict=True))
        one_word: frozenset[str] | None = None
        # a company's name of three words or more with a known word that may be misspelt
        # (see _agreeing_context_typo)
        words = [t for t in query if t[0] != "~"]
        context_typo = sub.org and len(words) >= 3 and not all(typos)
        for name_no in candidates:
            tokens = sub.name_tokens[name_no]
            # 0.0 when a bound shows that the alignment cannot reach the floor
            aligned = ctx.align(tokens, sub.name_wr[name_no], floor)
            if context_typo and aligned < 0.97:
                # (a known word one slip from the listed one, the rest agreeing in full:
                # aligned again with it read as a typo; checked by the words alone first)
                flags = _agreeing_context_typo(query, typos, words, tokens, sub.rarity)
                if flags:
                    retyped = _QueryContext(query, sub.rarity, True, flags)
                    aligned = max(aligned, retyped.align(tokens, sub.name_wr[name_no], floor))
            if namesake_rule and aligned and ctx.weakest < NAMESAKE_WORD_SIM:
                # A two-part name with one part another real name ("Wang Xiaoming",
                # "Zhang Xiaoming"; "Mary Taylor", "Mark Taylor") is a namesake, not a
                # spelling of the listed name: half of the name differs. So is a Korean
                # or Chinese name with one syllable another (Choe Hyeon Jeong, Choe
                # Myong Hyon): each syllable is a name of its own.
                aligned = min(aligned, NAMESAKE_CAP)
            if (
                syllable_name
                and aligned > GIVEN_SYLLABLE_CAP
                and ctx.listed_left
                and ctx.first_listed_matched
                and all(t in syl for t in tokens)
            ):
                # "Young Kim" is not KIM Young Chol: one syllable of a two-syllable
                # given name is another given name (see GIVEN_SYLLABLE_CAP). (The lists
                # write the surname first: a name without it, "Yong Mu" for RI Yong Mu,
                # is the whole given name, left as it was.)
                aligned = GIVEN_SYLLABLE_CAP
            if links and aligned > LINEAGE_CAP and _lineage_reversed(ctx, links, tokens):
                aligned = LINEAGE_CAP
            if ordered and aligned > GIVEN_ORDER_CAP:
                if one_word is None:
                    one_word = written_as_one(text)
                if _given_order_reversed(ctx, tokens, one_word):
                    aligned = GIVEN_ORDER_CAP
            if (len(tokens) != nq or has_typo) and aligned < 0.97 and joinable:
                sim = _joined_similarity(
                    aligned,
                    query,
                    tokens,
                    sub.name_joined[name_no],
                    floor,
                    query_joined,
                    has_typo,
                )
            else:
                sim = aligned  # what _joined_similarity would answer
            if sim >= floor:
                out.append(
                    (sub.name_entry[name_no], sim, bool(sub.name_weak[name_no]), " ".join(tokens))
                )

    def search(
        self,
        name: str,
        *,
        kind: str | None = None,
        dob: str | None = None,
        nationality: str | None = None,
        threshold: float = 0.0,
        limit: int = 10,
    ) -> list[Hit]:
        """Listed entries whose names match ``name``, best first, at most one hit an entry.

        ``kind`` is ``person``, ``organization`` or None for both; ``dob`` an ISO date or
        year; ``nationality`` an ISO alpha-2 code (for an organisation, its country, which
        only marks the hit: ``country_match`` or ``country_conflict``). Only hits scoring
        ``threshold`` or more.
        """
        # the most the qualifiers can add: names below this cannot reach the threshold
        floor = threshold - DOB_EXACT_BONUS - NATIONALITY_BONUS
        hits: dict[int, Hit] = {}
        surname = han_surname(name)
        for entry_no, sim, weak, matched in self._name_matches(name, kind, floor):
            entry = self.entries[entry_no]
            if surname and _han_order_reversed(surname, entry, matched):
                continue
            features = {"name": round(sim, 4)}
            score = sim
            if weak:
                features["weak_alias"] = 1.0
                score -= WEAK_ALIAS_PENALTY
            score += _qualify(entry, dob, nationality, features, sim, matched.count(" ") + 1)
            score = min(max(score, 0.0), 1.0)
            prev = hits.get(entry_no)
            if prev is None or score > prev.score:
                hits[entry_no] = Hit(entry, score, matched, features)
        # (scores clipped at 1.0 tie: the closer name first, a date of birth lifting both)
        ranked = sorted(
            (h for h in hits.values() if h.score >= threshold),
            key=lambda h: (-h.score, -h.features["name"]),
        )
        return ranked[:limit]


#: A syllable of a name in Chinese characters and a listed word this close are one
#: syllable spelt two ways (pinyin, Wade-Giles: Zhao, Chao).
_HAN_SAME_SYLLABLE = 0.9


def _han_order_reversed(surname: str, entry: ListEntry, matched: str) -> bool:
    """Whether a name in Chinese characters, whose first syllable is the surname
    (:func:`han_surname`), matched a listed "SURNAME, Given" name the other way round: 赵伟
    (Zhao Wei) is not WEI, Zhao, whose surname is Wei."""
    for listed in entry.all_names():
        if "," in listed and " ".join(tokenize(listed)) == matched:
            family, given = listed.split(",", 1)

            def spelt(words: tuple[str, ...]) -> bool:  # (Zhao, Chao: one syllable)
                return any(token_sim(surname, w) >= _HAN_SAME_SYLLABLE for w in words)

            return not spelt(tokenize(family)) and spelt(tokenize(given))
    return False


def _qualify(
    entry: ListEntry,
    dob: str | None,
    nationality: str | None,
    features: dict[str, float],
    name_sim: float = 1.0,
    name_words: int = 3,
) -> float:
    """Score change from date of birth and nationality, where the list gives them."""
    delta = 0.0
    if dob and entry.dobs:
        outcome = dob_agreement(dob, entry.dobs)
        if outcome == "near" and (name_sim < DOB_NEAR_NAME or name_words < DOB_NEAR_WORDS):
            # a year off is a recording slip of the listed person's own date; beside part
            # of the name only, or a name of two words that many share (a namesake, most
            # often), it is a date that disagrees
            outcome = "conflict"
        if outcome == "exact":
            features["dob_exact"] = 1.0
            delta += DOB_EXACT_BONUS
        elif outcome == "year":
            features["dob_year"] = 1.0
            delta += DOB_YEAR_BONUS
        elif outcome == "near":
            features["dob_near"] = 1.0
            delta -= DOB_NEAR_PENALTY
        elif outcome == "conflict":
            features["dob_conflict"] = 1.0
            delta -= DOB_CONFLICT_PENALTY
    if nationality and entry.nationalities and entry.kind != "person":
        # An organisation's countries are its listed addresses': a company is often listed
        # at some of its offices only, so they inform the reader and leave the score alone.
        known = nationality.lower() in entry.nationalities
        features["country_match" if known else "country_conflict"] = 1.0
    elif nationality and entry.nationalities:
        if nationality.lower() in entry.nationalities:
            features["nationality_match"] = 1.0
            delta += NATIONALITY_BONUS
        else:
            features["nationality_conflict"] = 1.0
            delta -= NATIONALITY_PENALTY
    return delta


def dob_agreement(dob: str, listed: Sequence[str]) -> str:
    """``exact``, ``year`` (same year, or within a listed circa year ±1, where the list or
    the query gives no more), ``partial`` (same year, different day: a swapped day and
    month is common), ``near`` (the year one year off: a common recording discrepancy,
    an approximate agreement rather than a conflict) or ``conflict``."""
    query_year = dob[:4]
    best = "conflict"
    for value in listed:
        approx = value.startswith("~")
        value = value.lstrip("~")
        if value == dob and len(dob) == 10:
            return "exact"
        year = value[:4]
        if not (year.isdigit() and query_year.isdigit()):
            continue
        gap = abs(int(year) - int(query_year))
        if gap == 0 and (
            len(value) == 4 or len(dob) == 4 or (value[:7] == dob[:7] and len(value) == 7)
        ):
            best = "year"
        elif gap == 0 and best != "year":
            best = "partial"
        elif approx and gap <= 1 and best in ("conflict", "near"):
            best = "year"
        elif gap == 1 and best == "conflict":
            best = "near"
    return best
