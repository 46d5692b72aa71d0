"""Loaded list versions on disk, side by side, with an atomic switch to the new one.

Layout under ``data_dir()/lists``::

    <list>/<version>/entries.pkl   parsed entries of that version
    <list>/<version>/meta.json     publisher, publication date, checksum, counts, sources
    <list>/CURRENT                 the version in service (replaced atomically)
    index-<key>.pkl                compiled index of the current versions (a cache)

A new version is written completely before ``CURRENT`` is switched with ``os.replace``;
earlier versions stay for audit. A file that fails to parse changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hireguard.paths import data_dir
from hireguard.sanctions.entries import ADDRESS_ONLY_KINDS, ListEntry, ParsedList, Strings


@dataclass(slots=True)
class ListVersion:
    """What ``hireguard lists status`` shows for one loaded list."""

    list: str
    version: str
    publisher: str
    format: str
    published: str | None
    loaded_at: str
    checksum: str
    entries: int
    counts: dict[str, int]
    sources: Strings
    warnings: Strings
    # (added 2026-11-26; None in the meta of versions loaded before)
    aliases: int | None = None  # aliases and weak a.k.a.s of all entries
    highest_number: int | None = None  # highest numeric entry id (OFAC: ent_num)
    parts: Strings | None = None  # what a set of files held (ParsedList.parts)

    def age_days(self, today: dt.date | None = None) -> int | None:
        """Days since publication (or since loading when the file carries no date)."""
        today = today or dt.date.today()
        stamp = self.published or self.loaded_at
        try:
            return (today - dt.date.fromisoformat(stamp[:10])).days
        except ValueError:
            return None

    def date_label(self) -> str:
        """``published 2026-02-27``, or ``no publication date; loaded 2026-11-26``: the
        load date is never shown as if it were the list's."""
        return date_label(self.published, self.loaded_at[:10])


def date_label(published: str | None, loaded: str | None = None) -> str:
    """How a list's date is shown: its publication date when its file gives one."""
    if published:
        return f"published {published}"
    return "no publication date" + (f"; loaded {loaded}" if loaded else "")


@dataclass(slots=True)
class Summary:
    """What a list version holds, as far as telling a weaker edition from a better one
    goes (``weaker``)."""

    entries: int  # entries matched by name (not address-only rows)
    aliases: int
    highest_number: int | None
    published: str | None
    parts: Strings

    @classmethod
    def of(cls, entries: Iterable[ListEntry], published: str | None, parts: Strings) -> Summary:
        named = aliases = 0
        highest: int | None = None
        numeric = True
        for e in entries:
            if e.kind in ADDRESS_ONLY_KINDS:
                continue
            named += 1
            aliases += len(e.aliases) + len(e.weak_aliases)
            if numeric and e.entity_id.isdigit():
                highest = max(highest or 0, int(e.entity_id))
            else:
                numeric = False
        return cls(named, aliases, highest if numeric else None, published, list(parts))

    @classmethod
    def of_version(cls, v: ListVersion, root: Path | None = None) -> Summary:
        if v.aliases is None or v.parts is None:  # loaded before these were recorded
            return cls.of(load_entries(v, root), v.published, v.parts or [])
        named = v.entries - sum(v.counts.get(k, 0) for k in ADDRESS_ONLY_KINDS)
        return cls(named, v.aliases, v.highest_number, v.published, v.parts)


#: What each part of a set of files brings, for the warning that a load lacks it.
_PART_LOST = {
    "aliases": "no aliases (alt.csv)",
    "addresses": "no addresses (add.csv)",
    "comments": "no continued remarks (sdn_comments.csv)",
}


