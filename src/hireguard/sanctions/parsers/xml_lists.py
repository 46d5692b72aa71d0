"""XML list formats: UN Security Council Consolidated List, OFAC SDN XML (classic and
"enhanced"), EU Financial Sanctions Files (FSF) and the UK FCDO Sanctions List.

Each parser reads the publisher's documented elements only (see ``docs/sanctions.md`` for
the references) and ignores namespaces, so that schema-version changes in the namespace URI
do not break reading.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

from hireguard.sanctions.entries import ListEntry, ListFormatError, ParsedList, parsed_list
from hireguard.sanctions.parsers.common import (
    clean,
    country_code,
    dedupe,
    iso_date,
    parse_date_text,
)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(name: str, data: bytes) -> ET.Element:
    """The document's root element with namespaces removed; a clear error when malformed."""
    try:
        root = ET.parse(io.BytesIO(data)).getroot()
    except ET.ParseError as exc:
        raise ListFormatError(f"{name}: not well-formed XML ({exc}); truncated file?") from exc
    for el in root.iter():
        if isinstance(el.tag, str):
            el.tag = _local(el.tag)
            if el.attrib:
                el.attrib = {_local(k): v for k, v in el.attrib.items()}
    return root


def root_tag(data: bytes) -> str | None:
    """The local name of the root element, read from the first bytes, or None."""
    try:
        for _, el in ET.iterparse(io.BytesIO(data[:4096]), events=("start",)):
            return _local(el.tag)
    except ET.ParseError:
        return None
    return None


def _text(el: ET.Element | None, path: str) -> str:
    if el is None:
        return ""
    found = el.find(path)
    return clean(found.text) if found is not None and found.text else ""


def _texts(el: ET.Element, path: str) -> list[str]:
    return [clean(x.text) for x in el.findall(path) if x.text and clean(x.text)]


def _finish(entry: ListEntry) -> ListEntry:
    entry.aliases = dedupe([a for a in entry.aliases if a != entry.name])
    entry.weak_aliases = dedupe(entry.weak_aliases)
    entry.dobs = dedupe(entry.dobs)
    entry.nationalities = dedupe(entry.nationalities)
    entry.ids = dedupe(entry.ids)
    return entry


# --- UN Security Council Consolidated List ----------------------------------------------


