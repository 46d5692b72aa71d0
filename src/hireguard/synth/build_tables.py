"""Build the generator's shipped lookup tables (a development-time script).

``python -m hireguard.synth.build_tables`` writes two files under ``hireguard/data/synth``:

* ``ip_ranges.csv``: IPv4 networks per country and kind (residential, mobile, education,
  hosting), read from the ASN and country data bundled with ``geoip2fast``
  (``geoip2fast-asn-ipv6.dat.gz``). Each network lies inside one country network and one
  ASN network of that file, so every address in it geolocates to the row's country.
* ``phone_stems.csv``: leading digits of valid mobile and fixed numbers per country, with
  the national and international writing templates that libphonenumber gives them.

The output is deterministic (fixed seed), so re-running it gives the same files.
"""

from __future__ import annotations

import bisect
import csv
import ipaddress
import random
from pathlib import Path
from typing import Any

from hireguard.paths import package_data

# Residential and mobile ISPs by the owner name the bundled ASN data gives them.
RESIDENTIAL: dict[str, list[str]] = {
    "US": [
        "ATT-INTERNET4",
        "COMCAST-7922",
        "CENTURYLINK-US-LEGACY-QWEST",
        "CHARTER-20115",
        "ASN-CXA-ALL-CCI-22773-RDC",
        "WINDSTREAM",
        "FRONTIER-FRTR",
        "TWC-10796-MIDWEST",
        "TWC-20001-PACWEST",
        "BHN-33363",
        "TWC-11427-TEXAS",
        "TWC-11351-NORTHEAST",
        "TWC-11426-CAROLINAS",
        "BELLSOUTH-NET-BLK",
        "TWC-12271-NYC",
        "GOOGLE-FIBER",
        "SUDDENLINK-COMMUNICATIONS",
        "TDS-AS",
        "CABLE-NET-1",
    ],
    "CA": [
        "BACOM",
        "SHAW",
        "ROGERS-COMMUNICATIONS",
        "TELUS Communications",
        "VIDEOTRON",
        "COGECOWAVE",
        "TEKSAVVY",
    ],
    "GB": ["British Telecommunications PLC", "Virgin Media", "Sky UK Limited", "TalkTalk"],
    "IE": ["Eir Broadband", "Vodafone Ireland Limited", "Digiweb ltd"],
    "DE": [
        "Deutsche Telekom AG",
        "Vodafone GmbH",
        "1&1 Versatel Deutschland GmbH",
        "EWE-Tel GmbH",
        "Plusnet GmbH",
    ],
    "NL": ["KPN B.V.", "DELTA Fiber Nederland B.V.", "Vodafone Libertel B.V."],
    "FR": ["Orange", "Societe Francaise Du Radiotelephone - SFR SA", "Free SAS"],
    "ES": ["Telefonica De Espana S.a.u.", "Orange Espagne SA", "Vodafone Ono, S.A."],
    "IT": ["Telecom Italia", "Fastweb", "Wind Tre S.p.A."],
    "PL": [
        "Orange Polska Spolka Akcyjna",
        "Netia SA",
        "Vectra S.A.",
        "Multimedia Polska Sp. z o.o.",
        "INEA sp. z o.o.",
        "Toya sp.z.o.o",
    ],
    "UA": [
        "JSC Ukrtelecom",
        "Lanet Network Ltd",
        "Private Joint Stock Company datagroup",
        "Maxnet Telecom, Ltd",
        "Freenet LTD",
        "LLC McLaut-Invest",
    ],
    "RO": ["Digi Romania S.A.", "Orange Romania Communication S.A"],
    "IN": [
        "Bharti Airtel Ltd., Telemedia Services",
        "Hathway IP Over Cable Internet",
        "TATA Communications formerly VSNL is Leading ISP",
        "Mahanagar Telephone Nigam Limited",
    ],
    "PK": [
        "Pakistan Telecommunication Company Limited",
        "Nayatel Pvt Ltd",
        "Cyber Internet Services Pvt Ltd.",
    ],
    "PH": [
        "Philippine Long Distance Telephone Company",
        "Converge ICT Solutions Inc.",
        "SKYBroadband SKYCable Corporation",
    ],
    "BR": ["TELEFONICA BRASIL S.A", "V tal", "Claro NXT Telecomunicacoes Ltda", "ALGAR TELECOM SA"],
    "MX": [
        "UNINET",
        "Mega Cable, S.A. de C.V.",
        "TOTAL PLAY TELECOMUNICACIONES SA DE CV",
        "Axtel, S.A.B. de C.V.",
    ],
    "AR": ["Telecom Argentina S.A.", "Telefonica de Argentina", "Telecentro S.A."],
    "CO": [
        "COLOMBIA TELECOMUNICACIONES S.A. ESP",
        "Telmex Colombia S.A.",
        "EPM Telecomunicaciones S.A. E.S.P.",
    ],
    "NG": ["Spectranet", "IPNXng", "Cobranet", "MAINONE"],
    "KE": ["WANANCHI", "JAMBONET", "Liquid Telecommunications Ltd"],
    "EG": ["TE Data", "LINKdotNET", "Noor Data Networks"],
    "VN": [
        "VNPT Corp",
        "FPT Telecom Company",
        "Viettel Group",
        "CMC Telecom Infrastructure Company",
    ],
    "KR": ["Korea Telecom", "SK Broadband Co Ltd", "LG POWERCOMM", "LG HelloVision Corp.", "DLIVE"],
    "JP": [
        "SoftBank Corp.",
        "NTT Communications Corporation",
        "KDDI CORPORATION",
        "JCOM Co., Ltd.",
        "Sony Network Communications Inc.",
        "BIGLOBE Inc.",
        "OPTAGE Inc.",
    ],
    "CN": [
        "Chinanet",
        "CHINA UNICOM China169 Backbone",
        "China Telecom Group",
        "China Unicom Beijing Province Network",
        "China Unicom IP network China169 Guangdong province",
    ],
    "RU": [
        "Rostelecom",
        "JSC ER-Telecom Holding",
        "Novotelecom Ltd",
        "PJSC Moscow city telephone network",
        "Intersvyaz-2 JSC",
    ],
    "TW": [
        "Data Communication Business Group",
        "Taiwan Fixed Network, Telco and Network Service Provider.",
    ],
    "SG": ["Singtel Fibre Broadband", "Starhub Ltd", "SingNet"],
    "MY": [
        "TM TECHNOLOGY SERVICES SDN. BHD.",
        "TIME dotCom Berhad No. 14, Jalan Majistret U126 Hicom Glenmarie Industrial Park "
        "40150 Shah Al",
    ],
    "AU": ["Telstra Limited", "TPG Telecom Limited", "Vocus Retail", "Internode Pty Ltd"],
    "SE": ["Telia Company AB", "Bredband2 AB", "Bahnhof AB"],
    "LA": ["Lao Telecom Communication, LTC", "ETL Company Limited", "Star Telecom"],
    "PT": [
        "Servicos De Comunicacoes E Multimedia S.A.",
        "Nos Comunicacoes, S.A.",
        "Nowo Communications, S.A.",
    ],
    "TR": [
        "Turk Telekom",
        "Superonline Iletisim Hizmetleri A.S.",
        "Turksat Uydu Haberlesme ve Kablo TV Isletme A.S.",
    ],
    "ZA": ["Telkom-Internet", "OPTINET", "SAIX-NET"],
    "ID": ["PT Telekomunikasi Indonesia", "Linknet-Fastnet ASN", "BIZNET NETWORKS"],
    "BD": ["BRACNet Limited", "AmberIT Limited", "Link3 Technologies Ltd."],
    "IL": [
        "Bezeq International Ltd.",
        "Hot-Net internet services Ltd.",
        "Cellcom Fixed Line Communication L.P",
    ],
    "TH": [
        "True Online",
        "TOT Public Company Limited",
        "JasTel Network International Gateway",
        "AIS Fibre",
    ],
    "GH": ["Teledata, Ghana", "Comsys (GH)", "KNet"],
}
MOBILE: dict[str, list[str]] = {
    "US": ["CELLCO-PART", "T-MOBILE-AS21928", "ATT-MOBILITY-LLC-AS20057"],
    "CA": ["ROGERS-COMMUNICATIONS"],
    "GB": ["EE Limited", "Vodafone Limited"],
    "DE": ["Telefonica Germany"],
    "FR": ["Bouygues Telecom SA", "Free Mobile SAS"],
    "PL": ["T-Mobile Polska S.A.", "Play", "Polkomtel Sp. z o.o."],
    "UA": ["Kyivstar PJSC", "PrJSC VF UKRAINE", "Limited Liability Company lifecell"],
    "IN": [
        "Reliance Jio Infocomm Limited",
        "Bharti Airtel Ltd. AS for GPRS Service",
        "Vodafone Idea Ltd",
    ],
    "PH": ["Globe Telecoms", "Smart Broadband, Inc.", "DITO TELECOMMUNITY CORP."],
    "BR": ["TIM SA", "CLARO S.A."],
    "MX": ["Mexico Red de Telecomunicaciones, S. de R.L. de C.V."],
    "NG": [
        "MTN NIGERIA Communication limited",
        "Celtel Nigeria Limited t.a ZAIN",
        "Smile-Nigeria-AS",
    ],
    "KE": ["SAFARICOM-LIMITED"],
    "EG": ["Etisalat Misr", "MOBINIL", "Vodafone-EG"],
    "VN": ["Viettel Corporation", "MOBIFONE Corporation"],
    "KR": ["SK Telecom"],
    "JP": ["NTT DOCOMO, INC."],
    "CN": ["China Mobile Communications Group Co., Ltd."],
    "RU": ["PVimpelCom", "PJSC MegaFon", "MTS PJSC"],
    "CO": ["COMUNICACION CELULAR S.A. COMCEL S.A.", "Colombia Movil"],
    "PK": ["CMPak Limited"],
    "PT": ["Vodafone Portugal - Communicacoes Pessoais S.A."],
    "TR": ["Turkcell Iletisim Hizmetleri A.s.", "TT Mobil Iletisim Hizmetleri A.S"],
    "ZA": ["VODACOM", "CELL-C"],
    "ID": ["PT. Telekomunikasi Selular", "INDOSAT Internet Network Provider", "PT XL Axiata"],
    "IL": ["Partner Communications Ltd."],
    "GH": ["SCANCOM", "VODAFONE GHANA AS INTERNATIONAL TRANSIT"],
}
EDUCATION: dict[str, list[str]] = {
    "US": ["UCSD", "MIT-GATEWAYS", "MERIT-AS-14", "NCREN", "CSUNET-NW"],
    "GB": ["Jisc Services Limited"],
    "DE": ["Verein zur Foerderung eines Deutschen Forschungsnetzes e.V."],
    "CA": ["RISQ-AS"],
    "IN": ["National Internet Backbone"],
    "BR": ["Rede Nacional de Ensino e Pesquisa"],
    "PL": ["Naukowa I Akademicka Siec Komputerowa - Panstwowy Instytut Badawczy"],
    "KR": ["Korea Telecom"],
    "JP": ["Research Organization of Information and Systems, National Institute of Informatics"],
    "MX": ["Universidad Nacional Autonoma de Mexico"],
    "NG": ["UNIV-NG-NSUKKA", "OAU-Ife"],
}
# Hosting, VPS and VPN-exit providers; commercial VPNs rent from exactly these networks.
HOSTING = [
    "DIGITALOCEAN-ASN",
    "OVH SAS",
    "Hetzner Online GmbH",
    "M247 Europe SRL",
    "M247 UK Ltd",
    "Datacamp Limited",
    "AS-CHOOPA",
    "Akamai Connected Cloud",
    "LEASEWEB-USA-LAX",
    "LEASEWEB-USA-SFO",
    "LeaseWeb Netherlands B.V.",
    "Leaseweb Asia Pacific pte. ltd.",
    "Contabo GmbH",
    "Scaleway S.a.s.",
    "ASN-QUADRANET-GLOBAL",
    "AS-COLOCROSSING",
    "HOSTWINDS",
    "OOO Network of data-centers Selectel",
    "HUAWEI CLOUDS",
]
HOSTING_COUNTRIES = {"US", "CA", "GB", "DE", "NL", "FR", "SG", "FI", "RO", "RU", "HK", "JP", "IT"}
MAX_NETS = 40

