"""``hireguard lists load|sync|status`` and ``hireguard screen``."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson
import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from hireguard.sanctions.entries import ListFormatError, ParsedList
from hireguard.sanctions.index import Hit
from hireguard.sanctions.screener import DEFAULT_THRESHOLD, Screener, default_screener, to_match

if TYPE_CHECKING:
    from hireguard.sanctions.store import Summary

app = typer.Typer(help="Load, sync and inspect sanctions lists.", no_args_is_help=True)
err = Console(stderr=True)
out = Console()

#: Where ``lists sync`` downloads each list (the publishers' own addresses).
SYNC_SOURCES: dict[str, list[str]] = {
    "us_ofac_sdn": [
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV",
    ],
    "us_ofac_cons": [
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV",
    ],
    "un_sc_sanctions": ["https://scsanctions.un.org/resources/xml/en/consolidated.xml"],
    "eu_fsf": [
        "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
        "?token=dG9rZW4tMjAxNw"
    ],
    "gb_hmt_sanctions": [
        "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
    ],
}


#: Names the lists had before they took OpenSanctions' dataset names (as the contract's
#: examples do), still understood by ``--list``.
_FORMER_NAMES = {"un_sc": "un_sc_sanctions", "gb_hmt": "gb_hmt_sanctions"}


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )


def load_paths(paths: list[Path], *, rescreen: bool = True, db: str | None = None) -> int:
    """Parse, store and switch to new versions; re-screen stored applications. Exit code."""
    from hireguard.sanctions.parsers import read_paths
    from hireguard.sanctions.store import save_version

    with err.status("reading list files"):
        try:
            parsed = read_paths(paths)
        except ListFormatError as exc:
            err.print(f"[red]error:[/red] {exc}")
            err.print("nothing was loaded; the lists in service are unchanged")
            return 1
    table = Table("list", "publisher", "published", "entries", "status", title="Loaded")
    changed = False
    for p in parsed:
        loss = _weaker_than_in_service(p)
        if loss:
            p.warnings.insert(0, loss)
        _version, is_new = save_version(p)
        changed |= is_new
        by_address = sum(e.kind == "unknown" for e in p.entries)
        table.add_row(
            p.list,
            p.publisher,
            p.published or "not in the file",
            f"{len(p.entries) - by_address}"
            + (f" (+{by_address} by address only)" if by_address else ""),
            "new version" if is_new else "unchanged",
        )
        for w in p.warnings:
            if w == loss:
                err.print(f"[bold red]WARNING:[/bold red] [bold]{w}[/bold]")
            else:
                err.print(f"[yellow]warning:[/yellow] {w}")
    out.print(table)
    if changed and rescreen:
        _rescreen(db)
    return 0


def _weaker_than_in_service(p: ParsedList) -> str | None:
    """A loud warning when ``p`` holds less than the version of its list in service (a
    loaded version, or else the list shipped with HireGuard): fewer entries, an older
    edition, no aliases or addresses. The load goes on (the user may mean it)."""
    from hireguard.sanctions.screener import BUILTIN_AS_OF, builtin_lists
    from hireguard.sanctions.store import (
        Summary,
        current_version,
        date_label,
        lists_dir,
        weaker,
    )

    current = current_version(p.list)
    if current is not None:
        old = Summary.of_version(current)
        where = f"loaded {current.loaded_at[:10]}, {date_label(current.published)}"
        back = "load its files again to put it back"
    elif p.list in builtin_lists():
        as_of = BUILTIN_AS_OF.get(p.list)
        old = _shipped_summary(p.list, as_of)
        where = "shipped with HireGuard" + (f", as of {as_of}" if as_of else "")
        back = f"remove {lists_dir() / p.list} to go back to it"
    else:
        return None
    lost = weaker(Summary.of(p.entries, p.published, p.parts), old)
    if not lost:
        return None
    return (
        f"{p.list}: the files loaded hold less than the version they replace in service "
        f"({where}): {'; '.join(lost)}. Loaded as asked; {back}."
    )


@functools.lru_cache(maxsize=8)
def _shipped_summary(list_name: str, as_of: str | None) -> Summary:
    """What the list shipped in the package holds (read once a process: seconds for the
    SDN list). Its date: the file's, or the date ``SOURCES.md`` gives its files."""
    from hireguard.paths import package_data
    from hireguard.sanctions.parsers import read_paths
    from hireguard.sanctions.store import Summary

    shipped = read_paths([package_data("sanctions") / list_name])
    return Summary.of(
        [e for s in shipped for e in s.entries], shipped[0].published or as_of, shipped[0].parts
    )


