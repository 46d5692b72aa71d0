"""Other list formats: OpenSanctions FollowTheMoney entities (JSON Lines), the UK OFSI
Consolidated List CSV (``ConList.csv``) and plain digital-currency address lists."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import orjson

from hireguard.sanctions.entries import ListEntry, ListFormatError, ParsedList, parsed_list
from hireguard.sanctions.parsers.common import clean, country_code, dedupe, parse_date_text

# --- OpenSanctions FollowTheMoney JSON -------------------------------------------------------

_FTM_KINDS = {
    "Person": "person",
    "Company": "organization",
    "Organization": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}
_FTM_IDS = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "innCode",
    "taxNumber",
    "ogrnCode",
    "leiCode",
    "imoNumber",
    "swiftBic",
)


def parse_ftm(name: str, data: bytes) -> ParsedList:
    """FollowTheMoney entities, one JSON object a line (OpenSanctions exports).

    Parties are the Person/Company/Organization/LegalEntity/Vessel/Airplane entities;
    ``CryptoWallet`` entities attach their ``publicKey`` to the ``holder``. Entity id: the
    OpenSanctions id (``NK-...``, ``Q...``).
    """
    entries: dict[str, ListEntry] = {}
    wallets: list[tuple[str, str, str]] = []
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj: dict[str, Any] = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise ListFormatError(f"{name}, line {lineno}: not valid JSON ({exc})") from exc
        if not isinstance(obj, dict) or "schema" not in obj or "id" not in obj:
            raise ListFormatError(f"{name}, line {lineno}: not a FollowTheMoney entity")
        props: dict[str, list[str]] = obj.get("properties") or {}
        schema = str(obj["schema"])
        if schema == "CryptoWallet":
            for holder in props.get("holder", []):
                for key in props.get("publicKey", []):
                    wallets.append((holder, (props.get("currency") or ["?"])[0].upper(), key))
            continue
        kind = _FTM_KINDS.get(schema)
        if kind is None or obj.get("target") is False:
            continue
        names = props.get("name", [])
        caption = str(obj.get("caption") or (names[0] if names else ""))
        if not caption:
            continue
        entry = ListEntry(
            list="opensanctions",
            entity_id=str(obj["id"]),
            kind=kind,
            name=caption,
            aliases=[*names, *props.get("alias", []), *props.get("previousName", [])],
            weak_aliases=list(props.get("weakAlias", [])),
            programs=list(obj.get("datasets") or []),
        )
        entry.dobs = dedupe([d for x in props.get("birthDate", []) for d in parse_date_text(x)])
        entry.nationalities = dedupe(
            [c.lower()[:2] for c in props.get("nationality", []) + props.get("citizenship", [])]
        )
        entry.ids = dedupe([v for k in _FTM_IDS for v in props.get(k, [])])
        entry.aliases = dedupe([a for a in entry.aliases if a != caption])
        entries[entry.entity_id] = entry
    for holder, currency, key in wallets:
        if holder in entries:
            entries[holder].crypto.append((currency, key))
    return parsed_list(
        name,
        list(entries.values()),
        "no Person, Company or Organization entities",
        list="opensanctions",
        publisher="OpenSanctions (FollowTheMoney)",
        format="ftm_json",
        published=None,
    )


# --- UK OFSI Consolidated List (ConList.csv) ------------------------------------------------


def parse_ofsi_csv(name: str, data: bytes) -> ParsedList:
    """OFSI ``ConList.csv``: a ``Last Updated`` line, a header, then one row a name; rows of
    one target share its ``Group ID`` (the entity id). ``Name 6`` is the surname or the
    organisation's name; ``Alias Type`` tells the primary name from a.k.a.s."""
    text = data.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()
    published = None
    if lines and lines[0].lower().startswith("last updated"):
        dates = _dmy(lines[0].split(",", 1)[1].strip()) if "," in lines[0] else []
        published = dates[0] if dates else None
        lines = lines[1:]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    need = {"Name 6", "Group ID", "Group Type"}
    if not reader.fieldnames or not need <= set(reader.fieldnames):
        raise ListFormatError(f"{name}: header lacks {sorted(need)}: not an OFSI ConList.csv")
    entries: dict[str, ListEntry] = {}
    for row in reader:
        gid = clean(row.get("Group ID"))
        if not gid:
            raise ListFormatError(f"{name}, line {reader.line_num + 1}: no Group ID")
        parts = [clean(row.get(f"Name {i}")) for i in range(1, 6)]
        full = " ".join(p for p in [*parts, clean(row.get("Name 6"))] if p)
        gtype = clean(row.get("Group Type")).lower()
        entry = entries.get(gid)
        if entry is None:
            entry = ListEntry(
                list="gb_hmt_sanctions",
                entity_id=gid,
                kind={"individual": "person", "ship": "vessel"}.get(gtype, "organization"),
                name="",
                programs=[clean(row.get("Regime"))],
            )
            entries[gid] = entry
        alias_type = clean(row.get("Alias Type")).lower()
        if full:
            if alias_type.startswith("primary") and not entry.name:
                entry.name = full
            elif clean(row.get("Alias Quality")).lower() == "low quality":
                entry.weak_aliases.append(full)
            else:
                entry.aliases.append(full)
        non_latin = clean(row.get("Name Non-Latin Script"))
        if non_latin:
            entry.aliases.append(non_latin)
        entry.dobs.extend(_dmy(clean(row.get("DOB"))))
        for nat in re.split(r"\(\d+\)", clean(row.get("Nationality"))):
            code = country_code(nat.strip(" ,"))
            if code:
                entry.nationalities.append(code)
        for key in ("Passport Number", "National Identification Number"):
            if clean(row.get(key)):
                entry.ids.append(clean(row.get(key)))
    for entry in entries.values():
        if not entry.name and entry.aliases:
            entry.name = entry.aliases.pop(0)
        entry.aliases = dedupe([a for a in entry.aliases if a != entry.name])
        entry.dobs = dedupe(entry.dobs)
        entry.nationalities = dedupe(entry.nationalities)
        entry.ids = dedupe(entry.ids)
    return parsed_list(
        name,
        list(entries.values()),
        "no rows",
        list="gb_hmt_sanctions",
        publisher="UK HM Treasury OFSI",
        format="uk_ofsi_csv",
        published=published,
    )


