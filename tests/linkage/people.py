"""Hand-made applicants for linkage tests: distinct honest people, then what rings share."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from tests.appfactory import make_app

FIRST = [
    "Maria",
    "James",
    "Aisha",
    "Wei",
    "Olga",
    "Diego",
    "Priya",
    "Tom",
    "Fatima",
    "Lars",
    "Ji-woo",
    "Kwame",
    "Sofia",
    "Hiroshi",
    "Emma",
    "Omar",
    "Nina",
    "Raj",
    "Lucy",
    "Ivan",
    "Chloe",
    "Mateo",
    "Hana",
    "Peter",
    "Grace",
    "Ali",
    "Zoe",
    "Sam",
    "Mina",
    "Leo",
]
LAST = [
    "Torres",
    "Smith",
    "Khan",
    "Zhang",
    "Petrova",
    "Garcia",
    "Patel",
    "Brown",
    "Haddad",
    "Berg",
    "Park",
    "Mensah",
    "Rossi",
    "Sato",
    "Wilson",
    "Aziz",
    "Novak",
    "Iyer",
    "Moore",
    "Volkov",
    "Martin",
    "Lopez",
    "Kim",
    "Jones",
    "Lee",
    "Hassan",
    "Clark",
    "Young",
    "Choi",
    "Reed",
]
WORDS = [
    "python",
    "java",
    "react",
    "kubernetes",
    "aws",
    "terraform",
    "led",
    "team",
    "built",
    "designed",
    "payments",
    "api",
    "latency",
    "scaled",
    "migrated",
    "postgres",
    "kafka",
    "owned",
    "mentored",
    "shipped",
    "reduced",
    "cost",
    "platform",
    "service",
    "data",
    "pipeline",
    "analytics",
    "mobile",
    "ios",
    "android",
    "testing",
    "reliability",
    "on",
    "call",
    "customers",
    "growth",
    "search",
    "ranking",
    "features",
    "experiments",
    "dashboards",
    "security",
    "audit",
    "compliance",
    "billing",
    "checkout",
    "onboarding",
    "frontend",
    "backend",
    "infrastructure",
]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def resume_text(seed: int, words: int = 120) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) + str(rnd.randint(0, 40)) for _ in range(words))


def person(i: int, **overrides: Any) -> dict[str, Any]:
    """Honest applicant number ``i``: nothing identifying in common with any other."""
    name = f"{FIRST[i % 30]} {LAST[(i * 7 + i // 30) % 30]}"
    base: dict[str, Any] = {
        "application_id": f"P-{i:04d}",
        "submitted_at": f"2026-09-{1 + i % 28:02d}T{8 + i % 10:02d}:15:00Z",
        "applicant.full_name": name,
        "applicant.email": f"{name.lower().replace(' ', '.')}.{i}@example.org",
        "applicant.phone": f"+1 312 555 {i:04d}",
        "applicant.address": {
            "line1": f"{100 + i} Oak St",
            "city": "Chicago",
            "postal_code": f"{60600 + i % 90}",
            "country": "US",
        },
        "applicant.national_id_sha256": sha(f"ssn-{i}"),
        "payment.account_sha256": sha(f"acct-{i}"),
        "session.ip": f"73.{(i // 250) % 200 + 10}.{i % 250}.{7 + i % 200}",
        "session.device_id": f"fp-{i:05d}",
        "resume": {"text": resume_text(i)},
    }
    base.update(overrides)
    aid = base.pop("application_id")
    return make_app(base, application_id=aid)


def household(first: int, n: int = 3) -> list[dict[str, Any]]:
    """``n`` people of one home (numbers ``first``...): one address, line, landline, family PC
    and delivery address, each under their own name; an honest look-alike of a ring."""
    home = {"line1": "77 Elm St", "city": "Austin", "postal_code": "78701", "country": "US"}
    shared = {
        "applicant.address": home,
        "session.ip": "70.112.4.9",
        "applicant.phone": "+1 512 555 0147",
        "session.device_id": "fp-family-pc",
        "shipping_address": home,
    }
    return [person(first + i, **shared) for i in range(n)]
