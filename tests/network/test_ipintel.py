"""IpIntel: what an address is, from the shipped data, a user's .mmdb and a Tor list."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest

from hireguard.enrich.ip_tables import RangeTable
from hireguard.enrich.ipintel import (
    KIND_DPRK_ALLOCATION,
    KIND_DPRK_LISTED_LOW,
    KIND_DPRK_ROUTED,
    KIND_HOSTING_NAME,
    KIND_HOSTING_NETWORK,
    KIND_KP_GEOLOCATED,
    KIND_TOR_EXIT,
    KIND_UNC5267,
    KIND_VPN_EXIT,
    IpIntel,
    IpIntelError,
    read_tor_exits,
)
from tests.network.conftest import TOR_EXIT


def kinds(facts: object) -> set[str]:
    return {ref.kind for ref in facts.indicators}  # type: ignore[attr-defined]


def test_star_jv_address_is_dprk_with_its_asn_and_source(intel: IpIntel) -> None:
    facts = intel.lookup("175.45.178.14")
    assert facts.valid and facts.version == 4
    assert facts.country == "KP"
    assert facts.asn == 131279
    assert "dprk" in facts.tags
    assert facts.network == "175.45.178.0/24"
    [ref] = [r for r in facts.indicators if r.kind == KIND_DPRK_ALLOCATION]
    assert ref.value == "175.45.176.0/22" and ref.confidence == "high"
    assert "Dyn Research" in ref.source


def test_china_unicom_block_named_by_sources_is_routed_dprk_space(intel: IpIntel) -> None:
    facts = intel.lookup("210.52.109.20")
    assert {"dprk", "dprk_routed"} <= facts.tags
    assert KIND_DPRK_ROUTED in kinds(facts)


def test_medium_confidence_russian_block_is_not_plain_dprk(intel: IpIntel) -> None:
    facts = intel.lookup("77.94.35.10")
    assert facts.tags >= {"dprk_low", "dprk_routed"}
    assert "dprk" not in facts.tags


def test_trend_micro_low_confidence_range_is_dprk_low_only(intel: IpIntel) -> None:
    inside, outside = intel.lookup("5.62.56.161"), intel.lookup("5.62.56.170")
    assert inside.tags == {"dprk_low"} and KIND_DPRK_LISTED_LOW in kinds(inside)
    assert not inside.tags & {"dprk", "dprk_routed"}
    assert "dprk_low" not in outside.tags  # same /24, outside the listed /30


def test_an_ordinary_chinese_or_russian_address_carries_no_tag(intel: IpIntel) -> None:
    # Fairness: a country is a fact, not an indicator.
    for ip, country in (("123.190.1.1", "CN"), ("95.167.1.1", "RU")):
        facts = intel.lookup(ip)
        assert facts.country == country
        assert facts.tags == frozenset() and facts.indicators == ()


def test_astrill_exit_from_mandiant_list_is_vpn_astrill_and_unc5267(intel: IpIntel) -> None:
    facts = intel.lookup("104.129.55.3")
    assert {"vpn", "astrill", "hosting"} <= facts.tags
    assert {KIND_VPN_EXIT, KIND_UNC5267, KIND_HOSTING_NETWORK} <= kinds(facts)
    assert facts.network_owner == "ASN-QUADRANET-GLOBAL"


def test_unc5267_home_address_is_an_indicator_without_vpn_tags(intel: IpIntel) -> None:
    facts = intel.lookup("71.112.196.114")
    assert kinds(facts) == {KIND_UNC5267}
    assert not facts.tags & {"vpn", "astrill", "hosting"}
    assert intel.lookup("71.112.196.200").indicators == ()  # the neighbour


def test_hosting_network_by_owner_name_fills_the_asn(intel: IpIntel) -> None:
    facts = intel.lookup("64.225.1.1")
    assert facts.network_owner == "DIGITALOCEAN-ASN"
    assert facts.asn == 14061
    assert "hosting" in facts.tags and KIND_HOSTING_NETWORK in kinds(facts)


def test_residential_and_mobile_addresses_are_not_hosting(intel: IpIntel) -> None:
    home = intel.lookup("24.28.12.77")
    assert home.country == "US" and home.tags == frozenset()
    phone = intel.lookup("172.56.10.10")
    assert phone.tags == {"mobile"}
    assert intel.lookup("2607:fb90::1").tags == {"mobile"}


def test_private_invalid_and_mapped_addresses(intel: IpIntel) -> None:
    for ip in ("192.168.1.20", "10.0.0.1", "100.64.3.4", "127.0.0.1", "fe80::1", "fd00::5"):
        facts = intel.lookup(ip)
        assert facts.valid and facts.tags == {"private"} and facts.country is None, ip
    bad = intel.lookup("not-an-ip")
    assert not bad.valid and bad.version == 0 and bad.ip == "not-an-ip"
    mapped = intel.lookup("::ffff:175.45.178.14")
    assert mapped.ip == "175.45.178.14" and mapped.version == 4 and "dprk" in mapped.tags


def test_ipv6_gets_country_owner_and_a_48(intel: IpIntel) -> None:
    facts = intel.lookup("2a00:1450:4001:80b::200e")
    assert facts.version == 6
    assert facts.country is not None and facts.network_owner == "GOOGLE"
    assert facts.network == "2a00:1450:4001::/48"


def test_repeated_lookups_are_cached_but_never_shared(intel: IpIntel) -> None:
    a, b = intel.lookup("64.225.1.1"), intel.lookup("64.225.1.1")
    assert a == b and a is not b  # a caller mutating its IpFacts cannot spoil the cache


def test_tor_exit_list_in_bulk_and_exit_addresses_formats(
    tmp_path: Path, intel_tor: IpIntel
) -> None:
    assert "tor" in intel_tor.lookup(TOR_EXIT).tags
    assert KIND_TOR_EXIT in kinds(intel_tor.lookup("2a0b:f4c2::1"))
    assert "tor" not in intel_tor.lookup("185.220.101.2").tags
    exit_addresses = tmp_path / "exit-addresses"
    exit_addresses.write_text(
        "ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E\n"
        "Published 2026-11-24 12:00:00\nLastStatus 2026-11-25 01:00:00\n"
        "ExitAddress 198.51.100.7 2026-11-25 01:02:03\n# a comment\n192.0.2.0/30\n"
    )
    table = read_tor_exits(exit_addresses)
    assert table.find(ipaddress.ip_address("198.51.100.7"))
    assert table.find(ipaddress.ip_address("192.0.2.3"))
    assert not table.find(ipaddress.ip_address("192.0.2.4"))


def test_mmdb_databases_give_country_asn_and_owner(mmdb_files: tuple[Path, Path]) -> None:
    intel = IpIntel.from_mmdb(*mmdb_files)
    uk = intel.lookup("81.2.69.160")
    assert (uk.country, uk.asn, uk.network_owner) == ("GB", 20712, "Andrews & Arnold Ltd")
    assert uk.tags == frozenset()
    do = intel.lookup("64.225.3.4")
    assert do.asn == 14061 and "hosting" in do.tags
    assert KIND_HOSTING_NETWORK in kinds(do)  # matched by AS number, not by name
    star = intel.lookup("175.45.177.1")
    assert star.asn == 131279 and "dprk" in star.tags
    assert intel.lookup("2a02:1234::9").country == "DE"  # registered_country fallback
    named = intel.lookup("93.184.1.1")
    assert "hosting" in named.tags and KIND_HOSTING_NAME in kinds(named)
    assert intel.lookup("172.56.1.1").tags == {"mobile"}
    unknown = intel.lookup("8.8.8.8")
    assert unknown.valid and unknown.country is None and unknown.asn is None


def test_mmdb_kp_outside_curated_ranges_is_a_low_confidence_anomaly(
    mmdb_files: tuple[Path, Path],
) -> None:
    facts = IpIntel.from_mmdb(mmdb_files[0]).lookup("45.149.92.128")
    assert facts.country == "KP"
    assert facts.tags == {"dprk_low"} and kinds(facts) == {KIND_KP_GEOLOCATED}


def test_ipinfo_style_mmdb_with_country_and_asn_in_one_record(tmp_path: Path) -> None:
    from tests.network.mmdb_build import write_mmdb

    path = write_mmdb(
        tmp_path / "ipinfo_lite.mmdb",
        {
            "64.225.0.0/16": {
                "country_code": "US",
                "asn": "AS14061",
                "as_name": "DigitalOcean, LLC",
                "as_domain": "digitalocean.com",
            }
        },
        "ipinfo_lite.mmdb",
    )
    facts = IpIntel.from_mmdb(path).lookup("64.225.9.9")
    assert (facts.country, facts.asn, facts.network_owner) == ("US", 14061, "DigitalOcean, LLC")
    assert "hosting" in facts.tags


def test_unreadable_databases_say_what_to_do(tmp_path: Path) -> None:
    junk = tmp_path / "junk.mmdb"
    junk.write_bytes(b"not a database")
    with pytest.raises(IpIntelError, match="mmdb"):
        IpIntel.from_mmdb(junk)
    with pytest.raises(IpIntelError, match="geoip2fast"):
        IpIntel.default(geoip2fast_file=junk)
    with pytest.raises(IpIntelError, match="update --from"):
        IpIntel.default(curated_dir=tmp_path)


def test_range_table_keeps_every_nested_entry() -> None:
    net = ipaddress.ip_network
    table = RangeTable(
        [
            (net("46.36.203.80/30"), "slash30"),
            (net("46.36.203.81/32"), "slash32"),
            (net("46.36.203.84/30"), "next"),
            (net("2001:db8::/32"), "v6"),
        ]
    )

    def find(ip: str) -> tuple[str, ...]:
        return table.find(ipaddress.ip_address(ip))

    assert find("46.36.203.81") == ("slash30", "slash32")
    assert find("46.36.203.80") == ("slash30",)
    assert find("46.36.203.85") == ("next",)
    assert find("46.36.203.88") == () and find("46.36.203.79") == ()
    assert find("2001:db8::1") == ("v6",) and find("2001:db9::1") == ()


def test_network_key_and_special_ranges_agree_with_the_standard_library(intel: IpIntel) -> None:
    import random

    from hireguard.intake.normalise import ip_network_key

    rng = random.Random(3)
    samples = [str(ipaddress.IPv4Address(rng.getrandbits(32))) for _ in range(3000)]
    samples += [str(ipaddress.IPv6Address(rng.getrandbits(128))) for _ in range(1000)]
    samples += [f"2{rng.getrandbits(12):03x}:{rng.getrandbits(16):x}::1" for _ in range(1000)]
    for raw in samples:
        ip = ipaddress.ip_address(raw)
        facts = intel.lookup(raw)
        assert facts.network == ip_network_key(ip), raw
        # multicast and IETF-reserved space is never a sender's address either
        special = not ip.is_global or ip.is_multicast or ip.is_reserved
        special = special or (ip.version == 6 and ip.is_site_local)
        assert ("private" in facts.tags) == special, raw