def _rescreen(db: str | None) -> None:
    from hireguard.sanctions.rescreen import rescreen_stored

    with err.status("compiling the index"):
        screener = default_screener()
    with _progress() as bar:
        task = bar.add_task("re-screening stored applications", total=None)
        new = rescreen_stored(db, screener=screener, progress=lambda n: bar.advance(task, n))
    matches = sum(len(m) for _, m in new)
    out.print(f"re-screened stored applications: {len(new)} with {matches} new matches")


@app.command("load")
def load(
    paths: list[Path] = typer.Argument(..., help="List files, or folders holding a CSV set."),
    rescreen: bool = typer.Option(True, help="Re-screen stored applications afterwards."),
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="HIREGUARD_DB",
        help="SQLAlchemy database URL (default: SQLite in the data directory).",
    ),
) -> None:
    """Load sanctions-list files in their official formats (format told from the content)."""
    raise typer.Exit(load_paths(paths, rescreen=rescreen, db=db))


@app.command("sync")
def sync(
    only: list[str] = typer.Option([], "--list", help="Only these lists (e.g. un_sc_sanctions)."),
    rescreen: bool = typer.Option(True, help="Re-screen stored applications afterwards."),
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="HIREGUARD_DB",
        help="SQLAlchemy database URL (default: SQLite in the data directory).",
    ),
) -> None:
    """Download the current official lists from their publishers, then load them."""
    import httpx

    only = [_FORMER_NAMES.get(name, name) for name in only]
    wanted = {k: v for k, v in SYNC_SOURCES.items() if not only or k in only}
    if not wanted:
        err.print(f"[red]error:[/red] no such list; known: {', '.join(SYNC_SOURCES)}")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="hireguard-sync-") as tmp:
        folders: list[Path] = []
        with _progress() as bar:
            task = bar.add_task("downloading", total=sum(len(v) for v in wanted.values()))
            for list_name, urls in wanted.items():
                folder = Path(tmp) / list_name
                folder.mkdir()
                try:
                    for url in urls:
                        name = url.rsplit("/", 1)[-1].split("?")[0].lower() or "list"
                        resp = httpx.get(url, timeout=120, follow_redirects=True)
                        resp.raise_for_status()
                        (folder / name).write_bytes(resp.content)
                        bar.advance(task)
                except httpx.HTTPError as exc:
                    err.print(
                        f"[red]error:[/red] {list_name}: download of {url} failed "
                        f"({_why(exc, url)}); skipped, its version in service stays"
                    )
                    continue
                folders.append(folder)
        if not folders:
            err.print("nothing downloaded; the lists in service are unchanged")
            raise typer.Exit(1)
        raise typer.Exit(load_paths(folders, rescreen=rescreen, db=db))


def _why(exc: Exception, url: str) -> str:
    """Why a download failed, naming the host (the bare error says only "Name or service
    not known" when offline)."""
    import httpx

    host = httpx.URL(url).host
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return f"cannot reach {host}: {text}; offline, or a proxy needed?"
    if isinstance(exc, httpx.TimeoutException):
        return f"{host} did not answer in time: {text}"
    return text


@app.command("status")
def status() -> None:
    """Show which sanctions lists are loaded and how old they are."""
    from hireguard.sanctions.screener import builtin_ages, builtin_lists
    from hireguard.sanctions.store import all_versions, current_versions

    versions = current_versions()
    if not versions:
        out.print(
            "no lists loaded: screening uses the lists shipped with HireGuard: "
            f"{builtin_ages(builtin_lists())}. Run `hireguard lists sync` or "
            "`hireguard lists load PATH` for current ones."
        )
        return
    # (no vertical rules: the whole table fits 80 columns, a pipe's width)
    table = Table(
        "list", "published", "age", "loaded", "entries", "checksum", "kept", box=box.SIMPLE_HEAD
    )
    undated = False
    for v in versions:
        age = v.age_days() if v.published else None
        undated = undated or not v.published
        table.add_row(
            v.list,
            v.published or "-",
            "-" if age is None else str(age),
            v.loaded_at[:10],
            str(v.entries),
            v.checksum[:8],
            str(len(all_versions(v.list))),
        )
    out.print(table)
    out.print("age: days since publication; kept: versions kept for audit")
    if undated:
        out.print(
            "-: the file gives no publication date (OFAC's CSV files do not): its age is "
            "unknown; check the publisher's date before relying on it."
        )
    loaded = {v.list for v in versions}
    kept = [name for name in builtin_lists() if name not in loaded]
    if kept:
        out.print(
            "also in service, shipped with HireGuard (no version of them loaded): "
            + builtin_ages(kept)
        )


_DOB = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
_CC = re.compile(r"^[A-Za-z]{2}$")


