"""Contributions: logging, editing, removing and restoring what was said, and reading it back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from msgspec.structs import replace
from sqlalchemy import and_, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import CommitmentTerms, Contribution, Logged, Participant
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.core.waiting import WaitingLine
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.changes import count_change
from dialoog_tui.store.commitments import commitments_of, set_commitment
from dialoog_tui.store.contribution_insert import (
    SessionRunner,
    insert_numbered,
    log_plain,
    new_row,
    stored_contribution,
)
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.db.database import Database, is_contention
from dialoog_tui.store.db.watch import announce
from dialoog_tui.store.participants import participant_of, realise_speaker
from dialoog_tui.store.schema.convert import to_contribution
from dialoog_tui.store.schema.tables import (
    CommitmentRow,
    ContributionRevisionRow,
    ContributionRow,
    PhaseRow,
    SessionRow,
)
from dialoog_tui.store.search import index_rows
from dialoog_tui.store.vocabulary import link_terms, terms_of


def log_contribution(
    *,
    db: Session,
    session_id: int,
    speaker: Speaker,
    kind: Kind,
    text: str,
    at: datetime,
    tags: Sequence[str] = (),
    phase_id: int | None = None,
    reply_to_id: int | None = None,
    ref: str | None = None,
    clear_draft_text: bool = False,
    ladder: Ladder | None = None,
    consent: Consent | None = None,
    commitment: CommitmentTerms | None = None,
    paraphrase: str | None = None,
    recorded_by: str | None = None,
    client_key: str | None = None,
    table_id: int | None = None,
) -> Logged:
    """Store a new contribution with the next number in its session.

    With `clear_draft_text` the session's saved draft is emptied in the same transaction, so
    that after a crash the line is either logged or still in the input, never both or neither.
    Without `consent` the session's default applies, and a `paraphrase` makes a quotable
    default paraphrase (see `Consent.with_paraphrase`). A commitment gets a ledger entry; its
    owner is the speaker unless `commitment` names someone else.
    """
    participant = realise_speaker(db=db, session_id=session_id, speaker=speaker)
    ladder = ladder or Ladder()
    stored = insert_numbered(
        SessionRunner(db),
        new_row(
            session_id=session_id,
            participant_id=participant.id if participant else None,
            kind=kind,
            text=text,
            at=at,
            tags=tags,
            phase_id=phase_id,
            reply_to_id=reply_to_id,
            ref=ref,
            consent=consent,
            condition=ladder.condition,
            paraphrase=_blank_to_none(paraphrase),
            recorded_by=recorded_by,
            client_key=client_key,
            table_id=table_id,
        ),
        clear_draft=clear_draft_text,
    )
    announce(db, session_id)  # other screens on the session hear of it on commit
    logged = stored_contribution(stored)
    new_id = logged.id
    if ladder.interests or ladder.values:
        link_terms(
            db=db,
            contribution_id=new_id,
            session_id=session_id,
            interests=ladder.interests,
            values=ladder.values,
        )
    if kind is Kind.COMMITMENT:
        terms = commitment or CommitmentTerms()
        set_commitment(
            db=db,
            contribution_id=new_id,
            owner=_owner(terms, participant),
            due_on=terms.due_on,
        )
    if ladder.interests or ladder.values or kind is Kind.COMMITMENT:
        # Read back: a name may have matched an existing term ('safety' is 'veiligheid'),
        # and a commitment shows its owner and date.
        logged = _with_terms(db, [logged])[0]
    return Logged(logged, participant)


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
    recorded_by: str | None = None,
    client_key: str | None = None,
    table_id: int | None = None,
) -> Logged:
    """Log a line typed in capture and clear the session's draft, in one durable transaction
    of its own: `log_contribution(..., clear_draft_text=True)` in a unit of work, or, for a
    plain line on SQLite, the same statements on the driver (see `contribution_insert`).
    `client_key` is the screen's own key for the line (`core.waiting`)."""
    ladder = ladder or Ladder()
    connection = database.kept_sqlite_connection()
    if connection is not None and paraphrase is None and _is_plain(speaker, kind, ladder):
        participant = speaker.participant
        row = new_row(
            session_id=session_id,
            participant_id=participant.id if participant else None,
            kind=kind,
            text=text,
            at=at,
            tags=tags,
            phase_id=phase_id,
            reply_to_id=reply_to_id,
            ref=None,
            consent=consent,
            condition=ladder.condition,
            paraphrase=None,
            recorded_by=recorded_by,
            client_key=client_key,
            table_id=table_id,
        )
        stored = log_plain(connection, database.engine.dialect, row)
        if stored is not None:
            return Logged(stored_contribution(stored), participant)
    try:
        return database.write(
            lambda db: log_contribution(
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
                recorded_by=recorded_by,
                client_key=client_key,
                table_id=table_id,
            )
        )
    except IntegrityError:
        # Refused only now, not looked up on every Enter: the speaker may have been merged
        # or removed at another screen since this one knew them.
        gone = database.read(lambda db: _gone(db, speaker))
        if gone is None:
            raise
        raise InvalidInput(
            f"{gone.name} was merged or removed at another screen: name the speaker again",
            key="error.speaker_gone",
            name=gone.name,
        ) from None


