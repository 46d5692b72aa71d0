"""Screening applications against the loaded lists: :class:`Screener` and its factory."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hireguard.enrich.age import BirthYears, birth_years
from hireguard.model import Application, SanctionsMatch
from hireguard.paths import data_dir, package_data
from hireguard.sanctions.index import Hit, SanctionsIndex, token_sim
from hireguard.sanctions.names import tokenize
from hireguard.sanctions.parsers import read_paths
from hireguard.sanctions.store import current_versions, lists_dir, load_entries

if TYPE_CHECKING:
    from hireguard.enrich.types import EnrichedApplication

#: Default score at or above which a name is reported as a match. Tuned on the labelled
#: evaluation set (``bench/sanctions/make_eval.py``; see docs/sanctions.md for the figures).
DEFAULT_THRESHOLD = 0.865

#: Extra (non-contract) fields read when present: a payee's name or company, the staffing
#: agency or source company an application came through.
PAYEE_PERSON_FIELDS = ("payee_name", "account_holder")
PAYEE_ORG_FIELDS = ("payee_company", "payee", "payee_business")
AGENCY_FIELDS = ("staffing_agency", "agency", "source_company", "vendor")

_CACHE_LIMIT = 20_000  # organisations' answers kept (see Screener._org_cache)

#: A listed word counts as given by the applicant when one of the applicant's words is at
#: least this close to it (a spelling or romanisation variant, an initial: token_sim).
_COVERED_SIM = 0.75


def name_coverage(query: Sequence[str], listed: Sequence[str]) -> float:
    """The share of a listed name's words that the query's words account for, in any order
    and spelling: 1.0 when the applicant gives the whole listed name ("Hassan Khalil" for
    KHALIL, Hassan), 0.5 for "Carlos Torres" against TORRES HOYOS, Carlos Mario. Words run
    together or split count ("Jongun" for Jong Un, "Abdul Rahman" for Abdulrahman).

    OFAC's guidance on hits asks this first: how much of the listed name matches? Just
    part of it, and the hit is most likely not the listed person.
    """
    if not listed:
        return 0.0
    covered = [any(token_sim(q, tok) >= _COVERED_SIM for q in query) for tok in listed]
    given = set(query)
    for i, (left, right) in enumerate(itertools.pairwise(listed)):
        if left + right in given:
            covered[i] = covered[i + 1] = True
    for left, right in itertools.pairwise(query):
        for i, tok in enumerate(listed):
            if tok == left + right:
                covered[i] = True
    return sum(covered) / len(listed)


def to_match(hit: Hit, matched_field: str | None) -> SanctionsMatch:
    return SanctionsMatch(
        list=hit.entry.list,
        entity_id=hit.entry.entity_id,
        name=hit.entry.name,
        matched_field=matched_field,
        score=round(hit.score, 4),
        features=hit.features,
    )


class Screener:
    """Answers name and address queries, and screens whole applications.

    Args:
        index: the compiled lists.
        threshold: score at or above which a name match is reported (0..1).
        description: where the lists came from (for ``status`` and reports).
    """

    def __init__(
        self, index: SanctionsIndex, threshold: float = DEFAULT_THRESHOLD, description: str = ""
    ) -> None:
        self.index = index
        self.threshold = threshold
        self.description = description
        # Organisations' answers at the default threshold, by (name, kind, country): the
        # employers and agencies of resumes repeat from one application to the next (468
        # names for 74,628 employers in `hireguard synth` 20,000). People's names are not
        # kept here: nearly every one is new (19,035 of 20,000 applicants), and a name
        # kept past the run it came with is personal data kept for nothing.
        self._org_cache: dict[tuple[str, str, str | None], list[Hit]] = {}

    def search(
        self,
        name: str,
        *,
        kind: str | None = None,
        dob: str | None = None,
        nationality: str | None = None,
        limit: int = 10,
        threshold: float | None = None,
    ) -> list[SanctionsMatch]:
        """Listed entries matching one name, best first (only those at the threshold)."""
        hits = self._hits(name, kind, dob, nationality, threshold)
        return [to_match(h, None) for h in hits[:limit]]

    def search_address(self, address: str) -> list[SanctionsMatch]:
        """Entries listing this digital-currency address (exact after normalising)."""
        return [to_match(h, None) for h in self.index.lookup_address(address)]

    def search_id(self, number: str) -> list[SanctionsMatch]:
        """Entries listing this identity number (exact after normalising). Applications
        carry only an employer-salted hash of the national id, so this serves analysts."""
        return [to_match(h, None) for h in self.index.lookup_id(number)]

    def _hits(
        self,
        name: str,
        kind: str | None,
        dob: str | None,
        nationality: str | None,
        threshold: float | None = None,
    ) -> list[Hit]:
        th = self.threshold if threshold is None else threshold
        if kind == "organization" and dob is None and th == self.threshold:
            return self._org_hits(name, nationality)
        return self.index.search(
            name, kind=kind, dob=dob, nationality=nationality, threshold=th, limit=10
        )

    def _org_hits(self, name: str, country: str | None) -> list[Hit]:
        """An organisation's hits at the default threshold, remembered (bounded): the same
        name and country always get the same answer from one index."""
        key = (name, "organization", country)
        hits = self._org_cache.get(key)
        if hits is None:
            hits = self.index.search(
                name, kind="organization", nationality=country, threshold=self.threshold, limit=10
            )
            if len(self._org_cache) >= _CACHE_LIMIT:
                self._org_cache.clear()
            self._org_cache[key] = hits
        return hits

    def screen_application(self, app: EnrichedApplication | Application) -> list[SanctionsMatch]:
        """Every screened field of one application; best match per listed entry and field.

        Persons: the applicant's name and other names (qualified by date of birth and
        nationality), references, a payee's name. Organisations: past employers, the
        staffing agency or source company, a payee company. Exact: the crypto address.
        """
        application = app if isinstance(app, Application) else app.app
        out: list[SanctionsMatch] = []
        seen: set[tuple[str, str, str | None, str | None]] = set()
        index = self.index
        born: BirthYears | None = None  # what the resume allows, read at the first need
        for field_name, value, kind, dob, nat in _screened_fields(application):
            if kind == "crypto":
                hits = index.lookup_address(value)
            else:
                key = (" ".join(value.casefold().split()), kind, dob, nat)
                if key in seen:  # the same name again (other names often repeat it)
                    continue
                seen.add(key)
                if kind == "person":
                    hits = index.search(
                        value,
                        kind=kind,
                        dob=dob,
                        nationality=nat,
                        threshold=self.threshold,
                        limit=10,
                    )
                    if hits:  # (each search makes its hits afresh: no shared features)
                        words = tokenize(value, "person")
                        for h in hits:
                            h.features["name_coverage"] = round(
                                name_coverage(words, h.matched_name.split()), 2
                            )
                        if dob is None and field_name.startswith("applicant."):
                            born = born or birth_years(application.resume)
                            for h in hits:
                                if _ages_apart(h.entry.dobs, born):
                                    h.features["age_conflict"] = 1.0
                else:  # a repeated employer or agency: the answer kept for it
                    hits = self._org_hits(value, nat)
                    if kind == "employer" and hits:  # an employer is no ship and no aircraft
                        hits = [h for h in hits if h.entry.kind not in _NOT_EMPLOYERS]
            if hits:
                out.extend(to_match(h, field_name) for h in hits)
        if len(out) > 1:
            out.sort(key=lambda m: -m.score)
        return out


def _ages_apart(listed: Sequence[str], born: BirthYears) -> bool:
    """Whether the list gives birth years and the resume's dates rule out every one of
    them (a circa year by one more year): another person with the same name."""
    years = [
        (int(d.lstrip("~")[:4]), 1 + d.startswith("~"))
        for d in listed
        if d.lstrip("~")[:4].isdigit()
    ]
    return bool(years) and all(born.excludes(year, slack) for year, slack in years)


#: Listed kinds that cannot be an employer or a staffing agency ("Silver Cloud LLC" on a resume
#: is not the vessel ARGO I, a.k.a. SILVER CLOUD); a payee company is still screened against
#: them.
_NOT_EMPLOYERS = frozenset({"vessel", "aircraft"})


def _extra(model: Any, names: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    extra = getattr(model, "model_extra", None)
    if not extra:  # nearly every application: the contract's fields only
        return
    for n in names:
        value = extra.get(n)
        if isinstance(value, str) and value.strip():
            yield n, value
        elif isinstance(value, dict) and isinstance(value.get("name"), str):
            yield f"{n}.name", value["name"]


def _screened_fields(
    app: Application,
) -> Iterator[tuple[str, str, str, str | None, str | None]]:
    """(field path, value, kind, dob, nationality) for every screened value; ``employer``
    is an organisation that cannot be a ship or an aircraft, its "nationality" the country
    the resume gives for the job."""
    a = app.applicant
    dob = a.date_of_birth.isoformat() if a.date_of_birth else None
    yield "applicant.full_name", a.full_name, "person", dob, a.nationality
    for i, other in enumerate(a.other_names):
        if other.strip():
            yield f"applicant.other_names[{i}]", other, "person", dob, a.nationality
    for i, ref in enumerate(app.references):
        if ref.name and ref.name.strip():
            yield f"references[{i}].name", ref.name, "person", None, None
    if app.resume is not None:
        for i, exp in enumerate(app.resume.experience):
            if exp.employer and exp.employer.strip():
                field = f"resume.experience[{i}].employer"
                yield field, exp.employer, "employer", None, exp.country
    for key, value in _extra(app, AGENCY_FIELDS):
        yield key, value, "employer", None, None
    if app.payment is not None:
        p = app.payment
        if p.crypto_address and p.crypto_address.strip():
            yield "payment.crypto_address", p.crypto_address, "crypto", None, None
        for key, value in _extra(p, PAYEE_PERSON_FIELDS):
            yield f"payment.{key}", value, "person", None, None
        for key, value in _extra(p, PAYEE_ORG_FIELDS):
            yield f"payment.{key}", value, "organization", None, None


# --- building and caching -------------------------------------------------------------------


def builtin_files() -> list[Path]:
    """The lists shipped in the package (public-domain OFAC files, the UN list)."""
    folder = package_data("sanctions")
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".md"))


def _load_pickle(path: Path) -> SanctionsIndex | None:
    was_enabled = gc.isenabled()  # a caller (the pipeline) may have switched it off itself
    try:
        gc.disable()  # millions of small objects: the collector would triple the load time
        index = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    finally:
        if was_enabled:
            gc.enable()
    return index if isinstance(index, SanctionsIndex) else None


def _save_pickle(path: Path, index: SanctionsIndex) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-index-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only data folder only costs the rebuild next time


def _code_version() -> str:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    parsers = sorted((here / "parsers").glob("*.py"))  # what the entries hold comes from them
    for path in [here / "index.py", here / "names.py", here / "entries.py", *parsers]:
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


#: Read once, as the modules are imported: a file edited after the import (by an upgrade,
#: or in development) must not label an index built by the code in memory as its own.
_CODE_VERSION = _code_version()


def _index_version() -> str:
    """Changes when the matching code changes, so a stale compiled index is not reused."""
    return _CODE_VERSION


def builtin_lists() -> list[str]:
    """Names of the lists shipped in the package (one folder each, named as the list)."""
    return sorted({f.parent.name for f in builtin_files()})


#: How current each shipped list is (``data/sanctions/SOURCES.md``): OFAC's CSV files carry
#: no publication date of their own, so ``lists status`` gives these.
BUILTIN_AS_OF = {
    "us_ofac_sdn": "2024-05-03",  # (its alias and comments files: 2025-12)
    "us_ofac_cons": "2025-12-19",
    "un_sc_sanctions": "2026-02-27",
    "us_ofac_addresses": "2024-09-27",
}


def builtin_ages(names: Sequence[str], today: dt.date | None = None) -> str:
    """``name (as of DATE, N days)`` for each shipped list of ``names``."""
    today = today or dt.date.today()
    out = []
    for name in names:
        as_of = BUILTIN_AS_OF.get(name)
        if as_of is None:
            out.append(name)
            continue
        days = (today - dt.date.fromisoformat(as_of)).days
        out.append(f"{name} (as of {as_of}, {days} days)")
    return ", ".join(out)


def _builtin_signature() -> str:
    h = hashlib.sha256(_index_version().encode())
    for f in builtin_files():
        h.update(f.name.encode())
        h.update(str(f.stat().st_size).encode())
    return h.hexdigest()[:16]


def screener_from_store(root: Path | None = None) -> Screener | None:
    """A screener over the current loaded versions and the built-in lists that none of
    them replaces (a list loaded under a name takes that name's place; the others stay in
    service), or None when nothing is loaded."""
    versions = current_versions(root)
    if not versions:
        return None
    loaded = {v.list for v in versions}
    kept = [name for name in builtin_lists() if name not in loaded]
    key = hashlib.sha256(
        (
            "|".join(v.version for v in versions)
            + _index_version()
            + ("|builtin:" + _builtin_signature() + ",".join(kept) if kept else "")
        ).encode()
    ).hexdigest()[:16]
    path = lists_dir(root) / f"index-{key}.pkl"
    index = _load_pickle(path) if path.exists() else None
    if index is None:
        for old in lists_dir(root).glob("index-*.pkl"):
            old.unlink(missing_ok=True)
        # (each shipped list in its folder, named as the list: only those kept are read)
        builtin = read_paths([package_data("sanctions") / name for name in kept]) if kept else []
        index = SanctionsIndex(
            [e for v in versions for e in load_entries(v, root)]
            + [e for p in builtin for e in p.entries]
        )
        _save_pickle(path, index)
    desc = ", ".join(f"{v.list} ({v.date_label()})" for v in versions)
    if kept:
        desc += "; built-in: " + ", ".join(kept)
    return Screener(index, description=desc)


def builtin_screener() -> Screener:
    """A screener over the lists shipped in the package; its index cached in data_dir()."""
    cache = data_dir() / "lists" / f"builtin-{_builtin_signature()}.pkl"
    index = _load_pickle(cache) if cache.exists() else None
    if index is None:
        parsed = read_paths([package_data("sanctions")])
        index = SanctionsIndex(e for p in parsed for e in p.entries)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            for old in cache.parent.glob("builtin-*.pkl"):
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only data folder only costs the rebuild next time
        _save_pickle(cache, index)
    return Screener(index, description="built-in lists (" + ", ".join(builtin_lists()) + ")")


_DEFAULT: dict[str, Screener] = {}


def default_screener() -> Screener:
    """The lists loaded with ``hireguard lists load``, and the built-in ones that no loaded
    list replaces (all of them when nothing is loaded).

    Memoised per data folder and list versions within one process.
    """
    versions = current_versions()
    key = str(data_dir()) + "|" + "|".join(v.version for v in versions)
    screener = _DEFAULT.get(key)
    if screener is None:
        screener = screener_from_store() or builtin_screener()
        _DEFAULT.clear()
        _DEFAULT[key] = screener
    return screener
