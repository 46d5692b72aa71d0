"""Name handling for matching: script, romanisation, honorifics and legal forms.

Each name becomes a tuple of tokens (Latin letters and digits, lower case). Every token
also has a *skeleton*, a coarse phonetic key that folds the spelling differences of
romanisation systems (Korean McCune-Reischauer vs Revised Romanisation: Kim/Gim,
Jong/Jeong/Chong, Un/Eun, Hyon/Hyeon; Arabic: Mohammed/Muhammad, Abdel/Abdul) so that
"Kim Jong Un", "Gim Jeong-eun" and "Kim Chong-un" share their skeletons. Skeletons find
candidates and soften differences; they never decide a match alone.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from anyascii import anyascii
from rapidfuzz.distance import OSA, DamerauLevenshtein
from rigour.names import replace_org_types_compare

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

#: Titles and honorifics: not part of who a person is (Mr, Dr, Haji, Sheikh, General ...).
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "fr",
        "father",
        "haji",
        "hajji",
        "hadji",
        "alhaji",
        "hajj",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "mullah",
        "mulla",
        "maulvi",
        "mawlawi",
        "maulana",
        "mawlana",
        "mufti",
        "imam",
        "sayyid",
        "sayed",
        "syed",
        "qari",
        "hafiz",
        "amir",
        "emir",
        "gen",
        "general",
        "col",
        "colonel",
        "capt",
        "captain",
        "maj",
        "major",
        "lt",
        "lieutenant",
        "sgt",
        "sergeant",
        "cmdr",
        "commander",
        "adm",
        "admiral",
        "brig",
        "brigadier",
        "marshal",
        "eng",
        "engr",
        "engineer",
        "hon",
        "honourable",
        "honorable",
        "excellency",
        "his",
        "her",
    ]
)

#: Titles that are also given names or surnames (Amir Khan, Syed Ali, Hafiz Saeed): dropped
#: from a person's name only when two words or more are left.
NAME_TITLES = frozenset(
    [
        "amir",
        "emir",
        "sayed",
        "syed",
        "sayyid",
        "haji",
        "hajji",
        "hafiz",
        "qari",
        "imam",
        "mufti",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "major",
        "marshal",
    ]
)

#: Legal-form words, folded to one spelling (rigour's compare forms plus the English words
#: that it leaves as they are). They weigh little in a comparison of organisation names.
LEGAL_FORMS: dict[str, str] = {
    "co": "co",
    "company": "co",
    "companies": "co",
    "cos": "co",
    "coltd": "coltd",
    "corp": "corp",
    "corporation": "corp",
    "incorporated": "inc",
    "inc": "inc",
    "ltd": "ltd",
    "limited": "ltd",
    "llc": "llc",
    "llp": "llp",
    "lp": "lp",
    "plc": "plc",
    "jsc": "jsc",
    "ojsc": "jsc",
    "pjsc": "jsc",
    "cjsc": "jsc",
    "ooo": "ooo",
    "zao": "jsc",
    "oao": "jsc",
    "pao": "jsc",
    "ao": "jsc",
    "gmbh": "gmbh",
    "ag": "ag",
    "sa": "sa",
    "srl": "srl",
    "sarl": "sarl",
    "spa": "spa",
    "bv": "bv",
    "nv": "nv",
    "pte": "pte",
    "pvt": "pvt",
    "private": "pvt",
    "sdn": "sdn",
    "bhd": "bhd",
    "fze": "fze",
    "fzco": "fze",
    "fzc": "fze",
    "fzllc": "fze",
    "est": "est",
    "establishment": "est",
    "kg": "kg",
    "enterprise": "ent",
    "enterprises": "ent",
    "ent": "ent",
    "cooperation": "coop",
    "cooperative": "coop",
    "coop": "coop",
    "joint": "joint",
    "venture": "venture",
    "jv": "jv",
    "trading": "trading",
    "group": "group",
    "holding": "holding",
    "holdings": "holding",
    "international": "intl",
    "intl": "intl",
    "liability": "liability",
    "stock": "stock",
    "open": "open",
    "closed": "closed",
    "public": "public",
    "partnership": "partnership",
    "society": "society",
    "responsibility": "liability",
    "jsco": "jsc",
    "sal": "sal",
    "sro": "sro",
    "sas": "sas",
    "doo": "doo",
    "kft": "kft",
    "tbk": "tbk",
    "sdnbhd": "bhd",
    "ptyltd": "ltd",
    "pty": "pty",
    "obshchestvo": "society",
    "obschestvo": "society",
    "ogranichennoi": "liability",
    "ogranichennoy": "liability",
    "otvetstvennostyu": "liability",
    "aktsionernoe": "stock",
    "zakrytoe": "closed",
    "otkrytoe": "open",
    "publichnoe": "public",
    "tovarishchestvo": "partnership",
    "sociedad": "society",
    "anonima": "sa",
    # the same words in other languages, spelt as lists spell them (not typos to guess:
    # two letters or more apart from the English word)
    "kholding": "holding",
    "compagnie": "co",
    "compania": "co",
    "companhia": "co",
    "societe": "society",
    "sirketi": "sti",  # Turkish Şirketi (Limited Şirketi, Ltd. Şti.)
    "sti": "sti",
}
#: Legal forms written in Chinese, Japanese or Korean characters, as the lists write them
#: in Latin letters (the longest first): a company limited by shares or of limited
#: liability (有限公司, 股份有限公司, 有限責任公司; Japanese 株式会社, Korean 주식회사 and its
#: short form (주)) is the "Co., Ltd." of the lists' translations; 公司 alone a company, 集团
#: a group.
_CJK_LEGAL_FORMS = (
    ("股份有限公司", " Co., Ltd. "),
    ("有限责任公司", " Co., Ltd. "),
    ("有限責任公司", " Co., Ltd. "),
    ("有限公司", " Co., Ltd. "),
    ("株式会社", " Co., Ltd. "),
    ("주식회사", " Co., Ltd. "),
    ("(주)", " Co., Ltd. "),
    ("㈜", " Co., Ltd. "),
    ("公司", " Company "),
    ("集团", " Group "),
    ("集團", " Group "),
)
#: Legal phrases of other languages that rigour's folding leaves as words, and their
#: abbreviations (the lists write the abbreviation: S.A., SARL, GmbH, S.p.A.).
_LEGAL_PHRASE_FORMS = {
    "societe anonyme": "sa",
    "sociedade anonima": "sa",
    "societe a responsabilite limitee": "sarl",
    "societe de responsabilite limitee": "sarl",
    "gesellschaft mit beschrankter haftung": "gmbh",
    "societa per azioni": "spa",
    "kabushiki kaisha": "co ltd",
    "tovarishchestvo s ogranichennoi otvetstvennostiu": "llp",
    "tovarishchestvo s ogranichennoy otvetstvennostyu": "llp",
    "tovarishchestvo s ogranichennoi otvetstvennostyu": "llp",
}
_LEGAL_PHRASES = re.compile(
    r"\b(?:" + "|".join(sorted(_LEGAL_PHRASE_FORMS, key=len, reverse=True)) + r")\b"
)
#: Words too common to say anything in a name of either kind.
STOPWORDS = frozenset(
    ["the", "of", "and", "for", "de", "del", "la", "le", "el", "du", "des", "und", "y", "et"]
)

_LEGAL_LONG = [w for w in LEGAL_FORMS if len(w) >= 5]
#: Abbreviations recognised when misspelt by one letter (Ltpd, Tld, Ocrp, Lcc). Short legal
#: words that are also ordinary words or names (Est: East, Ent, Sal, Doo, Coop) are not.
_LEGAL_SHORT = ("ltd", "llc", "inc", "corp", "jsc", "ojsc", "pjsc", "ooo", "plc", "pte", "pvt")


#: Long legal words recognised with two typos (Lmtied, Comnay); others, transliterations
#: above all (Otkrytoe: Otkritie is a bank's name), with one.
_TWO_EDITS = frozenset(
    [
        "company",
        "companies",
        "limited",
        "corporation",
        "incorporated",
        "enterprise",
        "enterprises",
        "international",
        "establishment",
        "cooperative",
        "partnership",
        "holdings",
        "liability",
    ]
)


@functools.lru_cache(maxsize=8192)
def legal_word(token: str) -> str | None:
    """The legal-form word a token spells, also when misspelt ("Compnay" → company,
    "Ocrp" → corp); None for other words. Long words allow one edit (the common English
    ones two, a swap and a letter added into it counted as two: "Compnsay"), abbreviations
    one edit or two neighbouring letters swapped."""
    if token in LEGAL_FORMS:
        return token
    if len(token) < 3:
        return None
    if len(token) <= 4:
        for word in _LEGAL_SHORT:
            if (word[0] == token[0] or word[:2] == token[1::-1]) and OSA.distance(
                word, token, score_cutoff=1
            ) <= 1:
                # three letters: only two swapped (Tld); one changed makes another
                # acronym as often as a typo (ITC is not Inc, nor PJS a PJSC)
                if len(token) == 3 and sorted(token) != sorted(word):
                    continue
                return word
        return None
    for word in _LEGAL_LONG:
        if abs(len(word) - len(token)) > 2:
            continue
        if word in _TWO_EDITS:
            # (two slips counted as a reader counts them: a swap and a letter added inside
            # it are two, "Compnsay" for Company, where OSA edits no letter twice and
            # counts three)
            if DamerauLevenshtein.distance(word, token, score_cutoff=2) <= 2:
                return word
        elif OSA.distance(word, token, score_cutoff=1) <= 1:
            return word
    return None


def legal_form(token: str) -> str | None:
    """The folded legal form of a token, also when misspelt by one letter ("Compnay")."""
    word = legal_word(token)
    return LEGAL_FORMS[word] if word else None


def to_latin(text: str) -> str:
    """NFKC and transliteration to Latin letters; the syllables of Hangul and Chinese
    characters become separate words ("김정은" → "Gim Jeong Eun"), Hangul in Revised
    Romanisation as a name's syllables are read ("박진혁" → "Bak Jin Hyeok")."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    if _HANGUL.search(text):
        text = _HANGUL.sub(lambda m: f" {hangul_syllable(m.group())} ", text)
    out = []
    for chunk in text.split():
        if chunk.isascii():
            out.append(chunk)
        else:
            out.append(_CAMEL.sub(" ", anyascii(chunk)))
    return " ".join(out)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: Revised Romanisation of a Hangul syllable's final as it is said at the end of a word
