"""HG-LOC and HG-DEV detectors: a true positive and honest look-alikes for each."""

from __future__ import annotations

from hireguard.detect import get_detector
from tests.appfactory import enriched

# Real, stable allocations: Comcast (US), Deutsche Telekom (DE), China Telecom (CN),
# SK Broadband (KR), NTT (JP); Star JV (KP).
US_IP, DE_IP, CN_IP, KR_IP, JP_IP, KP_IP = (
    "73.110.20.45",
    "79.192.10.20",
    "58.33.10.20",
    "175.192.10.20",
    "153.156.10.20",
    "175.45.178.14",
)


def codes(det_id: str, **kw: object) -> list[str]:
    det = get_detector(det_id)
    return [f.code for f in det.fn(enriched(kw))]  # type: ignore[arg-type]


def run(det_id: str, overrides: dict[str, object]) -> list[object]:
    return list(get_detector(det_id).fn(enriched(overrides)))


# --- HG-LOC-001 network country ------------------------------------------------------
def test_network_abroad_is_flagged() -> None:
    found = run("HG-LOC-001", {"session.ip": CN_IP})
    assert len(found) == 1
    assert "CN" in found[0].message and "US" in found[0].message  # type: ignore[attr-defined]


def test_home_network_is_quiet() -> None:
    assert run("HG-LOC-001", {}) == []


def test_application_submitted_by_an_agency_abroad_is_quiet() -> None:
    # The agency's office network is abroad, not the applicant.
    assert run("HG-LOC-001", {"session.ip": CN_IP, "source": "staffing_agency"}) == []


# --- HG-LOC-002 time zone ----------------------------------------------------------
def test_asian_clock_on_us_network_and_us_address_is_strong() -> None:
    found = run(
        "HG-LOC-002", {"session.timezone": "Asia/Shanghai", "session.utc_offset_minutes": 480}
    )
    assert len(found) == 1
    assert found[0].weight >= 2.0  # type: ignore[attr-defined]
    assert "Asia/Shanghai" in found[0].message  # type: ignore[attr-defined]


def test_traveller_with_clock_and_network_abroad_is_weak() -> None:
    # A Chicagoan in Berlin: network and clock agree with each other, not with the address.
    found = run(
        "HG-LOC-002",
        {
            "session.ip": DE_IP,
            "session.timezone": "Europe/Berlin",
            "session.utc_offset_minutes": 120,
        },
    )
    assert len(found) == 1
    assert found[0].weight < 1.0  # type: ignore[attr-defined]


def test_local_clock_is_quiet() -> None:
    assert run("HG-LOC-002", {}) == []


def test_privacy_browser_reporting_utc_is_no_foreign_time_zone() -> None:
    assert run("HG-LOC-002", {"session.timezone": "UTC", "session.utc_offset_minutes": 0}) == []
    assert run("HG-LOC-002", {"session.timezone": None, "session.utc_offset_minutes": 0}) == []


def test_foreign_clock_behind_a_vpn_is_medium_not_strong() -> None:
    # A VPN hides where the computer is: a traveller on a home VPN looks the same.
    found = run(
        "HG-LOC-002",
        {
            "session.ip": "104.131.10.20",  # DigitalOcean: a hosting network, no location
            "session.timezone": "Asia/Shanghai",
            "session.utc_offset_minutes": 480,
        },
    )
    assert len(found) == 1
    assert 1.0 <= found[0].weight < 2.0  # type: ignore[attr-defined]


def test_offset_only_outside_country_is_flagged() -> None:
    found = run("HG-LOC-002", {"session.timezone": None, "session.utc_offset_minutes": 540})
    assert len(found) == 1


# --- HG-LOC-003 spoofed zone -------------------------------------------------------
def test_us_zone_with_asian_clock_is_spoofed() -> None:
    found = run(
        "HG-LOC-003", {"session.timezone": "America/New_York", "session.utc_offset_minutes": 480}
    )
    assert len(found) == 1


def test_zone_in_daylight_saving_is_not_spoofed() -> None:
    # Chicago is UTC-5 in September (daylight time), UTC-6 in January.
    assert run("HG-LOC-003", {}) == []
    assert (
        run(
            "HG-LOC-003",
            {"submitted_at": "2026-01-10T10:00:00-06:00", "session.utc_offset_minutes": -360},
        )
        == []
    )


def test_privacy_browser_reporting_utc_is_not_spoofed() -> None:
    assert run("HG-LOC-003", {"session.utc_offset_minutes": 0}) == []


def test_a_zone_name_that_is_no_zone_is_read_as_unknown() -> None:
    # A 300-letter zone name had made the look-up open a file of that name (the error
    # ended the detector); a path is no zone either.
    for zone in ("x" * 300, "../../etc/passwd", "America/New_York\n"):
        overrides = {"session.timezone": zone, "session.utc_offset_minutes": 480}
        assert run("HG-LOC-003", overrides) == []
        assert run("HG-LOC-002", overrides)  # the clock still speaks: UTC+8 is not the US


