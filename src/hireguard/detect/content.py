"""HG-CNT: what the application's text says: cover roles, front companies, generic letters.

Reads the job title, the resume's roles and text, the cover letter and the addresses the
applicant gives. Near-duplicate resumes across applicants are a linkage finding (HG-LNK);
designated names on sanctions lists are screened by HG-SAN. Here only the cited indicator
domains and front-company names of ``shared/data/dprk/indicators.csv`` (shipped as
``data/detectors/front_companies.csv``) are looked for.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from hireguard.detect.registry import Finding, detector
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.normalise import latin_key
from hireguard.paths import package_data

SEED = (
    "Employer account of 1,800 blocked DPRK-linked applications, seed story (2025): "
    "applicants listed 'remote data-center operator', 'crypto mining technician' and "
    "'software-testing specialist' (secondary news source, unverified)"
)
S1LABS = (
    "SentinelLabs, 'DPRK IT Workers | A Network of Active Front Companies and Their Links to "
    "China', 2024-11 (front-company names and domains, seized 2024-10-10)"
)
DOJ0630 = (
    "US DOJ, 'DPRK RevGen: Domestic Enabler Initiative' coordinated actions, 2025-06-30 "
    "(Hopana Tech LLC, Tony WKJ LLC, Independent Lab LLC)"
)
DOJCHAP = (
    "US DOJ (D.D.C.), US v. Chapman / Didenko, 2024-05-16 and 2025-07-24 (upworksell.com, seized)"
)
OFAC = (
    "US Treasury OFAC designations of DPRK IT-worker front companies, 2018-09-13 to "
    "2025-11-04 (as listed in shared/data/dprk/indicators.csv)"
)
ADV22 = (
    "US State/Treasury/FBI, 'Guidance on the DPRK Information Technology Workers', "
    "2022-05-16 (typical roles; front companies and outsourcing shops)"
)
SEED_AI = (
    "Employer account of 1,800 blocked DPRK-linked applications, seed story (2025): "
    "'recruitment scripts, which now include AI-generated cover letters'"
)
MSFT25 = (
    "Microsoft Threat Intelligence, 'Jasper Sleet: North Korean remote IT workers' evolving "
    "tactics', 2025-06-30 (AI tools used to write and polish applications)"
)


# ---- HG-CNT-001 cover roles ------------------------------------------------------------

_COVER_ROLES = (
    (
        "remote data-centre operator",
        re.compile(r"data[\s-]*cent(?:er|re)\s+(?:operator|operations?\s+technician)"),
    ),
    (
        "crypto-mining technician",
        re.compile(
            r"(?:crypto(?:currency)?|bitcoin)[\s-]*min(?:ing|er)\s+"
            r"(?:technician|operator|specialist|engineer)"
        ),
    ),
    ("software-testing specialist", re.compile(r"software[\s-]*test(?:ing)?\s+specialist")),
)


@functools.lru_cache(maxsize=8192)
def _cover_role(title: str | None) -> str | None:
    """The cover role a job title names, if any (cached: titles repeat across applications)."""
    if not title:
        return None
    low = title.lower()
    for name, pattern in _COVER_ROLES:
        if pattern.search(low):
            return name
    return None


@detector(
    id="HG-CNT-001",
    title="Role named in reports as a cover for DPRK IT workers",
    severity="low",
    weight=0.5,
    sources=[SEED, ADV22],
    false_positives=[
        "genuine data-centre operators, mining technicians and software testers (the roles "
        "exist; only their use as a cover is reported)",
    ],
)
def cover_role(app: EnrichedApplication) -> Iterator[Finding]:
    """The job applied for, or a role on the resume, is one of the titles reported as used
    by blocked DPRK-linked applicants (remote data-centre operator, crypto-mining
    technician, software-testing specialist). Weak: these are real jobs, and the report is
    a secondary news account. Graded: the applicant's own resume listing such a role 0.5,
    only the job applied for 0.3."""
    resume = app.app.resume
    if resume is not None:
        for exp in resume.experience:
            name = _cover_role(exp.title)
            if name:
                yield cover_role.finding(
                    f"The resume lists a role of the kind reported as a cover: {name}.",
                    evidence={"role": name, "where": "resume"},
                )
                return
    name = _cover_role(app.app.job.title)
    if name:
        yield cover_role.finding(
            f"The job applied for is of a kind reported as a cover: {name}.",
            evidence={"role": name, "where": "job"},
            weight=0.3,
        )


# ---- HG-CNT-002 front-company domains and names -------------------------------------------


@dataclass(frozen=True, slots=True)
class FrontIndicator:
    kind: str  # front_company, front_company_domain, email_domain
    value: str
    confidence: str
    source: str


_CONFIDENCE_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}
_LEGAL = re.compile(
    r"\b(?:llc|l l c|ltd|limited|inc|incorporated|co|company|corp|corporation|plc|gmbh)\b"
)
# Cores too common to match without the legal form ("Fortuna LLC", "Independent Lab LLC").
_GENERIC_CORES = frozenset({"fortuna", "asatryan", "independent lab"})


def _core(name: str) -> str:
    return " ".join(_LEGAL.sub(" ", latin_key(name)).split())


@functools.cache
def front_indicators() -> tuple[dict[str, FrontIndicator], dict[str, FrontIndicator]]:
    """(domain → indicator, normalised company name → indicator) from the shipped list."""
    domains: dict[str, FrontIndicator] = {}
    names: dict[str, FrontIndicator] = {}
    path = package_data("detectors", "front_companies.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ind = FrontIndicator(row["kind"], row["value"], row["confidence"], row["source"])
            if ind.kind in ("front_company_domain", "email_domain"):
                domains[ind.value.lower()] = ind
                continue
            # "Chinyong ... (Jinyong IT Cooperation Co.)", "... (formerly Beijing Hou Pa Na
            # Technology Co.)", "... (KMCTC)": every variant is a name of the company.
            variants = [re.sub(r"\(.*?\)", " ", ind.value)]
            variants += [v.removeprefix("formerly ") for v in re.findall(r"\((.*?)\)", ind.value)]
            for variant in variants:
                key = latin_key(variant)
                names[key] = ind
                core = _core(variant)
                if core and core not in _GENERIC_CORES:
                    names[core] = ind
    return domains, names


@functools.lru_cache(maxsize=16384)
def _front_employer(employer: str) -> FrontIndicator | None:
    names = front_indicators()[1]
    return names.get(latin_key(employer)) or names.get(_core(employer))


@functools.cache
def _domain_pattern() -> re.Pattern[str]:
    domains = sorted(front_indicators()[0], key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9-])(" + "|".join(re.escape(d) for d in domains) + r")\b")


@functools.cache
def _domains_by_ending() -> dict[str, tuple[str, ...]]:
    """The listed domains grouped by their top-level domain (``.com`` → the ``.com`` ones)."""
    out: dict[str, tuple[str, ...]] = {}
    for domain in front_indicators()[0]:
        ending = domain[domain.rfind(".") :]
        out[ending] = (*out.get(ending, ()), domain)
    return out


def _mentions_listed_domain(blob: str) -> bool:
    """Whether any listed domain occurs in ``blob``, as a plain substring: a cheap test
    before the exact match. Each occurrence of a top-level domain (a few per application)
    is checked for a listed name just before it, rather than searching once per domain."""
    for ending, domains in _domains_by_ending().items():
        pos = blob.find(ending)
        while pos != -1:
            if blob.endswith(domains, 0, pos + len(ending)):
                return True
            pos = blob.find(ending, pos + 1)
    return False


def _texts_with_urls(app: EnrichedApplication) -> list[tuple[str, str]]:
    """(where, text) for every free text and address the applicant gives."""
    a = app.app
    out: list[tuple[str, str]] = []
    if a.resume is not None and a.resume.text:
        out.append(("resume", a.resume.text))
    if a.cover_letter:
        out.append(("cover letter", a.cover_letter))
    for p in a.applicant.profiles:
        if p.url:
            out.append((p.network, p.url))
    for ref in a.references:
        if ref.email:
            out.append(("reference", ref.email))
    return out


_WHERE = {"resume": "resume", "cover letter": "cover letter", "reference": "a reference's e-mail"}


@detector(
    id="HG-CNT-002",
    title="Front company or its domain named in the application",
    severity="high",
    weight=3.0,
    sources=[S1LABS, DOJ0630, DOJCHAP, OFAC],
    false_positives=[
        "a former employee of a front company who was unaware of it (still worth a review)",
        "an unrelated company that shares a name with a listed front",
    ],
)
def front_company(app: EnrichedApplication) -> Iterator[Finding]:
    """The applicant's e-mail domain, a URL or address in the resume, cover letter,
    profiles or references, or an employer on the resume is a front company (or its
    website) that the US government or SentinelLabs tied to DPRK IT workers, e.g.
    hopanatech.com or Tony WKJ LLC. Graded by the list's confidence: high 3.0, medium 2.0,
    low 1.0 (hopana.com, seen only in a third-party rendering)."""
    domains = front_indicators()[0]
    hits: list[tuple[FrontIndicator, str]] = []
    domain = app.email.domain
    if domain:
        for d in (domain, domain.split(".", 1)[-1]):
            if d in domains:
                hits.append((domains[d], "e-mail domain"))
                break
    if not hits:
        texts = _texts_with_urls(app)
        blob = " ".join([t for _, t in texts]).lower()
        if _mentions_listed_domain(blob):  # one cheap test; then the exact match, and where
            for where, text in texts:
                m = _domain_pattern().search(text.lower())
                if m:
                    hits.append((domains[m.group(1)], _WHERE.get(where, f"{where} profile")))
                    break
    resume = app.app.resume
    if resume is not None:
        for exp in resume.experience:
            if not exp.employer:
                continue
            ind = _front_employer(exp.employer)
            if ind is not None:
                hits.append((ind, "employer on the resume"))
                break
    if not hits:
        return
    best, where = max(hits, key=lambda h: _CONFIDENCE_WEIGHT.get(h[0].confidence, 1.0))
    yield front_company.finding(
        f"The {where} names {best.value}, a front for DPRK IT workers "
        f"({best.confidence} confidence).",
        evidence={
            "indicator": best.value,
            "kind": best.kind,
            "confidence": best.confidence,
            "where": where,
            "source": best.source,
        },
        weight=_CONFIDENCE_WEIGHT.get(best.confidence, 1.0),
    )


# ---- HG-CNT-003 generic, machine-written letter ---------------------------------------------

# Stock phrases of generated and template letters (lower-case; each counts once).
_STOCK_PHRASES = (
    "thrilled to apply", "excited to apply", "eager to apply", "writing to express",
    "express my interest", "express my strong interest", "valuable asset", "esteemed ",
    "cutting-edge", "cutting edge", "passion for", "passionate about", "i am confident that",
    "extensive experience", "highly motivated", "dynamic team", "fast-paced", "fast paced",
    "leverage my", "proven track record", "results-driven", "detail-oriented", "team player",
    "wealth of experience", "unique blend", "perfect fit", "meaningful impact",
    "meaningful contribution", "contribute to your", "innovative solutions", "delve",
    "tapestry", "ever-evolving", "seamless", "synergy", "thank you for considering",
    "look forward to the opportunity", "exciting opportunity", "excited about the opportunity",
    "best-in-class", "robust and scalable",
)  # fmt: skip
_DIGITS = "0123456789"


def _by_longest_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped under their longest word."""
    out: dict[str, tuple[str, ...]] = {}
    for phrase in phrases:
        key = max(phrase.split(), key=len)
        out[key] = (*out.get(key, ()), phrase)
    return out


