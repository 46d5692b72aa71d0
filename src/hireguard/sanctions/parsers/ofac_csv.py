"""OFAC's legacy CSV set: ``sdn.csv``/``add.csv``/``alt.csv``/``sdn_comments.csv`` and the
Consolidated (non-SDN) ``cons_prim.csv``/``cons_add.csv``/``cons_alt.csv``/``cons_comments.csv``.

Format (OFAC, "SDN and Consolidated List data file specifications"; quirks as listed in
``shared/data/sanctions/SOURCES.md``): no header row; Windows-1252 text; every field quoted
or the literal ``-0-`` for empty; the file ends with a Ctrl-Z (0x1A) byte on its own line.
Remarks carry DOB, nationality, gender, identity numbers and digital-currency addresses as
``;``-separated text, cut at 1,000 characters and continued in the comments file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from hireguard.sanctions.entries import ListEntry, ListFormatError, ParsedList
from hireguard.sanctions.parsers.common import clean, country_code, dedupe, parse_date_text

#: Columns per file of the set, by role.
COLUMNS = {"prim": 12, "alt": 5, "add": 6, "comments": 2}
_EOF = "\x1a"
#: What each file of a set holds (``ParsedList.parts``), in the order prim, alt, add, comments.
PARTS = ("names", "aliases", "addresses", "comments")
#: OFAC cuts the remarks of the primary file at this length; the comments file continues them.
REMARKS_CUT = 1000

#: Programs that appear only on the Consolidated (non-SDN) list.
NON_SDN_PROGRAMS = frozenset(
    {
        "NS-PLC",
        "SSI",
        "FSE",
        "NS-MBS",
        "CMIC",
        "CAPTA",
        "NS-ISA",
        "MBS",
        "PLC",
        "NS-CMIC",
        "FSE-IR",
        "FSE-SY",
        "561-RELATED",
        "UKRAINE-EO13662",
    }
)

_KINDS = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "": "organization"}
_CRYPTO = re.compile(r"Digital Currency Address - ([A-Z0-9]+)\s+(\S+)", re.I)
_ID_LABELS = re.compile(
    r"^(Passport|National ID No\.|Cedula No\.|Tax ID No\.|Identification Number|NIT #|"
    r"Registration Number|Legal Entity Number|SSN|D\.N\.I\.|Residency Number|"
    r"Personal ID Card|Registration ID|Company Number|Unified Social Credit Code \(USCC\)|"
    r"C\.U\.R\.P\.|R\.F\.C\.|IMO|MMSI|Aircraft Manufacturer's Serial Number \(MSN\))\s+(\S+)",
    re.I,
)
_AKA = re.compile(r"^[afn]\.k\.a\.\s+'(.+?)'\.?$", re.I)


def decode(data: bytes) -> str:
    """OFAC's CSV files are Windows-1252; fall back to Latin-1, which never fails."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def read_rows(name: str, data: bytes, role: str) -> list[list[str]]:
    """The rows of one file of the set, checked: integer entry numbers, exact column count.

    Raises :class:`ListFormatError` naming the file and line on the first bad row, so a
    truncated or foreign file is rejected before anything is replaced.
    """
    want = COLUMNS[role]
    text = decode(data)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            if not row or (len(row) == 1 and row[0].strip() in ("", _EOF)):
                continue
            line = reader.line_num
            if len(row) != want:
                raise ListFormatError(
                    f"{name}, line {line}: expected {want} columns of an OFAC {role} file, "
                    f"found {len(row)} (truncated or not an OFAC CSV file?)"
                )
            if not row[0].strip().isdigit():
                raise ListFormatError(
                    f"{name}, line {line}: the entry number {row[0][:20]!r} is not a number"
                )
            rows.append(row)
    except csv.Error as exc:
        raise ListFormatError(f"{name}, line {reader.line_num}: {exc} (truncated file?)") from exc
    if not rows:
        raise ListFormatError(f"{name}: no rows (empty or truncated file)")
    if role != "comments" and not has_eof_marker(text):
        # OFAC ends every file of the set with Ctrl-Z (all the real files here do, but the
        # 2021 comments file; see ``parse_csv_set`` for that one): a file cut at a line
        # boundary reads as a shorter list, so its absence means truncation.
        raise ListFormatError(
            f"{name}: missing OFAC's end-of-file marker (Ctrl-Z) after line {reader.line_num}: "
            "the file is truncated"
        )
    return rows


def has_eof_marker(text: str) -> bool:
    """Whether a file of the set ends with OFAC's end-of-file marker (Ctrl-Z)."""
    return text.rstrip("\r\n").endswith(_EOF)


