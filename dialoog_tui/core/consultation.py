"""What an online consultation said, as rows an import reads: the comment export of a Pol.is
conversation, or any survey CSV told which of its columns is what.

Both are turned into the import's own CSV (`core/importing.py`, `CSV_COLUMNS`), row for row,
so the import checks them, names bad rows and recognises rows it holds already exactly as it
does for its own files.

Pol.is: `comments.csv` has a row per comment (`comment-id`, `author-id`, `agrees`,
`disagrees`, `moderated`, `comment-body`, `timestamp` in milliseconds, `datetime`). A comment
the moderator took out (`moderated` -1) stays out. Authors are anonymous numbers, the same
number in another conversation another person: a comment is the room's, not a participant's
(a participant is shared by every session, so a number would join strangers). Its id, author
and time are kept as the row's `ref`, so importing the same export again adds only what is
new, and another conversation's comment 0 is not taken for this one's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import UTC, datetime

from dialoog_tui.core.importing import CSV_COLUMNS, csv_text
from dialoog_tui.errors import InvalidInput

POLIS_TAG = "polis"
MODERATED_OUT = "-1"


def _table(content: str) -> tuple[list[str], list[list[str]]]:
    """The header (as written) and the rows of a CSV file."""
    content, delimiter = csv_text(content)
    try:
        rows = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InvalidInput(
            f"the file is not readable CSV: {error}",
            key="error.consultation_csv",
            detail=str(error),
        ) from None
    if not rows:
        return [], []
    return [name.strip() for name in rows[0]], rows[1:]


def _written(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def is_polis_comments(content: str) -> bool:
    """Whether a CSV file is a Pol.is conversation's comment export."""
    header, _ = _table(content.split("\n", 1)[0])
    names = {name.lower() for name in header}
    return {"comment-id", "comment-body"} <= names


def from_polis(content: str) -> tuple[str, int]:
    """The import CSV of a Pol.is comment export, and how many comments the moderator took
    out. A moderated-out comment becomes an empty row, so every other row keeps its line
    number in what the import says about it."""
    header, rows = _table(content)
    column = {name.lower(): index for index, name in enumerate(header)}

    def cell(row: list[str], name: str) -> str:
        index = column.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    out: list[list[str]] = []
    left_out = 0
    for row in rows:
        if cell(row, "moderated") == MODERATED_OUT:
            left_out += 1
            out.append(["", "", "", ""])
            continue
        said = cell(row, "comment-body")
        at = _moment(cell(row, "timestamp")) or cell(row, "datetime")
        ref = _polis_ref(cell(row, "comment-id"), cell(row, "author-id"), cell(row, "timestamp"))
        out.append([said, at, ref, POLIS_TAG if said else ""])
    return _written(["text", "at", "ref", "tags"], out), left_out


def _polis_ref(comment: str, author: str, stamp: str) -> str:
    """What recognises a comment again: its id counts from 0 in every conversation, so two
    conversations imported into one session would take each other's for already there; with
    its author and the moment it was written, it is one comment's."""
    return f"polis:{comment}:{author}:{stamp}" if comment else ""


def _moment(value: str) -> str:
    """A Pol.is timestamp (milliseconds, or seconds, since 1970) as an ISO time in UTC."""
    if not value.isdigit():
        return ""
    number = int(value)
    seconds = number / 1000 if number > 10**11 else number
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return ""  # no moment a comment was written: the row's `datetime` is read instead


def parse_mapping(text: str) -> dict[str, str]:
    """`text=Antwoord,speaker=Naam` as {field: column}; InvalidInput for a field the import
    does not know or a pair without `=`."""
    mapping: dict[str, str] = {}
    for pair in text.split(","):
        if not pair.strip():
            continue
        field, equals, column = pair.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not equals or not field or not column:
            raise InvalidInput(
                f"--map wants FIELD=COLUMN, not {pair.strip()!r}",
                key="error.map_pair",
                pair=pair.strip(),
            )
        if field in mapping:
            raise InvalidInput(f"--map names {field!r} twice", key="error.map_twice", field=field)
        if field not in CSV_COLUMNS:
            raise InvalidInput(
                f"--map: no field {field!r} (fields: {', '.join(CSV_COLUMNS)})",
                key="error.map_field",
                field=field,
                fields=", ".join(CSV_COLUMNS),
            )
        mapping[field] = column
    if "text" not in mapping:
        raise InvalidInput("--map must say which column is the text", key="error.map_text")
    return mapping


def remapped(content: str, mapping: Mapping[str, str]) -> str:
    """The import CSV of a survey CSV whose columns `mapping` names ({field: column}, the
    column's name ignoring case); only the mapped columns are read. InvalidInput when the
    file has no such column."""
    header, rows = _table(content)
    column = {name.lower(): index for index, name in enumerate(header)}
    missing = [name for name in mapping.values() if name.lower() not in column]
    if missing:
        raise InvalidInput(
            f"--map names a column the file does not have: {', '.join(missing)}"
            f" (its columns: {', '.join(header)})",
            key="error.map_column",
            columns=", ".join(missing),
            header=", ".join(header),
        )
    fields = list(mapping)
    indices = [column[mapping[field].lower()] for field in fields]
    out = [[row[i] if i < len(row) else "" for i in indices] for row in rows]
    return _written(fields, out)
