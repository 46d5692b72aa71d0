"""The flow: intake → enrich → link → screen → detect → score → decide → store.

:class:`Pipeline` assesses a stream of records chunk by chunk (constant memory), keeps
input order, turns unreadable records into ``error`` assessments, and stores every
application, assessment and finding in one transaction per chunk, so a failure never
loses what an earlier chunk stored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import heapq
import logging
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson
import sqlalchemy as sa

from hireguard.decide.policy import Policy
from hireguard.detect.registry import Detector, Finding, all_detectors
from hireguard.enrich import IpLookup, enrich
from hireguard.enrich.types import EnrichedApplication
from hireguard.intake.readers import Record, validate
from hireguard.model import Assessment, SanctionsMatch
from hireguard.score.transparent import TransparentScorer
from hireguard.store import tables as t
from hireguard.store.bulk import insert_rows, lookup
from hireguard.store.db import JsonText

log = logging.getLogger(__name__)

FULL_GC_EVERY = 50  # chunks between full collections (the others collect young objects)
STAGES = ("parse", "enrich", "store", "link", "screen", "detect", "score", "write")


class Screener(Protocol):
    def screen_application(self, app: EnrichedApplication) -> list[SanctionsMatch]: ...


class Linker(Protocol):
    def link_chunk(
        self, conn: sa.Connection, apps: list[EnrichedApplication], app_pks: list[int]
    ) -> None: ...


@dataclass(slots=True)
class TopItem:
    risk_score: float
    application_id: str
    decision: str
    reasons: list[dict[str, Any]]
    cluster_id: str | None


@dataclass(slots=True)
class RunSummary:
    """What one run did: counts by decision, errors, time per stage, the riskiest few."""

    source: str
    batch_id: int | None = None
    n_read: int = 0
    n_errors: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    wall_seconds: float = 0.0
    top: list[tuple[float, int, TopItem]] = field(default_factory=list)
    clusters: set[str] = field(default_factory=set)
    # Earlier applications assessed again because a ring formed: decision -> count.
    reassessed: Counter[str] = field(default_factory=Counter)
    errors_sample: list[str] = field(default_factory=list)
    # Records read with a caveat (bytes that are not UTF-8): how many, and the first few.
    n_warnings: int = 0
    warnings_sample: list[str] = field(default_factory=list)

    def keep_top(self, a: Assessment, limit: int = 10) -> None:
        """Remember ``a`` if it is among the ``limit`` riskiest so far (ties: earliest)."""
        key = (a.risk_score, -self.n_read)
        if len(self.top) >= limit and key <= self.top[0][:2]:
            return  # the common case: built nothing
        item = TopItem(
            a.risk_score,
            a.application_id,
            a.decision,
            [r.model_dump(include={"code", "message"}) for r in a.reasons[:4]],
            a.cluster_id,
        )
        if len(self.top) < limit:
            heapq.heappush(self.top, (*key, item))
        else:
            heapq.heapreplace(self.top, (*key, item))

    def riskiest(self) -> list[TopItem]:
        return [e[2] for e in sorted(self.top, key=lambda e: (-e[0], -e[1]))]

    @property
    def per_second(self) -> float:
        return self.n_read / self.wall_seconds if self.wall_seconds else 0.0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _where(exc: BaseException) -> str:
    """An exception's type and where it was raised, for the log: not its message, which
    may quote the input (a name, an address)."""
    tb = traceback.extract_tb(exc.__traceback__)
    at = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno} in {tb[-1].name}" if tb else ""
    return type(exc).__name__ + at


def error_assessment(record: Record) -> Assessment:
    return Assessment(
        application_id=record.application_id,
        risk_score=0,
        decision="error",
        reasons=[],
        error=record.error,
    )


def assessment_json(a: Assessment) -> bytes:
    """One output line (without the newline), in the contract's field order."""
    out: dict[str, Any] = {
        "application_id": a.application_id,
        "risk_score": a.risk_score,
        "decision": a.decision,
        "reasons": [r.model_dump(exclude_none=True) for r in a.reasons],
    }
    if a.decision == "error":
        out["error"] = a.error
        return orjson.dumps(out)
    out["sanctions_matches"] = [m.model_dump(exclude_none=True) for m in a.sanctions_matches]
    out["cluster_id"] = a.cluster_id
    out["model_version"] = a.model_version
    return orjson.dumps(out)


