"""``hireguard lists`` and ``hireguard screen`` (placeholder until the sanctions package lands)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Load, sync and inspect sanctions lists.", no_args_is_help=True)


@app.command("status")
def status() -> None:
    """Show which sanctions lists are loaded and how old they are."""
    typer.echo("no lists loaded")


def screen_command(name: str = typer.Argument(None, help="Name to search for.")) -> None:
    """Search the loaded sanctions lists for one person or organisation."""
    typer.echo("sanctions screening is not available yet", err=True)
    raise typer.Exit(2)
