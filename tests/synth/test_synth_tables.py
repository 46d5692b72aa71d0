"""The generator's shipped tables: networks geolocate as labelled, phone stems are valid."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from geoip2fast import GeoIP2Fast

from hireguard.enrich.timezones import zone_country
from hireguard.synth import netdata
from hireguard.synth.places import COUNTRIES


@pytest.fixture(scope="module")
def geo() -> GeoIP2Fast:
    return GeoIP2Fast(geoip2fast_data_file="geoip2fast-asn-ipv6.dat.gz")


def test_every_shipped_network_geolocates_to_its_country(geo: GeoIP2Fast) -> None:
    rng = random.Random(4)
    table = netdata.networks()
    assert {"residential", "mobile", "education", "hosting", "dprk"} <= {k for _, k in table}
    for (country, _kind), nets in table.items():
        for net in nets:
            for _ in range(2):
                ip = netdata.host_in(rng, net)
                assert geo.lookup(ip).country_code == country, (net, ip)


def test_hosting_networks_are_hosting_providers_and_residential_are_not(geo: GeoIP2Fast) -> None:
    rng = random.Random(5)
    hosting_words = (
        "OVH",
        "DIGITALOCEAN",
        "Hetzner",
        "M247",
        "CHOOPA",
        "LEASEWEB",
        "Leaseweb",
        "LeaseWeb",
        "Akamai",
        "Contabo",
        "Scaleway",
        "QUADRANET",
        "COLOCROSSING",
        "HOSTWINDS",
        "Selectel",
        "Datacamp",
        "HUAWEI",
    )
    for _ in range(300):
        asn = geo.lookup(netdata.sample_hosting_ip(rng)).asn_name
        assert any(w in asn for w in hosting_words), asn
        asn = geo.lookup(netdata.sample_ip(rng, "US")).asn_name
        assert not any(w in asn for w in hosting_words), asn


def test_dprk_and_astrill_addresses(geo: GeoIP2Fast) -> None:
    rng = random.Random(6)
    assert all(geo.lookup(netdata.dprk_ip(rng)).country_code == "KP" for _ in range(50))
    assert all(geo.lookup(ip).country_code == "US" for ip in netdata.ASTRILL_EXITS)


def test_phone_stems_make_valid_numbers_in_the_national_style() -> None:
    rng = random.Random(7)
    for (country, _kind), stems in netdata.phone_stems().items():
        for stem in stems[:10]:
            nsn = stem.stem + f"{rng.randrange(10000):04d}"
            for style in ("national", "international", "e164"):
                written = netdata.write_phone(rng, country, nsn, stem, style)
                parsed = phonenumbers.parse(written, country)
                assert phonenumbers.is_valid_number(parsed), (country, written)
                assert phonenumbers.region_code_for_number(parsed) == country or country in (
                    "US",
                    "CA",
                )


def test_city_time_zones_belong_to_their_country() -> None:
    for country in COUNTRIES.values():
        for city in country.cities:
            assert zone_country(city.tz) == country.code, (country.code, city.name, city.tz)
