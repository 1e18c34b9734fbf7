"""Logging a typed line, with its plain case written through the sqlite3 driver itself.

Every Enter in capture logs a contribution, and its row appears only once it is on disk. With
the CPU idle in between, as when a person types, one such write through SQLAlchemy's session
took 2.7 ms (p50) and the same statements on the driver 1.3 ms, most of that the durable
commit. In the running app, with Enters alternating between the two builds (at 10,000
contributions, 100 each, twice), Enter-to-visible went from 9.5-9.9 ms to 8.2 ms at p50 and
from 13.6-14.4 ms to 12.1-13.1 ms at p95.

So the plain case (a known speaker already in the session, or the room; no interests or
values; not a commitment) runs the very statements of statements.py, compiled once for the
engine's dialect, with values converted by the dialect's own bind processors for each column
type: what it stores cannot differ from what `contributions.log_contribution` stores
(tests/store/test_direct_log.py compares the files). Anything else, and any driver error,
goes the full way through `Database.write`, which retries collisions and reports errors.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import datetime
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Dialect

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import Contribution
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store import contributions
from dialoog_tui.store.contributions import CommitmentTerms, Logged
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.schema import statements

INSERTED_COLUMNS = tuple(
    column.key for column in statements.INSERT_CONTRIBUTION.table.columns if not column.primary_key
)
"""The insert gives every column but the id, as `contributions.log_contribution` does."""


def log_entry(
    database: Database,
    *,
    session_id: int,
    speaker: Speaker,
    kind: Kind,
    text: str,
    at: datetime,
    tags: Sequence[str] = (),
    phase_id: int | None = None,
    reply_to_id: int | None = None,
    ladder: Ladder | None = None,
    consent: Consent | None = None,
    commitment: CommitmentTerms | None = None,
    paraphrase: str | None = None,
) -> Logged:
    """Log a line typed in capture and clear the session's draft, in one durable transaction.

    The same as `contributions.log_contribution(..., clear_draft_text=True)` in a unit of work
    of its own, and as fast as the driver allows where it can be.
    """
    ladder = ladder or Ladder()
    connection = database.kept_sqlite_connection()
    if connection is not None and paraphrase is None and _is_plain(speaker, kind, ladder):
        participant = speaker.participant
        logged = _PlainLog(connection, database.engine.dialect).run(
            {
                "session_id": session_id,
                "participant_id": participant.id if participant else None,
                "at": at,
                "kind": kind.value,
                "text": text,
                "tags": list(tags),
                "phase_id": phase_id,
                "reply_to_id": reply_to_id,
                "ref": None,
                "edited_at": None,
                "deleted_at": None,
                "consent": consent.value if consent else None,
                "condition": ladder.condition,
                "paraphrase": None,
            }
        )
        if logged is not None:
            return Logged(logged, participant)
    return database.write(
        lambda db: contributions.log_contribution(
            db=db,
            session_id=session_id,
            speaker=speaker,
            kind=kind,
            text=text,
            at=at,
            tags=tags,
            phase_id=phase_id,
            reply_to_id=reply_to_id,
            clear_draft_text=True,
            ladder=ladder,
            consent=consent,
            commitment=commitment,
            paraphrase=paraphrase,
        )
    )


def _is_plain(speaker: Speaker, kind: Kind, ladder: Ladder) -> bool:
    """Whether logging needs no more than the statements `_PlainLog` runs."""
    if speaker.problem is not None or speaker.new_name is not None:
        return False
    participant = speaker.participant
    # A domain given for someone without one is written to the participant: the full way.
    gains_domain = participant is not None and bool(speaker.domain) and participant.domain is None
    return (
        not gains_domain
        and kind is not Kind.COMMITMENT
        and not ladder.interests
        and not ladder.values
    )


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

    def parameters(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            process(values[name]) if process is not None else values[name]
            for name, process in zip(self._names, self._processors, strict=True)
        )


class _Statements:
    """The capture path's statements, prepared for one dialect."""

    def __init__(self, dialect: Dialect) -> None:
        self.session_member = _Prepared(statements.SESSION_MEMBER, dialect)
        self.phase_session = _Prepared(statements.PHASE_SESSION, dialect)
        self.contribution_session = _Prepared(statements.CONTRIBUTION_SESSION, dialect)
        self.last_seq = _Prepared(statements.LAST_SEQ, dialect)
        self.default_consent = _Prepared(statements.DEFAULT_CONSENT, dialect)
        self.insert = _Prepared(statements.INSERT_CONTRIBUTION, dialect, INSERTED_COLUMNS)
        self.clear_draft = _Prepared(statements.CLEAR_DRAFT, dialect)