#: (in Unicode's order of the 27 finals): a name's syllables are read one by one, so 박 is
#: Bak, 혁 Hyeok, 극 Geuk, not the letter-by-letter Bag, Hyeog, Geug of a transliteration.
_RR_FINALS = ("", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split())  # noqa: SIM905


@functools.lru_cache(maxsize=4096)
def hangul_syllable(char: str) -> str:
    """One Hangul syllable in Revised Romanisation, capitalised, as a name's syllable is
    read alone: an initial ㄹ is R (리 Ri, 렬 Ryeol), a final as said at the end of a word
    (박 Bak, 혁 Hyeok); 이 is Yi."""
    code = ord(char) - 0xAC00
    initial, vowel, final = code // 588, (code % 588) // 28, code % 28
    head = _RR_INITIALS[initial].strip("-")
    reading = (head + _RR_VOWELS[vowel] + _RR_FINALS[final]).capitalize()
    # 이, the commonest Korean surname (the South's spelling of the North's 리, Ri), is
    # I in Revised Romanisation, a letter that reads as an initial: Yi, as it is written
    return "Yi" if reading == "I" else reading


@functools.lru_cache(maxsize=200_000)
def tokenize(
    text: str, kind: str = "person", keep_titles: bool = False, digits: bool = False
) -> tuple[str, ...]:
    """A name's matching tokens: Latin, lower case, no punctuation; honorifics dropped for
    persons (unless ``keep_titles``); legal forms folded for organisations (kept, so that a
    shell's "LLC" counts a little), with ``digits`` their numbers written as digits
    ("Forty-Four", "First": 44, 1st)."""
    if kind != "person":
        if not text.isascii():
            # legal forms in Chinese, Japanese and Korean characters (有限公司, 株式会社,
            # 주식회사), which a transliteration spells out syllable by syllable
            for native, written in _CJK_LEGAL_FORMS:
                if native in text:
                    text = text.replace(native, written)
        # abbreviations as one word (L.L.C., S.A., Co.Ltd)
        latin = _NON_ALNUM.sub(" ", _folded_latin(text).replace(".", "")).strip()
        # legal phrases of other languages that rigour leaves as words (Société Anonyme,
        # Gesellschaft mit beschränkter Haftung), as their abbreviations
        if " " in latin:
            latin = _LEGAL_PHRASES.sub(lambda m: _LEGAL_PHRASE_FORMS[m.group()], latin)
        if digits:
            # numbers and ordinals as digits ("Three", "Forty-Four", "First": 3, 44, 1st)
            latin = _numbers_as_digits(latin)
        # Misspelt legal words spelt right first, so that rigour also folds the phrases
        # they belong to ("Free Zone Compnay" → fze); letters spaced out are one acronym
        # ("I T C" is ITC).
        words = _acronyms_joined(latin)
        acronyms = {t for t, acronym in words if acronym}
        latin = " ".join(t if t in acronyms else (legal_word(t) or t) for t, _ in words)
        latin = replace_org_types_compare(latin)
        tokens = []
        for tok in latin.split():
            if tok in STOPWORDS:
                continue
            form = LEGAL_FORMS.get(tok) if tok in acronyms else legal_form(tok)
            tokens.append("~" + form if form else tok)
        return tuple(tokens)
    latin_words = _person_latin(text)
    named = [
        ARABIC_ABD.get(t, t)  # Abd al-Rahman, Abdel Rahman: Abdul Rahman; ibn: bin
        for t in _person_words(text, latin_words)
        if t not in ARABIC_ARTICLES
    ]
    tokens = named if keep_titles else [t for t in named if t not in HONORIFICS]
    if len(tokens) < 2:
        # a title that is also a name stays when one word would be left: Amir Khan and
        # Sayed Khan are not the same person "Khan"
        tokens = [t for t in named if t not in HONORIFICS or t in NAME_TITLES]
    return tuple(tokens or latin_words)


