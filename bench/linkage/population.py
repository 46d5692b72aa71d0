"""A stand-in population for linkage benchmarks: honest applicants, fraud rings and honest
look-alikes (staffing agencies, households, campus cohorts, coworking spaces), as contract
dicts with labels.

Used until ``hireguard.synth`` is available, and for store-filling at scale. Its rings are
deliberately imperfect: not every member reuses every shared identifier, and some share
only one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from typing import Any


def _split(text: str) -> list[str]:
    return text.split()


WORDS = _split(
    """python java go rust react vue angular kubernetes docker aws gcp azure terraform ansible led
    team built designed payments api latency scaled migrated postgres mysql kafka redis owned
    mentored shipped reduced cost platform service data pipeline analytics mobile ios android
    testing reliability oncall customers growth search ranking features experiments dashboards
    security audit compliance billing checkout onboarding frontend backend infra graphql grpc
    microservices monolith spark airflow dbt snowflake ml models training inference gpu cuda
    observability prometheus grafana incident postmortem sla throughput"""
)
FIRST = _split(
    """maria james aisha wei olga diego priya tom fatima lars jiwoo kwame sofia hiroshi emma omar
    nina raj lucy ivan chloe mateo hana peter grace ali zoe sam mina leo anna john kevin laura
    david sara mohamed yuki carlos elena"""
)
LAST = _split(
    """torres smith khan zhang petrova garcia patel brown haddad berg park mensah rossi sato wilson
    aziz novak iyer moore volkov martin lopez kim jones lee hassan clark young choi reed nguyen
    tran silva costa muller schmidt dubois cohen levy singh"""
)
COVER = [
    "Dear Hiring Manager, I am thrilled to apply for this exciting opportunity. With my "
    "extensive experience and passion for cutting-edge technology, I am confident that I "
    "would be a valuable asset to your esteemed organization.",
    "Hello, I would love to join your team as an engineer. I enjoy building reliable systems "
    "and working closely with product and design to ship features customers love.",
    "To whom it may concern, please accept my application for the role. My background in "
    "software development and my drive to learn make me a strong fit for your company.",
]


def _sha(x: str) -> str:
    return hashlib.sha256(x.encode()).hexdigest()


HOMES = [
    ("Springfield", "IL"),
    ("Chicago", "IL"),
    ("Evanston", "IL"),
    ("Austin", "TX"),
    ("Houston", "TX"),
    ("Plano", "TX"),
    ("Seattle", "WA"),
    ("Bellevue", "WA"),
    ("Atlanta", "GA"),
    ("Denver", "CO"),
    ("Brooklyn", "NY"),
    ("Buffalo", "NY"),
    ("Phoenix", "AZ"),
    ("Raleigh", "NC"),
    ("Boston", "MA"),
    ("San Jose", "CA"),
    ("Los Angeles", "CA"),
    ("Miami", "FL"),
]
"""Home cities and states (drawn for everyone, rings included: stolen identities come from
anywhere)."""
REMOTE_TOOLS = ["anydesk", "teamviewer", "chrome_remote_desktop", "rdp"]
HONEST_REMOTE_TOOLS = 0.03
"""Share of honest applicants with remote-control software running (IT-support staff, people
a relative helps with their computer): an assumption, no public prevalence figure."""
COWORKING_REMOTE_TOOLS = 0.3
"""The same within a coworking space's developers and IT contractors: deliberately high, to
stress links that rest on remote-control software."""


class Population:
    def __init__(self, seed: int = 7) -> None:
        self.rnd = random.Random(seed)
        # Remote tools and coworking spaces draw from their own stream, so that adding them
        # left every other record as it was.
        self.extra = random.Random(seed + 1)
        self.n = 0
        self.t0 = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)

    def _name(self) -> str:
        r = self.rnd
        return f"{r.choice(FIRST).title()} {r.choice(LAST).title()}"

    def _resume(self) -> str:
        r = self.rnd
        return " ".join(r.choice(WORDS) for _ in range(r.randint(120, 260)))

    def _ip(self) -> str:
        r = self.rnd
        return f"{r.randint(24, 99)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def honest(self, **over: Any) -> dict[str, Any]:
        r = self.rnd
        self.n += 1
        i = self.n
        name = over.pop("name", None) or self._name()
        when = self.t0 + dt.timedelta(seconds=i * 37 + r.randint(0, 3600))
        home = over.pop("home", None) or self.extra.choice(HOMES)
        app: dict[str, Any] = {
            "application_id": f"A{i:08d}",
            "submitted_at": when.isoformat(),
            "source": r.choice(["careers_site", "job_board", "linkedin", "referral"]),
            "job": {"title": "Engineer", "requisition_id": f"R-{r.randint(1, 400)}"},
            "applicant": {
                "full_name": name,
                "email": f"{name.lower().replace(' ', '.')}{i}@mail{r.randint(1, 9)}.com",
                "phone": f"+1 {r.randint(201, 989)} {r.randint(200, 999)} {r.randint(0, 9999):04d}",
                "address": {
                    "line1": f"{r.randint(1, 9999)} {r.choice(LAST).title()} St",
                    "city": home[0],
                    "region": home[1],
                    "postal_code": f"{r.randint(10000, 99999)}",
                    "country": "US",
                },
                "national_id_sha256": _sha(f"nid{i}"),
            },
            "resume": {"text": self._resume()},
            "cover_letter": r.choice(COVER) + f" Best regards, {name}.",
            "payment": {"method": "direct_deposit", "account_sha256": _sha(f"acct{i}")},
            "session": {"ip": self._ip(), "device_id": f"fp{i:09d}"},
            "label": {"is_fraud": False, "scheme": None, "ring_id": None, "benign_group": None},
        }
        if self.extra.random() < HONEST_REMOTE_TOOLS:
            app["session"]["remote_access_tools"] = [self.extra.choice(REMOTE_TOOLS)]
        for path, value in over.items():
            node = app
            parts = path.split(".")
            for p in parts[:-1]:
                node = node.setdefault(p, {})
            node[parts[-1]] = value
        return app

    def ring(self, ring_id: str, size: int) -> list[dict[str, Any]]:
        """A fraud ring: one operator's identities reusing some of a small pool of assets."""
        r = self.rnd
        farm = {
            "line1": f"{r.randint(1, 999)} Farm Rd",
            "city": "Phoenix",
            "postal_code": f"{r.randint(85000, 85099)}",
            "country": "US",
        }
        phones = [f"+1 929 {r.randint(200, 999)} {r.randint(0, 9999):04d}" for _ in range(2)]
        devices = [f"fpring{r.getrandbits(40):x}" for _ in range(2)]
        accounts = [_sha(f"ringacct{r.getrandbits(64)}") for _ in range(2)]
        base_resume = self._resume()
        net = f"{r.randint(100, 200)}.{r.randint(0, 255)}.{r.randint(0, 255)}"
        uses = {
            k: r.random() < p
            for k, p in (
                ("farm", 0.6),
                ("phone", 0.5),
                ("device", 0.35),
                ("account", 0.4),
                ("resume", 0.4),
                ("net", 0.5),
            )
        }
        if not any(v for k, v in uses.items() if k != "net"):
            uses["phone"] = True
        out = []
        for _ in range(size):
            over: dict[str, Any] = {
                "label": {
                    "is_fraud": True,
                    "scheme": "ring",
                    "ring_id": ring_id,
                    "benign_group": None,
                }
            }
            if uses["farm"] and r.random() < 0.9:
                over["shipping_address"] = farm
            if uses["phone"] and r.random() < 0.8:
                over["applicant.phone"] = r.choice(phones)
            if uses["device"] and r.random() < 0.8:
                over["session.device_id"] = r.choice(devices)
            if uses["account"] and r.random() < 0.8:
                over["payment.account_sha256"] = r.choice(accounts)
            if uses["resume"] and r.random() < 0.8:
                words = base_resume.split()
                for _k in range(4):
                    words[r.randrange(len(words))] = r.choice(WORDS)
                over["resume.text"] = " ".join(words)
            if uses["net"]:
                over["session.ip"] = f"{net}.{r.randint(1, 254)}"
            out.append(self.honest(**over))
        return out

    def agency(self, group: str, size: int) -> list[dict[str, Any]]:
        r = self.rnd
        office_ip = self._ip()
        phone = f"+1 646 {r.randint(200, 999)} {r.randint(0, 9999):04d}"
        desk = f"fpagency{r.getrandbits(40):x}"
        label = {"is_fraud": False, "scheme": None, "ring_id": None, "benign_group": group}
        return [
            self.honest(
                **{
                    "source": "staffing_agency",
                    "session.ip": office_ip,
                    "applicant.phone": phone,
                    "session.device_id": desk,
                    "label": label,
                }
            )
            for _ in range(size)
        ]

    def household(self, group: str, size: int) -> list[dict[str, Any]]:
        r = self.rnd
        home = {
            "line1": f"{r.randint(1, 999)} Elm St",
            "city": "Austin",
            "postal_code": f"{r.randint(78700, 78799)}",
            "country": "US",
        }
        ip, phone, pc = (
            self._ip(),
            f"+1 512 {r.randint(200, 999)} {r.randint(0, 9999):04d}",
            f"fph{r.getrandbits(40):x}",
        )
        label = {"is_fraud": False, "scheme": None, "ring_id": None, "benign_group": group}
        return [
            self.honest(
                **{
                    "applicant.address": home,
                    "session.ip": ip,
                    "applicant.phone": phone
                    if r.random() < 0.5
                    else f"+1 512 {r.randint(200, 999)} {r.randint(0, 9999):04d}",
                    "session.device_id": pc,
                    "label": label,
                }
            )
            for _ in range(size)
        ]

    def campus(self, group: str, size: int) -> list[dict[str, Any]]:
        r = self.rnd
        net = f"128.{r.randint(0, 255)}.{r.randint(0, 255)}"
        label = {"is_fraud": False, "scheme": None, "ring_id": None, "benign_group": group}
        return [
            self.honest(**{"session.ip": f"{net}.{r.randint(1, 20)}", "label": label})
            for _ in range(size)
        ]

    def coworking(self, group: str, size: int) -> list[dict[str, Any]]:
        """Developers and contractors renting desks in one space: one office IP, homes in a few
        towns of one state, remote-control software more common than elsewhere."""
        x = self.extra
        # A business broadband line (73/8, a cable ISP), not a data centre's address.
        office_ip = f"73.{x.randint(0, 255)}.{x.randint(0, 255)}.{x.randint(1, 254)}"
        # Members commute from a few towns of one state (a city and its suburbs).
        state = x.choice(sorted({st for _, st in HOMES}))
        towns = [h for h in HOMES if h[1] == state]
        label = {"is_fraud": False, "scheme": None, "ring_id": None, "benign_group": group}
        out = []
        for _ in range(size):
            over: dict[str, Any] = {
                "session.ip": office_ip,
                "label": label,
                "home": x.choice(towns),
            }
            if x.random() < COWORKING_REMOTE_TOOLS:
                over["session.remote_access_tools"] = [x.choice(REMOTE_TOOLS)]
            out.append(self.honest(**over))
        return out

    def stream(self, n: int, ring_share: float = 0.03) -> Iterator[dict[str, Any]]:
        """About ``n`` applications; rings and look-alikes interleaved with honest ones."""
        r = self.rnd
        made = 0
        k = 0
        while made < n:
            k += 1
            x = r.random()
            if x < ring_share / 6:
                batch = self.ring(f"ring{k}", r.randint(3, 12))
            elif x < ring_share / 6 + 0.002:
                batch = self.agency(f"agency{k}", r.randint(5, 30))
            elif x < ring_share / 6 + 0.012:
                batch = self.household(f"household{k}", r.randint(2, 4))
            elif x < ring_share / 6 + 0.013:
                batch = self.campus(f"campus{k}", r.randint(10, 60))
            else:
                batch = [self.honest()]
            if self.extra.random() < 0.0015:
                batch += self.coworking(f"coworking{k}", self.extra.randint(5, 40))
            yield from batch
            made += len(batch)