def weaker(new: Summary, old: Summary) -> list[str]:
    """What a new version lacks that the version in service has: fewer entries, an older
    publication date, a lower highest entry number (OFAC numbers its entries in the order
    it lists them: a lower one means an older edition), no aliases, a part of the set
    missing. Empty when it is no weaker on any of these."""
    lost = []
    if new.entries < old.entries:
        gone = old.entries - new.entries
        lost.append(
            f"{gone:,} fewer {'entry' if gone == 1 else 'entries'} "
            f"({new.entries:,} against {old.entries:,})"
        )
    if new.published and old.published and new.published < old.published:
        lost.append(f"an older publication date ({new.published} against {old.published})")
    if (new.highest_number or 0) < (old.highest_number or 0) and new.highest_number:
        lost.append(
            f"highest entry number {new.highest_number} against {old.highest_number} "
            "(an older edition)"
        )
    missing = [p for p in old.parts if new.parts and p not in new.parts and p in _PART_LOST]
    if new.aliases < old.aliases:
        counted = f"({new.aliases:,} against {old.aliases:,})"
        if new.aliases == 0:
            lost.append(f"no aliases {counted}")
        elif "aliases" in missing:
            lost.append(f"no alias file (alt.csv): only the a.k.a.s of the remarks {counted}")
        else:
            lost.append(f"{old.aliases - new.aliases:,} fewer aliases {counted}")
    lost.extend(_PART_LOST[p] for p in missing if p != "aliases" or new.aliases >= old.aliases)
    return lost


def lists_dir(root: Path | None = None) -> Path:
    path = (root or data_dir()) / "lists"
    path.mkdir(parents=True, exist_ok=True)
    return path


def checksum(parsed: ParsedList, raw: Iterable[bytes] = ()) -> str:
    """SHA-256 over the parsed content (ids, names, facts): equal lists, equal checksums."""
    h = hashlib.sha256()
    for chunk in raw:
        h.update(chunk)
    for e in sorted(parsed.entries, key=lambda x: x.entity_id):
        h.update(repr(asdict(e)).encode())
    return h.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def save_version(parsed: ParsedList, root: Path | None = None) -> tuple[ListVersion, bool]:
    """Store one parsed list as a new version and put it in service.

    Returns the version and whether it is new (False: the same content was in service).
    """
    base = lists_dir(root) / parsed.list
    base.mkdir(parents=True, exist_ok=True)
    digest = checksum(parsed)
    current = current_version(parsed.list, root)
    if current is not None and current.checksum == digest:
        return current, False
    now = dt.datetime.now(dt.UTC)
    version_id = f"{now:%Y%m%dT%H%M%S}-{digest[:12]}"
    counts: dict[str, int] = {}
    for e in parsed.entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    meta = ListVersion(
        list=parsed.list,
        version=version_id,
        publisher=parsed.publisher,
        format=parsed.format,
        published=parsed.published,
        loaded_at=now.isoformat(timespec="seconds"),
        checksum=digest,
        entries=len(parsed.entries),
        counts=counts,
        sources=parsed.sources,
        warnings=parsed.warnings,
        parts=parsed.parts,
    )
    summary = Summary.of(parsed.entries, parsed.published, parsed.parts)
    meta.aliases, meta.highest_number = summary.aliases, summary.highest_number
    tmp_dir = Path(tempfile.mkdtemp(dir=base, prefix=".new-"))
    (tmp_dir / "entries.pkl").write_bytes(
        pickle.dumps(parsed.entries, protocol=pickle.HIGHEST_PROTOCOL)
    )
    (tmp_dir / "meta.json").write_text(json.dumps(asdict(meta), indent=2))
    os.replace(tmp_dir, base / version_id)
    _atomic_write(base / "CURRENT", version_id.encode())
    return meta, True


def current_version(list_name: str, root: Path | None = None) -> ListVersion | None:
    pointer = lists_dir(root) / list_name / "CURRENT"
    if not pointer.exists():
        return None
    return read_meta(lists_dir(root) / list_name / pointer.read_text().strip())


def read_meta(folder: Path) -> ListVersion:
    data: dict[str, Any] = json.loads((folder / "meta.json").read_text())
    return ListVersion(**data)


def current_versions(root: Path | None = None) -> list[ListVersion]:
    """The version in service of every loaded list, by list name."""
    out = []
    for child in sorted(lists_dir(root).iterdir()):
        if child.is_dir():
            v = current_version(child.name, root)
            if v is not None:
                out.append(v)
    return out


def all_versions(list_name: str, root: Path | None = None) -> list[ListVersion]:
    base = lists_dir(root) / list_name
    return [read_meta(p) for p in sorted(base.iterdir()) if (p / "meta.json").exists()]


def load_entries(version: ListVersion, root: Path | None = None) -> list[ListEntry]:
    path = lists_dir(root) / version.list / version.version / "entries.pkl"
    entries: list[ListEntry] = pickle.loads(path.read_bytes())
    return entries