def _folded_latin(text: str) -> str:
    """``text`` in Latin letters, lower case, apostrophes dropped (O'Brien, Nu'aymi)."""
    return to_latin(text).replace("'", "").replace("’", "").replace("`", "").casefold()


def _person_latin(text: str) -> list[str]:
    """A person's name in Latin words, as :func:`tokenize` reads it before dropping any:
    the Arabic article dropped (al-Qadi, El-Tikriti, an-Barnawi)."""
    return _NON_ALNUM.sub(" ", _ARTICLE.sub(" ", _folded_latin(text))).split()


def _person_words(text: str, words: list[str]) -> list[str]:
    """A person's ``words`` (of ``text``), the particles of a surname (de, la, le, du,
    y...) left out where they are particles: before another word of the same part of the
    name. At the end of a part ("LE, Van Thanh"; "Minh Le", "Wei Du") or where only one
    word would be left ("Du Wei") the word is a name: Le, La and Du are common Vietnamese
    and Chinese surnames, and dropping them made "Minh Le" a one-word query that matched
    any listed Minh. A lone "Y" at the end ("POSPELOV, Vladimir Y") is an initial, not the
    Spanish "y"."""
    if not any(w in STOPWORDS for w in words):
        return words
    # the last word of each part a comma separates (SURNAME, Given names)
    ends: set[int] = set()
    count = 0
    for part in text.split(","):
        count += len(_person_latin(part))
        if count:
            ends.add(count - 1)
    if count != len(words):  # (the parts read differently alone: the whole name only)
        ends = {len(words) - 1}
    kept = [w for i, w in enumerate(words) if w not in STOPWORDS or i in ends]
    return kept if len(kept) >= 2 else words


#: Number words (cardinal and ordinal, English) and their digits: organisations' names
#: write them either way ("Brigade 44", "Brigade Forty-Four"; "1st", "First"). Fourty is
#: the common misspelling of forty.
_UNITS = "one two three four five six seven eight nine".split()  # noqa: SIM905
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TEENS_LIST = _TEENS.split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()  # noqa: SIM905
_CARDINALS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS_LIST)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TENS)},
    "fourty": 40,
}
_ORDINALS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def has_numbers(tokens: tuple[str, ...]) -> bool:
    """Whether a name's words hold a number, as a word or in digits (see tokenize)."""
    return any(t in _CARDINALS or t in _ORDINALS or t[:1].isdigit() for t in tokens)


def has_title(text: str) -> bool:
    """Whether a name holds a word that reads as a title (see :data:`HONORIFICS`)."""
    return any(w in HONORIFICS for w in _NON_ALNUM.split(text.casefold()))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _numbers_as_digits(text: str) -> str:
    """An organisation's name with number words written as digits: "forty four", "forty
    4" → 44, "three" → 3, "first", "1st" → 1st (words already split at hyphens)."""
    words = text.split()
    if not any(w in _CARDINALS or w in _ORDINALS or w[:1].isdigit() for w in words):
        return text
    out: list[str] = []
    for word in words:
        prev = out[-1] if out else ""
        value = _CARDINALS.get(word)
        unit = value if value is not None and value < 10 else None
        if unit is None and len(word) == 1 and word.isdigit() and word != "0":
            unit = int(word)
        tens = prev.isdigit() and len(prev) == 2 and prev.endswith("0")
        if unit is not None and tens:
            out[-1] = str(int(prev) + unit)  # forty four, forty 4: 44
            continue
        if tens and _ORDINALS.get(word, 10) < 10:
            out[-1] = _ordinal(int(prev) + _ORDINALS[word])  # twenty first: 21st
            continue
        if word in _ORDINALS:
            out.append(_ordinal(_ORDINALS[word]))
        elif value is not None:
            out.append(str(value))
        elif m := _ORDINAL_DIGITS.match(word):
            out.append(_ordinal(int(m.group(1))))
        else:
            out.append(word)
    return " ".join(out)


def org_words(text: str) -> list[str]:
    """An organisation name's words as :func:`tokenize` reads them before legal forms are
    folded (Latin, lower case, no punctuation, abbreviations as one word)."""
    return _NON_ALNUM.sub(" ", _folded_latin(text).replace(".", "")).split()


def _acronyms_joined(text: str) -> list[tuple[str, bool]]:
    """The words of ``text``, runs of two or more one-letter words joined into one
    ("b s" → "bs"), each with whether it is such an acronym (not a misspelt legal word:
    ITC is not Inc)."""
    out: list[tuple[str, bool]] = []
    run = ""
    for word in [*text.split(), ""]:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append((run, len(run) > 1))
            run = ""
        if word:
            out.append((word, False))
    return out


