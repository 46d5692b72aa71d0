"""Reading applications: JSON Lines (the contract) and flat CSV, streaming.

Each reader yields one :class:`Record` per input record, in input order, in constant
memory. A record that cannot be read or validated carries an ``error`` that names the
line, the field and the problem; the caller writes an ``error`` assessment and goes on.

CSV mapping (documented in ``docs/intake.md``): one column per field, named by its dotted
path in the contract (``applicant.email``, ``session.ip``, ``job.title``). List fields of
strings (``applicant.other_names``, ``session.languages``, ``session.webrtc_ips`` ...)
take ``|``-separated values or a JSON array. Lists of objects take either a JSON array in
one column (``resume.experience``) or indexed columns (``resume.experience.0.employer``).
Empty cells are absent fields. Numbers and booleans are converted as the contract wants.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from hireguard.model import CONTRACT, Application


@dataclass(slots=True)
class Record:
    """One input record: the parsed application, or why it could not be read."""

    line: int
    raw: dict[str, Any] | None
    application: Application | None = None
    error: str | None = None
    #: Read, but with a caveat (bytes that are not UTF-8, read as U+FFFD).
    warning: str | None = None

    @property
    def application_id(self) -> str:
        """The id as given, or a stand-in that names the line when there is none."""
        if self.application is not None:
            return self.application.application_id
        if isinstance(self.raw, dict):
            value = self.raw.get("application_id")
            if isinstance(value, str) and value:
                return value[:128]
        return f"line-{self.line}"


#: Error types raised by HireGuard's own validators, whose messages never quote the input.
_OWN_ERRORS = frozenset({"rfc3339", "ip_address"})


def _echoes_input(msg: str, value: Any) -> bool:
    """Whether pydantic's message ``msg`` repeats (part of) the input ``value``."""
    if isinstance(value, str):
        text = value.strip()
        return len(text) >= 4 and text in msg
    if isinstance(value, dict | list):
        return any(
            _echoes_input(msg, v) for v in (value.values() if isinstance(value, dict) else value)
        )
    return False


def describe_validation_error(exc: ValidationError, limit: int = 3) -> str:
    """Pydantic's errors as one line: ``field a.b: problem; field c: problem``.

    A message never quotes the input: the field's value may be personal data (a name in
    the wrong field). Pydantic's own messages for the contract's types do not; one that
    would is replaced by its kind of error."""
    parts = []
    for err in exc.errors(include_url=False)[:limit]:
        loc = ".".join(str(p) for p in err["loc"]) or "(record)"
        msg = err["msg"]
        if err["type"] == "missing":
            msg = "required field is missing"
        elif err["type"] not in _OWN_ERRORS and _echoes_input(msg, err.get("input")):
            msg = f"not valid ({err['type'].replace('_', ' ')})"
        parts.append(f"field {loc}: {msg}")
    more = exc.error_count() - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


#: The integers a database and the JSON writer keep exactly (64 bits).
_INT_RANGE = range(-(2**63), 2**64)


def _unstorable(value: Any, path: str = "") -> tuple[str, str] | None:
    """The dotted path of the first field (or key) that no database could keep as given,
    and why: text holding a NUL character, an integer beyond 64 bits."""
    if isinstance(value, str):
        if "\x00" in value:
            return (
                path or "(record)",
                "holds a NUL character (U+0000), which no text field may hold",
            )
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if value not in _INT_RANGE:
            return path or "(record)", "holds an integer beyond 64 bits"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                return here, "has a NUL character (U+0000) in its name"
            if (found := _unstorable(item, here)) is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if (found := _unstorable(item, f"{path}.{i}")) is not None:
                return found
    return None