def _normalised(e: EnrichedApplication) -> dict[str, Any]:
    """The normalised values kept next to the raw application (for linking and review)."""
    return {
        "name": e.names.latin,
        "email": e.email.canonical,
        "phone": e.phone.e164 if e.phone else None,
        "address_key": e.address_key,
        "shipping_key": e.shipping_key,
        "ip_network": e.ip.network if e.ip else None,
    }


class Pipeline:
    """Assess applications; every collaborator is injected (None switches a stage off).

    Parameters:
        engine: database for storage and linkage, or None to keep nothing.
        policy: decision policy.
        ipintel: IP reference data (None: no IP facts beyond validity).
        screener: sanctions screener (None: no sanctions screening).
        linker: identity-graph linker (None: no linkage; needs ``engine``).
        scorer: the scoring model.
        detectors: detectors to run (default: all registered, less the policy's disabled).
        chunk_size: applications per transaction.
    """

    def __init__(
        self,
        *,
        engine: sa.Engine | None,
        policy: Policy,
        ipintel: IpLookup | None = None,
        screener: Screener | None = None,
        linker: Linker | None = None,
        scorer: TransparentScorer | None = None,
        detectors: Sequence[Detector] | None = None,
        chunk_size: int = 1000,
    ) -> None:
        self.engine = engine
        self.policy = policy
        self.ipintel = ipintel
        self.screener = screener
        self.linker = linker if engine is not None else None
        self.scorer = scorer or TransparentScorer()
        disabled = set(policy.disabled_detectors)
        self.detectors = [
            d
            for d in (detectors if detectors is not None else all_detectors())
            if d.id not in disabled
        ]
        self.chunk_size = chunk_size

    # -- the stream -------------------------------------------------------------------
    def run(
        self,
        records: Iterable[Record],
        *,
        source: str,
        emit: Callable[[Assessment], None] | None = None,
        progress: Callable[[int], None] | None = None,
        reassess: bool = True,
        on_reassessed: Callable[[Assessment], None] | None = None,
    ) -> RunSummary:
        """Assess every record, calling ``emit`` for each assessment in input order.

        With linkage, the stored members of rings that this run formed or merged and whose
        current assessment names no ring or another one (they came before the ring did) are
        then assessed again from the store, unless ``reassess`` is false; they are not
        emitted but given to ``on_reassessed`` (the last assessment of an application
        counts), and ``summary.reassessed`` counts their new decisions."""
        summary = RunSummary(source=source)
        # The cyclic collector, left automatic, traced each chunk's thousands of live objects
        # (models, facts, findings) again and again while the chunk was being assessed: 7 %
        # of the run. Nearly all of them are freed by reference counting when the chunk is
        # done, so the collector runs between chunks instead, over the few that remain; the
        # long-lived reference data (IP tables, sanctions index) is frozen out of its sight.
        since = dt.datetime.now(dt.UTC)
        was_enabled = gc.isenabled()
        gc.freeze()
        gc.disable()
        try:
            self._run(records, summary, emit, progress)
            if self.linker is not None and reassess:
                summary.reassessed = self.reassess_ring_members(since, emit=on_reassessed)
            return summary
        finally:
            gc.unfreeze()
            if was_enabled:
                gc.enable()

    def _run(
        self,
        records: Iterable[Record],
        summary: RunSummary,
        emit: Callable[[Assessment], None] | None,
        progress: Callable[[int], None] | None,
    ) -> RunSummary:
        source = summary.source
        started = time.perf_counter()
        if self.engine is not None:
            summary.batch_id = self._open_batch(source)
        chunk: list[Record] = []
        chunks = 0
        it = iter(records)
        while True:
            t0 = time.perf_counter()
            rec = next(it, None)
            summary.seconds["parse"] += time.perf_counter() - t0
            if rec is not None:
                chunk.append(rec)
            if chunk and (rec is None or len(chunk) >= self.chunk_size):
                for a in self._process_chunk(chunk, summary):
                    t1 = time.perf_counter()
                    if emit is not None:
                        emit(a)
                    summary.seconds["write"] += time.perf_counter() - t1
                if progress is not None:
                    progress(len(chunk))
                chunk = []
                chunks += 1
                gc.collect(2 if chunks % FULL_GC_EVERY == 0 else 1)
            if rec is None:
                break
        summary.wall_seconds = time.perf_counter() - started
        if self.engine is not None and summary.batch_id is not None:
            self._close_batch(summary)
        return summary

    def reassess_ring_members(
        self,
        since: dt.datetime,
        *,
        rounds: int = 3,
        include_left: bool = False,
        emit: Callable[[Assessment], None] | None = None,
    ) -> Counter[str]:
        """Assess again the stale members of rings changed since ``since``
        (:func:`~hireguard.linkage.reassess.stale_ring_members`) and, with ``include_left``
        (after a rebuild), the applications whose current assessment names a ring they are
        no longer in; each pass in a batch of its own named "ring update". Linking a member
        again can join it to applications stored after it, so this repeats while members are
        stale, at most ``rounds`` times. Returns the new decisions, counted."""
        from hireguard.linkage.reassess import left_ring_members, stale_ring_members

        assert self.engine is not None
        decisions: Counter[str] = Counter()
        for round_no in range(rounds):
            with self.engine.connect() as conn:
                stale = stale_ring_members(conn, since, grown=round_no == 0)
                if include_left:  # after a rebuild, which keeps unchanged rings' times
                    mismatched = stale_ring_members(conn, None, grown=False)
                    stale = sorted({*stale, *mismatched, *left_ring_members(conn)})
            if not stale:
                break
            update = RunSummary(source="ring update")
            self._run(iter_stored_records(self.engine, stale), update, emit, None)
            decisions.update(update.decisions)
        return decisions

    def assess(self, records: Iterable[Record], *, source: str = "api") -> list[Assessment]:
        """Assess a small batch in memory and return the assessments (API and tests)."""
        out: list[Assessment] = []
        self.run(records, source=source, emit=out.append)
        return out

    # -- one chunk --------------------------------------------------------------------
    def _process_chunk(self, chunk: list[Record], summary: RunSummary) -> list[Assessment]:
        secs = summary.seconds
        t0 = time.perf_counter()
        valid, enriched = self._enrich_chunk(chunk)
        t1 = time.perf_counter()
        secs["enrich"] += t1 - t0

        begin = self.engine.begin() if self.engine is not None else contextlib.nullcontext()
        with begin as conn:
            pks: list[int] = []
            stored_before: set[int] = set()
            if conn is not None:
                pks, stored_before = self._store_applications(
                    conn, summary.batch_id, valid, enriched
                )
            t2 = time.perf_counter()
            secs["store"] += t2 - t1
            if conn is not None and self.linker is not None and enriched:
                self.linker.link_chunk(conn, enriched, pks)
            t3 = time.perf_counter()
            secs["link"] += t3 - t2
            if self.screener is not None:
                for e in enriched:
                    e.sanctions = self.screener.screen_application(e)
            t4 = time.perf_counter()
            secs["screen"] += t4 - t3
            all_findings = [self._detect(e) for e in enriched]
            t5 = time.perf_counter()
            secs["detect"] += t5 - t4
            assessed = [self._assess(e, f) for e, f in zip(enriched, all_findings, strict=True)]
            t6 = time.perf_counter()
            secs["score"] += t6 - t5
            if conn is not None:
                self._store_assessments(
                    conn, summary.batch_id, pks, stored_before, assessed, all_findings
                )
            secs["store"] += time.perf_counter() - t6

        try:
            return self._in_order(chunk, assessed, summary)
        finally:
            # A library that keeps a caught exception's traceback in a local (phonenumbers'
            # ``parse`` on a number it cannot read, once in a few chunks) makes a reference
            # cycle through every frame above it, this one included: its locals, the whole
            # chunk, would then wait for the collector, which traced 100,000 objects to free
            # them (70 ms for such a chunk). Dropped here, they go by reference counting.
            del chunk, valid, enriched, all_findings, assessed

    @staticmethod
    def _in_order(
        chunk: list[Record], assessed: list[Assessment], summary: RunSummary
    ) -> list[Assessment]:
        """The chunk's assessments in input order, errors included; counted in ``summary``."""
        out: list[Assessment] = []
        it = iter(assessed)
        for rec in chunk:
            summary.n_read += 1
            if rec.warning is not None:
                summary.n_warnings += 1
                if len(summary.warnings_sample) < 3:
                    summary.warnings_sample.append(rec.warning)
            if rec.application is None:
                summary.n_errors += 1
                summary.decisions["error"] += 1
                if len(summary.errors_sample) < 5 and rec.error:
                    summary.errors_sample.append(rec.error)
                out.append(error_assessment(rec))
                continue
            a = next(it)
            summary.decisions[a.decision] += 1
            if a.cluster_id:
                summary.clusters.add(a.cluster_id)
            summary.keep_top(a)
            out.append(a)
        return out

    def _enrich_chunk(self, chunk: list[Record]) -> tuple[list[Record], list[EnrichedApplication]]:
        """The chunk's valid records and their enriched applications. A record whose facts
        cannot be read (a bug that an input reaches) becomes an ``error`` line naming its
        line, like a record that fails validation, instead of ending the run for every
        record after it; the log names the line and the exception's type, not the values
        (personal data)."""
        valid: list[Record] = []
        enriched: list[EnrichedApplication] = []
        for rec in chunk:
            if rec.application is None:
                continue
            try:
                e = enrich(rec.application, self.ipintel)
            except Exception as exc:
                log.error("line %d: enrichment failed: %s", rec.line, _where(exc))
                rec.error = (
                    f"line {rec.line}: could not be assessed: {type(exc).__name__} while "
                    "reading its facts (an internal error; please report it)"
                )
                rec.application = None
                continue
            valid.append(rec)
            enriched.append(e)
        return valid, enriched

    def _detect(self, e: EnrichedApplication) -> list[Finding]:
        found: list[Finding] = []
        for det in self.detectors:
            try:
                found.extend(det.fn(e))
            except Exception as exc:  # one detector's bug must not hide the others' findings
                log.error("detector %s failed on one application: %s", det.id, _where(exc))
        return found

    def _assess(self, e: EnrichedApplication, findings: list[Finding]) -> Assessment:
        scored = self.scorer.score(findings)
        decision = self.policy.decide(scored.risk_score, findings)
        return Assessment(
            application_id=e.app.application_id,
            risk_score=scored.risk_score,
            decision=decision,
            reasons=scored.reasons,
            sanctions_matches=e.sanctions,
            cluster_id=e.links.cluster_id,
            model_version=self.scorer.version,
        )

    # -- storage ----------------------------------------------------------------------
    def _open_batch(self, source: str) -> int:
        assert self.engine is not None
        with self.engine.begin() as conn:
            row = conn.execute(
                t.batches.insert().returning(t.batches.c.id),
                {
                    "source": source[:512],
                    "started_at": _now(),
                    "n_read": 0,
                    "n_errors": 0,
                    "decisions": {},
                    "model_version": self.scorer.version,
                },
            ).one()
        return int(row[0])

    def _close_batch(self, summary: RunSummary) -> None:
        assert self.engine is not None
        with self.engine.begin() as conn:
            conn.execute(
                t.batches.update()
                .where(t.batches.c.id == summary.batch_id)
                .values(
                    finished_at=_now(),
                    n_read=summary.n_read,
                    n_errors=summary.n_errors,
                    decisions=dict(summary.decisions),
                )
            )

    def _store_applications(
        self,
        conn: sa.Connection,
        batch_id: int | None,
        records: list[Record],
        enriched: list[EnrichedApplication],
    ) -> tuple[list[int], set[int]]:
        """Insert new applications, update re-submitted ones; return their pks in order and
        the pks of those stored before this chunk (only they can have assessments already)."""
        now = _now()
        ids = [e.app.application_id for e in enriched]
        existing = self._pks_by_id(conn, ids)
        stored_before = set(existing.values())
        new_rows: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        seen_new: set[str] = set()
        for rec, e in zip(records, enriched, strict=True):
            raw = orjson.dumps(rec.raw or {}, option=orjson.OPT_SORT_KEYS)
            # Serialised once: the raw text for the hash and the column; both JSON columns
            # as the engine's serialiser would write them.
            raw_text = JsonText(raw.decode())
            normalised = JsonText(orjson.dumps(_normalised(e)).decode())
            sha = hashlib.sha256(raw).hexdigest()
            submitted = e.app.submitted_at.astimezone(dt.UTC)
            aid = e.app.application_id
            if aid in existing or aid in seen_new:
                updates.append(
                    {
                        "b_id": aid,
                        "raw": raw_text,
                        "normalised": normalised,
                        "content_sha256": sha,
                        "submitted_at": submitted,
                        "last_batch_id": batch_id,
                    }
                )
            else:
                seen_new.add(aid)
                new_rows.append(
                    (aid, now, batch_id, raw_text, normalised, sha, submitted, batch_id)
                )
        if new_rows:
            # A plain executemany, then the new keys by id: RETURNING with a guaranteed order
            # makes SQLAlchemy insert SQLite rows one statement at a time.
            insert_rows(conn, t.applications, _APPLICATION_COLUMNS, new_rows)
            existing.update(self._pks_by_id(conn, [r[0] for r in new_rows]))
        if updates:
            conn.execute(
                t.applications.update()
                .where(t.applications.c.application_id == sa.bindparam("b_id"))
                .values(
                    raw=sa.bindparam("raw"),
                    normalised=sa.bindparam("normalised"),
                    content_sha256=sa.bindparam("content_sha256"),
                    submitted_at=sa.bindparam("submitted_at"),
                    last_batch_id=sa.bindparam("last_batch_id"),
                    redacted_at=None,
                ),
                updates,
            )
        return [existing[aid] for aid in ids], stored_before

    @staticmethod
    def _pks_by_id(conn: sa.Connection, ids: list[str]) -> dict[str, int]:
        """Stored applications' keys by application id."""
        c = t.applications.c
        return lookup(conn, c.application_id, c.pk, ids)

    def _store_assessments(
        self,
        conn: sa.Connection,
        batch_id: int | None,
        pks: list[int],
        stored_before: set[int],
        assessed: list[Assessment],
        all_findings: list[list[Finding]],
    ) -> None:
        if not pks:
            return
        now = _now()
        # Only applications stored before this chunk can have a current assessment to retire.
        earlier = [pk for pk in pks if pk in stored_before]
        for i in range(0, len(earlier), 500):
            conn.execute(
                t.assessments.update()
                .where(t.assessments.c.application_pk.in_(earlier[i : i + 500]))
                .where(t.assessments.c.is_current.is_(True))
                .values(is_current=False)
            )
        # A re-submission inside one chunk: only its last assessment stays current.
        last_index = {pk: i for i, pk in enumerate(pks)}
        rows = [
            (
                pk,
                batch_id,
                now,
                a.risk_score,
                a.decision,
                JsonText(
                    orjson.dumps([r.model_dump(exclude_none=True) for r in a.reasons]).decode()
                ),
                JsonText(
                    orjson.dumps(
                        [m.model_dump(exclude_none=True) for m in a.sanctions_matches]
                    ).decode()
                ),
                a.cluster_id,
                a.model_version,
                last_index[pk] == i,
            )
            for i, (pk, a) in enumerate(zip(pks, assessed, strict=True))
        ]
        if len(last_index) == len(pks):
            # Each application once in the chunk (the rule): a plain executemany, then the
            # new current assessments' keys (ordered RETURNING goes row by row on SQLite).
            insert_rows(conn, t.assessments, _ASSESSMENT_COLUMNS, rows)
            c = t.assessments.c
            new_pk = lookup(conn, c.application_pk, c.pk, pks, c.is_current.is_(True))
            assessment_pks = [new_pk[pk] for pk in pks]
        else:  # a re-submission inside the chunk: several new assessments of one application
            result = conn.execute(
                t.assessments.insert().returning(t.assessments.c.pk, sort_by_parameter_order=True),
                [dict(zip(_ASSESSMENT_COLUMNS, row, strict=True)) for row in rows],
            )
            assessment_pks = [r[0] for r in result]
        finding_rows = [
            (apk, f.code, f.severity, f.weight, f.hard, f.message, f.evidence)
            for apk, fs in zip(assessment_pks, all_findings, strict=True)
            for f in fs
        ]
        insert_rows(conn, t.findings, _FINDING_COLUMNS, finding_rows)