#: The Arabic article as a word of its own, dropped from persons' names: written al, el,
#: ul, or assimilated (ad, an, ar, as, ash, at, az) and often left out.
ARABIC_ARTICLES = frozenset(["al", "el", "ul"])
_ARTICLE = re.compile(r"\b(?:[ae]l|ul|a[dnrstz]|ash)\s*[-‐]\s*(?=[a-z])")
#: Spellings of "Abd al-" (servant of), folded to one: Abdel, Abdul, Abdal, Abd.
ARABIC_ABD = {w: "abdul" for w in ("abd", "abdel", "abdal", "abdol", "abdoul", "abdel", "abdil")}
#: "Son of" written ibn or bin (Usama ibn Ladin, Osama bin Laden): one word.
ARABIC_ABD["ibn"] = "bin"


#: Endings of East Slavic patronymics (Vladimirovich, Sergeevna, Ilyinichna, Petrivna;
#: Russian, Ukrainian and Belarusian spellings and their common transliterations). Not -ich
#: alone, which ends German given names (Friedrich, Ulrich) as well, nor the South Slavic
#: -ović, -ovic, which end surnames (Petrović).
_PATRONYMIC_ENDINGS = (
    "ovich",
    "evich",
    "avich",
    "ovych",
    "evych",
    "ovitch",
    "evitch",
    "ovna",
    "evna",
    "avna",
    "ivna",
    "ichna",
    "ichina",
)


def is_patronymic(token: str) -> bool:
    """Whether a word has the shape of an East Slavic patronymic (Vladimirovich,
    Viktorovna, Ilyinichna): a father's name and an ending, seven letters or more."""
    return len(token) >= 7 and token.endswith(_PATRONYMIC_ENDINGS)


def is_legal(token: str) -> bool:
    return token.startswith("~")


_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("yeo", "yo"),
    ("eo", "o"),
    ("eu", "u"),
    ("oo", "u"),
    ("ou", "u"),
    ("ee", "i"),
    ("ae", "e"),
    ("oe", "o"),
    ("oi", "o"),
    ("ui", "i"),
    ("ie", "i"),
    ("ye", "e"),
    ("tch", "j"),
    ("ch", "j"),
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("sh", "s"),
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("g", "k"),
    ("b", "p"),
    ("d", "t"),
    ("z", "s"),
    ("x", "ks"),
    ("w", "v"),
    ("l", "r"),
    ("y", "i"),
    ("e", "i"),
    ("o", "u"),
)


#: The rules of several letters, applied in turn; then those of one letter, none of which
#: feeds another, as one translation table (the same result, in one pass).
_SKELETON_DIGRAPHS = tuple((a, b) for a, b in _SKELETON_RULES if len(a) > 1)
_SKELETON_LETTERS = str.maketrans({a: b for a, b in _SKELETON_RULES if len(a) == 1})
assert _SKELETON_RULES[: len(_SKELETON_DIGRAPHS)] == _SKELETON_DIGRAPHS


#: Korean surnames whose romanisations differ beyond what the rules below fold
#: (리/이: Ri, Yi, Lee, Rhee; 박: Pak, Park, Bak; 최: Choe, Choi; 오: O, Oh; 류/유: Ryu, Yu,
#: Yoo; 림/임: Rim, Lim, Im; 로/노: Ro, Roh, No, Noh).
SURNAME_VARIANTS = {
    "yi": "ri",
    "lee": "ri",
    "rhee": "ri",
    "li": "ri",
    "i": "ri",
    "park": "pak",
    "bak": "pak",
    "choi": "choe",
    "chwe": "choe",
    "oh": "o",
    "yoo": "ryu",
    "yu": "ryu",
    "ryoo": "ryu",
    "lim": "rim",
    "im": "rim",
    "roh": "ro",
    "noh": "ro",
    "no": "ro",
}


#: The Arabic diphthong ay, romanised ay, ai, ei or ey before a consonant (Husayn, Husain,
#: Hussein; Shaykh, Sheikh; Zayd, Zeid), written one way (not at the end of a word, where
#: English writes ey for i: Harvey, Harvie).
_DIPHTHONG = re.compile(r"(?:ay|ey|ei)(?=[^aeiouy])")


@functools.lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """A coarse phonetic key of one token: romanisation variants and voicing folded,
    double letters and a final h dropped. "Jeong", "Chong" and "Jong" share "jung";
    "Husayn", "Hussein" and "Hussain" share "husain" (the Arabic diphthong)."""
    token = SURNAME_VARIANTS.get(token, token)
    if len(token) <= 1 or token.isdigit():
        return token
    s = token
    # (Korean and Chinese syllables keep theirs: Mei is not Mai)
    if ("y" in s or "ei" in s) and s not in syllables():
        s = _DIPHTHONG.sub("ai", s)
    for a, b in _SKELETON_DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    s = s.translate(_SKELETON_LETTERS)
    out = [s[0]]
    for ch in s[1:]:
        if ch != out[-1]:
            out.append(ch)
    s = "".join(out)
    if len(s) >= 2 and s.endswith("h"):
        s = s[:-1]
    return s


