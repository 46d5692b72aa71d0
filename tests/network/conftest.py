"""Fixtures for the IP-intelligence and HG-NET tests: the shipped data, a Tor exit list,
a tiny .mmdb written by the test, and applications built from the honest baseline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hireguard.enrich import enrich
from hireguard.enrich.ipintel import IpIntel
from hireguard.enrich.types import EnrichedApplication
from hireguard.model import Application
from tests.appfactory import make_app
from tests.network.mmdb_build import write_mmdb

# Documented as Tor exits on the Tor Project's list at the time of writing; the test only
# needs an address that the list file names, not a live exit.
TOR_EXIT = "185.220.101.1"


@pytest.fixture(scope="session")
def intel() -> IpIntel:
    return IpIntel.default()


@pytest.fixture(scope="session")
def tor_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tor") / "torbulkexitlist"
    path.write_text(f"{TOR_EXIT}\n2a0b:f4c2::1\n")
    return path


@pytest.fixture(scope="session")
def intel_tor(tor_list: Path) -> IpIntel:
    return IpIntel.default(tor_exits=tor_list)


@pytest.fixture(scope="session")
def mmdb_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A country and an ASN database in MaxMind's GeoLite2 layout (test networks only)."""
    folder = tmp_path_factory.mktemp("mmdb")
    country = write_mmdb(
        folder / "country.mmdb",
        {
            "81.2.69.0/24": {"country": {"iso_code": "GB"}},
            "64.225.0.0/16": {"country": {"iso_code": "US"}},
            "175.45.176.0/22": {"country": {"iso_code": "KP"}},
            "45.149.92.0/24": {"country": {"iso_code": "KP"}},
            "2a02:1234::/32": {"registered_country": {"iso_code": "DE"}},
            "93.184.0.0/16": {"country": {"iso_code": "NL"}},
            "172.56.0.0/16": {"country": {"iso_code": "US"}},
        },
        "GeoLite2-Country",
    )
    asn = write_mmdb(
        folder / "asn.mmdb",
        {
            "81.2.69.0/24": {
                "autonomous_system_number": 20712,
                "autonomous_system_organization": "Andrews & Arnold Ltd",
            },
            "64.225.0.0/16": {
                "autonomous_system_number": 14061,
                "autonomous_system_organization": "DigitalOcean, LLC",
            },
            "175.45.176.0/22": {
                "autonomous_system_number": 131279,
                "autonomous_system_organization": "Ryugyong-dong",
            },
            "93.184.0.0/16": {
                "autonomous_system_number": 64512,
                "autonomous_system_organization": "Example Cloud Hosting B.V.",
            },
            "172.56.0.0/16": {
                "autonomous_system_number": 21928,
                "autonomous_system_organization": "T-Mobile USA, Inc.",
            },
        },
        "GeoLite2-ASN",
    )
    return country, asn


Build = Callable[..., EnrichedApplication]


@pytest.fixture(scope="session")
def build(intel: IpIntel) -> Build:
    """``build("1.2.3.4", webrtc=[...], intel=...)``: the honest baseline connecting from
    that address, enriched with the given IP data (shipped data by default)."""

    def _build(
        ip: str | None,
        webrtc: list[str] | None = None,
        ipintel: IpIntel | None = None,
        **overrides: Any,
    ) -> EnrichedApplication:
        record = make_app({"session.ip": ip, "session.webrtc_ips": webrtc or [], **overrides})
        return enrich(Application.model_validate(record), ipintel or intel)

    return _build
