"""The names participants went by before a correction, so that an import written before it
still finds them: a table's notes that say "Lote" mean Lotte once Lote was merged into her,
and rows already imported under that name are recognised rather than added again.

Every change here is undone exactly with the correction that made it: the name it added is
taken back, and the rows it handed over or took away are kept in its record
(`core.corrections`)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from dialoog_tui.core.model import Participant
from dialoog_tui.core.speakers import name_key
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.participants import list_participants
from dialoog_tui.store.schema.tables import FormerNameRow, ParticipantRow


def remember(db: Session, participant_id: int, name: str) -> None:
    """`participant_id` went by `name` until now."""
    db.add(FormerNameRow(participant_id=participant_id, name_key=name_key(name), at=utc_now()))
    db.flush()


def forget(db: Session, participant_id: int, name: str) -> None:
    """Take back the newest `remember` of this name (an undo; a redo remembers it anew)."""
    newest = db.exec(
        select(FormerNameRow.id)
        .where(
            FormerNameRow.participant_id == participant_id,
            FormerNameRow.name_key == name_key(name),
        )
        .order_by(col(FormerNameRow.id).desc())
        .limit(1)
    ).first()
    if newest is not None:
        db.exec(delete(FormerNameRow).where(col(FormerNameRow.id) == newest))


def hand_over(db: Session, gone_id: int, kept_id: int) -> tuple[int, ...]:
    """The former names of someone merged into another become the other's; the ids of those
    records, for `hand_back`."""
    ids = tuple(
        db.exec(select(FormerNameRow.id).where(FormerNameRow.participant_id == gone_id)).all()
    )
    _belong_to(db, ids, kept_id)
    return tuple(i for i in ids if i is not None)


def hand_back(db: Session, record_ids: Iterable[int], participant_id: int) -> None:
    """Reverse `hand_over` (an unmerge)."""
    _belong_to(db, tuple(record_ids), participant_id)


def take_away(db: Session, participant_id: int) -> tuple[str, ...]:
    """Forget a removed participant's former names (the table has no key to the participant
    that would take them along); what they were, for `give_back`."""
    keys = tuple(
        db.exec(
            select(FormerNameRow.name_key)
            .where(FormerNameRow.participant_id == participant_id)
            .order_by(col(FormerNameRow.id))
        ).all()
    )
    db.exec(delete(FormerNameRow).where(col(FormerNameRow.participant_id) == participant_id))
    return keys


def give_back(db: Session, participant_id: int, keys: Iterable[str]) -> None:
    """Reverse `take_away` (a participant brought back)."""
    for key in keys:
        db.add(FormerNameRow(participant_id=participant_id, name_key=key, at=utc_now()))
    db.flush()


def by_former_name(db: Session) -> dict[str, list[int]]:
    """Who went by each former name (`name_key`), by participant id, the most recent last;
    only those still there. Whom it means in a session is for the reader to decide (the
    most recent of those in it, unless someone there goes by it today)."""
    rows = db.exec(
        select(FormerNameRow.name_key, FormerNameRow.participant_id)
        .join(ParticipantRow, col(ParticipantRow.id) == col(FormerNameRow.participant_id))
        .order_by(col(FormerNameRow.at), col(FormerNameRow.id))
    ).all()
    found: dict[str, list[int]] = {}
    for key, participant_id in rows:
        holders = found.setdefault(key, [])
        if participant_id in holders:
            holders.remove(participant_id)
        holders.append(participant_id)
    return found


def as_participants(db: Session) -> list[Participant]:
    """Each former name as the participant who went by it (their id, the name as names
    compare): an anonymised export keeps these out of its texts as well."""
    rows = db.exec(
        select(FormerNameRow.participant_id, FormerNameRow.name_key)
        .join(ParticipantRow, col(ParticipantRow.id) == col(FormerNameRow.participant_id))
        .order_by(col(FormerNameRow.id))
    ).all()
    return [Participant(participant_id, key) for participant_id, key in rows]


def names_to_keep_out(db: Session) -> list[Participant]:
    """Every participant known, and every name one went by: whose names an anonymised
    export must keep out."""
    return [*list_participants(db=db), *as_participants(db)]


def _belong_to(db: Session, record_ids: tuple[int | None, ...], participant_id: int) -> None:
    if record_ids:
        db.exec(
            update(FormerNameRow)
            .where(col(FormerNameRow.id).in_(record_ids))
            .values(participant_id=participant_id)
        )
