"""Theme runs in the database: what the engine reads, and what it found.

A run is stored so that the TUI and the exports can show themes without clustering again.
Saving a run over exactly the same sessions as an earlier one replaces that one: the newer
supersedes it, and keeping both would only double the membership rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import SHAREABLE_CONSENTS, shareable
from dialoog_tui.core.themes.explain import FoundTheme
from dialoog_tui.core.themes.run import FoundThemes, ThemeRun
from dialoog_tui.core.themes.types import ThemeInput
from dialoog_tui.store.participants import with_speakers
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    DomainRow,
    ParticipantRow,
    SessionRow,
    TableRow,
    ThemeMemberRow,
    ThemeRow,
    ThemeRunRow,
    ThemeRunSessionRow,
)
from dialoog_tui.store.sessions import deleted_sessions
from dialoog_tui.store.shared_numbers import SharedNumbers
from dialoog_tui.store.themes.curation import save_themes
from dialoog_tui.store.themes.places import save_placement
from dialoog_tui.store.vocabulary import terms_of

CHUNK = 900
"""Ids per query when contributions are read by id (SQLite allows 999 parameters)."""


def theme_inputs(*, db: Session, session_ids: Sequence[int]) -> list[ThemeInput]:
    """The live contributions of these sessions as the engine reads them, in session order,
    through the consent gate: a theme, its label, terms, quotes and counts are shared, so
    what was said off the record never enters and a paraphrase-only contribution speaks
    with the note-taker's paraphrase, not with its verbatim words.
    """
    rows = db.connection().execute(_live(col(ContributionRow.session_id).in_(session_ids))).all()
    numbers = SharedNumbers(db)
    numbers.read(session_ids)
    return _inputs(rows, terms_of(db=db, session_ids=session_ids), numbers)


def live_count(*, db: Session, session_ids: Sequence[int]) -> int:
    """How many contributions `theme_inputs` would read."""
    return db.exec(
        select(func.count())
        .select_from(ContributionRow)
        .where(col(ContributionRow.session_id).in_(session_ids), *_readable())
    ).one()


def inputs_of(*, db: Session, contribution_ids: Sequence[int]) -> list[ThemeInput]:
    """These contributions as the engine reads them (removed and off-record ones left out)."""
    inputs: list[ThemeInput] = []
    ids = sorted(set(contribution_ids))
    numbers = SharedNumbers(db)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = db.connection().execute(_live(col(ContributionRow.id).in_(chunk))).all()
        numbers.read(row[1] for row in rows)
        inputs += _inputs(rows, terms_of(db=db, contribution_ids=chunk), numbers)
    return inputs


def _readable() -> tuple[Any, ...]:
    """What a theme run may read of a contribution table: what is still there and may be
    shared (the rest of the consent gate is `shareable`, applied to the rows read)."""
    return (
        col(ContributionRow.deleted_at).is_(None),
        col(ContributionRow.consent).in_(SHAREABLE_CONSENTS),
        col(ContributionRow.session_id).not_in(deleted_sessions()),
    )


def _live(condition: Any) -> Any:
    # Plain columns through the connection: the ORM's per-row objects cost seconds at 100,000
    # contributions, and SQLModel's `select` takes at most four columns.
    return (
        with_speakers(
            select_columns(
                col(ContributionRow.id),
                col(ContributionRow.session_id),
                col(ContributionRow.text),
                col(ContributionRow.tags),
                col(ContributionRow.consent),
                col(ParticipantRow.name),
                col(DomainRow.name),
                col(ContributionRow.created_at),
                col(ContributionRow.paraphrase),
                col(ContributionRow.at),
                col(TableRow.name),
                col(ContributionRow.seq),
            )
        )
        .join(TableRow, col(TableRow.id) == col(ContributionRow.table_id), isouter=True)
        .where(condition, *_readable())
        .order_by(col(ContributionRow.session_id), col(ContributionRow.seq))
    )


def _inputs(
    rows: Sequence[Any],
    terms: dict[int, tuple[tuple[str, ...], tuple[str, ...]]],
    numbers: SharedNumbers,
) -> list[ThemeInput]:
    """The rows as the engine reads them, through the consent gate and numbered as shared
    (`numbers`): the numbers reach the theme report's quotes."""
    inputs = []
    for row in rows:
        (
            cid,
            session_id,
            text,
            tags,
            consent,
            speaker,
            domain,
            created_at,
            paraphrase,
            at,
            table,
            seq,
        ) = row
        interests, values = terms.get(cid, ((), ()))
        inputs.append(
            ThemeInput(
                contribution_id=cid,
                session_id=session_id,
                text=text,
                speaker=speaker,
                domain=domain,
                consent=Consent(consent),
                tags=tuple(tags or ()),
                interests=interests,
                values=values,
                created_at=created_at,
                paraphrase=paraphrase,
                at=at,
                table=table,
                seq=numbers.of(session_id, seq),
            )
        )
    return shareable(inputs)


def live_sessions(*, db: Session, session_ids: Sequence[int]) -> dict[int, int]:
    """The session of each contribution of these sessions that `theme_inputs` would read
    (two numbers a contribution: the live panel's counts, without the texts)."""
    rows = db.connection().execute(
        select_columns(col(ContributionRow.id), col(ContributionRow.session_id)).where(
            col(ContributionRow.session_id).in_(session_ids), *_readable()
        )
    )
    return {cid: session for cid, session in rows if cid is not None}


