"""Read sanctions-list files in their publishers' formats, the format told from the content.

:func:`read_paths` takes files or folders (a folder holding an OFAC CSV set, a ``.zip`` as
OFAC serves its XML, ``.gz`` copies) and returns one :class:`ParsedList` per list.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from hireguard.sanctions.entries import ListFormatError, ParsedList
from hireguard.sanctions.parsers import ofac_csv, other_lists, xml_lists

__all__ = ["ListFormatError", "read_paths", "sniff"]

_XML_ROOTS = {
    "CONSOLIDATED_LIST": "un_xml",
    "sdnList": "ofac_sdn_xml",
    "sanctionsData": "ofac_enhanced_xml",
    "Sanctions": "ofac_advanced_xml",
    "export": "eu_fsf_xml",
    "Designations": "uk_fcdo_xml",
}


def sniff(name: str, data: bytes) -> str:
    """The format of one file, from its content (the name only breaks SDN/non-SDN ties).

    Returns ``un_xml``, ``ofac_sdn_xml``, ``ofac_enhanced_xml``, ``eu_fsf_xml``,
    ``uk_fcdo_xml``, ``ofac_csv_prim``/``_alt``/``_add``/``_comments``, ``uk_ofsi_csv``,
    ``ftm_json`` or ``address_list``; raises :class:`ListFormatError` otherwise.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        root = xml_lists.root_tag(data)
        if root in _XML_ROOTS:
            return _XML_ROOTS[root]
        raise ListFormatError(f"{name}: XML with root element {root!r} is no known list format")
    if head.startswith(b"{"):
        return "ftm_json"
    first = head.split(b"\n", 2)
    if first and (b"Name 6" in head[:2000]) and (b"Group ID" in head[:4096]):
        return "uk_ofsi_csv"
    role = ofac_csv.sniff_role(data)
    if role:
        return f"ofac_csv_{role}"
    if other_lists.looks_like_address_list(data):
        return "address_list"
    raise ListFormatError(
        f"{name}: not a known sanctions-list format (OFAC CSV/XML, UN XML, EU FSF XML, "
        "UK OFSI CSV or FCDO XML, OpenSanctions FtM JSON, address list)"
    )


def _expand(path: Path) -> Iterable[tuple[Path, str, bytes]]:
    """(folder, file name, content) of every file in ``path``; zip and gzip unpacked."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.name.startswith(".") or child.suffix.lower() in (".md", ".py"):
                continue
            yield from _expand(child)
        return
    if not path.exists():
        raise ListFormatError(f"{path}: no such file or folder")
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ListFormatError(f"{path}: broken gzip file ({exc}); truncated?") from exc
        yield path.parent, path.name.removesuffix(".gz"), data
    elif data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for member in zf.namelist():
                    if not member.endswith("/"):
                        yield path.parent, member, zf.read(member)
        except (zipfile.BadZipFile, EOFError) as exc:
            raise ListFormatError(f"{path}: broken zip file ({exc}); truncated?") from exc
    else:
        yield path.parent, path.name, data


def read_paths(paths: Iterable[Path]) -> list[ParsedList]:
    """Parse every list in ``paths``. OFAC CSV files are grouped into sets by folder and by
    family (``cons_*`` files are the Consolidated list; otherwise SDN, unless most entries
    carry non-SDN programs); files named one by one are taken as one set whatever their
    folders, so ``sdn.csv`` of one day can be read with ``alt.csv`` of another. Several
    address lists are merged into one."""
    parsed: list[ParsedList] = []
    csv_sets: dict[tuple[str, str], dict[str, tuple[str, bytes]]] = {}
    addresses: list[ParsedList] = []
    for path in paths:
        path = Path(path)
        for folder, name, data in _expand(path):
            # Files named one by one form one set; a folder's files, a set per folder.
            group_folder = str(folder) if path.is_dir() else "(files given)"
            fmt = sniff(name, data)
            if fmt.startswith("ofac_csv_"):
                role = fmt.removeprefix("ofac_csv_")
                family = "cons" if Path(name).name.lower().startswith("cons") else "sdn"
                group = csv_sets.setdefault((group_folder, family), {})
                if role in group:
                    raise ListFormatError(
                        f"{name}: a second OFAC {role} file in {group_folder} ({group[role][0]})"
                    )
                group[role] = (name, data)
            elif fmt == "address_list":
                addresses.append(other_lists.parse_address_list(name, data))
            elif fmt == "ofac_advanced_xml":
                raise ListFormatError(
                    f"{name}: OFAC's advanced XML is not read yet; load SDN_ENHANCED.XML, "
                    "SDN.XML or the CSV set instead"
                )
            else:
                parsed.append(_PARSERS[fmt](name, data))
    for (where, family), group in csv_sets.items():
        if "prim" not in group:
            others = ", ".join(n for n, _ in group.values())
            raise ListFormatError(
                f"{others}: OFAC alias/address/comment files without their primary file "
                f"({'cons_prim.csv' if family == 'cons' else 'sdn.csv'}) in {where}"
            )
        prim = group["prim"]
        if family == "sdn" and ofac_csv.looks_non_sdn(*prim):
            family = "cons"
        list_name = "us_ofac_cons" if family == "cons" else "us_ofac_sdn"
        parsed.append(
            ofac_csv.parse_csv_set(
                ofac_csv.CsvSet(
                    prim=prim,
                    alt=group.get("alt"),
                    add=group.get("add"),
                    comments=group.get("comments"),
                ),
                list_name,
            )
        )
    if addresses:
        merged = addresses[0]
        for other in addresses[1:]:
            merged.entries.extend(other.entries)
            merged.sources.extend(other.sources)
        parsed.append(merged)
    if not parsed:
        raise ListFormatError("no list files found in " + ", ".join(str(p) for p in paths))
    by_list: dict[str, ParsedList] = {}
    for p in parsed:
        if p.list in by_list:
            raise ListFormatError(
                f"two editions of {p.list} given ({', '.join(by_list[p.list].sources)} and "
                f"{', '.join(p.sources)}): load one of them"
            )
        by_list[p.list] = p
    return parsed


_PARSERS = {
    "un_xml": xml_lists.parse_un,
    "ofac_sdn_xml": xml_lists.parse_ofac_sdn_xml,
    "ofac_enhanced_xml": xml_lists.parse_ofac_enhanced,
    "eu_fsf_xml": xml_lists.parse_eu_fsf,
    "uk_fcdo_xml": xml_lists.parse_uk_fcdo_xml,
    "uk_ofsi_csv": other_lists.parse_ofsi_csv,
    "ftm_json": other_lists.parse_ftm,
}