def sniff_role(data: bytes) -> str | None:
    """``prim``/``alt``/``add``/``comments`` when the first rows look like an OFAC CSV file."""
    head = decode(data[:20000])
    try:
        rows = [r for r in csv.reader(io.StringIO(head)) if r][:3]
    except csv.Error:
        return None
    if len(rows) < 1 or not rows[0][0].strip().isdigit():
        return None
    counts = {len(r) for r in rows[:-1] or rows}
    if len(counts) != 1:
        return None
    n = counts.pop()
    if "-0-" not in head and n != 2:
        return None
    for role, want in COLUMNS.items():
        if n == want:
            return role
    return None


@dataclass(slots=True)
class CsvSet:
    """The files of one OFAC CSV set as (file name, content); only ``prim`` is required."""

    prim: tuple[str, bytes]
    alt: tuple[str, bytes] | None = None
    add: tuple[str, bytes] | None = None
    comments: tuple[str, bytes] | None = None


def parse_remarks(entry: ListEntry, remarks: str) -> None:
    """Facts OFAC writes into the remarks: DOB, nationality, ids, addresses, weak a.k.a.s."""
    for part in remarks.split(";"):
        part = part.strip()
        if part.lower().startswith("alt. "):
            part = part[5:].strip()
        low = part.lower()
        if low.startswith("dob "):
            entry.dobs.extend(parse_date_text(part[4:]))
        elif low.startswith(("nationality ", "citizen ")):
            code = country_code(part.split(" ", 1)[1])
            if code:
                entry.nationalities.append(code)
        elif m := _CRYPTO.search(part):
            entry.crypto.append((m.group(1).upper(), m.group(2).rstrip(".")))
        elif m := _AKA.match(part):
            entry.weak_aliases.append(m.group(1))
        elif m := _ID_LABELS.match(part):
            entry.ids.append(m.group(2).rstrip(".,"))


