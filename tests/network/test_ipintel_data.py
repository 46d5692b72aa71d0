"""The curated tables: every row cited, the update path reproduces them, the CLI works."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hireguard.enrich.ipintel import DATA_DIR, CuratedData, IpIntel, main


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@pytest.mark.parametrize(
    "name", ["dprk_networks.csv", "vpn_exits.csv", "unc5267_ips.csv", "hosting_networks.csv"]
)
def test_every_curated_row_names_its_source(name: str) -> None:
    table = rows(DATA_DIR / name)
    assert table, name
    for row in table:
        assert row["source"].strip(), row
        assert row.get("confidence", "high") in {"high", "medium", "low"}, row


def test_hosting_rows_name_an_asn_or_an_owner() -> None:
    for row in rows(DATA_DIR / "hosting_networks.csv"):
        assert row["asns"].split() or row["names"], row
        assert row["kind"] in {"hosting", "vpn"}, row


def test_shipped_tables_are_what_the_update_builds_from_the_shared_data(
    shared_dir: Path, tmp_path: Path
) -> None:
    assert (
        main(["update", "--from", str(shared_dir / "data" / "dprk"), "--out", str(tmp_path)]) == 0
    )
    for name in ("dprk_networks.csv", "vpn_exits.csv", "unc5267_ips.csv"):
        assert rows(tmp_path / name) == rows(DATA_DIR / name), name


def test_update_from_a_newer_source_changes_what_lookup_says(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "derived").mkdir(parents=True)
    (source / "indicators.csv").write_text(
        "kind,value,confidence,first_source,note\n"
        'ip_cidr,175.45.176.0/22,high,"Dyn Research 2017","Star JV (AS131279) allocation"\n'
        'ip_cidr,45.76.10.0/24,medium,"A 2027 report","Named as DPRK-routed"\n'
        'ip_cidr,45.76.20.0/24,low,"A weak list","Listed with KP space"\n'
        'vpn_exit_ip,45.77.1.2,medium,"A 2027 report","Astrill VPN exit seen in an incident"\n'
        "remote_tool,AnyDesk,high,ignored,ignored\n"
    )
    (source / "derived" / "mandiant_unc5267_2024_ips.csv").write_text(
        "ip,attributed_to,attributed_date,read_via,also_in_astrill_seed_2024\n"
        "45.77.9.9,Mandiant blog,2027-01-01,direct,yes\n"
    )
    out = tmp_path / "tables"
    assert main(["update", "--from", str(source), "--out", str(out)]) == 0
    (out / "hosting_networks.csv").write_text(
        (DATA_DIR / "hosting_networks.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    curated = CuratedData.load(out)
    intel = IpIntel(IpIntel.default().geo, curated)
    routed = intel.lookup("45.76.10.7")
    assert {"dprk_routed", "dprk_low"} <= routed.tags and "dprk" not in routed.tags
    assert intel.lookup("45.76.20.7").tags >= {"dprk_low"}
    assert "dprk_low" not in intel.lookup("45.76.30.7").tags
    exit_facts = intel.lookup("45.77.1.2")
    assert {"astrill", "vpn"} <= exit_facts.tags
    assert [r.source for r in exit_facts.indicators if r.kind == "vpn_exit_ip"] == ["A 2027 report"]
    seeded = intel.lookup("45.77.9.9")
    assert {"astrill", "vpn"} <= seeded.tags
    assert {r.kind for r in seeded.indicators} >= {"vpn_exit_ip", "unc5267_ip"}
    assert "dprk" in intel.lookup("175.45.177.3").tags
    networks = rows(out / "dprk_networks.csv")
    assert [r["kind"] for r in networks] == ["dprk_allocation", "dprk_routed", "dprk_listed_low"]


def test_cli_lookup_prints_one_json_object_per_address(
    capsys: pytest.CaptureFixture[str], tor_list: Path
) -> None:
    assert main(["lookup", "--tor-exits", str(tor_list), "185.220.101.1", "64.225.1.1"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["ip"] == "185.220.101.1" and "tor" in first["tags"]
    assert second["network_owner"] == "DIGITALOCEAN-ASN" and second["asn"] == 14061
    assert second["indicators"][0]["source"]


def test_cli_reports_a_bad_database_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.mmdb"
    junk.write_bytes(b"nope")
    assert main(["lookup", "--mmdb", str(junk), "8.8.8.8"]) == 2
    assert "error:" in capsys.readouterr().err
