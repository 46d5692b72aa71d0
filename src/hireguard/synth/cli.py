"""``hireguard synth``: write a synthetic population of applications as JSON Lines."""

from __future__ import annotations

import datetime as dt
import sys
from typing import BinaryIO

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from hireguard.synth.population import DEFAULT_START, generate

_PROGRESS_FROM = 20_000  # a progress bar on standard error for outputs at least this large


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from exc


def write_population(
    out: BinaryIO,
    n: int,
    *,
    seed: int,
    fraud_rate: float,
    start: dt.date,
    days: int,
    progress: bool,
) -> int:
    """Write ``n`` records to ``out``; return how many were fraudulent."""
    frauds = 0
    records = generate(n, seed=seed, fraud_rate=fraud_rate, start=start, days=days)
    dumps = orjson.dumps
    if not progress:
        for rec in records:
            frauds += rec["label"]["is_fraud"]
            out.write(dumps(rec) + b"\n")
        return frauds
    columns = (TextColumn("synth"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("synth", total=n)
        for i, rec in enumerate(records, 1):
            frauds += rec["label"]["is_fraud"]
            out.write(dumps(rec) + b"\n")
            if i % 2000 == 0:
                bar.update(task, completed=i)
        bar.update(task, completed=n)
    return frauds


def synth_command(
    n: int = typer.Option(1000, "-n", min=0, help="How many applications."),
    seed: int = typer.Option(
        0, "--seed", help="Seed: the same seed and options give the same bytes."
    ),
    fraud_rate: float = typer.Option(
        0.05, "--fraud-rate", min=0.0, max=1.0, help="Share of fraudulent applications."
    ),
    start: str = typer.Option(
        DEFAULT_START.isoformat(), "--start", help="First day of submissions (YYYY-MM-DD)."
    ),
    days: int = typer.Option(90, "--days", min=1, help="How many days submissions span."),
    output: str = typer.Option("-", "-o", "--output", help="Output file; '-' is standard output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Write a reproducible synthetic population of applications (JSON Lines).

    Each line is one application in the contract format with an extra ``label`` field:
    is_fraud, scheme, ring_id, benign_group. Honest applicants of many backgrounds and
    situations (travellers, VPN users, agencies, households, campuses...) and fraud schemes
    from the DPRK IT-worker advisories (laptop farms, VPN operators, hijacked profiles,
    identity rental, IP bursts). See docs/synth.md.
    """
    first_day = _parse_date(start)
    show = not quiet and n >= _PROGRESS_FROM and sys.stderr.isatty()
    if output == "-":
        frauds = write_population(
            sys.stdout.buffer,
            n,
            seed=seed,
            fraud_rate=fraud_rate,
            start=first_day,
            days=days,
            progress=show,
        )
        sys.stdout.buffer.flush()
    else:
        try:
            fh = open(output, "wb")  # noqa: SIM115 (closed below; the error is reported first)
        except OSError as exc:
            raise typer.BadParameter(
                f"cannot write {output}: {exc.strerror}", param_hint="-o"
            ) from exc
        with fh:
            frauds = write_population(
                fh, n, seed=seed, fraud_rate=fraud_rate, start=first_day, days=days, progress=show
            )
    if not quiet and output != "-":
        Console(stderr=True).print(f"Wrote {n:,} applications ({frauds:,} fraudulent) to {output}")
