"""The work behind ``hireguard score`` and ``hireguard detectors``."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hireguard.detect.registry import all_detectors
from hireguard.intake.readers import Record, read_applications
from hireguard.model import Assessment
from hireguard.pipeline import RunSummary, assessment_json
from hireguard.report import print_summary
from hireguard.runtime import build_pipeline
from hireguard.store.db import close_db

err_console = Console(stderr=True)


class Writer(Protocol):
    """Where assessment lines go: a binary file, standard output, :class:`_LazyFile`."""

    def write(self, data: bytes, /) -> Any: ...


class _LazyFile:
    """An output file opened (and emptied) at its first write, not before: a run that
    fails before its first assessment (a bad policy, an unreadable IP list) leaves a file
    that was there as it was. A new file is readable by its owner only (assessments name
    applicants and quote their facts); a file that exists keeps the mode it has."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def open(self) -> IO[bytes]:
        if self._handle is None:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            self._handle = os.fdopen(fd, "wb")
        return self._handle

    def write(self, data: bytes, /) -> int:
        return (self._handle or self.open()).write(data)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


@contextlib.contextmanager
def _output(path: str) -> Iterator[Writer]:
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    lazy = _LazyFile(path)
    try:
        yield lazy
        lazy.open()  # (a run without a record still writes its empty output)
    finally:
        lazy.close()