def _dmy(text: str) -> list[str]:
    """``dd/mm/yyyy`` with ``00`` for an unknown day or month → ISO prefix."""
    parts = text.split("/")
    if len(parts) != 3 or not parts[2].strip().isdigit():
        return []
    year = int(parts[2].strip())
    month = int(parts[1]) if parts[1].isdigit() and int(parts[1]) else None
    day = int(parts[0]) if parts[0].isdigit() and int(parts[0]) and month else None
    from hireguard.sanctions.parsers.common import iso_date

    return [iso_date(year, month, day)]


# --- Digital-currency address lists ---------------------------------------------------------

_ADDRESS = re.compile(r"^[A-Za-z0-9:_-]{20,120}$")
_TICKER = re.compile(r"_([A-Z0-9]{2,6})\.txt$")


def parse_address_list(name: str, data: bytes) -> ParsedList:
    """A plain list of OFAC-listed digital-currency addresses, one a line, as extracted from
    OFAC's advanced XML (e.g. ``sanctioned_addresses_XBT.txt``). The currency comes from
    the file name; the entity id is the address itself (the owner's entry number is found
    when the SDN list that names it is loaded too)."""
    m = _TICKER.search(name)
    currency = m.group(1) if m else "?"
    entries = []
    for lineno, raw in enumerate(data.decode("ascii", errors="replace").splitlines(), 1):
        addr = raw.strip()
        if not addr:
            continue
        if not _ADDRESS.match(addr):
            raise ListFormatError(f"{name}, line {lineno}: {addr[:30]!r} is not an address")
        entries.append(
            ListEntry(
                list="us_ofac_addresses",
                entity_id=f"{currency}:{addr}",
                kind="crypto",
                name=f"OFAC-listed {currency} address",
                crypto=[(currency, addr)],
            )
        )
    return parsed_list(
        name,
        entries,
        "no addresses",
        list="us_ofac_addresses",
        publisher="US Treasury OFAC (digital currency addresses)",
        format="address_list",
        published=None,
    )


def looks_like_address_list(data: bytes) -> bool:
    lines = [x.strip() for x in data[:4096].decode("ascii", errors="replace").splitlines()]
    lines = [x for x in lines if x][:20]
    return bool(lines) and all(_ADDRESS.match(x) for x in lines)