def _real_date(value: str) -> bool:
    """Whether a YYYY or YYYY-MM-DD string (already matched by ``_DOB``) is a real date."""
    if len(value) == 4:
        return int(value) >= 1
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_query(q: dict[str, Any]) -> str | None:
    """Why a batch query is unusable (naming the field, never its value), or None."""
    query_id = q.get("query_id")
    if query_id is None:
        return "field query_id: required field is missing"
    if isinstance(query_id, bool) or not isinstance(query_id, str | int):
        return "field query_id: must be a string or an integer"
    if isinstance(query_id, str) and not query_id.strip():
        return "field query_id: must not be empty"
    name, crypto = q.get("name"), q.get("crypto_address")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        return "field 'name' must be a non-empty string"
    if crypto is not None and (not isinstance(crypto, str) or not crypto.strip()):
        return "field 'crypto_address' must be a non-empty string"
    if name is None and crypto is None:
        return "needs 'name' or 'crypto_address'"
    if q.get("kind") not in (None, "person", "organization"):
        return "field 'kind' must be 'person' or 'organization'"
    dob = q.get("date_of_birth")
    if dob is not None and (not isinstance(dob, str) or not _DOB.match(dob)):
        return "field 'date_of_birth' must be YYYY-MM-DD or YYYY"
    if dob is not None and not _real_date(dob):
        return "field 'date_of_birth' is not a real date (YYYY-MM-DD or YYYY)"
    nat = q.get("nationality")
    if nat is not None and (
        not isinstance(nat, str) or not _CC.match(nat) or nat.lower() not in _countries()
    ):
        return "field 'nationality' must be an ISO 3166 alpha-2 code (e.g. KP, GB)"
    return None


@functools.cache
def _countries() -> frozenset[str]:
    """The ISO 3166 alpha-2 codes of current countries and territories (rigour's
    territories with an alpha-3 code, not historical; Kosovo's XK included, as the lists
    use it). XX, ZZ, EU or UK are none."""
    from rigour.territories import get_territories

    return frozenset(
        t.code for t in get_territories() if len(t.code) == 2 and t.alpha3 and not t.is_historical
    )


def screen_query(
    screener: Screener, q: dict[str, Any], threshold: float, *, lineno: int | None = None
) -> dict[str, Any]:
    """One contract batch query → its contract answer line (as a dict).

    ``lineno``, when given, starts an error message ("line 3: ...")."""
    problem = _check_query(q)
    if problem:
        where = f"line {lineno}: " if lineno is not None else ""
        return {"query_id": q.get("query_id"), "error": where + problem}
    matches = []
    if q.get("crypto_address"):
        matches.extend(screener.search_address(q["crypto_address"]))
    if q.get("name"):
        matches.extend(
            screener.search(
                q["name"],
                kind=q.get("kind"),
                dob=q.get("date_of_birth"),
                nationality=q.get("nationality"),
                threshold=threshold,
            )
        )
    seen: set[tuple[str, str]] = set()
    rows = []
    for m in sorted(matches, key=lambda m: -m.score):
        if (m.list, m.entity_id) in seen:
            continue
        seen.add((m.list, m.entity_id))
        rows.append({"list": m.list, "entity_id": m.entity_id, "name": m.name, "score": m.score})
    return {"query_id": q.get("query_id"), "matches": rows}


def run_batch(screener: Screener, src: IO[bytes], dst: IO[bytes], threshold: float) -> int:
    """Answer every query line of ``src`` into ``dst``, in order; returns the line count."""
    lines = src.read().splitlines()
    with _progress() as bar:
        task = bar.add_task("screening", total=len(lines))
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                q = orjson.loads(line)
                if not isinstance(q, dict):
                    raise ValueError
            except (orjson.JSONDecodeError, ValueError):
                answer: dict[str, Any] = {
                    "query_id": None,
                    "error": f"line {lineno}: not a JSON object",
                }
            else:
                answer = screen_query(screener, q, threshold, lineno=lineno)
            dst.write(orjson.dumps(answer) + b"\n")
            if lineno % 256 == 0:
                bar.advance(task, 256)
    return len(lines)


def _same_file(batch: Path, output: Path) -> bool:
    """Whether the output names the input file (the same path, a symbolic or hard link)."""
    if str(batch) == "-" or str(output) == "-":
        return False
    try:
        return os.path.samefile(batch, output)
    except OSError:  # (one of them does not exist yet)
        return batch.resolve() == output.resolve()


def listed_spelling(hit: Hit) -> str:
    """The listed name (primary or alias, as the list writes it) that a hit matched; the
    matched words themselves when no listed spelling gives them (a reading of the name)."""
    from hireguard.sanctions.names import tokenize

    kind = "person" if hit.entry.kind == "person" else "organization"
    for listed in hit.entry.all_names():
        for digits in (False, True):
            if " ".join(tokenize(listed, kind, digits=digits)) == hit.matched_name:
                return listed
    return hit.matched_name