def validate(line: int, raw: Any, *, check_storable: bool = True, stored: bool = False) -> Record:
    """Validate one decoded record against the contract.

    ``submitted_at`` must carry its time-zone offset and ``session.ip`` be an address, as
    the contract says (:data:`hireguard.model.CONTRACT`), unless ``stored`` (a record read
    back from the store, which may predate those checks).

    A field that no database could keep as given (text holding a NUL character, which
    PostgreSQL refuses and no real name, address or letter holds; an integer beyond 64 bits)
    is refused with the field named. ``check_storable`` false skips that look when the
    caller knows better (JSON Lines decoded by orjson, which reads large integers as
    numbers it can write again, and holding no ``\\u0000`` escape; records read back
    from the store)."""
    if not isinstance(raw, dict):
        return Record(
            line, None, error=f"line {line}: expected a JSON object, got {type(raw).__name__}"
        )
    if check_storable and (found := _unstorable(raw)) is not None:
        where, why = found
        return Record(line, raw, error=f"line {line}: field {where}: {why}")
    try:
        app = Application.model_validate(raw, context=None if stored else CONTRACT)
    except ValidationError as exc:
        return Record(line, raw, error=f"line {line}: {describe_validation_error(exc)}")
    return Record(line, raw, application=app)


def _open_text(path: str | Path, encoding: str = "utf-8") -> IO[str]:
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding=encoding, errors="replace")
    return open(path, encoding=encoding, errors="replace", newline="")


def read_jsonl_lines(lines: Iterable[str | bytes]) -> Iterator[Record]:
    """Decode and validate JSON Lines; blank lines are skipped but still counted."""
    return read_jsonl_lines_from(lines, 1)


def _jsonl_bytes(handle: IO[bytes]) -> Iterator[Record]:
    """JSON Lines from a binary handle, read exactly as the text reader reads them.

    A line that starts an object and ends in ``\n`` or ``\r\n`` with no other carriage
    return is decoded by orjson straight from its bytes (orjson checks the UTF-8 itself).
    Any other line, and any line orjson refuses, takes the text path: UTF-8 with
    replacement characters, ``\r`` also ending a line, so that records, line numbers and
    error messages are those of the text reader.
    """
    number = 0  # lines read so far
    for line in handle:
        crs = line.count(b"\r")
        if line[:1] == b"{" and (crs == 0 or (crs == 1 and line.endswith(b"\r\n"))):
            try:
                raw = orjson.loads(line)
            except orjson.JSONDecodeError:
                pass  # the text path below reads it again and gives its message
            else:
                number += 1
                yield validate(number, raw, check_storable=b"\\u0000" in line)
                continue
        parts = [p.decode("utf-8", errors="replace") for p in line.splitlines(keepends=True)]
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            for rec in read_jsonl_lines_from(parts, number + 1):
                rec.warning = _not_utf8(rec.line, exc)
                yield rec
        else:
            yield from read_jsonl_lines_from(parts, number + 1)
        number += len(parts)


def _not_utf8(line: int, exc: UnicodeDecodeError | None = None) -> str:
    where = f" (byte 0x{exc.object[exc.start]:02X} at {exc.start + 1})" if exc else ""
    return (
        f"line {line}: not UTF-8{where}: read with replacement characters (U+FFFD), so names "
        "and addresses may be damaged; the contract's files are UTF-8 (re-save it as UTF-8)"
    )


def read_jsonl_lines_from(lines: Iterable[str | bytes], first: int) -> Iterator[Record]:
    """:func:`read_jsonl_lines` with the line numbers starting at ``first``."""
    for number, text in enumerate(lines, start=first):
        if not text.strip():
            continue
        try:
            raw = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            yield Record(number, None, error=f"line {number}: not valid JSON ({exc})")
            continue
        escape = "\\u0000" if isinstance(text, str) else b"\\u0000"
        yield validate(number, raw, check_storable=escape in text)  # type: ignore[operator]


#: A CSV column name: a dotted path of the contract (``applicant.address.country``).
_COLUMN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
_TOP_FIELDS = frozenset(
    {
        "schema_version",
        "application_id",
        "submitted_at",
        "source",
        "job",
        "applicant",
        "resume",
        "cover_letter",
        "references",
        "payment",
        "shipping_address",
        "session",
        "interview",
    }
)


def csv_header_columns(line: str) -> list[str] | None:
    """The columns of ``line`` when it looks like the header of a contract CSV file
    (comma-separated dotted field names, one of them a contract field), else None."""
    text = line.strip().lstrip("\ufeff")
    if not text or text[0] in '{["' or "," not in text:
        return None
    try:
        cells = [c.strip() for c in next(csv.reader([text]))]
    except (csv.Error, StopIteration):
        return None
    names = [c for c in cells if c]
    if len(names) < 2 or not all(_COLUMN.fullmatch(c) for c in names):
        return None
    if not any(c.split(".", 1)[0] in _TOP_FIELDS for c in names):
        return None
    return names


