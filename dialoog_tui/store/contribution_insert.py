"""The statements every new contribution runs, written once: the checks of its links, its
number in the session, the session's default consent, the insert and, for a typed line, the
cleared draft.

They run on SQLAlchemy's connection inside a unit of work (`contributions.log_contribution`),
or, for a plain line typed in capture, straight on the sqlite3 driver (`log_plain`). With the
CPU idle in between, as when a person types, one durable write through SQLAlchemy's session
took 2.7 ms (p50) and the same statements on the driver 1.3 ms, most of that the commit; in
the running app Enter-to-visible went from 9.5-9.9 ms to 8.2 ms at p50 (10,000
contributions). The driver route runs the very statements of `schema/statements.py`,
compiled once for the engine's dialect, with values converted by the dialect's own bind
processors, so what it stores cannot differ (tests/store/test_direct_log.py compares files).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import datetime
from typing import Any, Protocol
from weakref import WeakKeyDictionary

from sqlalchemy import Dialect
from sqlmodel import Session

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store import search
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema import statements

INSERTED_COLUMNS = tuple(
    column.key for column in statements.INSERT_CONTRIBUTION.table.columns if not column.primary_key
)
"""The insert gives every column but the id."""

_CAPTURE_STATEMENTS = (
    statements.SESSION_MEMBER,
    statements.PHASE_SESSION,
    statements.CONTRIBUTION_SESSION,
    statements.LAST_SEQ,
    statements.DEFAULT_CONSENT,
    statements.CLEAR_DRAFT,
    search.REMEMBER,
)


class Runner(Protocol):
    """Runs one of the prebuilt statements with values."""

    def scalar(self, statement: Any, values: Mapping[str, Any]) -> Any: ...

    def execute(self, statement: Any, values: Mapping[str, Any]) -> None: ...


class SessionRunner:
    """The statements on a unit of work's connection."""

    def __init__(self, db: Session) -> None:
        self._connection = db.connection()

    def scalar(self, statement: Any, values: Mapping[str, Any]) -> Any:
        return self._connection.execute(statement, dict(values)).scalar()

    def execute(self, statement: Any, values: Mapping[str, Any]) -> None:
        self._connection.execute(statement, dict(values))


def insert_numbered(run: Runner, row: dict[str, Any], *, clear_draft: bool) -> dict[str, Any]:
    """Insert the contribution `row` (every column in `INSERTED_COLUMNS` but `seq` and
    `created_at`; `consent` None for the session's default) as the next in its session; the
    stored values, with `id`, come back. InvalidInput when a link points elsewhere."""
    session_id = row["session_id"]
    if row["phase_id"] is not None:
        owner = run.scalar(statements.PHASE_SESSION, {"phase_id": row["phase_id"]})
        if owner != session_id:
            raise InvalidInput("the phase belongs to another session")
    if row["reply_to_id"] is not None:
        answered = {"contribution_id": row["reply_to_id"]}
        if run.scalar(statements.CONTRIBUTION_SESSION, answered) != session_id:
            raise InvalidInput("a reply must answer a contribution of the same session")
    in_session = {"session_id": session_id}
    seq = (run.scalar(statements.LAST_SEQ, in_session) or 0) + 1
    consent = row["consent"]
    if consent is None:
        default = Consent(run.scalar(statements.DEFAULT_CONSENT, in_session) or Consent.NAMED)
        consent = default.with_paraphrase(row["paraphrase"]).value
    stored = {**row, "seq": seq, "consent": consent, "created_at": utc_now()}
    stored["id"] = run.scalar(statements.INSERT_CONTRIBUTION, _columns(stored))
    # Found by search from the moment it is stored (contributions are never deleted, so
    # its id has no words in the index yet).
    run.execute(search.REMEMBER, search.index_values(stored["id"], row["text"], row["paraphrase"]))
    if clear_draft:
        run.execute(statements.CLEAR_DRAFT, in_session)
    return stored