def parse_csv_set(files: CsvSet, list_name: str) -> ParsedList:
    """One OFAC CSV set → entries. Alias, address or comment rows whose entry is not in the
    primary file are reported in ``warnings`` and skipped."""
    warnings: list[str] = []
    entries: dict[str, ListEntry] = {}
    remarks: dict[str, str] = {}
    cut: list[str] = []  # entries whose remarks the primary file cuts (continued elsewhere)
    prim_name = files.prim[0]
    for row in read_rows(*files.prim, "prim"):
        ent = row[0].strip()
        if ent in entries:
            warnings.append(f"{prim_name}: entry {ent} appears twice; the first is kept")
            continue
        sdn_type = clean(row[2]).lower()
        entries[ent] = ListEntry(
            list=list_name,
            entity_id=ent,
            kind=_KINDS.get(sdn_type, "organization"),
            name=clean(row[1]),
            programs=[p.strip() for p in clean(row[3]).strip("[]").split("] [") if p.strip()],
        )
        remarks[ent] = clean(row[11])
        if len(row[11]) >= REMARKS_CUT:
            cut.append(ent)
    # Comment rows of entries not in the primary file (designated after it, or of the other
    # list): reported and skipped, but the digital-currency addresses they name are kept
    # on an entry of kind "unknown" (matched by address only), so that such an address is
    # reported as the SDN entry that owns it, not as an anonymous address-list row.
    orphan_remarks: dict[str, str] = {}
    orphan_comments: dict[str, int] = {}
    if files.comments:
        comments_name = files.comments[0]
        continued: set[str] = set()
        for row in read_rows(*files.comments, "comments"):
            ent = row[0].strip()
            continued.add(ent)
            if ent in remarks:
                remarks[ent] += row[1]
            else:
                orphan_comments[ent] = orphan_comments.get(ent, 0) + 1
                orphan_remarks[ent] = orphan_remarks.get(ent, "") + row[1]
        _check_comments_complete(files.comments, prim_name, cut, continued)
        if orphan_comments:
            sample = ", ".join(sorted(orphan_comments, key=int)[:6])
            warnings.append(
                f"{comments_name}: {sum(orphan_comments.values())} comment rows of "
                f"{len(orphan_comments)} entries not in {prim_name} were skipped (e.g. {sample})"
            )
    for ent, text in remarks.items():
        if text:
            parse_remarks(entries[ent], text)
    owners: dict[str, ListEntry] = {}
    for ent, text in orphan_remarks.items():
        stub = ListEntry(list=list_name, entity_id=ent, kind="unknown", name="")
        parse_remarks(stub, text)
        if stub.crypto:
            owners[ent] = stub
    orphans: dict[str, int] = {}
    if files.alt:
        for row in read_rows(*files.alt, "alt"):
            ent = row[0].strip()
            entry = entries.get(ent)
            if entry is None:
                orphans[ent] = orphans.get(ent, 0) + 1
                owner = owners.get(ent)
                if owner is not None and (alias := clean(row[3])) and not owner.name:
                    owner.name = alias  # (a listed a.k.a. of the entry, for the reader)
                continue
            alias = clean(row[3])
            if not alias:
                continue
            # OFAC marks weak a.k.a.s in the alias remarks; they stay searchable, scored lower.
            if "weak" in clean(row[4]).lower():
                entry.weak_aliases.append(alias)
            else:
                entry.aliases.append(alias)
    if orphans:
        alt_name = files.alt[0] if files.alt else "alt.csv"
        sample = ", ".join(sorted(orphans, key=int)[:5])
        warnings.append(
            f"{alt_name}: {sum(orphans.values())} alias rows of {len(orphans)} entries not in "
            f"{prim_name} were skipped (e.g. {sample})"
        )
    if files.add:
        missing = 0
        for row in read_rows(*files.add, "add"):
            entry = entries.get(row[0].strip())
            if entry is None:
                missing += 1
                continue
            # An organisation's address countries say where it is, and the index reads them
            # as its nationality (a person's address says nothing of a nationality).
            if entry.kind != "person" and (code := country_code(clean(row[4]))):
                entry.nationalities.append(code)
        if missing:
            warnings.append(
                f"{files.add[0]}: {missing} address rows of entries not in {prim_name} skipped"
            )
    for ent, stub in owners.items():
        stub.name = stub.name or f"OFAC entry {ent} (name not in {prim_name})"
        stub.crypto = list(dict.fromkeys(stub.crypto))
        entries[ent] = stub
    if owners:
        warnings.append(
            f"{files.comments[0] if files.comments else 'comments'}: the digital-currency "
            f"addresses of entries {', '.join(sorted(owners, key=int))} (not in {prim_name}) "
            "are kept: an address of theirs is reported as their entry, matched by address "
            "only"
        )
    for entry in entries.values():
        entry.dobs = dedupe(entry.dobs)
        entry.nationalities = dedupe(entry.nationalities)
        entry.ids = dedupe(entry.ids)
        entry.aliases = dedupe(entry.aliases)
        entry.weak_aliases = dedupe(entry.weak_aliases)
    read_files = (files.prim, files.alt, files.add, files.comments)
    return ParsedList(
        list=list_name,
        publisher="US Treasury OFAC",
        format="ofac_csv",
        published=None,
        entries=list(entries.values()),
        sources=[f[0] for f in (files.prim, files.alt, files.add, files.comments) if f],
        warnings=warnings,
        parts=[part for part, f in zip(PARTS, read_files, strict=True) if f],
    )


def _check_comments_complete(
    comments: tuple[str, bytes], prim_name: str, cut: list[str], continued: set[str]
) -> None:
    """A comments file without OFAC's end-of-file marker is accepted only when it continues
    every remark the primary file cuts at 1,000 characters.

    OFAC's comments files carry the marker today (2025-12 SDN and Consolidated sets), but
    the 2021 ``sdn_comments.csv`` does not, and is complete: its five rows continue the
    five cut remarks of its ``sdn.csv``. A comments file cut at a line boundary loses the
    continuations of its last entries, which this notices; with the marker, a cut remark
    left without continuation only means files of two different days (say the 2024-05
    ``sdn.csv`` with the 2025-12 comments)."""
    name, data = comments
    if has_eof_marker(decode(data)):
        return
    lost = [ent for ent in cut if ent not in continued]
    if lost:
        raise ListFormatError(
            f"{name}: missing OFAC's end-of-file marker (Ctrl-Z), and the remarks that "
            f"{prim_name} cuts at {REMARKS_CUT:,} characters for entries {', '.join(lost[:5])} "
            "have no continuation in it: the file is truncated"
        )


def looks_non_sdn(name: str, data: bytes) -> bool:
    """True when most entries of a primary file carry a Consolidated (non-SDN) program."""
    rows = read_rows(name, data, "prim")
    hits = sum(
        1
        for r in rows
        if any(p.strip() in NON_SDN_PROGRAMS for p in clean(r[3]).strip("[]").split("] ["))
    )
    return hits * 2 > len(rows)
