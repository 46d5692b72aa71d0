"""HG-NET detectors, from the outside in: an honest baseline application whose connecting
or WebRTC address is changed, enriched with the shipped IP data, each detector run.

Every detector has a true positive and an honest look-alike that must stay quiet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hireguard.detect import network
from hireguard.detect.registry import Detector, Finding, all_detectors, run_detectors
from hireguard.enrich.ipintel import IpIntel
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.readers import validate
from hireguard.score.transparent import TransparentScorer
from tests.network.conftest import TOR_EXIT, Build

NET = [d for d in all_detectors() if d.family == "NET"]


def fired(det: Detector, app: EnrichedApplication) -> list[Finding]:
    findings = det.run(app)
    for f in findings:
        assert f.code == det.id and f.family == "NET"
        assert f.message and f.weight > 0
        assert f.evidence["addresses"][0]["source"]
    return findings


def net_codes(app: EnrichedApplication) -> set[str]:
    return {f.code for f in run_detectors(app, NET)}


def risk(app: EnrichedApplication) -> float:
    """The score the network findings alone give (the lead's transparent scorer)."""
    return TransparentScorer().score(list(run_detectors(app, NET))).risk_score


def test_every_net_detector_is_documented() -> None:
    ids = {d.id for d in NET}
    assert ids == {f"HG-NET-00{i}" for i in range(1, 8)}
    for det in NET:
        assert det.title and det.description and det.sources and det.false_positives


# HG-NET-001 -------------------------------------------------------------------------------


def test_001_connection_from_star_jv_blocks(build: Build) -> None:
    [f] = fired(network.dprk_address_space, build("175.45.178.14"))
    assert f.hard and f.severity == "critical"
    assert "175.45.178.14" in f.message and "175.45.176.0/22" in f.message
    assert "Dyn Research" in f.message


def test_001_star_jv_behind_a_us_vpn_is_seen_through_webrtc(build: Build) -> None:
    app = build("104.243.246.18", webrtc=["192.168.1.23", "175.45.178.14"])
    [f] = fired(network.dprk_address_space, app)
    assert "WebRTC address 175.45.178.14" in f.message
    assert [a["role"] for a in f.evidence["addresses"]] == ["WebRTC"]


def test_001_korean_american_in_los_angeles_stays_quiet(
    build: Build, examples: dict[str, dict[str, Any]]
) -> None:
    record = validate(1, examples["legitimate-korean-american"]).application
    assert record is not None
    from hireguard.enrich import enrich

    app = enrich(record, IpIntel.default())
    assert net_codes(app) == set()
    # and a Seoul home connection (Korea Telecom) says nothing about the DPRK either
    home = build("121.134.1.1", **{"applicant.address.country": "KR"})
    assert home.ip is not None and home.ip.network_owner == "Korea Telecom"
    assert net_codes(home) == set()


# HG-NET-002 -------------------------------------------------------------------------------


def test_002_trend_micro_listed_range_is_a_medium_lead(build: Build) -> None:
    [f] = fired(network.dprk_listed_low, build("5.62.56.161"))
    assert f.severity == "medium" and not f.hard
    assert "Trend Micro" in f.message and "5.62.56.160/30" in f.message
    assert risk(build("5.62.56.161")) < 50


def test_002_neighbour_outside_the_listed_range_stays_quiet(build: Build) -> None:
    assert fired(network.dprk_listed_low, build("5.62.56.170")) == []


def test_002_kp_geolocated_relay_is_flagged_weakly(build: Build) -> None:
    # The 2024 GeoLite2 snapshot places this Cloudflare relay range in KP.
    [f] = fired(network.dprk_listed_low, build("104.28.67.232"))
    assert f.weight < network.dprk_listed_low.weight
    assert "North Korea" in f.message and "CLOUDFLARENET" in f.message


# HG-NET-003 -------------------------------------------------------------------------------


def test_003_china_unicom_block_used_by_dprk_telecom(build: Build) -> None:
    app = build("210.52.109.20")
    [f] = fired(network.dprk_routed_range, app)
    assert f.severity == "high" and not f.hard
    assert "210.52.109.0/24" in f.message and "Recorded Future" in f.message
    assert network.dprk_address_space.run(app) == []  # routed space is not Star JV
    assert risk(app) > 50  # enough on its own to ask for verification


def test_003_medium_confidence_russian_block_weighs_less(build: Build) -> None:
    [f] = fired(network.dprk_routed_range, build("77.94.35.10"))
    assert f.severity == "medium" and f.weight < network.dprk_routed_range.weight
    assert "SatGate" in f.message


def test_003_ordinary_users_in_shenyang_or_moscow_stay_quiet(build: Build) -> None:
    # China Unicom (Liaoning) and Rostelecom home connections: a country is not evidence.
    for ip in ("123.190.1.1", "95.167.1.1"):
        assert net_codes(build(ip, **{"applicant.address.country": "CN"})) == set(), ip


# HG-NET-004 and HG-NET-007 ----------------------------------------------------------------


def test_004_astrill_exit_named_by_mandiant(build: Build) -> None:
    app = build("104.129.55.3")
    [f] = fired(network.astrill_exit, app)
    assert "Astrill" in f.message and "104.129.55.3" in f.message
    codes = net_codes(app)
    assert codes == {"HG-NET-004", "HG-NET-007"}  # not also HG-NET-005 for the same exit


def test_004_honest_astrill_user_in_china_stays_below_verify(build: Build) -> None:
    app = build("104.129.55.3", **{"applicant.address.country": "CN"})
    assert risk(app) < 50


def test_004_ordinary_vpn_user_is_not_astrill(build: Build) -> None:
    app = build("64.225.1.1")
    assert fired(network.astrill_exit, app) == []
    assert net_codes(app) == {"HG-NET-005"}


def test_007_laptop_farm_address_listed_by_mandiant(build: Build) -> None:
    [f] = fired(network.unc5267_address, build("71.112.196.114"))
    assert "UNC5267" in f.message and "Mandiant" in f.message


def test_007_neighbour_on_the_same_street_stays_quiet(build: Build) -> None:
    assert net_codes(build("71.112.196.200")) == set()


# HG-NET-005 -------------------------------------------------------------------------------


def test_005_vps_connection_is_a_weak_signal(build: Build) -> None:
    app = build("64.225.1.1")
    [f] = fired(network.hosting_or_vpn, app)
    assert f.severity == "low" and f.weight <= 0.5
    assert "DigitalOcean" in f.message and "Many honest people use VPNs" in f.message
    assert risk(app) < 10


def test_005_people_on_mobile_or_home_networks_stay_quiet(build: Build) -> None:
    for ip in ("172.56.10.10", "2607:fb90::1", "24.28.12.77"):
        assert net_codes(build(ip)) == set(), ip


def test_005_private_webrtc_addresses_say_nothing(build: Build) -> None:
    app = build("24.28.12.77", webrtc=["192.168.0.12", "10.8.0.2", "fd00::3"])
    assert net_codes(app) == set()


# HG-NET-006 -------------------------------------------------------------------------------


def test_006_tor_exit_with_a_given_list(build: Build, intel_tor: IpIntel) -> None:
    app = build(TOR_EXIT, ipintel=intel_tor)
    [f] = fired(network.tor_exit, app)
    assert TOR_EXIT in f.message and "torbulkexitlist" in f.message
    assert risk(app) < 50


def test_006_quiet_without_a_list_and_for_a_neighbour(build: Build, intel_tor: IpIntel) -> None:
    assert fired(network.tor_exit, build(TOR_EXIT)) == []
    assert fired(network.tor_exit, build("185.220.101.2", ipintel=intel_tor)) == []


# End to end -------------------------------------------------------------------------------


def test_suspected_facilitated_example_is_blocked_by_its_webrtc_address(
    examples: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    from hireguard.runtime import build_pipeline

    pipeline = build_pipeline(store=False, sanctions=False)
    [a] = pipeline.assess([validate(1, examples["suspected-facilitated"])])
    codes = {r.code for r in a.reasons}
    assert "HG-NET-001" in codes
    assert a.decision not in ("allow", "error")
