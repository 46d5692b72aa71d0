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
from hireguard.sanctions.entries import ListEntry, ParsedList, Strings


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

    def age_days(self, today: dt.date | None = None) -> int | None:
        """Days since publication (or since loading when the file carries no date)."""
        today = today or dt.date.today()
        stamp = self.published or self.loaded_at
        try:
            return (today - dt.date.fromisoformat(stamp[:10])).days
        except ValueError:
            return None


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
    )
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