_APPLICATION_COLUMNS = (
    "application_id",
    "received_at",
    "first_batch_id",
    "raw",
    "normalised",
    "content_sha256",
    "submitted_at",
    "last_batch_id",
)
_ASSESSMENT_COLUMNS = (
    "application_pk",
    "batch_id",
    "assessed_at",
    "risk_score",
    "decision",
    "reasons",
    "sanctions_matches",
    "cluster_id",
    "model_version",
    "is_current",
)
_FINDING_COLUMNS = ("assessment_pk", "code", "severity", "weight", "hard", "message", "evidence")


def iter_stored_records(
    engine: sa.Engine, application_ids: Iterable[str] | None = None
) -> Iterator[Record]:
    """Stored applications as records again (for re-scoring), in storage order: all of
    them, or those of ``application_ids`` (looked up by id, not by reading every record).
    Applications whose personal data was removed are skipped."""
    a = t.applications
    query = sa.select(a.c.pk, a.c.raw).where(a.c.raw.is_not(None)).order_by(a.c.pk)
    if application_ids is None:
        with engine.connect() as conn:
            for pk, raw in conn.execute(query):
                yield validate(int(pk), raw, check_storable=False, stored=True)  # (checked)
        return
    with engine.connect() as conn:
        by_id = lookup(conn, a.c.application_id, a.c.pk, list(dict.fromkeys(application_ids)))
    pks = sorted(int(pk) for pk in by_id.values())
    for i in range(0, len(pks), 500):
        with engine.connect() as conn:
            rows = conn.execute(query.where(a.c.pk.in_(pks[i : i + 500]))).all()
        for pk, raw in rows:
            yield validate(int(pk), raw, check_storable=False, stored=True)  # (checked)


def rescore_stored(db_url: str | None, application_ids: Iterable[str]) -> RunSummary:
    """Assess stored applications again (after a sanctions-list update, a policy change or a
    new model): each gets a new current assessment; the earlier ones stay as history."""
    from hireguard.runtime import build_pipeline

    pipeline = build_pipeline(db_url)
    assert pipeline.engine is not None
    records = iter_stored_records(pipeline.engine, list(application_ids))
    return pipeline.run(records, source="rescore")
