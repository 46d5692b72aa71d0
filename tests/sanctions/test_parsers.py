"""List parsers on the real published files: counts, facts, quirks and broken files."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from pathlib import Path

import pytest

from hireguard.sanctions.entries import ListFormatError
from hireguard.sanctions.parsers import read_paths, sniff

from .conftest import FIXTURES


def _csv_rows(path: Path) -> int:
    """Rows of an OFAC CSV file as the publisher wrote them: lines starting with an entry
    number (remarks never span lines in these files)."""
    return sum(1 for line in path.read_bytes().splitlines() if re.match(rb"^\d+,", line))


def test_sdn_csv_set_counts_match_the_publishers_file(lists_dir: Path) -> None:
    folder = lists_dir / "ofac_sdn_2021-07"
    [parsed] = read_paths([folder])
    assert parsed.list == "us_ofac_sdn"
    assert len(parsed.entries) == _csv_rows(folder / "sdn.csv") == 8976
    aliases = sum(len(e.aliases) + len(e.weak_aliases) for e in parsed.entries)
    assert aliases >= _csv_rows(folder / "alt.csv") * 0.95  # a few duplicate spellings fold
    assert parsed.warnings == []


def test_sdn_2024_reads_remarks_facts(lists_dir: Path) -> None:
    [parsed] = read_paths([lists_dir / "ofac_sdn_2024-05-03" / "sdn.csv"])
    assert len(parsed.entries) == 14965
    by_id = {e.entity_id: e for e in parsed.entries}
    kim = by_id["20157"]
    assert (kim.name, kim.kind, kim.dobs, kim.programs) == (
        "KIM, Jong Un",
        "person",
        ["1984-01-08"],
        ["DPRK3"],
    )
    yan = by_id["25308"]  # remarks: DOB, citizen China, several XBT addresses
    assert yan.nationalities == ["cn"]
    assert ("XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h") in yan.crypto
    circa = by_id["12211"]  # "DOB circa 1947; alt. DOB circa 1946"
    assert circa.dobs == ["~1947", "~1946"]


def test_alias_rows_of_unknown_entries_are_reported_not_fatal(lists_dir: Path) -> None:
    newer = lists_dir / "ofac_sdn_2025-12"
    [parsed] = read_paths([lists_dir / "ofac_sdn_2024-05-03" / "sdn.csv", newer / "alt.csv"])
    assert len(parsed.entries) == 14965
    assert any("not in sdn.csv were skipped" in w for w in parsed.warnings)


def test_alias_file_without_its_primary_file_is_refused(lists_dir: Path) -> None:
    with pytest.raises(ListFormatError, match="without their primary file"):
        read_paths([lists_dir / "ofac_sdn_2025-12"])


def test_consolidated_csv_is_told_from_the_sdn(lists_dir: Path) -> None:
    folder = lists_dir / "ofac_consolidated_2025-12"
    [parsed] = read_paths([folder])
    assert parsed.list == "us_ofac_cons"
    assert len(parsed.entries) == _csv_rows(folder / "cons_prim.csv") == 442


def test_consolidated_enhanced_xml_in_its_zip(lists_dir: Path) -> None:
    path = lists_dir / "ofac_consolidated_enhanced_2025-01-10" / "CONS_ENHANCED.ZIP"
    [parsed] = read_paths([path])
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(zf.namelist()[0])
    assert parsed.list == "us_ofac_cons"
    assert parsed.published == "2025-01-10"
    assert len(parsed.entries) == len(re.findall(rb"<entity id=", xml))
    haniya = next(e for e in parsed.entries if e.entity_id == "9639")
    assert haniya.name == "HANIYA, Ismail Abdul Salah"
    assert "1962" in haniya.dobs and "HANIYYA, Ismaeel" in haniya.aliases


def test_un_list_counts_and_dprk_records(lists_dir: Path) -> None:
    path = lists_dir / "un" / "UN_consolidated.xml"
    [parsed] = read_paths([path])
    raw = path.read_bytes()
    assert len(parsed.entries) == raw.count(b"<INDIVIDUAL>") + raw.count(b"<ENTITY>") == 1003
    assert parsed.published == "2026-02-27"
    dprk = [e for e in parsed.entries if e.programs == ["DPRK"]]
    assert sum(e.kind == "person" for e in dprk) == 80
    assert sum(e.kind == "organization" for e in dprk) == 75
    assert all(e.entity_id.startswith(("KPi.", "KPe.")) for e in dprk)


def test_opensanctions_ftm_entities(lists_dir: Path) -> None:
    folder = lists_dir / "opensanctions_ftm" / "yente_t1"
    [parsed] = read_paths([folder])
    lines = (folder / "entities.ftm.json").read_text().splitlines()
    parties = [x for x in lines if json.loads(x)["schema"] in ("Person", "Organization")]
    assert parsed.format == "ftm_json" and len(parsed.entries) == len(parties) == 6
    [zala] = read_paths([lists_dir / "opensanctions_ftm" / "yente_zala"])
    assert any(e.kind == "person" for e in zala.entries)
    assert any(e.kind == "organization" for e in zala.entries)


def test_address_lists_merge_into_one(lists_dir: Path) -> None:
    [parsed] = read_paths([lists_dir / "ofac_digital_currency_addresses_2024-09-27"])
    assert len(parsed.entries) == 654


def test_eu_fsf_xml_written_to_the_documented_format() -> None:
    [parsed] = read_paths([FIXTURES / "eu_fsf_sample.xml"])
    assert parsed.list == "eu_fsf" and parsed.published == "2025-11-20"
    person = next(e for e in parsed.entries if e.kind == "person")
    assert person.entity_id == "13" and person.name == "Saddam Hussein Al-Tikriti"
    assert person.dobs == ["1937-04-28"] and person.nationalities == ["iq"]
    assert "Abu Ali" in person.aliases
    org = next(e for e in parsed.entries if e.kind == "organization")
    assert org.name == "Korea Mining Development Trading Corporation"


def test_uk_ofsi_csv_and_fcdo_xml_written_to_the_documented_formats() -> None:
    [csv_list] = read_paths([FIXTURES / "uk_conlist_sample.csv"])
    assert csv_list.list == "gb_hmt_sanctions" and csv_list.published == "2025-11-18"
    ri = next(e for e in csv_list.entries if e.entity_id == "13031")
    assert ri.name == "Chol Man RI" and ri.dobs == ["1967"] and ri.nationalities == ["kp"]
    assert "Chol-man RI" in ri.aliases  # Name 1 .. Name 5, then Name 6
    [xml_list] = read_paths([FIXTURES / "uk_fcdo_sample.xml"])
    assert xml_list.list == "gb_fcdo_sanctions"
    entity = xml_list.entries[0]
    assert entity.entity_id == "DPR0001" and entity.kind == "organization"


@pytest.mark.parametrize(
    ("source", "cut", "message"),
    [
        ("ofac_sdn_2021-07/sdn.csv", 0.5, "truncated"),
        ("un/UN_consolidated.xml", 0.5, "not well-formed XML"),
        ("opensanctions_ftm/yente_zala/entities.ftm.json", 0.5, "not valid JSON"),
    ],
)
def test_truncated_files_are_rejected_with_the_file_named(
    lists_dir: Path, tmp_path: Path, source: str, cut: float, message: str
) -> None:
    data = (lists_dir / source).read_bytes()
    broken = tmp_path / Path(source).name
    broken.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ListFormatError, match=message) as info:
        read_paths([broken])
    assert broken.name in str(info.value)


def test_broken_gzip_and_unknown_format_are_rejected(tmp_path: Path) -> None:
    gz = tmp_path / "sdn.csv.gz"
    gz.write_bytes(gzip.compress(b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ')[:20])
    with pytest.raises(ListFormatError, match="gzip"):
        read_paths([gz])
    with pytest.raises(ListFormatError, match="not a known sanctions-list format"):
        sniff("notes.txt", b"hello, world\n")


def test_two_editions_of_one_list_in_one_load_are_refused(lists_dir: Path) -> None:
    with pytest.raises(ListFormatError, match="two editions of us_ofac_cons"):
        read_paths(
            [
                lists_dir / "ofac_consolidated_2025-12",
                lists_dir / "ofac_consolidated_enhanced_2025-01-10",
            ]
        )