# Countries whose phone numbers the generator writes.
PHONE_COUNTRIES = [
    "US",
    "CA",
    "GB",
    "IE",
    "DE",
    "NL",
    "FR",
    "ES",
    "IT",
    "PL",
    "UA",
    "RO",
    "IN",
    "PK",
    "PH",
    "BR",
    "MX",
    "AR",
    "CO",
    "NG",
    "KE",
    "EG",
    "VN",
    "KR",
    "JP",
    "CN",
    "RU",
    "TW",
    "SG",
    "MY",
    "AU",
    "SE",
    "LA",
    "PT",
    "TR",
    "ZA",
    "ID",
    "BD",
    "IL",
    "TH",
    "GH",
]

OUT_DIR = package_data("synth")


def _networks(wanted_names: set[str]) -> list[tuple[int, int, str, str]]:
    """Networks of the bundled data owned by ``wanted_names``: (first, prefixlen, cc, owner).

    IPv4 and IPv6 (an integer above 2**32 is an IPv6 address, as in geoip2fast). Each ASN
    network is split along the country networks inside it.
    """
    import geoip2fast.geoip2fast as g2f
    from geoip2fast import GeoIP2Fast

    geo = GeoIP2Fast(geoip2fast_data_file="geoip2fast-asn-ipv6.dat.gz")
    firsts: list[list[int]] = g2f.mainListFirstIPASN
    ids: list[list[int]] = g2f.mainListIDASN
    lens: list[list[int]] = g2f.mainListNetlengthASN
    names: list[str] = g2f.mainListNamesASN
    country_index: list[int] = g2f.mainIndex
    country_firsts: list[list[int]] = g2f.mainListFirstIP
    country_lens: list[list[int]] = g2f.mainListNetlength
    out: list[tuple[int, int, str, str]] = []
    for chunk_firsts, chunk_ids, chunk_lens in zip(firsts, ids, lens, strict=True):
        for first, asn_id, plen in zip(chunk_firsts, chunk_ids, chunk_lens, strict=True):
            if names[asn_id] not in wanted_names:
                continue
            bits = 32 if first < 2**32 else 128
            if bits == 128 and not 20 <= plen <= 48:
                continue
            end = first + 2 ** (bits - plen)
            ip = first
            while ip < end:  # split the ASN network along the country networks inside it
                root = bisect.bisect_right(country_index, ip) - 1
                k = bisect.bisect_right(country_firsts[root], ip) - 1
                cfirst, clen = country_firsts[root][k], country_lens[root][k]
                cend = cfirst + 2 ** (bits - clen)
                if cend <= ip:  # a gap in the country data: skip to the ASN end
                    break
                lo, hi = max(ip, cfirst), min(end, cend)
                size = hi - lo
                sub_len = bits - (size.bit_length() - 1)
                address = ipaddress.IPv4Address(lo) if bits == 32 else ipaddress.IPv6Address(lo)
                cc = geo.lookup(str(address)).country_code
                if size == 2 ** (bits - sub_len) and lo % size == 0:
                    out.append((lo, sub_len, cc, names[asn_id]))
                ip = hi
    return out