def all_session_ids(*, db: Session) -> list[int]:
    """Every session's id, oldest first."""
    query = select(SessionRow.id).where(col(SessionRow.deleted_at).is_(None))
    return [i for i in db.exec(query.order_by(col(SessionRow.id))) if i is not None]


def session_titles(*, db: Session, session_ids: Sequence[int]) -> dict[int, str]:
    """Each session's title."""
    rows = db.exec(
        select(SessionRow.id, SessionRow.title).where(col(SessionRow.id).in_(session_ids))
    ).all()
    return {session_id: title for session_id, title in rows if session_id is not None}


def save_run(
    *,
    db: Session,
    found: FoundThemes,
    session_ids: Sequence[int],
    all_sessions: bool,
    at: datetime,
) -> ThemeRun:
    """Store what the engine found; an earlier run over the same sessions is replaced.

    Curated themes are saved with the contributions that joined them in this run.
    """
    scope = sorted(set(session_ids))
    for old in _runs_over(db, scope):
        db.exec(delete(ThemeRunRow).where(col(ThemeRunRow.id) == old))
    run = ThemeRunRow(
        created_at=at,
        all_sessions=all_sessions,
        contribution_count=found.contribution_count,
        method=dict(found.method),
        unassigned=list(found.unassigned),
        fingerprint=found.fingerprint or None,
    )
    db.add(run)
    db.flush()
    assert run.id is not None
    db.add_all(ThemeRunSessionRow(run_id=run.id, session_id=s) for s in scope)
    members: list[dict[str, object]] = []
    for position, theme in enumerate(found.themes):
        row = ThemeRow(
            run_id=run.id,
            key=theme.id,
            position=position,
            label=theme.label,
            terms=list(theme.terms),
            cohesion=theme.cohesion if theme.cohesion is not None else 0.0,
        )
        db.add(row)
        db.flush()
        members.extend(
            {"theme_id": row.id, "contribution_id": cid, "position": rank, "similarity": sim}
            for rank, (cid, sim) in enumerate(zip(theme.members, theme.similarities, strict=True))
        )
    if members:
        # On the table, not the ORM: its bulk path handles each row in Python and took 1.4 s
        # of a 1.8 s write at 100,000 members, a write every Enter meanwhile waits for.
        db.connection().execute(insert(ThemeMemberRow), members)
    if found.placement is not None:
        save_placement(db=db, run_id=run.id, placement=found.placement)
    save_themes(db=db, themes=found.curated, at=at)
    return ThemeRun(run.id, at, tuple(scope), all_sessions, found)


def _runs_over(db: Session, scope: list[int]) -> list[int]:
    """The runs whose sessions are exactly `scope`."""
    rows = db.exec(select(ThemeRunSessionRow.run_id, ThemeRunSessionRow.session_id)).all()
    sessions: dict[int, set[int]] = defaultdict(set)
    for run_id, session_id in rows:
        sessions[run_id].add(session_id)
    return [run_id for run_id, covered in sessions.items() if covered == set(scope)]


def latest_run(*, db: Session, session_ids: Sequence[int] | None = None) -> ThemeRun | None:
    """The newest run that covered all of `session_ids` (any run: None)."""
    query = select(ThemeRunRow).order_by(
        col(ThemeRunRow.created_at).desc(), col(ThemeRunRow.id).desc()
    )
    wanted = set(session_ids or ())
    for run in db.exec(query):
        assert run.id is not None
        covered = set(
            db.exec(
                select(ThemeRunSessionRow.session_id).where(ThemeRunSessionRow.run_id == run.id)
            ).all()
        )
        if wanted <= covered:
            return _load(db, run, tuple(sorted(covered)))
    return None


def _load(db: Session, run: ThemeRunRow, scope: tuple[int, ...]) -> ThemeRun:
    assert run.id is not None
    themes = db.exec(
        select(ThemeRow).where(ThemeRow.run_id == run.id).order_by(col(ThemeRow.position))
    ).all()
    members = db.exec(
        select(ThemeMemberRow.theme_id, ThemeMemberRow.contribution_id, ThemeMemberRow.similarity)
        .join(ThemeRow, col(ThemeRow.id) == col(ThemeMemberRow.theme_id))
        .where(ThemeRow.run_id == run.id)
        .order_by(col(ThemeMemberRow.theme_id), col(ThemeMemberRow.position))
    ).all()
    by_theme: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for theme_id, cid, similarity in members:
        by_theme[theme_id].append((cid, similarity))
    found = FoundThemes(
        themes=tuple(
            FoundTheme(
                id=row.key,
                label=row.label,
                terms=tuple(row.terms),
                members=tuple(cid for cid, _ in by_theme[row.id or 0]),
                similarities=tuple(sim for _, sim in by_theme[row.id or 0]),
                cohesion=row.cohesion,
            )
            for row in themes
        ),
        unassigned=tuple(run.unassigned),
        contribution_count=run.contribution_count,
        method=run.method,
        fingerprint=run.fingerprint or "",
    )
    return ThemeRun(run.id, run.created_at, scope, run.all_sessions, found)
