"""What a sanctions list holds, once parsed: one :class:`ListEntry` per listed party.

Every parser (OFAC, UN, EU, UK, OpenSanctions) turns its publisher's format into these
plain records; the index and the matcher never see a publisher's format.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import TypeAlias

# Aliases, because a field named ``list`` (the contract's word) hides the builtin in a class.
Strings: TypeAlias = list[str]
Crypto: TypeAlias = list[tuple[str, str]]

#: Kinds of listed party. Vessels and aircraft are kept (their names can be a payee) but
#: screened as organisations. Besides these, ``crypto`` is a row of a plain address list
#: (no owner named) and ``unknown`` an entry whose primary record is not in the files read
#: (OFAC comments of an entry missing from ``sdn.csv``): both are matched by their
#: digital-currency addresses (and identity numbers) only, never by name.
KINDS = ("person", "organization", "vessel", "aircraft")
ADDRESS_ONLY_KINDS = ("crypto", "unknown")


class ListFormatError(ValueError):
    """A list file that cannot be read: names the file and, where known, the record."""


@dataclass(slots=True)
class ListEntry:
    """One listed party (person, organisation, vessel or aircraft).

    ``entity_id`` is the publisher's own identifier (OFAC ``ent_num``/``uid``, UN reference
    number, EU logical id, UK group id). Dates of birth are ISO prefixes: ``YYYY-MM-DD``,
    ``YYYY-MM`` or ``YYYY``; a ``~`` in front marks an approximate ("circa") date.
    Nationalities are ISO 3166 alpha-2 codes, lower case.
    """

    list: str
    entity_id: str
    kind: str
    name: str
    aliases: Strings = field(default_factory=builtins.list)
    weak_aliases: Strings = field(default_factory=builtins.list)
    dobs: Strings = field(default_factory=builtins.list)
    nationalities: Strings = field(default_factory=builtins.list)
    programs: Strings = field(default_factory=builtins.list)
    crypto: Crypto = field(default_factory=builtins.list)  # (currency, address)
    ids: Strings = field(default_factory=builtins.list)  # passport, national id, registration no.

    def all_names(self) -> Strings:
        """The primary name and every alias, without duplicates, primary first: the names
        to match by. An entry of kind ``unknown`` has none: its ``name`` (an a.k.a. of it,
        or its entry number) only tells the reader which entry owns a matched address."""
        if self.kind == "unknown":
            return []
        seen: dict[str, None] = {}
        for n in (self.name, *self.aliases, *self.weak_aliases):
            if n and n.strip():
                seen.setdefault(n.strip(), None)
        return list(seen)


Entries: TypeAlias = list[ListEntry]


@dataclass(slots=True)
class ParsedList:
    """One list as read from its files: entries plus what was noticed while reading."""

    list: str  # e.g. "us_ofac_sdn"
    publisher: str  # e.g. "US Treasury OFAC"
    format: str  # e.g. "ofac_csv"
    published: str | None  # publication date (ISO) when the file says so
    entries: Entries
    sources: Strings = field(default_factory=builtins.list)  # file names read
    warnings: Strings = field(default_factory=builtins.list)
    #: What a set of files held, for a list published as several (OFAC's CSV set:
    #: ``names``, ``aliases``, ``addresses``, ``comments``); empty for a one-file list.
    parts: Strings = field(default_factory=builtins.list)


def parsed_list(
    name: str,
    entries: Entries,
    missing: str,
    *,
    list: str,
    publisher: str,
    format: str,
    published: str | None,
) -> ParsedList:
    """The list read from the file ``name``. A file that yields no entry is rejected as
    malformed or truncated, ``missing`` saying what was looked for (``no sanctionEntity
    records``), so that the version in service stays."""
    if not entries:
        raise ListFormatError(f"{name}: {missing}")
    return ParsedList(
        list=list,
        publisher=publisher,
        format=format,
        published=published,
        entries=entries,
        sources=[name],
    )