def _csv_not_jsonl(number: int, columns: list[str]) -> Record:
    shown = ", ".join(columns[:3]) + (", ..." if len(columns) > 3 else "")
    return Record(
        number,
        None,
        error=(
            f"line {number}: this is the header of a CSV file ({len(columns)} columns: "
            f"{shown}), not JSON: the input was read as JSON Lines; read it as CSV with "
            "--format csv (a file whose name ends in .csv is read as CSV). Nothing after "
            "this line was read."
        ),
    )


def read_jsonl(path: str | Path) -> Iterator[Record]:
    """JSON Lines from ``path`` (``-``: standard input). Input whose first line is a CSV
    header (CSV piped in without ``--format csv``) gives one error saying so, instead of
    one "not valid JSON" error per row."""
    if str(path) == "-":  # standard input keeps the text reader (it translates newlines)
        with _open_text(path) as text:
            for number, line in enumerate(text, start=1):
                if line.strip():
                    if (columns := csv_header_columns(line)) is not None:
                        yield _csv_not_jsonl(number, columns)
                        return
                    yield from read_jsonl_lines_from(itertools.chain([line], text), number)
                    return
        return
    with open(path, "rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            if raw_line.strip():
                columns = csv_header_columns(raw_line.decode("utf-8", errors="replace"))
                if columns is not None:
                    yield _csv_not_jsonl(number, columns)
                    return
                break
        handle.seek(0)
        yield from _jsonl_bytes(handle)


# Contract fields that are lists of strings, and typed scalars, for CSV conversion.
_STRING_LISTS = {
    "applicant.other_names",
    "resume.skills",
    "session.languages",
    "session.keyboard_layouts",
    "session.webrtc_ips",
    "session.remote_access_tools",
}
_OBJECT_LISTS = {"applicant.profiles", "resume.education", "resume.experience", "references"}
_INTS = {
    "schema_version",
    "session.hardware_concurrency",
    "session.utc_offset_minutes",
    "session.screen.width",
    "session.screen.height",
    "interview.scheduled_local_hour",
    "connections",
    "public_repos",
    "start_year",
    "end_year",
}
_FLOATS = {"session.device_memory_gb", "interview.camera_off_minutes"}
_BOOLS = {"job.remote", "interview.video_declined", "interview.voice_only"}
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


class CsvValueError(ValueError):
    pass


def describe_cell(value: str) -> str:
    """What a cell holds, for a message, without its text: a cell can hold personal data
    (a name typed in the wrong column), and error messages go to the output, the terminal
    and the logs. ``a text of 18 characters (letters and spaces)``."""
    n = len(value)
    if not value.strip():
        return f"a text of {n} blank character{'s' if n != 1 else ''}"
    kinds = []
    if any(c.isalpha() for c in value):
        kinds.append("letters")
    if any(c.isdigit() for c in value):
        kinds.append("digits")
    if any(c.isspace() for c in value):
        kinds.append("spaces")
    if any(not (c.isalnum() or c.isspace()) for c in value):
        kinds.append("other signs")
    held = ", ".join(kinds[:-1]) + " and " + kinds[-1] if len(kinds) > 1 else kinds[0]
    return f"a text of {n} character{'s' if n != 1 else ''} ({held})"


def _convert(path: str, leaf: str, value: str) -> Any:
    """A cell as the contract's type for field ``path``; a :class:`CsvValueError` says
    what is wrong without quoting the cell."""
    if path in _STRING_LISTS:
        if value.startswith("["):
            return orjson.loads(value)
        return [v.strip() for v in value.split("|") if v.strip()]
    if path in _OBJECT_LISTS:
        return orjson.loads(value)
    try:
        if path in _INTS or leaf in _INTS:
            return int(value)
        if path in _FLOATS:
            return float(value)
    except ValueError:
        kind = "a whole number" if path in _INTS or leaf in _INTS else "a number"
        raise CsvValueError(f"{describe_cell(value)}, not {kind}") from None
    if path in _BOOLS:
        low = value.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise CsvValueError(
            f"{describe_cell(value)}, not true or false (true/false, yes/no or 1/0)"
        )
    if path == "resume.experience.end" and value.strip().lower() in {"null", "current"}:
        return None
    return value


#: The largest list index a CSV column may name (``resume.experience.999.employer``): a
#: header naming a larger one is an error, not a list of a million empty entries.
MAX_CSV_INDEX = 999
#: The longest CSV cell read (a resume's text, a JSON array): 4 MiB (Python's csv module
#: stops at 128 KiB by default).
CSV_FIELD_LIMIT = 4 * 1024 * 1024


def _assign(target: dict[str, Any], parts: list[str], value: Any, column: str) -> None:
    """Put ``value`` at the dotted ``parts`` of ``target``; a column whose path runs into
    a value that is no object or list (``resume.experience`` given as ``-1`` beside
    ``resume.experience.0.employer``), or names an index that is no number or too large, is
    an error naming the column."""
    node: Any = target
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        nxt = None if last else parts[i + 1]
        if isinstance(node, list):
            if not part.isdigit() or int(part) > MAX_CSV_INDEX:
                raise CsvValueError(
                    f"column {column}: {'.'.join(parts[:i])} is a list, and {part!r} is no "
                    f"index of it (0 to {MAX_CSV_INDEX})"
                )
            idx = int(part)
            while len(node) <= idx:
                node.append({})
            if last:
                node[idx] = value
            else:
                node = node[idx]
            continue
        if not isinstance(node, dict):
            raise CsvValueError(
                f"column {column}: {'.'.join(parts[:i])} holds a value that is no object "
                "or list, so nothing can be put inside it"
            )
        if last:
            node[part] = value
        else:
            if part not in node:
                node[part] = [] if nxt is not None and nxt.isdigit() else {}
            node = node[part]


def csv_row_to_record(row: dict[str, str]) -> dict[str, Any]:
    """One CSV row (dotted column names) as a contract-shaped dict."""
    out: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None or cell is None or cell == "":
            continue
        parts = column.strip().split(".")
        schema_path = ".".join(p for p in parts if not p.isdigit())
        leaf = parts[-1]
        try:
            value = _convert(schema_path, leaf, cell)
        except orjson.JSONDecodeError:
            raise CsvValueError(f"field {column.strip()}: not a valid JSON value") from None
        except CsvValueError as exc:
            raise CsvValueError(f"field {column.strip()}: {exc}") from None
        _assign(out, parts, value, column.strip())
    return out


def read_csv(path: str | Path) -> Iterator[Record]:
    """Read applications from CSV with dotted column names (line numbers count the header)."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    # utf-8-sig: drop the byte-order mark that Excel's "CSV UTF-8" puts before the header
    # (it would otherwise stick to the first column's name); no BOM reads as plain UTF-8.
    with _open_text(path, encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        number = 1
        while True:
            number += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # (a cell over the limit): that row only
                yield Record(number, None, error=f"line {number}: not a readable CSV row ({exc})")
                continue
            replaced = any(isinstance(cell, str) and "\ufffd" in cell for cell in row.values())
            try:
                raw = csv_row_to_record(row)
            except CsvValueError as exc:
                rid = row.get("application_id") or f"line-{number}"
                yield Record(number, {"application_id": rid}, error=f"line {number}: {exc}")
                continue
            rec = validate(number, raw)
            if replaced:  # (the file was read as UTF-8 with replacement characters)
                rec.warning = _not_utf8(number)
            yield rec


def read_applications(path: str | Path, fmt: str | None = None) -> Iterator[Record]:
    """Records from ``path`` (``-`` is standard input); format from ``fmt`` or the suffix."""
    kind = fmt or ("csv" if str(path).lower().endswith(".csv") else "jsonl")
    if kind == "csv":
        return read_csv(path)
    if kind in {"jsonl", "json", "ndjson"}:
        return read_jsonl(path)
    raise ValueError(f"unknown input format {fmt!r}: use jsonl or csv")
