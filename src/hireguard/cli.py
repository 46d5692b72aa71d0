"""The ``hireguard`` command line (typer + rich).

Sub-commands of other packages are defined next to their code (``sanctions/cli.py``,
``linkage/cli.py``, ``synth/cli.py``) and attached here.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

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
    # Help texts are Markdown: a docstring's paragraphs reflow to the terminal's width.
    rich_markup_mode="markdown",
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
    store: bool = typer.Option(
        True,
        "--store/--no-store",
        help="Keep applications and assessments in the database. With --no-store nothing is "
        "kept, and the applications are linked with each other within the file only (in a "
        "temporary database deleted at the end), not with those stored before.",
    ),
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

    Links the applications with each other and with those stored before, stores
    everything (unless --no-store), and ends with a one-screen summary on standard error.
    A bad record gives an `error` line; the run goes on and exits 0 unless nothing could
    be read.
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

    if stats is not None and not _has_labels(stats):
        _fail(
            f"{stats} has no labelled application: --stats needs a JSON Lines file whose "
            'applications carry a "label" field (true/false, "fraud"/"honest", or '
            '{"is_fraud": ...}), such as `hireguard synth` writes'
        )

    raise typer.Exit(run_detectors_listing(as_json=as_json, markdown=markdown, stats=stats))


@app.command("demo")
def demo_command(
    n: int = typer.Option(3000, "-n", min=0, help="How many synthetic applications."),
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
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    db: str = DB_OPTION,
    policy: Path = POLICY_OPTION,
) -> None:
    """Run the REST API and the analyst queue page (uvicorn)."""
    import uvicorn

    from hireguard.api import create_app
    from hireguard.runtime import build_pipeline

    uvicorn.run(create_app(build_pipeline(db, policy)), host=host, port=port)


def _rings_read_existing(ctx: typer.Context) -> None:
    # `rings list`, `show` and `rebuild` work on a database that `score` filled: a SQLite
    # file that does not exist (a misspelt --db) is an error, not a new empty database.
    from hireguard.store.db import existing_databases_only

    if ctx.invoked_subcommand is not None:
        ctx.with_resource(existing_databases_only(f"`hireguard rings {ctx.invoked_subcommand}`"))


app.add_typer(lists_app, name="lists")
app.add_typer(rings_app, name="rings", callback=_rings_read_existing)
app.command("screen")(screen_command)
app.command("synth")(synth_command)


def _escape_angle_brackets(typer_app: typer.Typer) -> None:
    """Keep ``<data dir>``-style placeholders in parameter help visible under Markdown help
    (``rich_markup_mode="markdown"`` would take them for HTML tags and drop them)."""
    import inspect

    from typer.models import ParameterInfo

    for command in typer_app.registered_commands:
        if command.callback is None:
            continue
        for param in inspect.signature(command.callback).parameters.values():
            info = param.default
            if isinstance(info, ParameterInfo) and info.help:
                info.help = re.sub(r"(?<!\\)<", r"\\<", info.help)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _escape_angle_brackets(group.typer_instance)


_escape_angle_brackets(app)


def _has_labels(path: Path) -> bool:
    """Whether at least one application of ``path`` carries a usable ``label``."""
    from hireguard.cli_score import _label
    from hireguard.intake.readers import read_applications

    return any(
        rec.application is not None and _label(rec.raw) is not None
        for rec in read_applications(path)
    )


# ---------------------------------------------------------------------------------------------
# Ordinary user mistakes (a wrong path, an unreachable database) as one line, not a traceback


def _fail(message: str, code: int = 2) -> NoReturn:
    """``error: <message>`` on standard error, unwrapped, then exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


_OS_PROBLEM = {
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
}


def _os_message(exc: OSError) -> str:
    problem = _OS_PROBLEM.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    if exc.filename is None:
        return problem
    if exc.filename2 is not None:
        return f"{exc.filename} -> {exc.filename2}: {problem}"
    return f"{exc.filename}: {problem}"


def _mask_password(url: str) -> str:
    """``url`` with the password of its ``user:password@`` part replaced by ``***``."""
    return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)


def _db_url(argv: list[str]) -> str:
    """The database URL this run used: ``--db``, else ``HIREGUARD_DB``, else the default."""
    url: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            url = argv[i + 1]
        elif arg.startswith("--db="):
            url = arg[len("--db=") :]
    if url is None:
        from hireguard.store.db import default_url

        url = default_url()
    return _mask_password(url)


def _db_message(exc: Exception, argv: list[str]) -> str:
    """One line for a database error: the URL (password masked) and the driver's reason,
    without the SQL statement or its parameters (which can hold applicants' data)."""
    import sqlalchemy.exc as sa_exc

    url = _db_url(argv)
    if isinstance(exc, sa_exc.NoSuchModuleError):
        return (
            f"cannot use the database {url}: unknown kind of database; give an SQLAlchemy "
            "URL such as sqlite:///path/to/hireguard.db or postgresql+psycopg://user@host/db"
        )
    if isinstance(exc, sa_exc.ArgumentError):
        return (
            f"cannot use the database {url}: not a database URL; give an SQLAlchemy URL such "
            "as sqlite:///path/to/hireguard.db or postgresql+psycopg://user@host/db"
        )
    orig = getattr(exc, "orig", None)
    reason = str(orig) if orig is not None else str(exc).split("\n[SQL:", 1)[0]
    reason = " ".join(line.strip() for line in reason.splitlines() if line.strip())
    return f"cannot use the database {url}: {_mask_password(reason)}"


def main() -> None:
    """Run the command line; ordinary mistakes end in one ``error:`` line and exit code 2.

    Unexpected exceptions keep their traceback: they are bugs to see, not to hide."""
    import sqlalchemy.exc as sa_exc

    from hireguard.decide.policy import PolicyError
    from hireguard.enrich.ipintel import IpIntelError
    from hireguard.sanctions.entries import ListFormatError
    from hireguard.store.db import DatabaseMissingError, close_all

    # Whatever a command creates (database, outputs, pictures, reports, caches) holds or
    # derives from personal data: its owner's only. Existing files keep their modes.
    umask = os.umask(0o077)
    argv = sys.argv[1:]
    try:
        app()
    except BrokenPipeError:
        # The reader of our output went away (`hireguard ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        typer.echo(f"error: {_os_message(exc)}", err=True)
        sys.exit(2)
    except (sa_exc.ArgumentError, sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        typer.echo(f"error: {_db_message(exc, argv)}", err=True)
        sys.exit(2)
    except (IpIntelError, PolicyError, ListFormatError, DatabaseMissingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    finally:
        # Every database closed, SQLite checkpointed: the .db file then holds all the data
        # (it had stayed in the -wal file, and a copy of the .db alone had no tables).
        close_all()
        # The process ends here. Without this, the collector's passes at interpreter exit
        # walk the sanctions index's millions of objects: 0.9 s of the 2.2 s that
        # `hireguard screen NAME` took. Frozen objects are still freed, only not searched.
        gc.freeze()
        os.umask(umask)  # (for a caller that runs commands in its own process: tests)
