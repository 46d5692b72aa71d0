"""HireGuard: screening of job applications against remote-hiring fraud."""

__version__ = "0.1.0"
