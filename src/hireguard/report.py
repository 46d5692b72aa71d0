"""What an analyst sees after a run: a one-screen summary and a report file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.table import Table

from hireguard.pipeline import RunSummary

DECISION_STYLE = {
    "allow": "green",
    "verify": "yellow",
    "review": "bold red",
    "block": "bold white on red",
    "error": "magenta",
}
DECISION_ORDER = ("block", "review", "verify", "allow", "error")


def decision_table(summary: RunSummary) -> Table:
    table = Table(title=f"Decisions on {summary.n_read:,} applications", expand=False)
    table.add_column("decision")
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    for d in DECISION_ORDER:
        n = summary.decisions.get(d, 0)
        share = f"{100 * n / summary.n_read:.1f}%" if summary.n_read else "-"
        table.add_row(f"[{DECISION_STYLE[d]}]{d}[/]", f"{n:,}", share)
    return table


def top_table(summary: RunSummary, limit: int = 10, *, compact: bool = False) -> Table:
    """The riskiest applications with their main reasons; ``compact``: one line each (the
    reasons' codes and the first one's message, cut to the width), for a one-screen summary."""
    table = Table(title="Highest risk first", expand=True, show_lines=not compact)
    table.add_column("application", no_wrap=True)
    table.add_column("risk", justify="right")
    table.add_column("decision")
    table.add_column("ring", no_wrap=True)
    table.add_column("main reasons", ratio=1, no_wrap=compact, overflow="ellipsis")
    for item in summary.riskiest()[:limit]:
        if compact:
            codes = ", ".join(r["code"] for r in item.reasons[:4])
            first = item.reasons[0]["message"] if item.reasons else ""
            reasons = f"[dim]{codes}[/] {first}"
        else:
            reasons = "\n".join(f"[dim]{r['code']}[/] {r['message']}" for r in item.reasons[:3])
        table.add_row(
            item.application_id,
            f"{item.risk_score:.0f}",
            f"[{DECISION_STYLE.get(item.decision, '')}]{item.decision}[/]",
            item.cluster_id or "",
            reasons,
        )
    return table


def _reassessed_line(summary: RunSummary) -> str:
    now = ", ".join(
        f"{summary.reassessed[d]:,} {d}" for d in DECISION_ORDER if summary.reassessed.get(d)
    )
    return (
        f"{summary.reassessed.total():,} earlier application(s) assessed again because a ring "
        f"they belong to formed or merged (now {now}); `hireguard rings show` lists them."
    )


def print_summary(
    summary: RunSummary, console: Console, *, top: int = 5, compact: bool = False
) -> None:
    console.print(decision_table(summary))
    if summary.n_errors:
        console.print(f"[magenta]{summary.n_errors:,} record(s) could not be read[/], e.g.:")
        for err in summary.errors_sample[:3]:
            console.print(f"  {err}")
    if summary.n_warnings:
        console.print(
            f"[yellow]{summary.n_warnings:,} record(s) held bytes that are not UTF-8[/] "
            "(read with replacement characters), e.g.:"
        )
        for warning in summary.warnings_sample[:2]:
            console.print(f"  {warning}")
    if summary.clusters:
        console.print(f"{len(summary.clusters):,} fraud ring(s) touched by this batch.")
    if summary.reassessed:
        console.print(_reassessed_line(summary))
    if top and summary.top:
        console.print(top_table(summary, top, compact=compact))
    console.print(
        f"{summary.n_read:,} applications in {summary.wall_seconds:.1f} s "
        f"({summary.per_second:,.0f}/s)"
        + (f"; batch {summary.batch_id} stored." if summary.batch_id else "; nothing stored.")
    )


def write_markdown_report(summary: RunSummary, path: Path, *, title: str) -> Path:
    """A short Markdown report for the record: counts, and the riskiest applications."""
    lines = [
        f"# {title}",
        "",
        f"Generated {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} from "
        f"`{summary.source}`: {summary.n_read:,} applications.",
        "",
        "| decision | count |",
        "|---|---:|",
    ]
    lines += [f"| {d} | {summary.decisions.get(d, 0):,} |" for d in DECISION_ORDER]
    if summary.reassessed:
        lines += ["", _reassessed_line(summary)]
    lines += ["", "## Highest-risk applications", ""]
    for item in summary.riskiest():
        ring = f", ring `{item.cluster_id}`" if item.cluster_id else ""
        lines.append(f"### {item.application_id}: {item.risk_score:.0f} ({item.decision}{ring})")
        lines.append("")
        lines += [f"- **{r['code']}** {r['message']}" for r in item.reasons]
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