#: Revised Romanisation of Hangul's initial consonants and vowels, in Unicode's order.
_RR_INITIALS = tuple("g kk n d tt r m b pp s ss - j jj ch k t p h".split())  # noqa: SIM905
_RR_VOWELS = tuple("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split())  # noqa: SIM905
#: Sino-Korean readings, which give nearly all Korean given names and surnames, end in a
#: vowel or in one of six consonants (Middle Chinese -k, -n, -l, -m, -p, -ng), written at
#: the end of a word k, n, l, m, p, ng ("" for none).
_SINO_FINALS = ("", "k", "n", "l", "m", "p", "ng")
#: Tense initials (kk, tt, pp, ss, jj) start no Sino-Korean reading.
_TENSE = frozenset(["kk", "tt", "pp", "ss", "jj"])
#: Vowels of Sino-Korean readings that never take a final consonant (Se, Gye, Gwe, Wi,
#: Hui, but no Sel, Myeng, Chwin), and the initials that Ye follows (Gye, Rye, Mye, Pye,
#: Hye, Ye); Yae reads no Sino-Korean syllable.
_OPEN_VOWELS = frozenset(["e", "ye", "wae", "we", "wi", "ui"])
_YE_INITIALS = frozenset(["-", "g", "r", "m", "p", "h"])
#: Wa, Wo and Oe take a final only after G, H or no consonant (Gwang, Hwan, Won, Hoek).
_W_VOWELS = frozenset(["wa", "wo", "oe"])
_W_INITIALS = frozenset(["-", "g", "h"])


def _sino_korean(initial: str, vowel: str, final: str) -> bool:
    """Whether a syllable has the shape of a Sino-Korean reading (see the rules above)."""
    if initial in _TENSE or vowel == "yae" or (vowel == "ye" and initial not in _YE_INITIALS):
        return False
    if final and vowel in _OPEN_VOWELS:
        return False
    return not (final and vowel in _W_VOWELS and initial not in _W_INITIALS)


#: Syllables of Vietnamese names as written without diacritics: the common surnames (Nguyen,
#: Tran, Le, Pham, Hoang and Huynh, Phan, Vu and Vo, Dang, Bui, Do, Ho, Ngo, Duong, Ly:
#: together about nine Vietnamese in ten) and the syllables most given and middle names are
#: made of (Van, Thi, Minh, Linh, Thanh...). Like Korean and Chinese syllables, each is a
#: name, not a typo of a listed word: "Linh" is not "Li" misspelt. (The surnames' shares
#: are those usually cited for Vietnam's population; the given-name syllables are the
#: frequent ones of any Vietnamese name list.)
_VIETNAMESE = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao doan "
    "lam luong mai truong trinh cao ha kieu la lai luu ta thai tong quach "
    "van thi duc huu cong quoc xuan ngoc kim bao gia thanh minh "
    "an anh bich binh chau chi cuong dai dat diep dung dieu duy giang hai han hang hanh "
    "hao hau hien hieu hoa hoai hong hue hung huong huy khang khanh khoa khoi kien lan "
    "lien linh loan loc long luan my nam nga ngan nghia nhan nhat nhi nhung oanh "
    "phat phong phuc phuong quan quang quyen quynh sang son tai tam tan thang thao thinh "
    "tho thu thuan thuy thuong tien tin toan trang tri trieu trong trung tu tuan tuyet "
    "uyen viet vinh vy xuyen yen"
)
VIETNAMESE_SYLLABLES = frozenset(_VIETNAMESE.split())


@functools.cache
def name_syllables() -> frozenset[str]:
    """Korean, Chinese and Vietnamese syllables: the words of names made of syllables, each
    a name of its own (the namesake rules of the matcher)."""
    return syllables() | VIETNAMESE_SYLLABLES


@functools.cache
def syllables() -> frozenset[str]:
    """:func:`korean_syllables` and :func:`pinyin_syllables`: words that are names, not
    typos, even when no loaded list holds them ("Jeong", "Xiu")."""
    return korean_syllables() | pinyin_syllables()


