"""Sanctions screening: list parsers, versioned list store, index and matcher.

The pipeline calls :func:`default_screener` once and then
:meth:`Screener.screen_application` for every application; ``hireguard lists`` and
``hireguard screen`` are in :mod:`hireguard.sanctions.cli`.
"""

from hireguard.sanctions.entries import ListEntry, ListFormatError, ParsedList
from hireguard.sanctions.rescreen import rescreen_stored
from hireguard.sanctions.screener import DEFAULT_THRESHOLD, Screener, default_screener

__all__ = [
    "DEFAULT_THRESHOLD",
    "ListEntry",
    "ListFormatError",
    "ParsedList",
    "Screener",
    "default_screener",
    "rescreen_stored",
]
