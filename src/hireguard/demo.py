"""``hireguard demo``: the whole pipeline on built-in data, nothing to set up."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
from rich.console import Console
from rich.panel import Panel

from hireguard.cli_score import score_to, settle_output
from hireguard.intake.readers import read_jsonl
from hireguard.paths import data_dir
from hireguard.report import print_summary, write_markdown_report

console = Console()


def run_demo(*, n: int, seed: int, out_dir: Path | None) -> int:
    from hireguard.synth import generate

    folder = out_dir or data_dir() / "demo"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    population = folder / "applications.jsonl"
    assessments = folder / "assessments.jsonl"
    db_url = f"sqlite:///{folder / 'demo.db'}"

    console.print(
        Panel.fit(
            "HireGuard demo: a synthetic population of job applications (honest applicants of "
            "many backgrounds, and fraud schemes from the DPRK IT-worker advisories), scored end "
            "to end: IP intelligence, location and device checks, identity and history checks, "
            "sanctions screening, fraud-ring linkage, policy decisions and storage.",
            title="hireguard demo",
        )
    )
    with (
        console.status(f"Generating {n:,} applications (seed {seed})..."),
        population.open("wb") as handle,
    ):
        for record in generate(n, seed=seed):
            handle.write(orjson.dumps(record) + b"\n")
    console.print(f"Wrote {n:,} applications to {population}")

    settled: dict[str, bytes] = {}
    with assessments.open("wb") as out:
        summary = score_to(
            read_jsonl(population),
            out,
            source=str(population),
            db=db_url,
            policy=None,
            quiet=False,
            settled=settled,
        )
    settle_output(assessments, settled)
    print_summary(summary, console, top=8)
    report = write_markdown_report(summary, folder / "report.md", title="HireGuard demo report")
    _print_rings(db_url)
    console.print(
        f"\nAssessments: {assessments}\nReport:      {report}\nDatabase:    {db_url}\n"
        f"Next: `hireguard rings list --db {db_url}`, `hireguard detectors --stats "
        f"{population}`"
    )
    return 0


def _print_rings(db_url: str) -> None:
    try:
        from hireguard.linkage.cli import print_ring_overview
    except ImportError:
        return
    print_ring_overview(db_url, console, limit=5)
