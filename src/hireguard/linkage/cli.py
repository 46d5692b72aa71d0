"""``hireguard rings``: list, show and rebuild the rings of linked applications."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from hireguard.linkage.query import RingSummary

app = typer.Typer(
    help="Fraud rings: groups of applications linked by shared identifiers.",
    no_args_is_help=True,
)

DB_OPTION = typer.Option(
    None,
    "--db",
    envvar="HIREGUARD_DB",
    help="SQLAlchemy database URL (default: SQLite in the data directory).",
)


def _url(db: str | None) -> str:
    from hireguard.store.db import default_url

    return db or default_url()


@app.command("list")
def list_rings(
    db: str = DB_OPTION,
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="Show at most this many rings."),
    min_score: float = typer.Option(0.0, "--min-score", help="Only rings scoring at least this."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
) -> None:
    """List the rings found so far, strongest first."""
    from hireguard.linkage.query import count_rings
    from hireguard.linkage.query import list_rings as query
    from hireguard.store.db import open_db

    with open_db(_url(db)).connect() as conn:
        rings = query(conn, limit=limit, min_score=min_score)
        total = count_rings(conn)
    if as_json:
        for r in rings:
            typer.echo(json.dumps(r.as_dict()))
        return
    _print_table(Console(), rings, total)


def _print_table(console: Console, rings: list[RingSummary], total: int) -> None:
    if not rings:
        console.print("No rings.")
        return
    table = Table(title=f"Rings ({len(rings)} of {total}, strongest first)")
    table.add_column("ring", no_wrap=True)
    for col in ("apps", "names", "score"):
        table.add_column(col, justify="right")
    table.add_column("held together by")
    table.add_column("seen", no_wrap=True)
    for r in rings:
        held = ", ".join(f"{k} ({n})" for k, n in list(r.links.items())[:4])
        table.add_row(
            r.cluster_id,
            str(r.size),
            str(r.identities),
            f"{r.score:.2f}",
            held,
            f"{r.first_seen:%Y-%m-%d}..{r.last_seen:%m-%d}",
        )
    console.print(table)


def print_ring_overview(db_url: str, console: Console, limit: int = 5) -> None:
    """The strongest rings in a store, as a table (used by ``hireguard demo``)."""
    from hireguard.linkage.query import count_rings, list_rings
    from hireguard.store.db import open_db

    with open_db(db_url).connect() as conn:
        rings = list_rings(conn, limit=limit)
        total = count_rings(conn)
    _print_table(console, rings, total)


@app.command("show")
def show_ring(
    cluster_id: str = typer.Argument(..., help="The ring's id (cluster_id in assessments)."),
    db: str = DB_OPTION,
    svg: Path = typer.Option(
        None, "--svg", help="Where to write the picture (default: ./<ring id>.svg)."
    ),
    names: bool = typer.Option(
        True,
        "--names/--no-names",
        help="Label the members of the picture by name (and application id where two "
        "give one name), or by application id only: a picture without names to pass on.",
    ),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of tables."),
) -> None:
    """Show one ring: members, shared identifiers, and a picture of it as SVG."""
    from hireguard.linkage.query import ring_detail
    from hireguard.linkage.svg import ring_svg
    from hireguard.store.db import open_db

    with open_db(_url(db)).connect() as conn:
        detail = ring_detail(conn, cluster_id)
    if detail is None:
        typer.echo(f"No ring {cluster_id!r}; `hireguard rings list` shows the rings.", err=True)
        raise typer.Exit(1)
    path = svg or Path(f"{cluster_id}.svg")
    path.write_text(ring_svg(detail, names=names), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps({**detail.as_dict(), "picture": str(path)}))
        return
    console = Console()
    s = detail.summary
    console.print(
        f"[bold]Ring {s.cluster_id}[/bold]: {s.size} applications, {s.identities} identities, "
        f"score {s.score:.2f}, seen {s.first_seen:%Y-%m-%d %H:%M} to {s.last_seen:%Y-%m-%d %H:%M}"
    )
    members = Table(title="Members")
    for col in ("application", "name", "submitted"):
        members.add_column(col)
    for m in detail.members:
        members.add_row(m.application_id, m.name or "(removed)", f"{m.submitted_at:%Y-%m-%d %H:%M}")
    console.print(members)
    shared = Table(title="Shared identifiers (salted fingerprints, never the values)")
    for col in ("kind", "fingerprint", "members"):
        shared.add_column(col)
    for v in detail.shared:
        shared.add_row(v.kind, v.fingerprint, f"{len(v.members)}: " + ", ".join(v.members[:8]))
    console.print(shared)
    console.print(f"Picture: {path}")


@app.command("rebuild")
def rebuild(
    db: str = DB_OPTION,
    reassess: bool = typer.Option(
        True,
        "--reassess/--no-reassess",
        help="Then assess again the applications whose current assessment names another "
        "ring than the rebuilt one, or none, or a ring they are no longer in.",
    ),
) -> None:
    """Recompute every ring from the stored identifiers (ring ids are kept where they can be),
    then bring the members' current assessments in line with the rebuilt rings."""
    import datetime as dt

    from hireguard.linkage.rebuild import rebuild_rings

    console = Console(stderr=True)
    url = _url(db)
    started = dt.datetime.now(dt.UTC)
    with console.status("rebuilding rings") as status:
        stats = rebuild_rings(url, progress=lambda msg: status.update(msg))
    console.print(
        f"{stats.rings} rings, {stats.members} members, from {stats.applications} applications "
        f"({stats.pairs} linked pairs, {stats.edges} edges; {stats.kept_ids} ring ids kept, "
        f"{stats.split_components} large components split) in {stats.seconds:.1f} s"
    )
    if not reassess:
        return
    from hireguard.runtime import build_pipeline

    with console.status("assessing again the applications whose ring changed"):
        done = build_pipeline(url).reassess_ring_members(started, include_left=True)
    now = ", ".join(f"{n:,} {d}" for d, n in sorted(done.items()))
    console.print(
        f"{done.total():,} application(s) assessed again to match the rebuilt rings"
        + (f" (now {now})." if done else ".")
    )
