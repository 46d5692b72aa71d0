"""The ``hireguard`` command line (typer + rich).

Sub-commands of other packages are defined next to their code (``sanctions/cli.py``,
``linkage/cli.py``, ``synth/cli.py``) and attached here.
"""

from __future__ import annotations

from pathlib import Path

import typer

from hireguard import __version__
from hireguard.linkage.cli import app as rings_app
from hireguard.sanctions.cli import app as lists_app
from hireguard.sanctions.cli import screen_command
from hireguard.synth.cli import synth_command

app = typer.Typer(
    name="hireguard",
    help=(
        "Screen job applications for remote-hiring fraud (DPRK IT workers, laptop farms):\n"
        "risk scores with reasons, sanctions screening and fraud-ring linkage."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hireguard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """HireGuard."""


DB_OPTION = typer.Option(
    None,
    "--db",
    envvar="HIREGUARD_DB",
    help="SQLAlchemy database URL (default: SQLite in the data directory).",
)
POLICY_OPTION = typer.Option(
    None,
    "--policy",
    exists=True,
    dir_okay=False,
    help="Decision policy YAML (default: the shipped policy).",
)


@app.command("score")
def score_command(
    file: str = typer.Argument(..., help="Applications, JSON Lines or CSV; '-' is standard input."),
    output: str = typer.Option("-", "-o", "--output", help="Where to write assessments."),
    input_format: str = typer.Option(
        None, "--format", help="jsonl or csv (default: from the file name)."
    ),
    db: str = DB_OPTION,
    policy: Path = POLICY_OPTION,
    store: bool = typer.Option(True, "--store/--no-store", help="Keep results in the database."),
    sanctions: bool = typer.Option(True, "--sanctions/--no-sanctions", help="Screen lists."),
    ipdb: Path = typer.Option(
        None,
        "--ipdb",
        envvar="HIREGUARD_IPDB",
        exists=True,
        dir_okay=False,
        help="A MaxMind/IPinfo .mmdb file to use instead of the shipped IP data.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Assess every application in FILE, one assessment a line, in input order.

    Links each application with those stored before, stores everything, and ends with a
    one-screen summary on standard error. A bad record gives an `error` line; the run
    goes on and exits 0 unless nothing could be read.
    """
    from hireguard.cli_score import run_score

    code = run_score(
        file,
        output,
        input_format=input_format,
        db=db,
        policy=policy,
        store=store,
        sanctions=sanctions,
        ipdb=ipdb,
        quiet=quiet,
    )
    raise typer.Exit(code)


@app.command("detectors")
def detectors_command(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable metadata."),
    markdown: bool = typer.Option(False, "--markdown", help="The docs page (Markdown)."),
    stats: Path = typer.Option(
        None,
        "--stats",
        exists=True,
        dir_okay=False,
        help="A labelled JSON Lines file: how often each detector fires on honest and "
        "fraudulent applications.",
    ),
) -> None:
    """List every detector: id, severity, weight, title (detection as code)."""
    from hireguard.cli_score import run_detectors_listing

    raise typer.Exit(run_detectors_listing(as_json=as_json, markdown=markdown, stats=stats))


@app.command("demo")
def demo_command(
    n: int = typer.Option(3000, "-n", help="How many synthetic applications."),
    seed: int = typer.Option(7, "--seed", help="Seed of the synthetic population."),
    out_dir: Path = typer.Option(
        None, "--out", help="Folder for the demo's files (default: <data dir>/demo)."
    ),
) -> None:
    """The whole pipeline on built-in data, with nothing to set up.

    Generates a population of honest and fraudulent applications, scores it into a fresh
    demo database, and shows decision counts, the riskiest applications with their reasons,
    the rings found, and where the report was written.
    """
    from hireguard.demo import run_demo

    raise typer.Exit(run_demo(n=n, seed=seed, out_dir=out_dir))


@app.command("serve")
def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    db: str = DB_OPTION,
    policy: Path = POLICY_OPTION,
) -> None:
    """Run the REST API and the analyst queue page (uvicorn)."""
    import uvicorn

    from hireguard.api import create_app
    from hireguard.runtime import build_pipeline

    uvicorn.run(create_app(build_pipeline(db, policy)), host=host, port=port)


app.add_typer(lists_app, name="lists")
app.add_typer(rings_app, name="rings")
app.command("screen")(screen_command)
app.command("synth")(synth_command)


def main() -> None:
    app()
