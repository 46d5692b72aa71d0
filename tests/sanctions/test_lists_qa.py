"""QA review of 2026-11-26 on ``hireguard lists`` and ``hireguard screen``, run as a user
runs them (typer's runner, the real list files of ``shared/data/sanctions``).

The single-name and batch screens use the session's screener over the shipped lists
(``conftest.screener``: the real files, built once) in place of a fresh data folder's,
which would compile the same index again for each test."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hireguard.cli import app
from hireguard.sanctions import cli as sanctions_cli
from hireguard.sanctions.screener import Screener
from hireguard.sanctions.store import current_version

runner = CliRunner()


def _text(output: str) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(output.split())


def _load(*paths: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["lists", "load", *map(str, paths), "--no-rescreen"])
    return result.exit_code, _text(result.output)


@pytest.fixture()
def shipped(screener: Screener, monkeypatch: pytest.MonkeyPatch) -> Screener:
    """``hireguard screen`` answers from the shipped lists' screener of this session."""
    monkeypatch.setattr(sanctions_cli, "default_screener", lambda: screener)
    return screener


# --- 1. a list file cut at a line boundary ---------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "cut"),
    [
        ("ofac_consolidated_2025-12", "cons_alt.csv"),
        ("ofac_consolidated_2025-12", "cons_add.csv"),
        ("ofac_consolidated_2025-12", "cons_comments.csv"),
        ("ofac_consolidated_2025-12", "cons_prim.csv"),
    ],
)
def test_a_file_cut_at_a_line_boundary_is_rejected_and_the_version_in_service_stays(
    home: Path, lists_dir: Path, tmp_path: Path, folder: str, cut: str
) -> None:
    code, text = _load(lists_dir / folder)
    assert code == 0, text
    before = current_version("us_ofac_cons")
    assert before is not None and before.entries == 442

    broken = tmp_path / "broken"
    shutil.copytree(lists_dir / folder, broken)
    (broken / cut).chmod(0o644)
    lines = (lists_dir / folder / cut).read_bytes().splitlines(keepends=True)
    (broken / cut).write_bytes(b"".join(lines[: len(lines) * 2 // 3]))
    code, text = _load(broken)
    assert code == 1
    assert f"{cut}: missing OFAC's end-of-file marker" in text and "truncated" in text
    assert "the lists in service are unchanged" in text
    assert current_version("us_ofac_cons") == before


def test_the_qa_case_alt_and_add_cut_at_2000_lines_is_rejected(
    home: Path, lists_dir: Path, tmp_path: Path
) -> None:
    src = lists_dir / "ofac_sdn_2021-07"
    (tmp_path / "t").mkdir()
    shutil.copy(src / "sdn.csv", tmp_path / "t" / "sdn.csv")
    for name in ("alt.csv", "add.csv"):
        head = b"".join((src / name).read_bytes().splitlines(keepends=True)[:2000])
        (tmp_path / "t" / name).write_bytes(head)
    code, text = _load(tmp_path / "t")
    assert code == 1 and "end-of-file marker" in text and "truncated" in text
    assert "alt.csv" in text or "add.csv" in text
    assert current_version("us_ofac_sdn") is None  # nothing loaded: the shipped list serves


def test_a_comments_file_without_the_marker_is_checked_against_the_cut_remarks(
    lists_dir: Path, tmp_path: Path
) -> None:
    """OFAC's 2021 ``sdn_comments.csv`` has no Ctrl-Z and is complete (it continues every
    remark that its ``sdn.csv`` cuts at 1,000 characters): it loads. The same file with
    its last row gone is truncated and rejected."""
    from hireguard.sanctions.entries import ListFormatError
    from hireguard.sanctions.parsers import read_paths

    src = lists_dir / "ofac_sdn_2021-07"
    comments = (src / "sdn_comments.csv").read_bytes()
    assert not comments.rstrip(b"\r\n").endswith(b"\x1a")  # the publisher's file, as is
    [parsed] = read_paths([src / "sdn.csv", src / "sdn_comments.csv"])
    assert parsed.warnings == [] and len(parsed.entries) == 8976

    cut = tmp_path / "sdn_comments.csv"
    cut.write_bytes(b"".join(comments.splitlines(keepends=True)[:-1]))
    with pytest.raises(ListFormatError, match=r"sdn_comments.csv: missing .* truncated") as info:
        read_paths([src / "sdn.csv", cut])
    assert "30518" in str(info.value)  # the entry whose continuation is gone


# --- 2. a weaker list replacing a better one -------------------------------------------------


def test_loading_an_older_smaller_sdn_list_says_what_is_lost(home: Path, lists_dir: Path) -> None:
    code, text = _load(lists_dir / "ofac_sdn_2021-07")
    assert code == 0, text  # loaded as asked
    assert "WARNING: us_ofac_sdn" in text and "shipped with HireGuard, as of 2024-05-03" in text
    assert "5,989 fewer entries (8,976 against 14,965)" in text
    assert "highest entry number 32391 against 48907 (an older edition)" in text
    v = current_version("us_ofac_sdn")
    assert v is not None and v.entries == 8976
    assert any("fewer entries" in w for w in v.warnings)  # kept with the version, for audit

    # sdn.csv alone after a full set: every alias, address and continued remark goes
    code, text = _load(lists_dir / "ofac_sdn_2024-05-03" / "sdn.csv")
    assert code == 0, text
    assert "no alias file (alt.csv)" in text
    assert "no addresses (add.csv)" in text and "no continued remarks (sdn_comments.csv)" in text
    assert "loaded 20" in text and "no publication date" in text


def test_a_list_without_a_date_shows_no_load_date_as_its_own(
    home: Path, lists_dir: Path, shipped: Screener
) -> None:
    code, text = _load(lists_dir / "ofac_consolidated_2025-12")  # OFAC's CSV: no date
    assert code == 0 and "not in the file" in text  # the load's "published" column
    result = runner.invoke(app, ["screen", "Zyxwv Qqqqq Unlisted", "--json"])
    assert result.exit_code == 0, result.output
    lists = json.loads(result.stdout)["lists"]
    assert lists.startswith("us_ofac_cons (no publication date; loaded 20"), lists
    code, text = _load(lists_dir / "un" / "UN_consolidated.xml")
    result = runner.invoke(app, ["screen", "Zyxwv Qqqqq Unlisted"])
    assert "un_sc_sanctions (published 2026-02-27)" in _text(result.output)


# --- 3. an address reported as the SDN entry that owns it ------------------------------------


def test_an_address_named_in_the_sdn_comments_is_reported_as_its_entry(shipped: Screener) -> None:
    result = runner.invoke(
        app, ["screen", "--crypto", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre", "--json"]
    )
    assert result.exit_code == 0, result.output
    [match] = json.loads(result.stdout)["matches"]
    # OFAC's sdn_comments.csv (2025-12) names entry 43421 for it (a.k.a. WAN, Jack)
    assert (match["list"], match["entity_id"], match["name"]) == (
        "us_ofac_sdn",
        "43421",
        "WAN, Jack",
    )
    # an address no SDN file at hand names keeps its address-list row
    result = runner.invoke(
        app, ["screen", "--crypto", "TTUDyVhhpCC1xJoPmWzdjLAzeoPwbSABdr", "--json"]
    )
    [match] = json.loads(result.stdout)["matches"]
    assert match["list"] == "us_ofac_addresses"
    # known only by its addresses: never matched by name
    assert not [m for m in shipped.search("WAN, Jack") if m.entity_id == "43421"]


def test_comment_rows_of_entries_not_in_sdn_csv_are_reported(home: Path, lists_dir: Path) -> None:
    newer = lists_dir / "ofac_sdn_2025-12"
    code, text = _load(lists_dir / "ofac_sdn_2024-05-03" / "sdn.csv", newer / "sdn_comments.csv")
    assert code == 0, text
    assert (
        "sdn_comments.csv: 6 comment rows of 6 entries not in sdn.csv were skipped "
        "(e.g. 17016, 17143, 43421, 53033, 55505, 56429)" in text
    )
    assert "entries 43421, 53033, 55505 (not in sdn.csv) are kept" in text


# --- 4. which listed name matched ------------------------------------------------------------


def test_screen_shows_the_listed_name_that_matched(shipped: Screener) -> None:
    result = runner.invoke(app, ["screen", "Kim Hyun-woo", "--json"])
    assert result.exit_code == 0, result.output
    top = json.loads(result.stdout)["matches"][0]
    assert (top["entity_id"], top["name"], top["matched_name"]) == (
        "24918",
        "PARK, Jin Hyok",
        "KIM, Hyon Woo",  # the alias, as OFAC writes it
    )
    assert {"list", "entity_id", "name", "score"} <= set(top)  # the contract's keys stay
    table = runner.invoke(app, ["screen", "Kim Hyun-woo"], env={"COLUMNS": "200"})
    assert "KIM, Hyon Woo" in table.output and "PARK, Jin Hyok" in table.output


# --- 5. sync names what it could not download ------------------------------------------------


def test_sync_names_the_list_and_the_address_it_could_not_reach(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/consolidated.xml"
    monkeypatch.setitem(sanctions_cli.SYNC_SOURCES, "un_sc_sanctions", [url])
    result = runner.invoke(app, ["lists", "sync", "--list", "un_sc_sanctions", "--no-rescreen"])
    text = _text(result.output)
    assert result.exit_code == 1
    assert f"un_sc_sanctions: download of {url} failed" in text
    assert "cannot reach 127.0.0.1" in text and "stays" in text


# --- 6. arguments that were accepted and ignored ---------------------------------------------


@pytest.mark.parametrize("code", ["XX", "UK", "ZZ", "EU"])
def test_screen_refuses_a_nationality_that_is_no_iso_code(home: Path, code: str) -> None:
    result = runner.invoke(app, ["screen", "Kim Jong Un", "--nationality", code])
    assert result.exit_code == 2
    assert "nationality" in result.output and "ISO 3166 alpha-2" in result.output


def test_a_batch_line_with_no_iso_nationality_is_an_error(
    shipped: Screener, tmp_path: Path
) -> None:
    queries = tmp_path / "q.jsonl"
    lines = [
        {"query_id": "1", "name": "Kim Jong Un", "nationality": "XX"},
        {"query_id": "2", "name": "Kim Jong Un", "nationality": "KP"},
    ]
    queries.write_text("\n".join(json.dumps(q) for q in lines) + "\n")
    result = runner.invoke(app, ["screen", "--batch", str(queries)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    assert first["error"].startswith("line 1: field 'nationality'") and "XX" not in first["error"]
    assert second["matches"][0]["entity_id"] == "20157"


@pytest.mark.parametrize("extra", [["Kim"], ["--dob", "1984"], ["--crypto", "0xabc"]])
def test_screen_refuses_a_name_or_qualifier_beside_batch(
    home: Path, tmp_path: Path, extra: list[str]
) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"query_id": "1", "name": "Kim Jong Un"}\n')
    result = runner.invoke(app, ["screen", *extra, "--batch", str(queries)])
    assert result.exit_code == 2 and "cannot go with --batch" in result.output


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "dotted"])
def test_batch_output_onto_its_input_is_refused_and_the_input_kept(
    home: Path, tmp_path: Path, how: str
) -> None:
    queries = tmp_path / "q.jsonl"
    content = '{"query_id": "1", "name": "Kim Jong Un"}\n{"query_id": "2", "name": "Ri"}\n'
    queries.write_text(content)
    target = {
        "same": queries,
        "symlink": tmp_path / "link.jsonl",
        "hardlink": tmp_path / "hard.jsonl",
        "dotted": tmp_path / "." / "q.jsonl",
    }[how]
    if how == "symlink":
        target.symlink_to(queries)
    elif how == "hardlink":
        os.link(queries, target)
    result = runner.invoke(app, ["screen", "--batch", str(queries), "-o", str(target)])
    assert result.exit_code == 2 and "is the batch file itself" in _text(result.output)
    assert queries.read_text() == content


def test_output_without_batch_is_refused(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "Kim Jong Un", "-o", str(tmp_path / "a.jsonl")])
    assert result.exit_code == 2 and "--batch only" in result.output
    assert not (tmp_path / "a.jsonl").exists()
