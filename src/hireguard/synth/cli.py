"""``hireguard synth`` (placeholder until the generator lands)."""

from __future__ import annotations

import typer


def synth_command(n: int = typer.Option(1000, "-n", help="How many applications.")) -> None:
    """Write a reproducible synthetic population of applications (JSON Lines)."""
    typer.echo("synth is not available yet", err=True)
    raise typer.Exit(2)
