"""Build the labelled evaluation file for sanctions name matching from the real lists.

    python bench/sanctions/make_eval.py [-o bench/sanctions/out/eval.jsonl] [--seed 7]

Positives: listed persons and organisations of the built-in lists (OFAC SDN 2024-05-03 with
the 2025-12 aliases, OFAC Consolidated 2025-12, UN 2026-02-27), each queried once through a
variant a screener meets in practice: natural name order, another alias, a typo, a
romanisation (Korean McCune-Reischauer ↔ Revised, Arabic spellings), Cyrillic script, a
dropped middle name, an initial, a legal form dropped, swapped or misspelt, or two of these.
Negatives: unlisted real-looking names of many cultures (yente's synthetic validation
negatives, shared/data/sanctions/name_matching_eval/yente_validation, MIT; plus common
Korean, Chinese, Japanese, Vietnamese, Arabic, Russian, Hispanic, Indian, Nigerian and
English names and ordinary company names). A negative whose words are, after folding
romanisation, the very words of a listed name is a namesake that no name matcher can tell
apart, and is left out.

Each line: {"query_id", "name", "kind", "expected": ["list:entity_id", ...], "variant",
"split": "dev"|"test"}. ``expected`` is empty for negatives and holds every entry that lists
the source name (the same person can be on two lists). The same rule, the other way round:
a positive whose words, folded as above, are word for word another listed entry's name or
alias (a dropped or reordered name that makes another listed name: "Karim Abdul") names
both; ``expected`` holds them all, the line says ``"ambiguous": true`` and keeps the source
name's entries in ``source_expected``. ``compare.py`` reports recall with and without them.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import orjson

from hireguard.paths import package_data
from hireguard.sanctions.entries import ListEntry
from hireguard.sanctions.names import is_legal, skeleton, tokenize
from hireguard.sanctions.parsers import read_paths

HERE = Path(__file__).resolve().parent
SHARED = (HERE.parents[1] / ".." / "shared").resolve()
NEGATIVES = SHARED / "data" / "sanctions" / "name_matching_eval" / "yente_validation"

KOREAN_MR_TO_RR = {
    "kim": ["gim"],
    "jong": ["jeong", "chong"],
    "un": ["eun"],
    "chol": ["cheol"],
    "song": ["seong"],
    "hyon": ["hyeon", "hyun"],
    "pak": ["bak", "park"],
    "choe": ["choi"],
    "ri": ["lee", "yi"],
    "yong": ["yeong"],
    "tong": ["dong"],
    "kang": ["gang"],
    "kwang": ["gwang"],
    "ryong": ["ryeong", "ryung"],
    "sop": ["seop"],
    "chun": ["jun"],
    "chang": ["jang"],
    "myong": ["myeong"],
    "hyok": ["hyeok"],
    "sok": ["seok"],
    "chu": ["ju"],
    "kyong": ["gyeong"],
    "ho": ["ho"],
    "il": ["il"],
    "nam": ["nam"],
    "yun": ["yoon"],
    "o": ["oh"],
    "kum": ["geum"],
    "sin": ["shin"],
    "pyong": ["byeong"],
    "chon": ["jeon"],
    "son": ["seon"],
    "to": ["do"],
    "tae": ["dae"],
}
ARABIC_SPELLINGS = {
    "muhammad": ["mohammed", "mohamed", "muhammed"],
    "mohammed": ["muhammad", "mohamed"],
    "mohammad": ["muhammad", "mohamad"],
    "ahmad": ["ahmed"],
    "ahmed": ["ahmad"],
    "abdul": ["abdel", "abd al"],
    "abd": ["abdul"],
    "hussein": ["husayn", "hussain"],
    "husayn": ["hussein"],
    "hassan": ["hasan"],
    "hasan": ["hassan"],
    "yusuf": ["youssef"],
    "omar": ["umar"],
    "umar": ["omar"],
    "abu": ["abou"],
    "ibrahim": ["ebrahim"],
    "khalid": ["khaled"],
    "abdullah": ["abdallah"],
    "mahmoud": ["mahmud"],
    "al": ["el"],
    "osama": ["usama"],
    "usama": ["osama"],
    "said": ["saeed"],
    "salih": ["saleh"],
}
CYRILLIC = [
    ("shch", "щ"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "ё"),
    ("iy", "ий"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("c", "к"),
    ("h", "х"),
    ("w", "в"),
    ("x", "кс"),
    ("j", "дж"),
    ("q", "к"),
]
LEGAL_SWAPS = {
    "company": ["co", "compnay", "comapny"],
    "co": ["company"],
    "limited": ["ltd", "limted", "lmited"],
    "ltd": ["limited"],
    "corporation": ["corp", "corporaton", "coporation"],
    "corp": ["corporation"],
    "llc": ["l.l.c."],
    "incorporated": ["inc"],
    "inc": ["incorporated"],
}
LEGAL_WORDS = set(LEGAL_SWAPS) | {"jsc", "ojsc", "pjsc", "ooo", "gmbh", "sa", "plc", "llc"}

KOREAN_SURNAMES = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Ryu",
    "Hong",
]
KOREAN_GIVEN = [
    "Min-jun",
    "Seo-yeon",
    "Ji-ho",
    "Ha-eun",
    "Do-yun",
    "Ji-woo",
    "Seo-jun",
    "Su-bin",
    "Ye-jin",
    "Hyun-woo",
    "Ji-hoon",
    "Eun-ji",
    "Soo-ah",
    "Jae-won",
    "Yu-na",
    "Dong-hyun",
    "Sung-min",
    "Hye-jin",
    "Young-ho",
    "Mi-kyung",
    "Min-seo",
    "Jin-young",
    "Tae-yang",
    "Bo-ra",
    "Kyung-soo",
]
CHINESE_SURNAMES = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Gao",
    "Luo",
]
CHINESE_GIVEN = [
    "Wei",
    "Fang",
    "Na",
    "Min",
    "Jing",
    "Lei",
    "Yang",
    "Jun",
    "Yan",
    "Jie",
    "Tao",
    "Ming",
    "Chao",
    "Xiuying",
    "Hao",
    "Yu",
    "Xin",
    "Ping",
    "Hong",
    "Qiang",
    "Xiaoming",
    "Jianguo",
    "Lihua",
    "Yifan",
    "Zihan",
]
OTHER_POOLS = {
    "japanese": (
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato",
        "Haruto Yui Sota Hina Yuto Aoi Ren Yuna Takumi Sakura",
    ),
    "vietnamese": (
        "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do",
        "Anh Minh Thu Linh Huy Trang Duc Mai Khanh Phuong",
    ),
    "arabic": (
        "Haddad Khoury Nasser Mansour Saleh Farouk Aziz Karim Hamdan Rahman",
        "Omar Layla Yousef Noor Tariq Rania Samir Huda Karim Amira",
    ),
    "russian": (
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov",
        "Alexei Olga Dmitri Natalia Sergei Irina Andrei Tatiana Pavel Elena",
    ),
    "hispanic": (
        "Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres",
        "Maria Jose Juan Carmen Luis Ana Carlos Sofia Miguel Lucia",
    ),
    "indian": (
        "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Mehta Joshi",
        "Aarav Priya Rohan Ananya Vikram Kavya Arjun Divya Rahul Sneha",
    ),
    "nigerian": (
        "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Adebayo Ibrahim Chukwu Ogunleye",
        "Chinedu Ngozi Emeka Funmilayo Tunde Aisha Obinna Yetunde Segun Amaka",
    ),
    "english": (
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor",
        "James Mary Robert Patricia Michael Jennifer David Linda William Elizabeth",
    ),
}
COMPANY_PLACES = [
    "Seoul",
    "Busan",
    "Shenzhen",
    "Shanghai",
    "Beijing",
    "Dalian",
    "Shenyang",
    "Vladivostok",
    "Lagos",
    "Austin",
    "Denver",
    "Boston",
    "Pune",
    "Hanoi",
    "Manila",
    "Warsaw",
    "Kyiv",
    "Toronto",
    "Sydney",
    "Dubai",
]
COMPANY_WORDS = [
    "Bright",
    "Blue",
    "River",
    "Summit",
    "Pacific",
    "Golden",
    "Silver",
    "Green",
    "Star",
    "Nova",
    "Apex",
    "Harbor",
    "Northern",
    "Eastern",
    "United",
    "Prime",
    "Quantum",
    "Delta",
    "Crystal",
    "Maple",
]
COMPANY_TRADES = [
    "Software",
    "Digital",
    "Solutions",
    "Systems",
    "Technology",
    "Consulting",
    "Logistics",
    "Trading",
    "Electronics",
    "Networks",
    "Data",
    "Media",
    "Labs",
    "Analytics",
    "Partners",
    "Engineering",
]
COMPANY_FORMS = [
    "LLC",
    "Ltd",
    "Co., Ltd.",
    "Inc.",
    "Corporation",
    "GmbH",
    "Pte. Ltd.",
    "Limited",
    "Company",
    "S.A.",
    "JSC",
    "",
]
BIG_COMPANIES = [
    x.strip()
    for x in [
        "Google LLC",
        " Microsoft Corporation",
        " Amazon.com Inc.",
        " Apple Inc.",
        " Meta Platforms Inc.",
        "Infosys Limited",
        " Tata Consultancy Services",
        " Wipro Limited",
        " Accenture plc",
        "Samsung Electronics Co., Ltd.",
        " LG Electronics Inc.",
        " Naver Corporation",
        " Kakao Corp.",
        "Alibaba Group Holding Limited",
        " Tencent Holdings Ltd.",
        " Baidu Inc.",
        "Huawei Technologies Co., Ltd.",
        " Sony Group Corporation",
        " Toyota Motor Corporation",
        "Rakuten Group Inc.",
        " Shopify Inc.",
        " Stripe Inc.",
        " Upwork Inc.",
        " Fiverr International Ltd.",
        "Toptal LLC",
        " Andela Inc.",
        " EPAM Systems Inc.",
        " Globant S.A.",
        "Cognizant Technology Solutions",
        " Capgemini SE",
        " Deloitte Consulting LLP",
        "Ernst & Young LLP",
        " KPMG LLP",
        " IBM Corporation",
        " Oracle Corporation",
        " Salesforce Inc.",
        "Adobe Inc.",
        " Netflix Inc.",
        " Uber Technologies Inc.",
        " Airbnb Inc.",
        " Freelance",
        "Self-employed",
        " Coinbase Global Inc.",
        " Binance Holdings Ltd.",
        "Kraken Digital Asset Exchange",
        " GitLab Inc.",
        " Atlassian Corporation",
        "Spotify Technology S.A.",
        " Grab Holdings Limited",
        " Sea Limited",
        " Hyundai Motor Company",
        "SK Hynix Inc.",
        " Coupang Inc.",
        " ByteDance Ltd.",
        " Xiaomi Corporation",
    ]
]


def natural(name: str) -> str:
    """'KIM, Jong Un' → 'Jong Un Kim' (how a person writes their own name)."""
    if "," in name:
        last, _, first = name.partition(",")
        if first.strip():
            return f"{first.strip()} {last.strip().title()}"
    return name


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["sub", "del", "swap", "ins"])
    letters = "abcdefghijklmnoprstuvwy"
    if op == "sub":
        return word[:i] + rng.choice(letters) + word[i + 1 :]
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "swap":
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word[:i] + rng.choice(letters) + word[i:]


def words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name) if w]


def apply_typo(name: str, rng: random.Random) -> str | None:
    ws = words(name)
    idx = [i for i, w in enumerate(ws) if len(w) >= 4 and w.lower() not in LEGAL_WORDS]
    if not idx:
        return None
    i = rng.choice(idx)
    ws[i] = typo(ws[i], rng)
    return " ".join(ws)


def korean(name: str, rng: random.Random) -> str | None:
    out, changed = [], False
    for part in re.split(r"([\s,\-]+)", name):
        low = part.lower()
        if low in KOREAN_MR_TO_RR:
            out.append(rng.choice(KOREAN_MR_TO_RR[low]).title())
            changed = True
        else:
            out.append(part)
    if not changed:
        return None
    text = "".join(out).replace(",", "")
    parts = text.split()
    if len(parts) == 3 and rng.random() < 0.5:  # given names joined by a hyphen
        text = f"{parts[0]} {parts[1]}-{parts[2].lower()}"
    return text


def arabic(name: str, rng: random.Random) -> str | None:
    out, changed = [], False
    for part in re.split(r"([\s,\-]+)", name):
        low = part.lower()
        if low in ARABIC_SPELLINGS:
            out.append(rng.choice(ARABIC_SPELLINGS[low]).title())
            changed = True
        else:
            out.append(part)
    return "".join(out).replace(",", "") if changed else None


def cyrillic(name: str) -> str:
    text = name.lower().replace(",", "")
    out, i = [], 0
    while i < len(text):
        for latin, cyr in CYRILLIC:
            if text.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return " ".join(w.capitalize() for w in "".join(out).split())


def drop_middle(name: str) -> str | None:
    ws = words(name)
    if len(ws) < 3:
        return None
    kept = ws[:1] + ws[2:]
    return " ".join(kept) if sum(len(w) for w in kept) >= 10 else None


def initial(name: str) -> str | None:
    ws = words(name)
    if len(ws) < 3 or len(ws[1]) < 3:
        return None
    ws[1] = ws[1][0] + "."
    return " ".join(ws)


def legal_variant(name: str, rng: random.Random) -> str | None:
    ws = words(name.replace(".", ""))
    idx = [i for i, w in enumerate(ws) if w.lower() in LEGAL_SWAPS]
    if not idx:
        return None
    i = rng.choice(idx)
    if rng.random() < 0.3 and len(ws) > 2:
        del ws[i]
    else:
        ws[i] = rng.choice(LEGAL_SWAPS[ws[i].lower()]).upper()
    return " ".join(ws)


def is_korean(e: ListEntry) -> bool:
    return "kp" in e.nationalities or any("DPRK" in p for p in e.programs)


def is_russian(e: ListEntry) -> bool:
    return bool({"ru", "by", "ua"} & set(e.nationalities)) or any(
        p.startswith(("RUSSIA", "UKRAINE", "BELARUS")) for p in e.programs
    )


def person_variant(e: ListEntry, rng: random.Random) -> tuple[str, str, str] | None:
    """(source name, query, variant label) for a listed person."""
    names = [e.name, *e.aliases]
    source = rng.choice(names) if rng.random() < 0.3 else e.name
    if not source.isascii():
        source = e.name
    base = natural(source) if rng.random() < 0.7 else source.replace(",", "")
    choices = ["exact", "typo", "typo", "reorder", "drop", "initial", "typo+reorder"]
    if is_korean(e):
        choices += ["romanisation"] * 4 + ["romanisation+typo"] * 2
    if any(w.lower() in ARABIC_SPELLINGS for w in words(source)):
        choices += ["romanisation"] * 3 + ["romanisation+typo"]
    if is_russian(e):
        choices += ["cyrillic"] * 3
    kind = rng.choice(choices)
    q: str | None = base
    if kind.startswith("romanisation"):
        q = korean(base, rng) if is_korean(e) else arabic(base, rng)
        q = q or arabic(base, rng)
    elif kind == "cyrillic":
        q = cyrillic(base)
    elif kind == "drop":
        q = drop_middle(base)
    elif kind == "initial":
        q = initial(base)
    elif kind.startswith("reorder"):
        ws = words(base)
        q = " ".join(ws[-1:] + ws[:-1]) if len(ws) >= 2 else None
    if q and "typo" in kind:
        q = apply_typo(q, rng)
    if kind == "typo":
        q = apply_typo(base, rng)
    if not q or (q == base and kind != "exact"):
        return None
    return source, q, kind


def org_variant(e: ListEntry, rng: random.Random) -> tuple[str, str, str] | None:
    names = [e.name, *e.aliases]
    source = rng.choice(names) if rng.random() < 0.3 else e.name
    if not source.isascii():
        source = e.name
    kind = rng.choice(["exact", "typo", "typo", "legal", "legal", "legal+typo", "case"])
    q: str | None = source
    if kind.startswith("legal"):
        q = legal_variant(source, rng)
    if q and "typo" in kind:
        q = apply_typo(q, rng)
    if kind == "case":
        q = source.title()
    if not q or (q == source and kind != "exact"):
        return None
    return source, q, kind


def employers() -> list[str]:
    """Real employers of the synthetic applications (``hireguard.synth.careers``), short
    names and acronyms included (IBM, CGI, BBC, Uber): the names screening meets most."""
    try:
        from hireguard.synth.careers import EMPLOYERS
    except ImportError:
        return []
    return sorted({e for names in EMPLOYERS.values() for e in names})


def key(name: str, kind: str) -> tuple[str, ...]:
    return tuple(sorted(skeleton(t) for t in tokenize(name, kind) if not is_legal(t)))


def listed_by_key(entries: list[ListEntry]) -> dict[tuple[str, ...], set[str]]:
    """Every listed name and alias by its folded words (:func:`key`) -> the entries
    (``list:entity_id``) that carry it: all of them are right answers for those words."""
    listed: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for e in entries:
        if e.kind == "crypto":
            continue
        kind = "person" if e.kind == "person" else "organization"
        for n in e.all_names():
            listed[key(n, kind)].add(f"{e.list}:{e.entity_id}")
    return listed


def contained(words_key: tuple[str, ...], listed_sets: dict[str, list[frozenset[str]]]) -> bool:
    """True when every word of a name (two or more) is a word of one listed name: the
    listed person with a name left out, which the issue asks to find ("dropped names")."""
    if len(words_key) < 2:
        return False
    mine = set(words_key)
    return any(mine <= other for other in listed_sets.get(words_key[0], ()))


def positive(
    query: str,
    kind: str,
    expected: list[str],
    variant: str,
    listed_keys: dict[tuple[str, ...], set[str]],
) -> dict[str, object]:
    """A positive's line. A variant whose words, folded as for the namesake negatives
    (``key``), are word for word another listed entry's name or alias ("Karim Abdul"
    for KARIM, Qais Abdul is also the alias Abdul Karim of another entry) names both: no
    name matcher can tell them apart, so either is correct at rank 1. Such a line holds
    every entry it names in ``expected``, ``"ambiguous": true`` and, in
    ``source_expected``, the entries of the name it was made from. Only equality counts,
    not a subset nor a closer name."""
    row: dict[str, object] = {"name": query, "kind": kind, "expected": expected}
    others = listed_keys.get(key(query, kind), set()) - set(expected)
    if others:
        row["expected"] = sorted({*expected, *others})
        row["ambiguous"] = True
        row["source_expected"] = expected
    row["variant"] = variant
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=HERE / "out" / "eval.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--persons", type=int, default=2000)
    ap.add_argument("--orgs", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    entries = [e for p in read_paths([package_data("sanctions")]) for e in p.entries]
    listed_keys = listed_by_key(entries)
    listed_sets: dict[str, list[frozenset[str]]] = defaultdict(list)
    for k in listed_keys:
        words_key = frozenset(k)
        for w in words_key:
            listed_sets[w].append(words_key)
    rows: list[dict[str, object]] = []
    persons = [e for e in entries if e.kind == "person"]
    orgs = [e for e in entries if e.kind == "organization"]
    for pool, want, kind, make in (
        (persons, args.persons, "person", person_variant),
        (orgs, args.orgs, "organization", org_variant),
    ):
        rng.shuffle(pool)
        made = 0
        for e in pool:
            if made >= want:
                break
            got = make(e, rng)
            if got is None:
                continue
            source, query, variant = got
            expected = sorted(listed_keys[key(source, kind)] | {f"{e.list}:{e.entity_id}"})
            rows.append(positive(query, kind, expected, variant, listed_keys))
            made += 1
    # Every DPRK-linked person once more through a romanisation (the weak spot of the
    # open matchers, and the case that matters most here).
    for e in persons:
        if not is_korean(e):
            continue
        base = natural(e.name)
        romanised = korean(base, rng)
        if romanised is None:
            continue
        query = romanised
        variant = "romanisation"
        if rng.random() < 0.4:
            query, variant = apply_typo(query, rng) or query, "romanisation+typo"
        expected = sorted(listed_keys[key(e.name, "person")] | {f"{e.list}:{e.entity_id}"})
        rows.append(positive(query, "person", expected, variant, listed_keys))
    negatives: list[tuple[str, str, str]] = []
    for fname in ("negatives_global.csv", "negatives_us.csv"):
        with (NEGATIVES / fname).open(newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r.get("full_name"):
                    negatives.append((r["full_name"], "person", "yente_negative"))
    combos = [(f"{s} {g}", "korean") for s in KOREAN_SURNAMES for g in KOREAN_GIVEN]
    combos += [
        (f"{g} {s}", "korean")
        for s, g in rng.sample([(s, g) for s in KOREAN_SURNAMES for g in KOREAN_GIVEN], 150)
    ]
    combos += [(f"{s} {g}", "chinese") for s in CHINESE_SURNAMES for g in CHINESE_GIVEN]
    for culture, (surnames, given) in OTHER_POOLS.items():
        combos += [(f"{g} {s}", culture) for s in surnames.split() for g in given.split()]
    for name, culture in combos:
        negatives.append((name, "person", f"common_{culture}"))
    for _ in range(700):
        parts = [
            rng.choice(COMPANY_PLACES + COMPANY_WORDS),
            rng.choice(COMPANY_WORDS),
            rng.choice(COMPANY_TRADES),
            rng.choice(COMPANY_FORMS),
        ]
        negatives.append((" ".join(p for p in parts if p), "organization", "company"))
    negatives += [(n.strip(), "organization", "big_company") for n in BIG_COMPANIES if n.strip()]
    negatives += [(n, "organization", "employer") for n in employers()]
    seen: set[tuple[str, str]] = set()
    dropped = 0
    for name, kind, variant in negatives:
        if (name, kind) in seen:
            continue
        seen.add((name, kind))
        if key(name, kind) in listed_keys or contained(key(name, kind), listed_sets):
            dropped += 1  # a namesake of a listed name: not a fair negative
            continue
        rows.append({"name": name, "kind": kind, "expected": [], "variant": variant})
    rng.shuffle(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("wb") as fh:
        for i, row in enumerate(rows):
            row = {"query_id": f"q{i:05d}", **row, "split": "dev" if i % 2 == 0 else "test"}
            fh.write(orjson.dumps(row) + b"\n")
    pos = sum(1 for r in rows if r["expected"])
    ambiguous = sum(1 for r in rows if r.get("ambiguous"))
    print(
        f"{len(rows)} queries: {pos} positives ({ambiguous} ambiguous: word for word "
        f"another listed name too), {len(rows) - pos} negatives "
        f"({dropped} namesakes of listed names left out) -> {args.output}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