# Each phrase is looked for only when its longest word is among the letter's words; one set
# intersection with these words picks the few phrases worth looking for.
_STOCK_BY_KEY = _by_longest_word(_STOCK_PHRASES)
_STOCK_KEYS = frozenset(_STOCK_BY_KEY)
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in ".,;:!?()[]\"'\n\t/"})
# A capitalised word not at the start of a sentence: a name, a product, a place, a tool.
_PROPER = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z0-9.+#-]+")
# Capitalised words of any letter's salutation and closing, not specifics.
_LETTER_WORDS = frozenset(
    {"Hiring", "Manager", "Team", "Sir", "Madam", "Recruiter", "Recruiting", "Talent",
     "Acquisition", "Committee", "Sincerely", "Regards", "Best", "Kind", "Warm", "HR"}
)  # fmt: skip


@detector(
    id="HG-CNT-003",
    title="Generic, machine-written cover letter with nothing specific in it",
    severity="info",
    weight=0.3,
    sources=[SEED_AI, MSFT25],
    false_positives=[
        "honest applicants who use writing assistants (many do): why the weight is tiny and "
        "a letter with concrete specifics never fires",
        "applicants writing in a second language who lean on stock phrases",
    ],
)
def generic_cover_letter(app: EnrichedApplication) -> Iterator[Finding]:
    """The cover letter is built from three or more stock phrases of generated or template
    letters ("thrilled to apply", "valuable asset to your esteemed organization") and says
    almost nothing concrete: no numbers and at most one name of a product, project, tool or
    place. A very weak signal by design: many honest applicants use writing assistants, so
    only the letter that is generic and empty fires. Graded: five or more stock phrases 0.5."""
    letter = app.app.cover_letter
    if not letter or len(letter) < 80:
        return
    if any(d in letter for d in _DIGITS):
        return  # figures: written about something real
    low = letter.lower()
    keys = _STOCK_KEYS.intersection(low.translate(_PUNCT_TO_SPACE).split())
    phrases = [p.strip() for key in keys for p in _STOCK_BY_KEY[key] if p in low]
    if len(phrases) < 3 or len(set(_PROPER.findall(letter)) - _LETTER_WORDS) > 1:
        return  # few stock phrases, or names of products, projects, places
    yield generic_cover_letter.finding(
        f"The cover letter is made of {len(phrases)} stock phrases and names nothing "
        "specific (no figures, projects, tools or places).",
        evidence={"stock_phrases": sorted(set(phrases))},
        weight=0.5 if len(phrases) >= 5 else None,
    )
