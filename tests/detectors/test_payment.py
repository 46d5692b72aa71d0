"""HG-PAY and HG-SHP: where the salary and the laptop go."""

from __future__ import annotations

from collections.abc import Callable

from hireguard.detect.payment import foreign_bank, shipping_elsewhere, unusual_payout
from hireguard.detect.registry import Detector, Finding
from hireguard.enrich.types import EnrichedApplication

Build = Callable[..., EnrichedApplication]
Run = Callable[[Detector, EnrichedApplication], list[Finding]]

HOME = {
    "line1": "4417 Avenue F",
    "city": "Austin",
    "region": "TX",
    "postal_code": "78751",
    "country": "US",
}


def test_crypto_payout_fires_strongest(build: Build, run: Run) -> None:
    findings = run(unusual_payout, build({"payment": {"method": "crypto"}}))
    assert len(findings) == 1
    assert findings[0].weight == 1.8


def test_crypto_address_without_method_counts_as_crypto(build: Build, run: Run) -> None:
    app = build({"payment": {"method": None, "crypto_address": "0xabc123"}})
    assert run(unusual_payout, app)[0].evidence == {"method": "crypto"}


def test_method_named_by_platform_is_understood(build: Build, run: Run) -> None:
    assert run(unusual_payout, build({"payment": {"method": "USDT"}}))[0].evidence == {
        "method": "crypto"
    }
    found = run(unusual_payout, build({"payment": {"method": "Payoneer"}}))
    assert found[0].evidence == {"method": "money_service"}


def test_payroll_card_is_weak(build: Build, run: Run) -> None:
    findings = run(unusual_payout, build({"payment": {"method": "payroll_card"}}))
    assert findings[0].weight < unusual_payout.weight


def test_money_service_for_a_local_job_fires(build: Build, run: Run) -> None:
    findings = run(unusual_payout, build({"payment": {"method": "money_service"}}))
    assert findings[0].weight == 0.6


def test_money_service_for_a_contractor_abroad_stays_quiet(build: Build, run: Run) -> None:
    # A developer in Kraków contracting for a US employer is paid through Wise as a rule.
    app = build(
        {
            "applicant": {"address": {"country": "PL", "region": None, "city": "Krakow"}},
            "payment": {"method": "money_service"},
        }
    )
    assert run(unusual_payout, app) == []


def test_direct_deposit_and_cheque_stay_quiet(build: Build, run: Run) -> None:
    assert run(unusual_payout, build()) == []
    assert run(unusual_payout, build({"payment": {"method": "check"}})) == []


def test_bank_in_prc_for_us_resident_fires_strongly(build: Build, run: Run) -> None:
    findings = run(foreign_bank, build({"payment": {"bank_country": "CN"}}))
    assert findings[0].weight > foreign_bank.weight


def test_bank_in_another_country_fires(build: Build, run: Run) -> None:
    findings = run(foreign_bank, build({"payment": {"bank_country": "GB"}}))
    assert findings[0].weight == foreign_bank.weight


def test_person_living_in_china_with_chinese_bank_stays_quiet(build: Build, run: Run) -> None:
    # Where the money goes matches where the person lives: nothing to see.
    app = build(
        {
            "applicant": {"address": {"country": "CN", "region": None, "city": "Shanghai"}},
            "payment": {"bank_country": "CN"},
        }
    )
    assert run(foreign_bank, app) == []


def test_laptop_to_another_state_fires(build: Build, run: Run) -> None:
    ship = {
        "line1": "1420 W Van Buren St",
        "city": "Phoenix",
        "region": "AZ",
        "postal_code": "85007",
        "country": "US",
    }
    findings = run(shipping_elsewhere, build({"shipping_address": ship}))
    assert len(findings) == 1
    assert findings[0].weight == 1.4


def test_laptop_abroad_care_of_someone_fires_strongest(build: Build, run: Run) -> None:
    ship = {"line1": "c/o Li Wei, 12 Binjiang Rd", "city": "Dandong", "country": "CN"}
    findings = run(shipping_elsewhere, build({"shipping_address": ship}))
    assert findings[0].weight == 2.4
    assert findings[0].evidence["care_of"] is True


def test_same_building_other_flat_stays_quiet(build: Build, run: Run) -> None:
    # The applicant who moved upstairs: same street address, new unit.
    ship = HOME | {"line1": "4417 Avenue F", "line2": "Apt 3"}
    assert run(shipping_elsewhere, build({"shipping_address": ship})) == []


def test_same_address_written_differently_stays_quiet(build: Build, run: Run) -> None:
    ship = HOME | {"line1": "4417 avenue f.", "region": "Texas"}
    assert run(shipping_elsewhere, build({"shipping_address": ship})) == []
    assert run(shipping_elsewhere, build()) == []


def test_same_town_is_weak(build: Build, run: Run) -> None:
    ship = HOME | {"line1": "500 W 2nd St", "postal_code": "78701"}
    findings = run(shipping_elsewhere, build({"shipping_address": ship}))
    assert findings[0].weight == 0.4