def parse_un(name: str, data: bytes) -> ParsedList:
    """UN SC Consolidated List XML (``CONSOLIDATED_LIST`` → ``INDIVIDUALS``/``ENTITIES``).

    Entity id: ``REFERENCE_NUMBER`` (e.g. ``KPi.033``). Aliases of quality ``Low`` are weak.
    """
    root = parse_xml(name, data)
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFormatError(f"{name}: root element {root.tag!r} is not CONSOLIDATED_LIST")
    published = (root.get("dateGenerated") or "")[:10] or None
    entries: list[ListEntry] = []
    for kind, tag, alias_tag in (
        ("person", "INDIVIDUALS/INDIVIDUAL", "INDIVIDUAL_ALIAS"),
        ("organization", "ENTITIES/ENTITY", "ENTITY_ALIAS"),
    ):
        for rec in root.findall(tag):
            ref = _text(rec, "REFERENCE_NUMBER")
            parts = [_text(rec, p) for p in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME")]
            parts.append(_text(rec, "FOURTH_NAME"))
            full = " ".join(p for p in parts if p)
            if not ref or not full:
                raise ListFormatError(
                    f"{name}: record DATAID {_text(rec, 'DATAID') or '?'} has no "
                    "REFERENCE_NUMBER or name"
                )
            entry = ListEntry(
                list="un_sc_sanctions",
                entity_id=ref,
                kind=kind,
                name=full,
                programs=[_text(rec, "UN_LIST_TYPE")],
            )
            original = _text(rec, "NAME_ORIGINAL_SCRIPT")
            if original:
                entry.aliases.append(original)
            for alias in rec.findall(alias_tag):
                value = _text(alias, "ALIAS_NAME")
                if not value:
                    continue
                if _text(alias, "QUALITY").lower() == "low":
                    entry.weak_aliases.append(value)
                else:
                    entry.aliases.append(value)
            for nat in _texts(rec, "NATIONALITY/VALUE"):
                code = country_code(nat)
                if code:
                    entry.nationalities.append(code)
            for dob in rec.findall("INDIVIDUAL_DATE_OF_BIRTH"):
                entry.dobs.extend(_un_dob(dob))
            for doc in rec.findall("INDIVIDUAL_DOCUMENT"):
                number = _text(doc, "NUMBER")
                if number:
                    entry.ids.append(number)
            entries.append(_finish(entry))
    return parsed_list(
        name,
        entries,
        "no INDIVIDUAL or ENTITY records (truncated file?)",
        list="un_sc_sanctions",
        publisher="UN Security Council",
        format="un_xml",
        published=published,
    )


def _un_dob(dob: ET.Element) -> list[str]:
    kind = _text(dob, "TYPE_OF_DATE").upper()
    approx = "~" if kind == "APPROXIMATELY" else ""
    if _text(dob, "DATE"):
        return [approx + d.lstrip("~") for d in parse_date_text(_text(dob, "DATE"))]
    if _text(dob, "FROM_YEAR") and _text(dob, "TO_YEAR"):
        return parse_date_text(f"{_text(dob, 'FROM_YEAR')} to {_text(dob, 'TO_YEAR')}")
    return [approx + y for y in _texts(dob, "YEAR")]


# --- OFAC SDN XML (classic) -----------------------------------------------------------


def parse_ofac_sdn_xml(name: str, data: bytes) -> ParsedList:
    """OFAC's classic ``SDN.XML``/``CONSOLIDATED.XML`` (``sdnList`` → ``sdnEntry``)."""
    root = parse_xml(name, data)
    published = _text(root, "publshInformation/Publish_Date") or None
    if published:
        parts = published.split("/")  # MM/DD/YYYY
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            published = iso_date(int(parts[2]), int(parts[0]), int(parts[1]))
    entries: list[ListEntry] = []
    non_sdn = 0
    for rec in root.findall("sdnEntry"):
        uid = _text(rec, "uid")
        full = ", ".join(p for p in (_text(rec, "lastName"), _text(rec, "firstName")) if p)
        if not uid or not full:
            raise ListFormatError(f"{name}: an sdnEntry has no uid or name")
        sdn_type = _text(rec, "sdnType").lower()
        entry = ListEntry(
            list="us_ofac_sdn",
            entity_id=uid,
            kind={"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}.get(
                sdn_type, "organization"
            ),
            name=full,
            programs=_texts(rec, "programList/program"),
        )
        for aka in rec.findall("akaList/aka"):
            alias = ", ".join(p for p in (_text(aka, "lastName"), _text(aka, "firstName")) if p)
            if _text(aka, "category").lower() == "weak":
                entry.weak_aliases.append(alias)
            else:
                entry.aliases.append(alias)
        for dob in _texts(rec, "dateOfBirthList/dateOfBirthItem/dateOfBirth"):
            entry.dobs.extend(parse_date_text(dob))
        for tag in ("nationalityList/nationality/country", "citizenshipList/citizenship/country"):
            for c in _texts(rec, tag):
                code = country_code(c)
                if code:
                    entry.nationalities.append(code)
        for ident in rec.findall("idList/id"):
            id_type, number = _text(ident, "idType"), _text(ident, "idNumber")
            if id_type.lower().startswith("digital currency address"):
                entry.crypto.append((id_type.rsplit("-", 1)[-1].strip().upper(), number))
            elif number:
                entry.ids.append(number)
        from hireguard.sanctions.parsers.ofac_csv import NON_SDN_PROGRAMS

        if any(p in NON_SDN_PROGRAMS for p in entry.programs):
            non_sdn += 1
        entries.append(_finish(entry))
    if not entries:
        raise ListFormatError(f"{name}: no sdnEntry records (truncated file?)")
    return _ofac_list(name, "ofac_sdn_xml", published, entries, non_sdn)


# --- OFAC "enhanced" XML -----------------------------------------------------------------


def parse_ofac_enhanced(name: str, data: bytes) -> ParsedList:
    """OFAC's Enhanced XML (``sanctionsData`` → ``entities/entity``), SDN or Consolidated."""
    root = parse_xml(name, data)
    published = (_text(root, "publicationInfo/dataAsOf") or "")[:10] or None
    entries: list[ListEntry] = []
    non_sdn = 0
    for rec in root.findall("entities/entity"):
        uid = rec.get("id") or ""
        etype = _text(rec, "generalInfo/entityType").lower()
        kind = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}.get(
            etype, "organization"
        )
        lists = _texts(rec, "sanctionsLists/sanctionsList")
        if lists and not any(x == "SDN List" for x in lists):
            non_sdn += 1
        entry = ListEntry(
            list="",
            entity_id=uid,
            kind=kind,
            name="",
            programs=_texts(rec, "sanctionsPrograms/sanctionsProgram"),
        )
        for nm in rec.findall("names/name"):
            primary = _text(nm, "isPrimary") == "true"
            weak = _text(nm, "isLowQuality") == "true"
            for tr in nm.findall("translations/translation"):
                full = _text(tr, "formattedFullName")
                if not full:
                    continue
                if primary and not entry.name and _text(tr, "isPrimary") == "true":
                    entry.name = full
                elif weak:
                    entry.weak_aliases.append(full)
                else:
                    entry.aliases.append(full)
        for feat in rec.findall("features/feature"):
            ftype = _text(feat, "type").lower()
            value = _text(feat, "value")
            if ftype == "birthdate":
                begin = _text(feat, "valueDate/fromDateBegin")
                end = _text(feat, "valueDate/toDateEnd")
                approx = "~" if _text(feat, "valueDate/isApproximate") == "true" else ""
                if begin and end and begin[:4] == end[:4] and begin == end:
                    entry.dobs.append(approx + begin[:10])
                elif value:
                    entry.dobs.extend(approx + d for d in parse_date_text(value))
            elif ftype in ("nationality country", "citizenship country"):
                code = country_code(value)
                if code:
                    entry.nationalities.append(code)
            elif ftype.startswith("digital currency address"):
                entry.crypto.append((ftype.rsplit("-", 1)[-1].strip().upper(), value))
        for doc in rec.findall("identityDocuments/identityDocument"):
            number = _text(doc, "documentNumber")
            if number:
                entry.ids.append(number)
        if not uid or not entry.name:
            raise ListFormatError(f"{name}: entity {uid or '?'} has no id or primary name")
        entries.append(_finish(entry))
    if not entries:
        raise ListFormatError(f"{name}: no entities (truncated file?)")
    return _ofac_list(name, "ofac_enhanced_xml", published, entries, non_sdn)