def build_ip_ranges(rng: random.Random) -> list[dict[str, Any]]:
    by_key: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    wanted: dict[tuple[str, str], str] = {}
    for table_kind, table in (
        ("residential", RESIDENTIAL),
        ("mobile", MOBILE),
        ("education", EDUCATION),
    ):
        for cc, providers in table.items():
            for p in providers:
                wanted.setdefault((cc, p), table_kind)
    hosting = set(HOSTING)
    for first, plen, cc, name in _networks(hosting | {p for _, p in wanted}):
        v6 = first >= 2**32
        if not v6 and not 8 <= plen <= 28:
            continue
        kind = wanted.get((cc, name))
        if kind is None and name in hosting and cc in HOSTING_COUNTRIES and not v6:
            kind = "hosting"
        if kind is None or (v6 and kind not in ("residential", "mobile")):
            continue
        by_key.setdefault((cc, kind + "_v6" if v6 else kind, name), []).append((first, plen))
    rows: list[dict[str, Any]] = []
    for (cc, kind, name), nets in sorted(by_key.items()):
        nets.sort()
        chosen = rng.sample(nets, min(MAX_NETS, len(nets)))
        for first, plen in sorted(chosen):
            net: ipaddress.IPv4Network | ipaddress.IPv6Network = (
                ipaddress.IPv4Network((first, plen))
                if first < 2**32
                else ipaddress.IPv6Network((first, plen))
            )
            rows.append({"country": cc, "kind": kind, "provider": name, "cidr": str(net)})
    rows.append(
        {
            "country": "KP",
            "kind": "dprk",
            "provider": "Star JV (AS131279)",
            "cidr": "175.45.176.0/22",
        }
    )
    return rows