@functools.cache
def other_syllable_reading(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (two different words whose skeletons agree) are two
    syllables, not two spellings of one:

    * a Chinese syllable that no Korean romanisation writes and a Korean spelling that is
      no pinyin (Liu and Ryu): two languages' readings. A Chinese "Chen Liu" and the listed
      Korean RYU Jin share their words' skeletons, as the Korean and Chinese readings of
      one character can, but a Chinese name in pinyin is no Korean name romanised;
    * two pinyin syllables of which one no Korean romanisation writes (Chen and Jin, Ding
      and Ting, Wai and Wei): pinyin writes each syllable one way, so two pinyin spellings
      are two syllables (Wade-Giles is read into pinyin apart, see
      :func:`wade_giles_readings`). Two Korean spellings stay one syllable (Kang, Gang)."""
    pinyin, korean = pinyin_syllables(), korean_syllables()
    if a in pinyin and b in pinyin:
        return a not in korean or b not in korean
    return (a in pinyin and a not in korean and b in korean) or (
        b in pinyin and b not in korean and a in korean
    )


@functools.cache
def korean_syllables() -> frozenset[str]:
    """Korean syllables of Sino-Korean shape (plain or aspirated initial; no final, or k,
    n, l, m, p, ng) in Revised Romanisation, McCune-Reischauer and the popular spellings,
    and the Korean surnames' own spellings. Letter-by-letter
    transcriptions that no romanisation writes ("Hog" for Hok, "Seob" for Seop) and
    syllables no name reads ("Kko", "Byeot") are left out, so they count as typos."""
    korean = {
        initial.strip("-") + vowel + final
        for initial in _RR_INITIALS
        for vowel in _RR_VOWELS
        for final in _SINO_FINALS
        if _sino_korean(initial, vowel, final)
    }
    # the other spellings in common use: McCune-Reischauer (Kyong, Chol, Pyong) and the
    # popular ones (Kyung, Sung, Young, Youn)
    for w in list(korean):
        for old, new in (
            ("eo", "o"),
            ("eo", "u"),
            ("yeo", "you"),
            ("eu", "u"),
            ("u", "oo"),
            ("i", "ee"),
        ):
            if old in w:
                korean.add(w.replace(old, new))
    for w in list(korean):
        for old, new in (("g", "k"), ("d", "t"), ("b", "p"), ("j", "ch")):
            if w.startswith(old):
                korean.add(new + w[1:])
    # and the surnames' own spellings (Lee, Park, Choi, Oh, Lim, Roh, Rhee)
    korean |= SURNAME_VARIANTS.keys() | set(SURNAME_VARIANTS.values())
    return frozenset(korean)


@functools.cache
def pinyin_syllables() -> frozenset[str]:
    """Chinese syllables as pinyin writes them in Latin letters (from the Unicode Han
    block), without tones."""
    hanzi = anyascii(" ".join(chr(c) for c in range(0x4E00, 0xA000))).casefold().split()
    return frozenset(w for w in hanzi if w.isalpha())


@functools.cache
def _syllable_deletes() -> dict[str, tuple[str, ...]]:
    """Korean and Chinese syllables (and Korean surname spellings) by themselves and by
    each of their one-letter deletes: a symmetric-delete table of the spellings."""
    found: dict[str, set[str]] = {}
    for word in syllables() | SURNAME_VARIANTS.keys() | set(SURNAME_VARIANTS.values()):
        for key in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
            found.setdefault(key, set()).add(word)
    return {key: tuple(sorted(words)) for key, words in found.items()}


@functools.lru_cache(maxsize=100_000)
def near_syllables(word: str) -> frozenset[str]:
    """The Korean and Chinese syllables (and Korean surname spellings) one letter away
    from ``word`` (a letter missing, added, mistyped, or two swapped): "gij" → Gim, Gi ..."""
    table = _syllable_deletes()
    keys = (word, *(word[:i] + word[i + 1 :] for i in range(len(word))))
    near = {v for key in keys for v in table.get(key, ())}
    return frozenset(v for v in near if OSA.distance(word, v, score_cutoff=1) <= 1)


@functools.lru_cache(maxsize=100_000)
def near_syllable_skeletons(word: str) -> frozenset[str]:
    """Skeletons of the Korean and Chinese syllables one letter away from ``word`` (a letter
    missing, added, mistyped, or two swapped): "jewng" → the skeleton of Jeong, Jong,
    Chong ... Empty for words far from every syllable."""
    return frozenset(skeleton(v) for v in near_syllables(word))


# Wade-Giles (and the Taiwanese and older spellings built on it) to pinyin, syllable by
# syllable: the correspondences of initials and finals as the standard conversion tables
# give them (Library of Congress, "Pinyin Conversion Project" romanisation tables;
# Wikipedia, "Wade-Giles", comparison with pinyin). Apostrophes and diacritics are usually
# lost in practice (Tse-tung for Tsê-tung, Chin-ping for Chin-p'ing), so an initial is read
# both unaspirated (p b, t d, k g, ch zh/j, ts z) and aspirated (p, t, k, ch/q, c).
_WG_INITIALS = ("hs", "ch", "ts", "tz", "ss", "sz", "sh", *"ptkmfnlhjswy", "")
#: per Wade-Giles initial: (unaspirated pinyin, aspirated pinyin)
_WG_INITIAL_PINYIN = {
    "p": ("b", "p"),
    "t": ("d", "t"),
    "k": ("g", "k"),
    "ts": ("z", "c"),
    "tz": ("z", "c"),
    "hs": ("x", "x"),
    "ss": ("s", "s"),
    "sz": ("s", "s"),
    "j": ("r", "r"),
}
_WG_FINALS = frozenset(
    [
        "a",
        "ai",
        "an",
        "ang",
        "ao",
        "e",
        "eh",
        "ei",
        "en",
        "eng",
        "erh",
        "i",
        "ia",
        "iang",
        "iao",
        "ieh",
        "ien",
        "ih",
        "in",
        "ing",
        "iu",
        "iung",
        "o",
        "ou",
        "u",
        "ua",
        "uai",
        "uan",
        "uang",
        "uei",
        "ueh",
        "ui",
        "un",
        "ung",
        "uo",
    ]
)


def _wade_giles_syllable(syl: str, aspirated: bool) -> str | None:
    """The pinyin of one Wade-Giles syllable ("hsi" → xi, "tung" → dong, "chih" → zhi),
    or None when ``syl`` is no Wade-Giles syllable."""
    for initial in _WG_INITIALS:
        if syl.startswith(initial) and syl[len(initial) :] in _WG_FINALS:
            break
    else:
        return None
    final = syl[len(initial) :]
    front = final[:1] in ("i", "u") and initial in ("ch", "hs")
    if initial == "hs" and not front:
        return None
    if initial == "ch":
        head = ("j", "q") if final[:1] == "i" and final != "ih" else ("zh", "ch")
        pinyin_initial = head[aspirated]
    else:
        pinyin_initial = _WG_INITIAL_PINYIN.get(initial, (initial, initial))[aspirated]
    if final == "ih":
        final = "i"  # chih, shih, jih: zhi, shi, ri
    elif final == "u" and initial in ("tz", "ss", "sz"):
        final = "i"  # tzu, ssu: zi, si
    elif final == "o" and initial in ("k", "h"):
        final = "e"  # ko, ho: ge, he
    elif final == "o" and initial in ("l", "n", "t", "ts", "tz", "s", "ch", "j", "sh"):
        final = "uo"  # lo, to, tso, cho, jo: luo, duo, zuo, zhuo, ruo
    elif initial == "y" and final == "u":
        final = "ou"  # yu: you
    elif initial == "" and final == "i":
        return "yi"
    else:
        for old, new in (("ieh", "ie"), ("ien", "ian"), ("ueh", "ue"), ("uei", "ui")):
            final = final.replace(old, new)
        final = {"eh": "e", "erh": "er", "ung": "ong", "iung": "iong"}.get(final, final)
        if initial == "y" and final == "en":
            final = "an"  # yen: yan
    return pinyin_initial + final


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")


def han_surname(text: str) -> str | None:
    """The surname of a name of two or three Chinese characters, in Latin (its first
    syllable: 赵伟 → "zhao"); None for any other name. Chinese writes the surname first,
    always; a name in Latin letters may come in either order."""
    text = text.strip()
    if not _HAN_NAME.fullmatch(text):
        return None
    words = to_latin(text).casefold().split()
    return words[0] if words else None


#: Arabic letters; an Arabic-script name is read by its consonants (short vowels are not
#: written), see :func:`consonant_skeleton` and :func:`arabic_script_words`.
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_CONSONANT_DIGRAPHS = (
    ("kh", "x"), ("gh", "g"), ("sh", "$"), ("th", "t"), ("dh", "z"), ("ch", "$"),
    ("q", "k"), ("c", "k"), ("p", "b"), ("v", "f"),
)  # fmt: skip


@functools.lru_cache(maxsize=200_000)
def consonant_skeleton(word: str) -> str:
    """A Latin word of a name by its consonants, as Arabic script writes it: digraphs as
    one letter (kh, gh, sh, th, dh), q as k, p as b and v as f (Arabic has neither), the
    vowels and the semivowels w and y dropped after the first letter, an initial vowel
    dropped, a final h after a vowel dropped (the ta marbuta of Mughniyah, Haniyah),
    doubled letters once. "Nasrallah" → nsrl, "Soleimani" → slmn."""
    w = word.casefold()
    if len(w) > 2 and w.endswith("h") and w[-2] in "aeiou":
        w = w[:-1]
    for pair, one in _CONSONANT_DIGRAPHS:
        w = w.replace(pair, one)
    head = "" if w[:1] in "aeiou'" else w[:1]
    return re.sub(r"(.)\1+", r"\1", head + re.sub(r"[aeiouyw']", "", w[1:]))


#: A word of a name in Arabic script (see :func:`arabic_script_words`): its consonant
#: skeleton; a waw inside it; a final ya; a ya inside it; a last letter that is a consonant.
ArabicWord = tuple[str, bool, bool, bool, bool]
#: Consonant letters of Arabic, Persian and Urdu script that end a word with no vowel
#: written after them (not ayn: ربيع is Rabi as often as Rabia).
_ARABIC_CONSONANTS = frozenset("بتثجحخدذرزسشصضطظغفقكلمنپچژگکڈٹڑ")
#: Vowel marks, shadda and the tatweel, written over or between a word's letters.
_ARABIC_MARKS = re.compile(r"[\u0640\u064b-\u065f\u0670]")


def arabic_script_words(text: str) -> tuple[ArabicWord, ...]:
    """The words of a person's name written in Arabic script (empty for any other
    script): each word's consonant skeleton, the article ال and a final ة dropped ("الأسد"
    → sd, "مغنية" → mgn), the letters transliterated, then :func:`consonant_skeleton`; and
    whether a waw stands inside the word, a w or a long u or o that Latin writes past the
    first syllable (محمود is Mahmoud, not Muhammad, whose consonants are the same); and
    whether it ends in ya, a long i that Latin writes last (محمدی is Mohammadi, not
    Mohammad; سليماني Soleimani); and whether a ya stands inside it, a long i or the
    diphthong ay that Latin writes with an i, y or e past the first letter (حسین is
    Hossein or Husayn, not Ehsan or Hasan, whose consonants are the same); and whether it
    ends in a consonant, so that Latin does not end it in a long i (بن is bin or ben, not
    Banai; a final i or y is written with a ya, علي Ali, سامي Sami)."""
    if not _ARABIC_SCRIPT.search(text):
        return ()
    out: list[ArabicWord] = []
    # (the vowel marks and shadda that a name may carry are read as it is read without)
    for word in _ARABIC_MARKS.sub("", re.sub(r"[^\u0600-\u06ff\s]+", " ", text)).split():
        consonant_end = word[-1] in _ARABIC_CONSONANTS
        allah = word.endswith("الله")  # Allah, alone or closing a name (Nasrallah)
        if allah:
            word = word[:-4]
        elif word.startswith("ال") and len(word) > 3:
            word = word[2:]
        word = word.removesuffix("ة")
        latin = anyascii(word).replace("'", "").replace("`", "") + ("allah" if allah else "")
        skeleton = consonant_skeleton(latin) if latin else ""
        if skeleton:
            out.append(
                (
                    skeleton,
                    "و" in word[1:-1],
                    len(word) > 2 and word[-1] in "يی",
                    any(ch in "يی" for ch in word[1:-1]),
                    consonant_end,
                )
            )
    return tuple(out)


#: Korean names in Russian (Cyrillic) letters, the Kontsevich system and the traditional
#: spellings of DPRK names in Russian ("Ким Чен Ын", "Ким Ир Сен", "Ким Ё Чжон", "Чхве Рён
#: Хэ"), read back letter group by letter group into McCune-Reischauer: чх is ch', чж and
#: ч are ch/j, кх, тх, пх the aspirated k', t', p'; ы is ŭ, э is ae, ё is yo, and е after a
#: consonant ŏ (Чен for Chŏng, Сен for Sŏng); a final р or ль is l (Ир for Il). A final н
#: is n or ng (the system writes both ㄴ and ㅇ so), so each reading is made both ways.
_KONTSEVICH = (
    ("чх", "ch"), ("чж", "ch"), ("кх", "k"), ("тх", "t"), ("пх", "p"), ("кк", "kk"),
    ("тт", "tt"), ("пп", "pp"), ("сс", "ss"), ("ль", "l"), ("нъ", "n"), ("ый", "ui"),
    ("ой", "oe"), ("ва", "wa"), ("во", "wo"), ("ве", "we"), ("ви", "wi"), ("ч", "ch"),
    ("дж", "j"), ("г", "g"), ("к", "k"), ("н", "n"), ("д", "d"), ("т", "t"), ("р", "r"), ("м", "m"),
    ("л", "l"), ("б", "b"), ("п", "p"), ("с", "s"), ("х", "h"), ("ж", "j"), ("а", "a"), ("я", "ya"),
    ("о", "o"), ("ё", "yo"), ("у", "u"), ("ю", "yu"), ("ы", "u"), ("и", "i"), ("э", "ae"),
    ("е", "ye"), ("й", "i"),
)  # fmt: skip
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MAX_KOREAN_READINGS = 8


def _kontsevich_word(word: str) -> list[str] | None:
    """The Latin readings of one Cyrillic word of a Korean name, or None when it does not
    read as one or two Korean syllables. An е after a consonant is read as the traditional
    spellings of DPRK names read it, ŏ (Чен, Сен: Chŏng, Sŏng), and as Kontsevich writes
    it, e (Се: Se)."""
    readings: list[str] = []
    spellings = [re.sub(r"(?<=[бгджзклмнпрстфхцчшщ])е", "о", word)]
    if spellings[0] != word:
        spellings.append(re.sub(r"(?<=[бгджзклмнпрстфхцчшщ])е", "э", word).replace("э", "e"))
    for spelling in spellings:
        out = _kontsevich_latin(spelling)
        if out is not None:
            readings += [r for r in _korean_word_readings(out) if r not in readings]
    return readings or None


def _kontsevich_latin(word: str) -> str | None:
    out, i = "", 0
    while i < len(word):
        if word[i] == "e":  # (an е read e, above)
            out += "e"
            i += 1
            continue
        for cyr, lat in _KONTSEVICH:
            if word.startswith(cyr, i):
                out += lat
                i += len(cyr)
                break
        else:
            return None
    if out.endswith("r"):
        out = out[:-1] + "l"  # Ир: Il
    return out


def _korean_word_readings(out: str) -> list[str]:
    korean = syllables()
    forms = [out + "g", out] if out.endswith("n") else [out]
    readings = [f for f in forms if f in korean]
    if readings:
        return readings
    # a given name written as one word ("Санхо", "Рёнхэ", "Чонын"): two Korean syllables,
    # the first one's final н read as ng and as n (Sang-ho, Ryong-hae, Jong-un)
    hangul = korean_syllables()
    for f in forms:
        for k in range(1, len(f)):
            head, tail = f[:k], f[k:]
            if tail not in hangul:
                continue
            for h in (head + "g", head) if head.endswith("n") else (head,):
                if h in hangul and f"{h} {tail}" not in readings:
                    readings.append(f"{h} {tail}")
    readings.sort(key=lambda r: not r.split()[0].endswith("ng"))
    return readings


def korean_cyrillic_readings(text: str) -> tuple[str, ...]:
    """A Korean name written in Cyrillic ("Ким Чен Ын") in Latin as McCune-Reischauer
    writes it ("kim chong un"), each final н read as ng and as n (up to eight readings).
    Empty unless the name is in Cyrillic and every word reads as one or two Korean
    syllables: a Russian name ("Сергей Лавров") has none."""
    if not _CYRILLIC.search(text):
        return ()
    words = re.sub(r"[^\u0400-\u04ff\s-]+", " ", text.casefold()).replace("-", " ").split()
    if len(words) < 2:
        return ()
    options: list[list[str]] = []
    for word in words:
        read = _kontsevich_word(word)
        if read is None:
            return ()
        options.append(read)
    return tuple(
        " ".join(r) for r in itertools.islice(itertools.product(*options), _MAX_KOREAN_READINGS)
    )


#: The Palladius system, in which Russian writes Chinese names ("Ли Фанвэй", "Си Цзиньпин",
#: "Мао Цзэдун"): pinyin initials and finals in Russian letters, the standard
#: correspondence tables (Kontsevich's and the Russian Wikipedia's "Система Палладия").
_PALLADIUS_INITIALS = {
    "zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д",
    "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц",
    "x": "с", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
_PALLADIUS_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я",
    "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань",
    "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ",
}  # fmt: skip
#: Syllables without an initial (pinyin writes y and w for them).
_PALLADIUS_ALONE = {
    "yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yin": "инь",
    "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань",
    "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
    "wen": "вэнь", "wang": "ван", "weng": "вэн",
}  # fmt: skip
_PINYIN_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcs")
#: Pinyin syllables of interjections, no name's: Palladius ло is Luo, not Lo.
_INTERJECTIONS = frozenset(["lo", "yo", "m", "n", "ng", "hm", "hng"])


def _palladius(syl: str) -> str | None:
    """One pinyin syllable in Russian letters (Palladius): fang → фан, wei → вэй, zi →
    цзы, xu → сюй, hui → хуэй; None for a word that is no such syllable."""
    if syl in _PALLADIUS_ALONE:
        return _PALLADIUS_ALONE[syl]
    if syl[:1] in ("a", "o", "e"):
        return _PALLADIUS_FINALS.get(syl)
    initial = next((i for i in _PINYIN_INITIALS if syl.startswith(i)), None)
    if initial is None:
        return None
    final = syl[len(initial) :]
    head = _PALLADIUS_INITIALS[initial]
    if final == "i" and initial in ("z", "c", "s"):
        return head + "ы"  # zi, ci, si: цзы, цы, сы
    if initial in ("j", "q", "x"):  # ju, jue, juan, jun: u is ü
        if final in ("uan", "un"):
            return head + _PALLADIUS_ALONE["y" + final]
        final = {"u": "v", "ue": "ve"}.get(final, final)
    if initial == "h" and final == "ui":
        return "хуэй"
    if final == "ue" and initial in ("l", "n"):
        final = "ve"
    tail = _PALLADIUS_FINALS.get(final)
    return head + tail if tail else None


@functools.cache
def _palladius_syllables() -> dict[str, str]:
    """Every pinyin syllable by its Palladius spelling (and that spelling without the soft
    sign, as it is often written: Цзинпин for Цзиньпин), the pinyin syllable with the
    fewest letters kept where two share one."""
    out: dict[str, str] = {}
    for syl in sorted(pinyin_syllables() - _INTERJECTIONS, key=lambda w: (len(w), w)):
        cyr = _palladius(syl)
        if cyr:
            out.setdefault(cyr, syl)
    for cyr, syl in list(out.items()):
        if cyr.endswith("нь"):
            out.setdefault(cyr[:-1], syl)
    return out


def _palladius_word(word: str) -> str | None:
    """A Cyrillic word of a Chinese name read back into pinyin, its syllables run together
    as pinyin writes a given name ("фанвэй" → fangwei), the fewest syllables first; None
    when it does not read as Palladius syllables."""
    table = _palladius_syllables()
    best: list[str] | None = None

    def walk(i: int, got: list[str]) -> None:
        nonlocal best
        if best is not None and len(got) >= len(best):
            return
        if i == len(word):
            best = [*got]
            return
        for k in range(min(6, len(word) - i), 0, -1):
            syl = table.get(word[i : i + k])
            if syl:
                walk(i + k, [*got, syl])

    walk(0, [])
    return "".join(best) if best and len(best) <= 3 else None


def chinese_cyrillic_readings(text: str) -> tuple[str, ...]:
    """A Chinese name written in Russian letters (Palladius: "Ли Фанвэй", "Си Цзиньпин")
    in pinyin ("li fangwei", "xi jinping"). Empty unless the name is in Cyrillic, of two
    words or more, and every word reads as one to three pinyin syllables: a Russian name
    ("Сергей Лавров") has none."""
    if not _CYRILLIC.search(text):
        return ()
    words = re.sub(r"[^\u0400-\u04ff\s-]+", " ", text.casefold()).replace("-", "").split()
    if len(words) < 2:
        return ()
    read = [_palladius_word(w) for w in words]
    if any(r is None for r in read):
        return ()
    return (" ".join(r for r in read if r),)


@functools.lru_cache(maxsize=20_000)
def wade_giles_readings(text: str) -> tuple[str, ...]:
    """A person's name written in Wade-Giles ("Hsi Chin-ping", "Mao Tse-tung") in pinyin
    ("xi jinping", "mao zedong"; with aspirated initials too when that differs), the
    syllables of a hyphenated given name run together as pinyin writes them. Empty unless
    every syllable is Wade-Giles for a pinyin syllable and one of them at least is no
    pinyin nor Korean syllable as written (Hsi, Tse, Chih): a name already in pinyin, a
    Korean name (Ha-jun Ko is not "Harun Ge") or a name in another language has none."""
    latin = to_latin(text).replace("'", "").replace("’", "").replace("‘", "").casefold()
    words = [w.split("-") for w in re.sub(r"[^a-z\s-]+", " ", latin).split()]
    syls = [s for w in words for s in w if s]
    if len(syls) < 2 or len(words) < 2:
        return ()
    pinyin = pinyin_syllables()
    known = syllables()  # pinyin and Korean
    out: list[str] = []
    telling = False
    for aspirated in (False, True):
        read = []
        for word in words:
            parts = []
            for syl in word:
                if not syl:
                    continue
                py = _wade_giles_syllable(syl, aspirated)
                if py is None or py not in pinyin:
                    return ()
                telling = telling or (syl not in known and py != syl)
                parts.append(py)
            read.append("".join(parts))
        reading = " ".join(read)
        if reading not in out:
            out.append(reading)
    return tuple(out) if telling else ()
