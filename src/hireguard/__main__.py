"""``python -m hireguard`` runs the command line."""

from hireguard.cli import main

main()