def log_waiting(database: Database, line: WaitingLine) -> Logged:
    """Store a line that waited in the outbox, once: when a contribution with its key is
    there already (its first commit went through before the connection broke, or another
    run of the app wrote it), that one is returned and nothing is written."""

    def work(db: Session) -> Logged:
        there = db.exec(
            select(ContributionRow).where(ContributionRow.client_key == line.key)
        ).first()
        if there is not None:
            return Logged(
                _with_terms(db, [to_contribution(there)])[0],
                participant_of(db=db, participant_id=there.participant_id),
            )
        try:
            return log_contribution(db=db, **_as_things_are(db, line).arguments())
        except IntegrityError as error:
            if is_contention(error):
                raise  # another writer got in between: Database.write tries again
            raise InvalidInput(f"the database refused a waiting line: {error.orig}") from None

    return database.write(work)


def _gone(db: Session, speaker: Speaker) -> Participant | None:
    """The participant `speaker` names, when another screen merged or removed them since the
    line was typed (else None)."""
    known = speaker.participant
    if known is not None and participant_of(db=db, participant_id=known.id) is None:
        return known
    return None


def _speaker_now(db: Session, speaker: Speaker) -> Speaker:
    """`speaker`, or, when another screen removed or merged them while the line waited,
    someone of their name and domain: a line that waited must be stored."""
    gone = _gone(db, speaker)
    return Speaker(new_name=gone.name, domain=gone.domain) if gone is not None else speaker


def _as_things_are(db: Session, line: WaitingLine) -> WaitingLine:
    """`line` with what changed while it waited taken into account: a speaker removed or
    merged meanwhile is named anew (the same name finds whoever took them in); a phase or a
    contribution answered that went is left out."""
    line = replace(line, speaker=_speaker_now(db, line.speaker))
    if line.phase_id is not None and db.get(PhaseRow, line.phase_id) is None:
        line = replace(line, phase_id=None)
    if line.reply_to_id is not None and db.get(ContributionRow, line.reply_to_id) is None:
        line = replace(line, reply_to_id=None)
    return line


def _is_plain(speaker: Speaker, kind: Kind, ladder: Ladder) -> bool:
    """Whether logging needs no more than the statements of `contribution_insert`: a known
    speaker (or the room), no interests or values, no ledger entry."""
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


def edit_contribution(
    *,
    db: Session,
    contribution_id: int,
    speaker: Speaker,
    kind: Kind,
    text: str,
    tags: Sequence[str] = (),
    ladder: Ladder | None = None,
    paraphrase: str | None = None,
    consent: Consent | None = None,
    commitment: CommitmentTerms | None = None,
) -> Logged:
    """Change a contribution; the previous version is kept as a revision. With `ladder`, its
    interests, values and condition become those (None leaves them as they are). The
    paraphrase becomes `paraphrase` (None or blank: none); the consent becomes `consent`, or
    without it stays, unless a first paraphrase is given: then a quotable one becomes
    paraphrase. A commitment's owner and date become `commitment`'s (the owner by default
    whoever said it, as when it was logged); without, they stay."""
    row = _row(db, contribution_id)
    participant = realise_speaker(db=db, session_id=row.session_id, speaker=speaker)
    now = utc_now()
    db.add(
        ContributionRevisionRow(
            contribution_id=contribution_id,
            replaced_at=now,
            participant_id=row.participant_id,
            kind=row.kind,
            text=row.text,
            tags=list(row.tags or ()),
            paraphrase=row.paraphrase,
        )
    )
    row.participant_id = participant.id if participant else None
    row.kind = kind.value
    row.text = text
    row.tags = list(tags)
    paraphrase = _blank_to_none(paraphrase)
    if consent is None and row.paraphrase is None:
        consent = Consent(row.consent).with_paraphrase(paraphrase)
    row.paraphrase = paraphrase
    row.consent = (consent or Consent(row.consent)).value
    row.edited_at = now
    if ladder is not None:
        row.condition = ladder.condition
    db.add(row)
    db.flush()
    if ladder is not None:
        link_terms(
            db=db,
            contribution_id=contribution_id,
            session_id=row.session_id,
            interests=ladder.interests,
            values=ladder.values,
        )
    if kind is Kind.COMMITMENT and commitment is not None:
        set_commitment(
            db=db,
            contribution_id=contribution_id,
            owner=_owner(commitment, participant),
            due_on=commitment.due_on,
            keep_unset=False,
        )
    elif kind is Kind.COMMITMENT and db.get(CommitmentRow, contribution_id) is None:
        set_commitment(
            db=db, contribution_id=contribution_id, owner=_owner(CommitmentTerms(), participant)
        )
    return Logged(_changed(db, row), participant)


