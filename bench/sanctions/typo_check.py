"""A check outside the evaluation file: listed names with a typo made differently from
``make_eval.py``, to see whether typo handling generalises beyond the typos it was tuned on.

    python bench/sanctions/typo_check.py [--seed 99] [--n 3000] [--misses] [--romanise]

``make_eval.py`` puts its typo inside a word of four letters or more (never the first or
last letter) and draws letters at random. Here the typo may fall on any letter of any
word of two letters or more that is no legal form, the first and the last included, and
is one of: a keyboard neighbour typed instead (QWERTY), a letter missing, two neighbouring
letters swapped, a keyboard neighbour typed as well, a letter doubled. The names are the
primary names of listed persons and organisations of the built-in lists (persons as
"KIM, Jong Un" or in natural order, "Jong Un Kim", half each), ``--n`` of them drawn with
``--seed``. A name is found when the first hit at the default threshold is an entry that
lists it or the same words (folded as ``make_eval.py`` folds them: the same person may be
on two lists). Printed: found at rank 1 overall, by kind,
by kind of typo and by the length of the misspelt word. Nothing here was used to choose
anything; the seeds of record are 99 and 5.

With ``--romanise`` the names are those of listed persons that ``make_eval.py`` can
romanise (DPRK-linked persons, names with an Arabic word of its table, Russian, Ukrainian
or Belarusian persons), each first written another way with ``make_eval.py``'s own
functions and tables (Korean McCune-Reischauer to Revised Romanisation, Arabic spellings,
Cyrillic script), then given one typo made as above (in Cyrillic with a ЙЦУКЕН keyboard's
neighbours). The persons are drawn from all of them, every listed person once at most.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict

from make_eval import (  # the evaluation file's folding and variants, beside this script
    arabic,
    cyrillic,
    is_korean,
    is_russian,
    key,
    korean,
    listed_by_key,
    natural,
)

from hireguard.paths import package_data
from hireguard.sanctions.entries import ListEntry
from hireguard.sanctions.index import SanctionsIndex
from hireguard.sanctions.names import legal_word
from hireguard.sanctions.parsers import read_paths
from hireguard.sanctions.screener import DEFAULT_THRESHOLD

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
CYRILLIC_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")


def _neighbours(rows: tuple[str, ...]) -> dict[str, str]:
    """Letters next to each letter on a keyboard (same row and the rows around)."""
    where = {ch: (r, c) for r, row in enumerate(rows) for c, ch in enumerate(row)}
    out: dict[str, str] = {}
    for ch, (r, c) in where.items():
        near = [
            other
            for other, (r2, c2) in where.items()
            if other != ch and abs(r2 - r) <= 1 and -1 <= c2 - c + (r2 - r) * 0.5 <= 1
        ]
        out[ch] = "".join(sorted(near))
    return out


NEIGHBOURS = _neighbours(ROWS) | _neighbours(CYRILLIC_ROWS)
OPS = ("neighbour", "missing", "swap", "extra", "double")


def misspell(word: str, rng: random.Random) -> tuple[str, str] | None:
    """``word`` with one typo at any position, and the kind of typo; None when the word
    has no letter to misspell."""
    letters = [i for i, ch in enumerate(word) if ch.lower() in NEIGHBOURS]
    if not letters:
        return None
    op = rng.choice(OPS)
    i = rng.choice(letters)
    ch = word[i]
    near = rng.choice(NEIGHBOURS[ch.lower()])
    near = near.upper() if ch.isupper() else near
    if op == "neighbour":
        out = word[:i] + near + word[i + 1 :]
    elif op == "missing":
        out = word[:i] + word[i + 1 :]
    elif op == "swap":
        if len(word) < 2:
            return None
        i = min(i, len(word) - 2)
        out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif op == "extra":
        out = (
            word[: i + 1] + near + word[i + 1 :]
            if rng.random() < 0.5
            else word[:i] + near + word[i:]
        )
    else:
        out = word[: i + 1] + ch + word[i + 1 :]
    return (out, op) if out != word and out.strip() else None


def romanise(entry: ListEntry, name: str, rng: random.Random) -> tuple[str, str] | None:
    """``name`` written another way as ``make_eval.py`` writes it, and how; None when
    none of its variants applies."""
    ways = []
    if is_korean(entry):
        ways.append("korean")
    if arabic(name, random.Random(0)) is not None:
        ways.append("arabic")
    if is_russian(entry):
        ways.append("cyrillic")
    if not ways:
        return None
    way = rng.choice(ways)
    if way == "korean":
        out = korean(name, rng)
    elif way == "arabic":
        out = arabic(name, rng)
    else:
        out = cyrillic(name)
    return (out, way) if out and out != name else None


def make_query(
    entry: ListEntry, rng: random.Random, roman: bool = False
) -> tuple[str, str, int] | None:
    """(query, kind of typo, length of the misspelt word) for one listed entry; with
    ``roman``, romanised first (the kind of typo is then prefixed with the way)."""
    name = entry.name
    if entry.kind == "person" and rng.random() < 0.5:
        name = natural(name)
    way = ""
    if roman:
        got_roman = romanise(entry, name, rng)
        if got_roman is None:
            return None
        name, way = got_roman[0], got_roman[1] + " "
    parts = re.split(r"([\s,]+)", name)
    words = [
        i
        for i, p in enumerate(parts)
        if sum(ch.isalpha() for ch in p) >= 2 and legal_word(p.lower().strip(".")) is None
    ]
    if not words:
        return None
    i = rng.choice(words)
    got = misspell(parts[i], rng)
    if got is None:
        return None
    letters = sum(ch.isalpha() for ch in parts[i])
    parts[i] = got[0]
    return "".join(parts), way + got[1], letters


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--misses", action="store_true", help="list every name not found")
    ap.add_argument(
        "--romanise", action="store_true", help="romanise persons' names before the typo"
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    entries = [e for p in read_paths([package_data("sanctions")]) for e in p.entries]
    idx = SanctionsIndex(entries)
    listed = listed_by_key(entries)
    pool = [e for e in entries if e.kind in ("person", "organization") and e.name.isascii()]
    if args.romanise:
        pool = [e for e in pool if e.kind == "person"]
    rng.shuffle(pool)
    by: dict[str, list[int]] = defaultdict(list)
    misses: list[str] = []
    done = 0
    for e in pool:
        if done >= args.n:
            break
        made = make_query(e, rng, args.romanise)
        if made is None:
            continue
        query, op, length = made
        kind = "person" if e.kind == "person" else "organization"
        expected = listed[key(e.name, kind)] | {f"{e.list}:{e.entity_id}"}
        hits = idx.search(query, kind=kind, threshold=args.threshold, limit=1)
        ok = int(bool(hits) and f"{hits[0].entry.list}:{hits[0].entry.entity_id}" in expected)
        size = str(length) if length <= 4 else "5+"
        labels = ["all", kind, f"{kind} {op}", f"{kind}, word of {size} letters"]
        if args.romanise:
            labels.append(op.split()[0])
        for label in labels:
            by[label].append(ok)
        if not ok:
            got = f"{hits[0].entry.name!r} {hits[0].score:.3f}" if hits else "nothing"
            misses.append(f"{query!r} ({op}) for {e.name!r}: first {got}")
        done += 1
    what = "romanised listed persons" if args.romanise else "listed names"
    print(f"typo check, seed {args.seed}, {done} {what}, threshold {args.threshold}")
    for label in sorted(by, key=lambda k: (k != "all", k)):
        v = by[label]
        print(f"  {label:40} found at rank 1 {sum(v) / len(v):.3f} ({sum(v)}/{len(v)})")
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
