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
import re
import unicodedata

from anyascii import anyascii
from rapidfuzz.distance import OSA
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
    ones two), abbreviations one edit or two neighbouring letters swapped."""
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
        allowed = 2 if word in _TWO_EDITS else 1
        if OSA.distance(word, token, score_cutoff=allowed) <= allowed:
            return word
    return None


def legal_form(token: str) -> str | None:
    """The folded legal form of a token, also when misspelt by one letter ("Compnay")."""
    word = legal_word(token)
    return LEGAL_FORMS[word] if word else None


def to_latin(text: str) -> str:
    """NFKC and transliteration to Latin letters; the syllables of Hangul and Chinese
    characters become separate words ("김정은" → "Gim Jeong Eun")."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for chunk in text.split():
        if chunk.isascii():
            out.append(chunk)
        else:
            out.append(_CAMEL.sub(" ", anyascii(chunk)))
    return " ".join(out)


@functools.lru_cache(maxsize=200_000)
def tokenize(text: str, kind: str = "person") -> tuple[str, ...]:
    """A name's matching tokens: Latin, lower case, no punctuation; honorifics dropped for
    persons; legal forms folded for organisations (kept, so that a shell's "LLC" counts a
    little)."""
    latin = to_latin(text).replace("'", "").replace("’", "").replace("`", "").casefold()
    # Persons: the Arabic article dropped (al-Qadi, El-Tikriti, an-Barnawi). Organisations:
    # abbreviations as one word (L.L.C., S.A., Co.Ltd).
    latin = _ARTICLE.sub(" ", latin) if kind == "person" else latin.replace(".", "")
    latin = _NON_ALNUM.sub(" ", latin).strip()
    if kind != "person":
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
    named = [
        ARABIC_ABD.get(t, t)  # Abd al-Rahman, Abdel Rahman: Abdul Rahman
        for t in latin.split()
        if t not in STOPWORDS and t not in ARABIC_ARTICLES
    ]
    tokens = [t for t in named if t not in HONORIFICS]
    if len(tokens) < 2:
        # a title that is also a name stays when one word would be left: Amir Khan and
        # Sayed Khan are not the same person "Khan"
        tokens = [t for t in named if t not in HONORIFICS or t in NAME_TITLES]
    return tuple(tokens or latin.split())


def org_words(text: str) -> list[str]:
    """An organisation name's words as :func:`tokenize` reads them before legal forms are
    folded (Latin, lower case, no punctuation, abbreviations as one word)."""
    latin = to_latin(text).replace("'", "").replace("’", "").replace("`", "").casefold()
    return _NON_ALNUM.sub(" ", latin.replace(".", "")).split()


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


@functools.cache
def syllables() -> frozenset[str]:
    """Korean syllables of Sino-Korean shape (plain or aspirated initial; no final, or k,
    n, l, m, p, ng) in Revised Romanisation, McCune-Reischauer and the popular spellings,
    and Chinese syllables (pinyin) as written in Latin letters: words that are names, not
    typos, even when no loaded list holds them ("Jeong", "Xiu"). Letter-by-letter
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
    return frozenset(korean) | pinyin_syllables()


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