_prepared: WeakKeyDictionary[Dialect, _Statements] = WeakKeyDictionary()
"""Per dialect: compiling costs milliseconds, and an engine keeps its dialect."""


class _NotPlain(Exception):
    """The database says this line needs the full way after all (say, a new session member)."""


class _PlainLog:
    """One plain contribution, logged in a transaction on the kept driver connection."""

    def __init__(self, connection: sqlite3.Connection, dialect: Dialect) -> None:
        self.connection = connection
        if dialect not in _prepared:
            _prepared[dialect] = _Statements(dialect)
        self.statements = _prepared[dialect]

    def run(self, values: dict[str, Any]) -> Contribution | None:
        """The stored contribution, or None (nothing written) if it must go the full way."""
        try:
            # IMMEDIATE takes the write lock first (waiting out the busy timeout), so the
            # number read below is still the last one when the row goes in.
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            return None
        try:
            stored = self._write(values)
            self.connection.execute("COMMIT")
        except (sqlite3.Error, _NotPlain):
            self._roll_back()
            return None
        except BaseException:
            self._roll_back()
            raise
        return stored

    def _write(self, values: dict[str, Any]) -> Contribution:
        prepared = self.statements
        session_id = values["session_id"]
        if values["participant_id"] is not None:
            self._expect(prepared.session_member, values, lambda position: position is not None)
        if values["phase_id"] is not None:
            self._expect(prepared.phase_session, values, lambda owner: owner == session_id)
        if values["reply_to_id"] is not None:
            replied = {**values, "contribution_id": values["reply_to_id"]}
            self._expect(prepared.contribution_session, replied, lambda owner: owner == session_id)
        seq = (self._scalar(prepared.last_seq, values) or 0) + 1
        consent = values["consent"]
        if consent is None:
            consent = self._scalar(prepared.default_consent, values) or Consent.NAMED.value
        row = {**values, "seq": seq, "consent": consent, "created_at": utc_now()}
        new_id = self._scalar(prepared.insert, row)
        self.connection.execute(prepared.clear_draft.sql, prepared.clear_draft.parameters(row))
        return Contribution(
            id=new_id,
            session_id=session_id,
            seq=seq,
            at=values["at"],
            kind=Kind(values["kind"]),
            text=values["text"],
            participant_id=values["participant_id"],
            tags=tuple(values["tags"]),
            phase_id=values["phase_id"],
            reply_to_id=values["reply_to_id"],
            ref=None,
            consent=Consent(consent),
            condition=values["condition"],
        )

    def _scalar(self, prepared: _Prepared, values: dict[str, Any]) -> Any:
        row = self.connection.execute(prepared.sql, prepared.parameters(values)).fetchone()
        return row[0] if row is not None else None

    def _expect(
        self, prepared: _Prepared, values: dict[str, Any], holds: Callable[[Any], bool]
    ) -> None:
        # Not a member yet, or a link the full way rejects with its own message.
        if not holds(self._scalar(prepared, values)):
            raise _NotPlain

    def _roll_back(self) -> None:
        with suppress(sqlite3.Error):  # no transaction left to roll back
            self.connection.execute("ROLLBACK")