def _same_file(a: str, b: str) -> bool:
    """Whether paths ``a`` and ``b`` name one file (a symlink, a hard link, another
    spelling of the path); False when either does not exist."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]scoring"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed:,} applications"),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet or not err_console.is_terminal,
        transient=True,
    )


def _error(message: str) -> None:
    """An error for the user: plain text on standard error, never wrapped."""
    typer.echo(f"error: {message}", err=True)


def score_to(
    records: Iterator[Record] | list[Record],
    out: Writer,
    *,
    source: str,
    db: str | None,
    policy: Path | None,
    store: bool = True,
    sanctions: bool = True,
    ipdb: Path | None = None,
    quiet: bool = True,
    link: bool = True,
    settled: dict[str, bytes] | None = None,
) -> RunSummary:
    """Score records into ``out`` (JSON Lines); the shared core of score, demo and bench.

    ``sanctions=False`` skips list screening and ``link=False`` linkage with the store (the
    benchmark uses both to measure the core pipeline apart from those two stages).
    ``store=False`` keeps nothing, yet still links the applications of ``records`` with each
    other (the contract's "links applications within the file"): through a temporary
    SQLite database in a private temporary folder, deleted at the end (nothing stored
    before is read). The applications assessed again after the run (ring members that came
    before their ring) go into ``settled``, application id -> assessment line, for
    :func:`settle_output`."""
    with contextlib.ExitStack() as stack:
        temporary: str | None = None
        if not store and link:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="hireguard-run-"))
            temporary = db = f"sqlite:///{Path(folder) / 'run.db'}"
            store = True
            stack.callback(close_db, temporary)  # (before the folder goes: LIFO)
        pipeline = build_pipeline(
            db, policy, store=store, sanctions=sanctions, link=link, ipdb=ipdb
        )

        def emit(a: Assessment) -> None:
            out.write(assessment_json(a) + b"\n")

        def keep(a: Assessment) -> None:
            if settled is not None:
                settled[a.application_id] = assessment_json(a)

        with _progress(quiet) as progress:
            task = progress.add_task("score", total=None)
            summary = pipeline.run(
                records,
                source=source,
                emit=emit,
                progress=lambda n: progress.advance(task, n),
                on_reassessed=keep,
            )
        if temporary is not None:
            summary.batch_id = None  # (nothing was kept)
        return summary


def settle_output(path: Path, settled: dict[str, bytes]) -> int:
    """Rewrite the assessments file ``path`` with the applications assessed again after
    the run in place of their first assessment (the last line of each such id: an earlier
    line of a re-submitted application stays as it was), streaming, and replacing the file
    atomically; returns how many lines changed. The output then says, for every member of a
    ring, what the store says: its ``cluster_id`` and its decision now that the ring is
    known, not the assessment made before the ring existed."""
    if not settled:
        return 0
    # The file itself (a symlink stays a symlink), and only a regular file: /dev/null or a
    # pipe given as -o cannot be rewritten (and /dev/null must never be replaced).
    path = path.resolve()
    if not path.is_file():
        return 0
    mode = stat.S_IMODE(path.stat().st_mode)
    last: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, line in enumerate(handle):
            aid = _line_id(line)
            if aid is not None and aid in settled:
                last[aid] = number
    changed = 0
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out, path.open("rb") as handle:
            for number, line in enumerate(handle):
                aid = _line_id(line)
                if aid is not None and last.get(aid) == number:
                    new = settled[aid] + b"\n"
                    changed += new != line
                    line = new
                out.write(line)
        os.chmod(tmp, mode)  # (mkstemp made it 0600: keep the mode the file had)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return changed


def _line_id(line: bytes) -> str | None:
    """The application id of an assessment line that is no error line."""
    try:
        a = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(a, dict) or a.get("decision") == "error":
        return None
    aid = a.get("application_id")
    return aid if isinstance(aid, str) else None


def run_score(
    file: str,
    output: str,
    *,
    input_format: str | None,
    db: str | None,
    policy: Path | None,
    store: bool,
    sanctions: bool,
    ipdb: Path | None,
    quiet: bool,
) -> int:
    if file != "-" and Path(file).is_dir():
        _error(f"cannot read {file}: it is a folder, not a file of applications")
        return 2
    if file != "-" and not Path(file).is_file():
        _error(f"cannot read {file}: no such file")
        return 2
    if output != "-" and Path(output).is_dir():
        _error(f"cannot write {output}: it is a folder; give a file name")
        return 2
    if file != "-" and output != "-" and _same_file(file, output):
        # Opening the output for writing would empty the input before a line is read.
        _error(
            f"cannot write {output}: it is the input file {file}; give another output file "
            "(the input is left as it is)"
        )
        return 2
    settled: dict[str, bytes] = {}
    try:
        records = read_applications(file, input_format)
        with _output(output) as out:
            summary = score_to(
                records,
                out,
                source=file,
                db=db,
                policy=policy,
                store=store,
                sanctions=sanctions,
                ipdb=ipdb,
                quiet=quiet,
                settled=settled,
            )
    except ValueError as exc:  # a bad policy file (PolicyError) or input format
        _error(str(exc))
        return 2
    if output != "-":
        settle_output(Path(output), settled)
    elif settled and not quiet:
        err_console.print(
            f"{len(settled):,} of the assessments written came before their ring was known; "
            "the database holds them as they are now (write to a file with -o to have them "
            "in the output)."
        )
    if not quiet:
        print_summary(summary, err_console, compact=True)
    if not summary.n_read:
        _error("no record in the file")
        return 1
    if summary.n_errors == summary.n_read:
        _error("no record in the file could be read")
        return 1
    return 0


def _label(raw: dict[str, Any] | None) -> bool | None:
    label = (raw or {}).get("label")
    if isinstance(label, dict):
        value = label.get("is_fraud")
        return bool(value) if value is not None else None
    if isinstance(label, bool):
        return label
    if isinstance(label, str):
        return label.lower() in {"fraud", "fraudulent", "true", "1"}
    return None


def detector_stats(path: Path) -> dict[str, Any]:
    """Score a labelled file (in a throwaway database) and count firings per detector."""
    labels: dict[str, bool] = {}

    def labelled() -> Iterator[Record]:
        for rec in read_applications(path):
            lab = _label(rec.raw)
            if rec.application is not None and lab is not None:
                labels[rec.application.application_id] = lab
            yield rec

    fired: dict[str, Counter[bool]] = {}
    scores: list[tuple[float, bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/stats.db"
        pipeline = build_pipeline(url)

        def emit(a: Assessment) -> None:
            lab = labels.get(a.application_id)
            if lab is None or a.decision == "error":
                return
            scores.append((a.risk_score, lab))
            for code in {r.code for r in a.reasons}:
                fired.setdefault(code, Counter())[lab] += 1

        pipeline.run(labelled(), source=str(path), emit=emit)
        close_db(url)  # (before its folder goes)
    n_fraud = sum(1 for _, lab in scores if lab)
    n_honest = len(scores) - n_fraud
    return {"n_fraud": n_fraud, "n_honest": n_honest, "fired": fired, "scores": scores}


def ranking_metrics(scores: list[tuple[float, bool]]) -> dict[str, float]:
    """ROC-AUC and recall at 1 % false positives among honest applications."""
    from sklearn.metrics import roc_auc_score, roc_curve

    y = [int(lab) for _, lab in scores]
    s = [score for score, _ in scores]
    if len(set(y)) < 2:
        return {}
    fpr, tpr, _ = roc_curve(y, s)
    recall_at_1 = max((tp for fp, tp in zip(fpr, tpr, strict=True) if fp <= 0.01), default=0.0)
    return {"roc_auc": float(roc_auc_score(y, s)), "recall_at_1pct_fpr": float(recall_at_1)}


def detectors_markdown() -> str:
    """The generated docs page: every detector's metadata."""
    lines = [
        "# Detectors",
        "",
        "Generated by `hireguard detectors --markdown` from the detectors' own metadata; do "
        "not edit by hand. Weights are natural-log likelihood ratios added by the transparent "
        "scorer (see `src/hireguard/score/transparent.py`).",
        "",
        "| id | severity | weight | title |",
        "|---|---|---:|---|",
    ]
    dets = all_detectors()
    lines += [f"| {d.id} | {d.severity} | {d.weight:g} | {d.title} |" for d in dets]
    for d in dets:
        lines += ["", f"## {d.id}: {d.title}", "", d.description, ""]
        lines.append(
            f"- severity: {d.severity}; weight: {d.weight:g}"
            + ("; hard evidence (blocks by policy)" if d.hard else "")
        )
        lines.append("- sources:")
        lines += [f"  - {s}" for s in d.sources]
        lines.append("- known false positives:")
        lines += [f"  - {s}" for s in d.false_positives]
    return "\n".join(lines) + "\n"


def run_detectors_listing(*, as_json: bool, markdown: bool, stats: Path | None) -> int:
    console = Console()
    dets = all_detectors()
    if stats is not None:
        result = detector_stats(stats)
        nf, nh = result["n_fraud"], result["n_honest"]
        table = Table(title=f"Detector firing rates on {stats} ({nh:,} honest, {nf:,} fraud)")
        for col in ("id", "title", "honest", "fraud"):
            table.add_column(col, justify="right" if col in {"honest", "fraud"} else "left")
        rows = []
        for d in dets:
            c = result["fired"].get(d.id, Counter())
            rows.append(
                {
                    "id": d.id,
                    "title": d.title,
                    "honest": c[False] / nh if nh else 0.0,
                    "fraud": c[True] / nf if nf else 0.0,
                }
            )
        metrics = ranking_metrics(result["scores"])
        if as_json:
            typer.echo(
                orjson.dumps(
                    {"detectors": rows, "n_honest": nh, "n_fraud": nf, **metrics},
                    option=orjson.OPT_INDENT_2,
                ).decode()
            )
            return 0
        for r in rows:
            table.add_row(
                str(r["id"]),
                str(r["title"]),
                f"{100 * r['honest']:.2f}%",
                f"{100 * r['fraud']:.2f}%",
            )
        console.print(table)
        if metrics:
            console.print(
                f"ROC-AUC {metrics['roc_auc']:.4f}; recall at 1% false positives "
                f"{metrics['recall_at_1pct_fpr']:.3f}"
            )
        return 0
    if markdown:
        typer.echo(detectors_markdown(), nl=False)
        return 0
    if as_json:
        typer.echo(orjson.dumps([d.metadata() for d in dets], option=orjson.OPT_INDENT_2).decode())
        return 0
    table = Table(title=f"{len(dets)} detectors")
    for col in ("id", "severity", "weight", "title"):
        table.add_column(col, justify="right" if col == "weight" else "left")
    for d in dets:
        table.add_row(d.id, d.severity + (" (hard)" if d.hard else ""), f"{d.weight:g}", d.title)
    console.print(table)
    return 0