def _template(formatted: str, nsn: str) -> str | None:
    """Turn a formatted number into a template: 'd' stands for each digit of the NSN."""
    digits = "".join(c for c in formatted if c.isdigit())
    if not digits.endswith(nsn):
        return None
    lead = len(digits) - len(nsn)
    out: list[str] = []
    seen = 0
    for c in formatted:
        if c.isdigit():
            out.append(c if seen < lead else "d")
            seen += 1
        else:
            out.append(c)
    return "".join(out)


def build_phone_stems(rng: random.Random) -> list[dict[str, Any]]:
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    rows: list[dict[str, Any]] = []
    for cc in PHONE_COUNTRIES:
        for kind, ptype in (
            ("mobile", PhoneNumberType.MOBILE),
            ("fixed", PhoneNumberType.FIXED_LINE),
        ):
            example = phonenumbers.example_number_for_type(cc, ptype)
            if example is None:
                continue
            ex = phonenumbers.national_significant_number(example)
            seen: set[str] = set()
            for _ in range(6000):
                keep = rng.choice((1, 1, 2))
                nsn = ex[:keep] + "".join(rng.choice("0123456789") for _ in ex[keep:])
                num = phonenumbers.parse("+" + str(example.country_code) + nsn, None)
                if not phonenumbers.is_valid_number(num):
                    continue
                got = phonenumbers.number_type(num)
                if got not in (ptype, PhoneNumberType.FIXED_LINE_OR_MOBILE):
                    continue
                stem = nsn[:-4]
                if stem in seen:
                    continue
                # keep stems whose every 4-digit ending stays valid (sampled)
                if not all(
                    phonenumbers.is_valid_number(
                        phonenumbers.parse(
                            "+" + str(example.country_code) + stem + f"{rng.randrange(10000):04d}",
                            None,
                        )
                    )
                    for _ in range(6)
                ):
                    continue
                nat = _template(phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL), nsn)
                intl = _template(
                    phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL), nsn
                )
                if nat is None or intl is None:
                    continue
                seen.add(stem)
                rows.append(
                    {
                        "country": cc,
                        "kind": kind,
                        "calling_code": example.country_code,
                        "stem": stem,
                        "national": nat,
                        "international": intl,
                    }
                )
                if len(seen) >= 30:
                    break
    return rows


def _write(path: Path, rows: list[dict[str, Any]], header: str) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(header)
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    ips = build_ip_ranges(random.Random(1))
    _write(
        OUT_DIR / "ip_ranges.csv",
        ips,
        "# Generated by `python -m hireguard.synth.build_tables` from geoip2fast's bundled "
        "geoip2fast-asn-ipv6.dat.gz; do not edit.\n",
    )
    phones = build_phone_stems(random.Random(2))
    _write(
        OUT_DIR / "phone_stems.csv",
        phones,
        "# Generated by `python -m hireguard.synth.build_tables` from libphonenumber metadata "
        "(phonenumbers); do not edit.\n",
    )
    print(f"{len(ips)} networks, {len(phones)} phone stems written to {OUT_DIR}")


if __name__ == "__main__":
    main()