def _ofac_list(name: str, fmt: str, published: Any, entries: list[Any], non_sdn: int) -> ParsedList:
    """An OFAC XML file is the Consolidated (non-SDN) list when most of its entries carry
    non-SDN programmes, else the SDN list."""
    list_name = "us_ofac_cons" if non_sdn * 2 > len(entries) else "us_ofac_sdn"
    for e in entries:
        e.list = list_name
    return ParsedList(
        list=list_name,
        publisher="US Treasury OFAC",
        format=fmt,
        published=published,
        entries=entries,
        sources=[name],
    )


# --- EU Financial Sanctions Files (FSF) XML ----------------------------------------------


def parse_eu_fsf(name: str, data: bytes) -> ParsedList:
    """EU FSF XML (``export`` → ``sanctionEntity``, version 1.1 of the European Commission's
    "Financial Sanctions Files" documentation). Entity id: the ``logicalId`` attribute."""
    root = parse_xml(name, data)
    published = (root.get("generationDate") or "")[:10] or None
    entries: list[ListEntry] = []
    for rec in root.findall("sanctionEntity"):
        logical_id = rec.get("logicalId") or ""
        subject = rec.find("subjectType")
        code = (subject.get("code") if subject is not None else "") or ""
        kind = "person" if code == "person" else "organization"
        entry = ListEntry(list="eu_fsf", entity_id=logical_id, kind=kind, name="")
        regulation = rec.find("regulation")
        if regulation is not None and regulation.get("programme"):
            entry.programs.append(regulation.get("programme") or "")
        for alias in rec.findall("nameAlias"):
            whole = clean(alias.get("wholeName"))
            if not whole:
                whole = " ".join(
                    clean(alias.get(k))
                    for k in ("firstName", "middleName", "lastName")
                    if clean(alias.get(k))
                )
            if not whole:
                continue
            if not entry.name and alias.get("strong", "true") != "false":
                entry.name = whole
            elif alias.get("strong") == "false":
                entry.weak_aliases.append(whole)
            else:
                entry.aliases.append(whole)
        for bd in rec.findall("birthdate"):
            if bd.get("birthdate"):
                entry.dobs.extend(parse_date_text(bd.get("birthdate") or ""))
            elif bd.get("year"):
                month = bd.get("monthOfYear")
                day = bd.get("dayOfMonth")
                entry.dobs.append(
                    iso_date(
                        int(bd.get("year") or 0),
                        int(month) if month else None,
                        int(day) if day and month else None,
                    )
                )
        for cit in rec.findall("citizenship"):
            iso = (cit.get("countryIso2Code") or "").lower()
            if len(iso) == 2 and iso != "00":
                entry.nationalities.append(iso)
        for ident in rec.findall("identification"):
            number = clean(ident.get("number"))
            if number:
                entry.ids.append(number)
        if not logical_id or not entry.name:
            raise ListFormatError(
                f"{name}: sanctionEntity {logical_id or '?'} has no logicalId or name"
            )
        entries.append(_finish(entry))
    return parsed_list(
        name,
        entries,
        "no sanctionEntity records (truncated file?)",
        list="eu_fsf",
        publisher="European Commission (FSF)",
        format="eu_fsf_xml",
        published=published,
    )


