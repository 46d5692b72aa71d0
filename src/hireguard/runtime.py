"""Assembling a pipeline from what is installed and configured.

The command line, the demo and the API build their pipeline here, so they behave alike.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from hireguard.decide.policy import Policy
from hireguard.enrich import IpLookup
from hireguard.pipeline import Linker, Pipeline, Screener
from hireguard.store.db import open_db

log = logging.getLogger(__name__)


def load_ipintel(ipdb: Path | None = None) -> IpLookup:
    """The shipped IP data, or a MaxMind/IPinfo ``.mmdb`` (``--ipdb``, ``HIREGUARD_IPDB``)."""
    from hireguard.enrich.ipintel import IpIntel, IpIntelError, TorExitsError

    path = ipdb or _env_path("HIREGUARD_IPDB")
    tor = _env_path("HIREGUARD_TOR_EXITS")
    try:
        if path is not None:
            return IpIntel.from_mmdb(path, _env_path("HIREGUARD_IPDB_ASN"), tor_exits=tor)
        return IpIntel.default(tor_exits=tor)
    except TorExitsError as exc:
        # The list's path came from the environment: say so, or the user looks for a file
        # named on no command line.
        raise IpIntelError(
            f"HIREGUARD_TOR_EXITS: {exc} (point the variable at the Tor Project's exit list, "
            "or unset it to score without one)"
        ) from exc


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def load_screener() -> Screener:
    """The loaded sanctions lists, or the built-in ones when none were loaded."""
    from hireguard.sanctions import default_screener

    return default_screener()


def load_linker() -> Linker:
    from hireguard.linkage import Linker as IdentityLinker
    from hireguard.linkage import default_salt

    return IdentityLinker(salt=default_salt())


def build_pipeline(
    db_url: str | None = None,
    policy_path: Path | None = None,
    *,
    store: bool = True,
    sanctions: bool = True,
    link: bool = True,
    ipdb: Path | None = None,
    chunk_size: int = 1000,
) -> Pipeline:
    # The files a user gives first (policy, IP data): a mistake in one is reported before a
    # database is created or opened.
    policy = Policy.load(policy_path)
    ipintel = load_ipintel(ipdb)
    engine = open_db(db_url) if store else None
    return Pipeline(
        engine=engine,
        policy=policy,
        ipintel=ipintel,
        screener=load_screener() if sanctions else None,
        linker=load_linker() if (link and engine is not None) else None,
        chunk_size=chunk_size,
    )
