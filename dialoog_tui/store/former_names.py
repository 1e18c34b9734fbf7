"""The names participants went by before a correction, so that an import written before it
still finds them: a table's notes that say "Lote" mean Lotte once Lote was merged into her,
and rows already imported under that name are recognised rather than added again."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col, select

from dialoog_tui.core.speakers import name_key
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.tables import FormerNameRow, ParticipantRow


def remember(db: Session, participant_id: int, name: str) -> None:
    """`participant_id` went by `name` until now."""
    db.add(FormerNameRow(participant_id=participant_id, name_key=name_key(name), at=utc_now()))
    db.flush()


def hand_over(db: Session, gone_id: int, kept_id: int) -> None:
    """The former names of someone merged into another become the other's."""
    db.exec(
        update(FormerNameRow)
        .where(col(FormerNameRow.participant_id) == gone_id)
        .values(participant_id=kept_id)
    )


def by_former_name(db: Session) -> dict[str, int]:
    """Whom each former name (`name_key`) means now, by participant id: only names nobody
    goes by today, and only those that point to one participant who is still there."""
    rows = db.exec(
        select(FormerNameRow.name_key, FormerNameRow.participant_id).join(
            ParticipantRow, col(ParticipantRow.id) == col(FormerNameRow.participant_id)
        )
    ).all()
    current = {name_key(name) for name in db.exec(select(ParticipantRow.name)).all()}
    found: dict[str, int] = {}
    shared: set[str] = set()
    for key, participant_id in rows:
        if key in current:
            continue
        if found.get(key, participant_id) != participant_id:
            shared.add(key)
        found[key] = participant_id
    return {key: pid for key, pid in found.items() if key not in shared}
