"""``hireguard rings`` (placeholder until the linkage package lands)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Fraud rings: groups of applications linked by shared identifiers.",
                  no_args_is_help=True)


@app.command("list")
def list_rings() -> None:
    """List the rings found so far."""
    typer.echo("no rings")
