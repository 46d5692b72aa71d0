"""Damaged input, at random: every line gets its one assessment, in order, and no record,
detector or database error ends the run or silences a detector (SQLite and PostgreSQL)."""

from __future__ import annotations

import copy
import json
import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hireguard.intake.readers import read_applications
from hireguard.runtime import build_pipeline

#: What a damaged field holds instead: nulls, wrong types, huge and odd text, bad dates.
DAMAGE: list[Any] = [
    None,
    "",
    " ",
    0,
    -1,
    3.5,
    True,
    [],
    {},
    [None],
    [{"a": 1}],
    "x" * 5000,
    "\U0001f600" * 50,
    "\u202eabc",
    "a\u0000b",
    "9999-99-99",
    "2026-13-45T99:99:99Z",
    "999.1.1.1",
    "fe80::1%eth0",
    "+1 (555) 000-0000 ext 99",
    "../../etc/passwd",
]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in items:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


def damaged_lines(examples: dict[str, dict[str, Any]], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    bases = [examples[k] for k in sorted(examples)]
    lines = []
    for i in range(n):
        record = copy.deepcopy(rnd.choice(bases))
        record["application_id"] = f"D-{i}"
        paths = list(_paths(record))
        for _ in range(rnd.randint(1, 4)):
            path = rnd.choice(paths)
            node = record
            try:
                for key in path[:-1]:
                    node = node[key]
                if isinstance(node, dict) and rnd.random() < 0.15:
                    del node[path[-1]]
                else:
                    node[path[-1]] = copy.deepcopy(rnd.choice(DAMAGE))
            except (KeyError, IndexError, TypeError):
                pass  # an earlier change removed or replaced the parent
        text = json.dumps(record)
        roll = rnd.random()
        if roll < 0.03:
            text = text[: rnd.randint(1, len(text) - 1)]  # a cut line
        elif roll < 0.04:
            text = json.dumps([1, 2, 3])
        lines.append(text)
    return lines


@pytest.mark.parametrize("seed", [13])
def test_damaged_records_each_get_one_assessment_in_order(
    examples: dict[str, dict[str, Any]],
    db_url: str,
    tmp_path: Path,
    seed: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    lines = damaged_lines(examples, 300, seed)
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join(lines) + "\n")
    pipeline = build_pipeline(db_url, chunk_size=64)
    with caplog.at_level(logging.ERROR):
        out = pipeline.assess(read_applications(path))
    assert len(out) == len(lines)
    for i, (line, a) in enumerate(zip(lines, out, strict=True)):
        if a.decision == "error":
            assert a.error and a.error.startswith(f"line {i + 1}: "), a.error
        else:
            assert a.application_id == f"D-{i}", line[:200]
    decisions = {a.decision for a in out}
    assert "error" in decisions and decisions - {"error"}  # both kinds were made
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    nul = [a for a in out if a.error and "NUL character" in a.error]
    assert nul, "the damage includes NUL characters: they must be named errors"