def set_ladder(*, db: Session, contribution_id: int, ladder: Ladder) -> Contribution:
    """Give a contribution these interests, values and condition (replacing earlier ones)."""
    row = _row(db, contribution_id)
    row.condition = ladder.condition
    db.add(row)
    link_terms(
        db=db,
        contribution_id=contribution_id,
        session_id=row.session_id,
        interests=ladder.interests,
        values=ladder.values,
    )
    return _changed(db, row)


def set_paraphrase(
    *, db: Session, contribution_id: int, paraphrase: str | None, consent: Consent | None = None
) -> Contribution:
    """Give a contribution the note-taker's paraphrase (None or blank: none) and `consent`;
    without `consent` a quotable one becomes paraphrase: the paraphrase is there to be shown
    instead of the words."""
    row = _row(db, contribution_id)
    row.paraphrase = _blank_to_none(paraphrase)
    row.consent = (consent or Consent(row.consent).with_paraphrase(row.paraphrase)).value
    db.add(row)
    db.flush()
    return _changed(db, row)


def set_consent(*, db: Session, contribution_id: int, consent: Consent) -> Contribution:
    """Change what the participant agreed to for this contribution."""
    row = _row(db, contribution_id)
    row.consent = consent.value
    db.add(row)
    db.flush()
    return _changed(db, row)


def remove_contribution(*, db: Session, contribution_id: int) -> Contribution:
    """Take a contribution out of the record (kept, so that removal can be undone)."""
    row = _row(db, contribution_id)
    row.deleted_at = utc_now()
    db.add(row)
    db.flush()
    return _changed(db, row)


def restore_contribution(*, db: Session, contribution_id: int) -> Contribution:
    """Bring a removed contribution back."""
    row = _row(db, contribution_id)
    row.deleted_at = None
    db.add(row)
    db.flush()
    return _changed(db, row)


def get_contribution(*, db: Session, contribution_id: int) -> Contribution:
    """One contribution, removed or not."""
    return _with_terms(db, [to_contribution(_row(db, contribution_id))])[0]


def latest_contributions(
    *, db: Session, session_id: int, limit: int, before_seq: int | None = None
) -> list[Contribution]:
    """Up to `limit` live contributions before number `before_seq` (or the newest), oldest first."""
    query = select(ContributionRow).where(
        ContributionRow.session_id == session_id, col(ContributionRow.deleted_at).is_(None)
    )
    if before_seq is not None:
        query = query.where(ContributionRow.seq < before_seq)
    rows = db.exec(query.order_by(col(ContributionRow.seq).desc()).limit(limit)).all()
    return _with_terms(db, [to_contribution(row) for row in reversed(rows)])


def news(*, db: Session, session_id: int, seq: int) -> tuple[int, list[tuple[int, int]]]:
    """What a screen watching the session reads each time it hears of it, in one look: the
    session's count of changes (`store.changes`), and the ids and numbers of its live
    contributions numbered above `seq`."""
    above = and_(
        col(ContributionRow.session_id) == col(SessionRow.id),
        col(ContributionRow.seq) > seq,
        col(ContributionRow.deleted_at).is_(None),
    )
    rows = db.exec(
        select(SessionRow.changes, ContributionRow.id, ContributionRow.seq)
        .select_from(SessionRow)
        .outerjoin(ContributionRow, above)
        .where(SessionRow.id == session_id)
    ).all()
    count = rows[0][0] if rows else 0
    return count, [(cid, number) for _count, cid, number in rows if cid is not None]