def _columns(row: Mapping[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in INSERTED_COLUMNS}


def new_row(
    *,
    session_id: int,
    participant_id: int | None,
    kind: Kind,
    text: str,
    at: datetime,
    tags: Sequence[str],
    phase_id: int | None,
    reply_to_id: int | None,
    ref: str | None,
    consent: Consent | None,
    condition: str | None,
    paraphrase: str | None,
    recorded_by: str | None = None,
    client_key: str | None = None,
    table_id: int | None = None,
) -> dict[str, Any]:
    """A new contribution's columns, for `insert_numbered`."""
    return {
        "session_id": session_id,
        "participant_id": participant_id,
        "at": at,
        "kind": kind.value,
        "text": text,
        "tags": list(tags),
        "phase_id": phase_id,
        "reply_to_id": reply_to_id,
        "ref": ref,
        "edited_at": None,
        "deleted_at": None,
        "consent": consent.value if consent else None,
        "condition": condition,
        "paraphrase": paraphrase,
        "recorded_by": recorded_by[:200] if recorded_by else None,
        "client_key": client_key,
        "table_id": table_id,
        "changed_in": 0,
    }


def stored_contribution(stored: dict[str, Any]) -> Contribution:
    """The contribution `insert_numbered` stored."""
    # Built here rather than as to_contribution(ContributionRow(...)): making the ORM row
    # costs 0.18 ms, on every Enter, for values that are all at hand.
    return Contribution(
        id=stored["id"],
        session_id=stored["session_id"],
        seq=stored["seq"],
        at=stored["at"],
        kind=Kind(stored["kind"]),
        text=stored["text"],
        participant_id=stored["participant_id"],
        tags=tuple(stored["tags"]),
        phase_id=stored["phase_id"],
        reply_to_id=stored["reply_to_id"],
        ref=stored["ref"],
        consent=Consent(stored["consent"]),
        condition=stored["condition"],
        paraphrase=stored["paraphrase"],
        recorded_by=stored["recorded_by"],
        table_id=stored["table_id"],
    )


def log_plain(
    connection: sqlite3.Connection, dialect: Dialect, row: dict[str, Any]
) -> dict[str, Any] | None:
    """`insert_numbered` on the driver, in a durable transaction of its own, clearing the
    draft; None (nothing written) when the speaker is not yet in the session, or the driver
    fails: then the line must go the full way."""
    run = _DriverRunner(connection, dialect)
    try:
        # IMMEDIATE takes the write lock first (waiting out the busy timeout), so the
        # number read next is still the last one when the row goes in.
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return None
    try:
        speaker = row["participant_id"]
        member = {"session_id": row["session_id"], "participant_id": speaker}
        if speaker is not None and run.scalar(statements.SESSION_MEMBER, member) is None:
            raise _NotPlain  # joining the session is the full way's work
        stored = insert_numbered(run, row, clear_draft=True)
        connection.execute("COMMIT")
    except (sqlite3.Error, _NotPlain):
        _roll_back(connection)
        return None
    except BaseException:
        _roll_back(connection)
        raise
    return stored


class _NotPlain(Exception):
    """The database says this line needs the full way after all."""


def _roll_back(connection: sqlite3.Connection) -> None:
    with suppress(sqlite3.Error):  # no transaction left to roll back
        connection.execute("ROLLBACK")


class _Prepared:
    """A statement compiled for the driver, and how to turn values into its parameters."""

    def __init__(
        self, statement: Any, dialect: Dialect, columns: Sequence[str] | None = None
    ) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=columns)
        assert compiled.positiontup is not None, "SQLite's driver takes positional parameters"
        self.sql: str = compiled.string
        self._names: list[str] = list(compiled.positiontup)
        # The dialect's own implementation of each type: SQLite's DATETIME, say, writes the
        # microseconds that the generic DateTime leaves to it.
        self._processors: list[Callable[[Any], Any] | None] = [
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in self._names
        ]

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(
            process(values[name]) if process is not None else values[name]
            for name, process in zip(self._names, self._processors, strict=True)
        )


_prepared: WeakKeyDictionary[Dialect, dict[Any, _Prepared]] = WeakKeyDictionary()
"""Per dialect: compiling costs milliseconds, and an engine keeps its dialect."""


class _DriverRunner:
    """The statements on the kept driver connection, compiled once per dialect."""

    def __init__(self, connection: sqlite3.Connection, dialect: Dialect) -> None:
        self._connection = connection
        if dialect not in _prepared:
            compiled: dict[Any, _Prepared] = {
                each: _Prepared(each, dialect) for each in _CAPTURE_STATEMENTS
            }
            insert = statements.INSERT_CONTRIBUTION
            compiled[insert] = _Prepared(insert, dialect, INSERTED_COLUMNS)
            _prepared[dialect] = compiled
        self._statements = _prepared[dialect]

    def scalar(self, statement: Any, values: Mapping[str, Any]) -> Any:
        prepared = self._statements[statement]
        row = self._connection.execute(prepared.sql, prepared.parameters(values)).fetchone()
        return row[0] if row is not None else None

    def execute(self, statement: Any, values: Mapping[str, Any]) -> None:
        prepared = self._statements[statement]
        self._connection.execute(prepared.sql, prepared.parameters(values))