# --- HG-LOC-004 WebRTC ------------------------------------------------------------
def test_webrtc_leak_to_third_country_is_flagged() -> None:
    found = run("HG-LOC-004", {"session.webrtc_ips": [KP_IP]})
    assert len(found) == 1
    assert KP_IP in found[0].message  # type: ignore[attr-defined]


def test_vpn_user_whose_webrtc_shows_home_is_quiet() -> None:
    # Commercial VPN exit in Germany, WebRTC shows the real home connection in the US.
    assert run("HG-LOC-004", {"session.ip": DE_IP, "session.webrtc_ips": [US_IP]}) == []


def test_private_webrtc_addresses_are_ignored() -> None:
    assert run("HG-LOC-004", {"session.webrtc_ips": ["192.168.1.20", "10.0.0.5"]}) == []


# --- HG-DEV ------------------------------------------------------------------------
def test_remote_control_tools_are_flagged_and_several_weigh_more() -> None:
    one = run("HG-DEV-001", {"session.remote_access_tools": ["anydesk"]})
    two = run("HG-DEV-001", {"session.remote_access_tools": ["AnyDesk", "chrome_remote_desktop"]})
    assert len(one) == 1 and len(two) == 1
    assert two[0].weight > one[0].weight  # type: ignore[attr-defined]


def test_no_remote_tools_is_quiet() -> None:
    assert run("HG-DEV-001", {"session.remote_access_tools": []}) == []


def test_tools_are_recognised_however_the_agent_spells_them() -> None:
    # Endpoint agents report process names, versions and product names, not one vocabulary.
    for name in ("AnyDesk 8.0.9", "TeamViewer_Service.exe", "Chrome Remote Desktop Host", "xrdp"):
        assert len(run("HG-DEV-001", {"session.remote_access_tools": [name]})) == 1, name
    for name in ("PiKVM v4 Plus", "IP-KVM", "TinyPilot Voyager 2a"):
        assert len(run("HG-DEV-002", {"session.remote_access_tools": [name]})) == 1, name
    assert len(run("HG-DEV-003", {"session.remote_access_tools": ["AstrillVPN.exe"]})) == 1


def test_ordinary_software_is_not_remote_control() -> None:
    # Video calls, office tools and other VPNs are not remote control; "wordpad" holds "rdp".
    ordinary = ["Zoom", "Slack", "WordPad", "NordVPN", "OBS Studio", "1Password"]
    for det in ("HG-DEV-001", "HG-DEV-002", "HG-DEV-003"):
        assert run(det, {"session.remote_access_tools": ordinary}) == [], det


def test_kvm_device_is_flagged() -> None:
    assert len(run("HG-DEV-002", {"session.remote_access_tools": ["pikvm"]})) == 1
    assert run("HG-DEV-002", {"session.remote_access_tools": ["teamviewer"]}) == []


def test_astrill_client_is_flagged() -> None:
    assert len(run("HG-DEV-003", {"session.remote_access_tools": ["asproxy"]})) == 1
    assert run("HG-DEV-003", {}) == []


def test_astrill_client_of_someone_living_in_china_weighs_little() -> None:
    # Astrill is how many honest people in China reach the open internet.
    [usa] = run("HG-DEV-003", {"session.remote_access_tools": ["astrill"]})
    [china] = run(
        "HG-DEV-003",
        {
            "session.remote_access_tools": ["astrill"],
            "applicant.address": {"city": "Shanghai", "country": "CN"},
            "session.ip": CN_IP,
            "session.timezone": "Asia/Shanghai",
            "session.utc_offset_minutes": 480,
        },
    )
    assert china.weight < usa.weight / 2  # type: ignore[attr-defined]


def test_remote_desktop_renderer_is_flagged() -> None:
    found = run("HG-DEV-004", {"session.gpu_renderer": "Microsoft Basic Render Driver"})
    assert len(found) == 1
    assert run("HG-DEV-004", {}) == []


def test_low_cost_hardware_is_a_weak_hint_only() -> None:
    found = run(
        "HG-DEV-005",
        {
            "session.hardware_concurrency": 4,
            "session.device_memory_gb": 8,
            "session.gpu_renderer": "ANGLE (Intel, Intel(R) UHD Graphics 620)",
        },
    )
    assert len(found) == 1 and found[0].weight < 0.5  # type: ignore[attr-defined]
    assert run("HG-DEV-005", {}) == []


def test_locale_context_carries_no_weight_and_needs_a_technical_fact() -> None:
    # Korean-American in Chicago with Korean keyboard and languages: nothing at all.
    assert (
        run(
            "HG-DEV-006",
            {
                "session.languages": ["en-US", "ko-KR"],
                "session.keyboard_layouts": ["en-US", "ko-KR"],
            },
        )
        == []
    )
    # Language next to a foreign clock: shown as context, weight zero.
    found = run(
        "HG-DEV-006",
        {
            "session.languages": ["en-US", "zh-CN"],
            "session.timezone": "Asia/Shanghai",
            "session.utc_offset_minutes": 480,
        },
    )
    assert len(found) == 1 and found[0].weight == 0  # type: ignore[attr-defined]