# --- UK FCDO Sanctions List XML ------------------------------------------------------------


def parse_uk_fcdo_xml(name: str, data: bytes) -> ParsedList:
    """UK Sanctions List XML (FCDO; ``Designations`` → ``Designation``). Entity id: the
    ``UniqueID`` (e.g. ``RUS0001``); falls back to OFSI's ``OFSIGroupID``."""
    root = parse_xml(name, data)
    published = (_text(root, "DateGenerated") or root.get("DateGenerated") or "")[:10] or None
    entries: list[ListEntry] = []
    for rec in root.findall("Designation"):
        uid = _text(rec, "UniqueID") or _text(rec, "OFSIGroupID")
        itype = _text(rec, "IndividualEntityShip").lower()
        kind = {"individual": "person", "ship": "vessel"}.get(itype, "organization")
        entry = ListEntry(
            list="gb_fcdo_sanctions",
            entity_id=uid,
            kind=kind,
            name="",
            programs=[_text(rec, "RegimeName")],
        )
        for nm in rec.findall("Names/Name"):
            parts = [_text(nm, f"Name{i}") for i in range(1, 6)]
            full = " ".join(p for p in [*parts, _text(nm, "Name6")] if p)
            if not full:
                continue
            if _text(nm, "NameType").lower().startswith("primary") and not entry.name:
                entry.name = full
            else:
                entry.aliases.append(full)
        for nm in rec.findall("NonLatinNames/NonLatinName"):
            value = _text(nm, "NameNonLatinScript")
            if value:
                entry.aliases.append(value)
        for dob in _texts(rec, "IndividualDetails/Individual/DOBs/DOB"):
            entry.dobs.extend(_uk_date(dob))
        for nat in _texts(rec, "IndividualDetails/Individual/Nationalities/Nationality"):
            code = country_code(nat)
            if code:
                entry.nationalities.append(code)
        for num in _texts(
            rec, "IndividualDetails/Individual/PassportDetails/PassportDetail/PassportNumber"
        ):
            entry.ids.append(num)
        if not entry.name and entry.aliases:
            entry.name = entry.aliases.pop(0)
        if not uid or not entry.name:
            raise ListFormatError(f"{name}: Designation {uid or '?'} has no UniqueID or name")
        entries.append(_finish(entry))
    return parsed_list(
        name,
        entries,
        "no Designation records (truncated file?)",
        list="gb_fcdo_sanctions",
        publisher="UK FCDO",
        format="uk_fcdo_xml",
        published=published,
    )


def _uk_date(text: str) -> list[str]:
    """UK dates: ``dd/mm/yyyy`` with ``00`` or ``dd``/``mm`` for unknown parts."""
    parts = text.strip().split("/")
    if len(parts) == 3 and parts[2].isdigit():
        month = int(parts[1]) if parts[1].isdigit() and int(parts[1]) else None
        day = int(parts[0]) if parts[0].isdigit() and int(parts[0]) and month else None
        return [iso_date(int(parts[2]), month, day)]
    return parse_date_text(text)
