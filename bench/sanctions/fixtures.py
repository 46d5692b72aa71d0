"""HireGuard's matcher on the name-matching fixtures of OpenSanctions' own projects: a check
made by others, never used to tune the matcher.

    python3 bench/sanctions/fixtures.py [--threshold 0.865] [--show N]

Three parts, from ``shared/data/sanctions/name_matching_eval/`` (see its SOURCES.md):

* ``nomenklatura/cases.csv`` (nomenklatura ``contrib/name_bench``, MIT): 826 labelled pairs
  of names (persons, companies, vessels; typos, transliterations, initials, reorderings,
  and look-alikes that are not the same party). Each ``name2`` is added to the built-in lists
  as a listed entry of its own; ``name1`` is searched, and the pair's score is that entry's
  score (0 when the search does not return it). Precision, recall and F1 at the threshold,
  beside nomenklatura's ``logic-v2`` on the same cases (``logicv2-frozen.csv``, its own
  reference run, 812 of the cases).
* ``yente_candidate_generation/positives_un_treated.csv`` (yente, UN-list persons with
  typos, reshuffles and altered dates of birth applied by yente's authors): searched, with
  date of birth and nationality, against the built-in lists (which hold the UN list). A
  query is found when its best hit at the threshold is an entry that the untreated name
  finds exactly. Untreated names are run too, as a control.
* ``positives_us_congress_untreated.csv``: 1,254 members of the US Congress, common
  American names that are on no list here: every hit at the threshold is a false positive.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from hireguard.paths import package_data
from hireguard.sanctions.entries import ListEntry
from hireguard.sanctions.index import SanctionsIndex
from hireguard.sanctions.parsers import read_paths
from hireguard.sanctions.screener import DEFAULT_THRESHOLD

SHARED = Path(__file__).resolve().parents[3] / "shared"
FIXTURES = SHARED / "data" / "sanctions" / "name_matching_eval"
KIND = {"Person": "person", "Vessel": "vessel"}  # Company, Organization, LegalEntity: org


def kind_of(schema: str) -> str:
    return KIND.get(schema, "organization")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int, int, int]:
    """(precision, recall, F1, true positives, false positives, false negatives) of
    (labelled a match, predicted a match) pairs."""
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if p and not y)
    fn = sum(1 for y, p in pairs if y and not p)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1, tp, fp, fn


def cases(base: list[ListEntry], threshold: float, show: int) -> None:
    rows = read(FIXTURES / "nomenklatura" / "cases.csv")
    frozen = {
        (r["schema"], r["name1"], r["name2"]): r["predicted_match"] == "true"
        for r in read(FIXTURES / "nomenklatura" / "logicv2-frozen.csv")
    }
    listed: dict[tuple[str, str], int] = {}
    extra: list[ListEntry] = []
    for r in rows:
        key = (kind_of(r["schema"]), r["name2"])
        if key not in listed:
            listed[key] = len(base) + len(extra)
            extra.append(ListEntry("fixture", f"case-{len(extra)}", key[0], r["name2"]))
    t0 = time.perf_counter()
    idx = SanctionsIndex([*base, *extra])
    print(f"index with {len(extra)} fixture entries built in {time.perf_counter() - t0:.1f} s")
    ours: list[tuple[bool, bool]] = []
    theirs: list[tuple[bool, bool]] = []
    ours_on_theirs: list[tuple[bool, bool]] = []
    groups: dict[str, list[tuple[bool, bool]]] = {}
    wrong: list[tuple[str, str, str, float]] = []
    for r in rows:
        kind = kind_of(r["schema"])
        target = idx.entries[listed[(kind, r["name2"])]]
        score = 0.0
        for hit in idx.search(r["name1"], kind=kind, limit=10_000):
            if hit.entry is target:
                score = hit.score
                break
        truth = r["is_match"] == "true"
        pair = (truth, score >= threshold)
        ours.append(pair)
        groups.setdefault(f"{r['case_group']} / {kind}", []).append(pair)
        fz = frozen.get((r["schema"], r["name1"], r["name2"]))
        if fz is not None:
            theirs.append((truth, fz))
            ours_on_theirs.append(pair)
        if pair[0] != pair[1]:
            wrong.append(("FN" if truth else "FP", r["name1"], r["name2"], score))
    print(f"\nnomenklatura cases.csv ({len(rows)} labelled pairs), threshold {threshold}:")
    print("                                  precision  recall     F1   (TP/FP/FN)")
    for label, pairs in (
        ("HireGuard, all cases", ours),
        ("HireGuard, logic-v2's 812 cases", ours_on_theirs),
        ("logic-v2 (frozen reference run)", theirs),
    ):
        p, rc, f, tp, fp, fn = prf(pairs)
        print(f"  {label:<32} {p:>7.3f} {rc:>8.3f} {f:>7.3f}   ({tp}/{fp}/{fn})")
    print("  by group:")
    for label, pairs in sorted(groups.items()):
        p, rc, f, tp, fp, fn = prf(pairs)
        print(f"    {label:<30} {p:>7.3f} {rc:>8.3f} {f:>7.3f}   ({tp}/{fp}/{fn}) of {len(pairs)}")
    for kind_, n1, n2, s in sorted(wrong)[:show]:
        print(f"    {kind_} {s:.3f}  {n1!r} ~ {n2!r}")


def un_positives(idx: SanctionsIndex, threshold: float, show: int) -> None:
    folder = FIXTURES / "yente_candidate_generation"
    plain = read(folder / "positives_un_untreated.csv")
    treated = read(folder / "positives_un_treated.csv")
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for raw, var in zip(plain, treated, strict=True):
        # every entry the untreated name finds as itself (a person can be on two lists, and
        # spellings the matcher folds together, Fadhil/Fadil, count as the same name)
        exact = idx.search(raw["full_name"], kind="person", limit=20)
        expected = {id(h.entry) for h in exact if h.features.get("name", 0) >= 0.99}
        if not expected:
            counts["not on the built-in lists"] += 1
            continue
        counts["queries"] += 1
        for label, row in (("untreated", raw), ("treated", var)):
            dob = row["date_of_birth"] or None
            nat = row["nationality"] if len(row["nationality"]) == 2 else None
            hits = idx.search(row["full_name"], kind="person", dob=dob, nationality=nat, limit=1)
            top = hits[0] if hits else None
            if top is not None and top.score >= threshold and id(top.entry) in expected:
                counts[f"{label} found"] += 1
            elif label == "treated":
                best = f"{top.score:.3f} {top.matched_name!r}" if top else "nothing"
                misses.append(f"{var['full_name']!r} (of {raw['full_name']!r}, dob {dob}): {best}")
    n = counts["queries"]
    print(
        f"\nyente UN positives: {n} persons on the built-in lists "
        f"({counts['not on the built-in lists']} are not), threshold {threshold}:"
    )
    for label in ("untreated", "treated"):
        print(
            f"  {label:<10} recall@1 {counts[f'{label} found'] / max(n, 1):.4f}"
            f"  ({counts[f'{label} found']}/{n})"
        )
    for line in misses[:show]:
        print(f"    missed {line}")


def congress(idx: SanctionsIndex, threshold: float, show: int) -> None:
    rows = read(FIXTURES / "yente_candidate_generation" / "positives_us_congress_untreated.csv")
    fps: list[str] = []
    for r in rows:
        hits = idx.search(
            r["full_name"],
            kind="person",
            dob=r["date_of_birth"] or None,
            threshold=threshold,
            limit=1,
        )
        if hits:
            fps.append(f"{r['full_name']!r} ~ {hits[0].matched_name!r} {hits[0].score:.3f}")
    print(
        f"\nUS Congress members ({len(rows)}, on no list): {len(fps)} false positives "
        f"({len(fps) / max(len(rows), 1):.2%})"
    )
    for line in fps[:show]:
        print(f"    {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--show", type=int, default=0, help="print this many errors of each part")
    args = ap.parse_args()
    base = [e for p in read_paths([package_data("sanctions")]) for e in p.entries]
    cases(base, args.threshold, args.show)
    idx = SanctionsIndex(base)
    un_positives(idx, args.threshold, args.show)
    congress(idx, args.threshold, args.show)


if __name__ == "__main__":
    main()