def newer_than(*, db: Session, session_id: int, seq: int) -> list[Contribution]:
    """The live contributions numbered above `seq`, in order: what others logged since."""
    rows = db.exec(
        select(ContributionRow)
        .where(ContributionRow.session_id == session_id, ContributionRow.seq > seq)
        .where(col(ContributionRow.deleted_at).is_(None))
        .order_by(col(ContributionRow.seq))
    ).all()
    return _with_terms(db, [to_contribution(row) for row in rows])


def changed_since(*, db: Session, session_id: int, count: int) -> list[Contribution]:
    """The session's contributions changed after its count of changes was `count`, removed
    ones too (a screen drops them), in order."""
    rows = db.exec(
        select(ContributionRow)
        .where(ContributionRow.session_id == session_id, ContributionRow.changed_in > count)
        .order_by(col(ContributionRow.seq))
    ).all()
    return _with_terms(db, [to_contribution(row) for row in rows])


def session_contributions(*, db: Session, session_id: int) -> list[Contribution]:
    """Every live contribution of a session, in order."""
    rows = db.exec(
        select(ContributionRow)
        .where(ContributionRow.session_id == session_id, col(ContributionRow.deleted_at).is_(None))
        .order_by(col(ContributionRow.seq))
    ).all()
    return _with_terms(db, [to_contribution(row) for row in rows])


def participation_counts(*, db: Session, session_id: int) -> dict[int | None, int]:
    """How many live contributions each participant (None: the room) made in the session.

    All of them, counted in the (session, participant) index alone, less the removed ones,
    counted in the small index of removed contributions: 10-20 ms at 100,000 contributions,
    where filtering on `deleted_at` read every row (150-230 ms, at every session opening)."""
    speaker = col(ContributionRow.participant_id)
    in_session = col(ContributionRow.session_id) == session_id
    every = db.exec(select(speaker, func.count()).where(in_session).group_by(speaker)).all()
    removed = db.exec(
        select(speaker, func.count())
        .where(in_session, col(ContributionRow.deleted_at).is_not(None))
        .group_by(speaker)
    ).all()
    counts = dict(every)
    for participant_id, count in removed:
        counts[participant_id] -= count
    return {participant_id: count for participant_id, count in counts.items() if count}


def _with_terms(db: Session, contributions: list[Contribution]) -> list[Contribution]:
    """The contributions with their interests and values filled in, and a commitment's
    owner and date (one query for each)."""
    terms = terms_of(db=db, contribution_ids=[c.id for c in contributions])
    promised = [c.id for c in contributions if c.kind is Kind.COMMITMENT]
    ledger = commitments_of(db=db, contribution_ids=promised) if promised else {}
    completed = []
    for contribution in contributions:
        if contribution.id in terms:
            interests, values = terms[contribution.id]
            contribution = replace(contribution, interests=interests, values=values)
        if (entry := ledger.get(contribution.id)) is not None:
            contribution = replace(contribution, owner=entry.owner, due_on=entry.due_on)
        completed.append(contribution)
    return completed


def _changed(db: Session, row: ContributionRow) -> Contribution:
    """A contribution as it is after a change, which the screens watching its session hear
    of on commit (a room view must drop a line that went off the record, a capture screen
    shows the correction: `changed_since`), found by search by its words as they are now."""
    announce(db, row.session_id)
    db.add(row)
    db.flush()  # the contribution's row first, then its session's (see `store.changes`)
    row.changed_in = count_change(db, row.session_id)
    assert row.id is not None
    index_rows(db.connection(), [(row.id, row.text, row.paraphrase)])
    return _with_terms(db, [to_contribution(row)])[0]


def _owner(terms: CommitmentTerms, speaker: Participant | None) -> str | None:
    """A commitment's owner: the one its terms name, else whoever said it."""
    return terms.owner or (speaker.name if speaker else None)


def _blank_to_none(text: str | None) -> str | None:
    return text.strip() or None if text is not None else None


def _row(db: Session, contribution_id: int) -> ContributionRow:
    row = db.get(ContributionRow, contribution_id)
    if row is None:
        raise NotFound(
            f"no contribution with id {contribution_id}",
            key="error.no_contribution_id",
            id=contribution_id,
        )
    return row
