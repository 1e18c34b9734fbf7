"""Tables of a big meeting: groups of one session, each with its own note-taker."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from dialoog_tui.core.model import Table
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.db.claims import claim_name
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.db.watch import announce
from dialoog_tui.store.schema.tables import TableRow


def _table(row: TableRow) -> Table:
    assert row.id is not None
    return Table(id=row.id, session_id=row.session_id, name=row.name, note_taker=row.note_taker)


def table_key(name: str) -> str:
    """How table names compare: ignoring case and spaces, so that "Tafel1" typed at one
    screen is the "Tafel 1" set up at another, not a third table nobody sits at."""
    return "".join(name.split()).casefold()


def take_seat(*, db: Session, session_id: int, name: str, note_taker: str | None) -> Table:
    """The session's table called `name` (`table_key`), set up when it is new, with
    `note_taker` as its note-taker when it has none yet. Once, when several screens sit
    down at a new table at the same moment."""
    name = " ".join(name.split())[:200]
    if not name:
        raise InvalidInput("a table needs a name", key="error.needs_table_name")
    claim_name(db, "table", session_id, table_key(name))
    # Compared here, not in SQL: SQLite's lower() folds ASCII only (Één, Über).
    rows = db.exec(
        select(TableRow).where(TableRow.session_id == session_id).order_by(col(TableRow.id))
    ).all()
    row = next((r for r in rows if table_key(r.name) == table_key(name)), None)
    if row is None:
        row = TableRow(session_id=session_id, name=name, created_at=utc_now())
        announce(db, session_id)  # a room view shows the new table
    if row.note_taker is None and note_taker:
        row.note_taker = note_taker[:500]
    db.add(row)
    db.flush()
    return _table(row)


def list_tables(*, db: Session, session_id: int) -> list[Table]:
    """The session's tables, in the order they were set up."""
    rows = db.exec(
        select(TableRow).where(TableRow.session_id == session_id).order_by(col(TableRow.id))
    ).all()
    return [_table(row) for row in rows]


def table_named(*, db: Session, session_id: int, name: str) -> Table:
    """The session's table called `name` (`table_key`); NotFound names the tables there."""
    known = list_tables(db=db, session_id=session_id)
    for table in known:
        if table_key(table.name) == table_key(name):
            return table
    names = ", ".join(table.name for table in known) or "-"
    raise NotFound(
        f"no table {name!r} in this session (tables: {names})",
        key="error.no_table",
        name=name,
        names=names,
    )


def table_of_the_session(*, db: Session, session_ids: Sequence[int] | None, name: str) -> Table:
    """The table called `name` of the one session in `session_ids`: a table belongs to one
    session, so reading at a table needs exactly one (InvalidInput otherwise)."""
    if session_ids is None or len(session_ids) != 1:
        raise InvalidInput("--table needs exactly one session", key="error.table_one_session")
    return table_named(db=db, session_id=session_ids[0], name=name)