def lists_description(screener: Screener) -> str:
    """Which lists answered, each with its publication date, or "no publication date;
    loaded DATE" (the load date is not the list's), and the shipped lists in service."""
    from hireguard.sanctions.screener import builtin_ages, builtin_lists
    from hireguard.sanctions.store import current_versions

    versions = current_versions()
    if not versions:
        return screener.description
    loaded = {v.list for v in versions}
    text = ", ".join(f"{v.list} ({v.date_label()})" for v in versions)
    kept = [n for n in builtin_lists() if n not in loaded]
    if kept:
        text += "; shipped: " + builtin_ages(kept)
    return text


def screen_command(
    name: str | None = typer.Argument(None, help="Name of a person or organisation."),
    dob: str | None = typer.Option(None, "--dob", help="Date of birth, YYYY-MM-DD or YYYY."),
    nationality: str | None = typer.Option(None, "--nationality", help="ISO 3166 alpha-2."),
    kind: str | None = typer.Option(None, "--kind", help="person or organization."),
    crypto: str | None = typer.Option(None, "--crypto", help="A digital-currency address."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    batch: Path | None = typer.Option(None, "--batch", help="JSON Lines file of queries ('-')."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Batch output file."),
    threshold: float = typer.Option(
        DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Report matches from here."
    ),
    limit: int = typer.Option(10, "--limit", min=1, help="At most this many matches."),
) -> None:
    """Search the loaded sanctions lists for one person or organisation (or a batch)."""
    if batch is None and not name and not crypto:
        err.print("[red]error:[/red] give a NAME, --crypto ADDRESS or --batch FILE")
        raise typer.Exit(2)
    if batch is not None:
        given = [
            flag
            for flag, value in (
                ("NAME", name),
                ("--crypto", crypto),
                ("--dob", dob),
                ("--nationality", nationality),
                ("--kind", kind),
            )
            if value is not None
        ]
        if given:
            err.print(
                f"[red]error:[/red] {' and '.join(given)} cannot go with --batch: each query "
                "line of the batch file carries its own name and qualifiers"
            )
            raise typer.Exit(2)
        if output is not None and _same_file(batch, output):
            err.print(
                f"[red]error:[/red] the output {output} is the batch file itself: writing "
                "the answers would erase the queries; choose another output file"
            )
            raise typer.Exit(2)
    elif output is not None:
        err.print("[red]error:[/red] -o/--output goes with --batch only")
        raise typer.Exit(2)
    query: dict[str, Any] = {
        "query_id": "cli",
        "name": name,
        "kind": kind,
        "date_of_birth": dob,
        "nationality": nationality,
        "crypto_address": crypto,
    }
    if batch is None:
        problem = _check_query({k: v for k, v in query.items() if v is not None})
        if problem:
            err.print(f"[red]error:[/red] {problem}")
            raise typer.Exit(2)
    if batch is not None:
        # Open both files before the (slower) screener loads, so that a wrong path fails at
        # once; an OSError here is reported by ``hireguard.cli.main`` as one line.
        src: IO[bytes] = sys.stdin.buffer if str(batch) == "-" else batch.open("rb")
        try:
            dst: IO[bytes] = output.open("wb") if output else sys.stdout.buffer
        except OSError:
            if src is not sys.stdin.buffer:
                src.close()
            raise
        try:
            run_batch(default_screener(), src, dst, threshold)
        except OSError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc
        finally:
            if src is not sys.stdin.buffer:
                src.close()
            if dst is not sys.stdout.buffer:
                dst.close()
        return
    screener = default_screener()
    # (hit, the listed spelling it matched: None for an address)
    found: list[tuple[Hit, str | None]] = []
    if crypto:
        found.extend((h, None) for h in screener.index.lookup_address(crypto))
    if name:
        hits = screener.index.search(
            name, kind=kind, dob=dob, nationality=nationality, threshold=threshold, limit=limit
        )
        found.extend((h, listed_spelling(h)) for h in hits)
    found.sort(key=lambda x: -x[0].score)
    found = found[:limit]
    if as_json:
        rows = [{**to_match(h, None).model_dump(), "matched_name": spelt} for h, spelt in found]
        sys.stdout.buffer.write(
            orjson.dumps(
                {"matches": rows, "threshold": threshold, "lists": lists_description(screener)},
                option=orjson.OPT_INDENT_2,
            )
            + b"\n"
        )
        return
    if not found:
        out.print(f"no match at or above {threshold:g} ({lists_description(screener)})")
        return
    table = Table("score", "list", "entry", "listed name", "matched", "features")
    for h, spelt in found:
        m = to_match(h, None)
        feats = ", ".join(f"{k}={v:g}" for k, v in m.features.items())
        shown = "(address)" if spelt is None else ("(the same)" if spelt == m.name else spelt)
        table.add_row(f"{m.score:.3f}", m.list, m.entity_id, m.name, shown, feats)
    out.print(table)
