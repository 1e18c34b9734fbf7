"""Capture: opening a session, logging, editing, removing and undoing, drafts and phases.

Each use case takes the open database and owns its transaction; the capture screen (through
the store thread) and tests call these, never the repositories themselves.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from msgspec import Struct, field
from sqlmodel import Session, col, select

from dialoog_tui.core.agenda import phase_matches
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.corrections import ParticipantRemoved
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder, Term, TermKind
from dialoog_tui.core.model import (
    CommitmentTerms,
    Contribution,
    Domain,
    Logged,
    Participant,
    Phase,
    SessionRequest,
    Table,
)
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.core.waiting import WaitingLine
from dialoog_tui.errors import InvalidInput
from dialoog_tui.services.sessions import open_session_request
from dialoog_tui.store import contributions, corrections, drafts, phases, tables
from dialoog_tui.store.changes import changes_made
from dialoog_tui.store.contributions import (
    latest_contributions,
    participation_counts,
)
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.drafts import load_draft
from dialoog_tui.store.former_names import by_former_name
from dialoog_tui.store.participants import list_participants, list_session_participants
from dialoog_tui.store.phases import list_phases
from dialoog_tui.store.schema.tables import ContributionRow
from dialoog_tui.store.sessions import get_session
from dialoog_tui.store.vocabulary import list_terms, term_usage


class CaptureSnapshot(Struct, frozen=True):
    """A session as the capture screen opens it."""

    session: DialogueSession
    """The session."""
    phases: list[Phase]
    """Its agenda."""
    session_participants: list[Participant]
    """Its participants, in quick-key order."""
    known_participants: list[Participant]
    """Everyone in the database."""
    domains: list[Domain]
    """Configured domains."""
    counts: dict[int | None, int]
    """Live contributions per participant (None: the room)."""
    latest: list[Contribution]
    """The newest page of contributions, oldest first."""
    has_older: bool
    """Whether contributions exist before `latest`."""
    draft: str
    """The input line saved when the session was last open."""
    values: list[Term]
    """The shared vocabulary of values (for autocomplete)."""
    interests: list[Term]
    """The shared vocabulary of interests (for autocomplete)."""
    changes: int = 0
    """The session's count of changes to its contributions (`since` reads those after)."""
    former_names: dict[str, list[int]] = {}
    """Who went by each name before a correction (`former_names.by_former_name`)."""
    tables: dict[int, str] = {}
    """The names of the session's tables, by id."""


def load_capture_snapshot(*, db: Session, session_id: int, page_size: int) -> CaptureSnapshot:
    """Read the session, its people and counts, and its newest `page_size` contributions."""
    latest = latest_contributions(db=db, session_id=session_id, limit=page_size)
    has_older = bool(latest) and (
        db.exec(
            select(ContributionRow.id)
            .where(
                ContributionRow.session_id == session_id,
                col(ContributionRow.deleted_at).is_(None),
                ContributionRow.seq < latest[0].seq,
            )
            .limit(1)
        ).first()
        is not None
    )
    return CaptureSnapshot(
        session=get_session(db=db, session_id=session_id),
        phases=list_phases(db=db, session_id=session_id),
        session_participants=list_session_participants(db=db, session_id=session_id),
        known_participants=list_participants(db=db),
        domains=list_domains(db=db),
        counts=participation_counts(db=db, session_id=session_id),
        latest=latest,
        has_older=has_older,
        draft=load_draft(db=db, session_id=session_id),
        values=_by_use(db, TermKind.VALUE),
        interests=_by_use(db, TermKind.INTEREST),
        changes=changes_made(db=db, session_id=session_id),
        former_names=by_former_name(db),
        tables={table.id: table.name for table in tables.list_tables(db=db, session_id=session_id)},
    )


def _by_use(db: Session, kind: TermKind) -> list[Term]:
    """A vocabulary, most used terms first, then by name."""
    usage = term_usage(db=db, kind=kind)
    return sorted(
        list_terms(db=db, kind=kind), key=lambda t: (-usage.get(t.id, 0), t.name.casefold())
    )


def open_session(database: Database, request: SessionRequest) -> int:
    """The id of the session asked for, made first if it is new."""
    return database.write(lambda db: open_session_request(db=db, request=request))


def load(database: Database, session_id: int, *, page_size: int) -> CaptureSnapshot:
    """The session as capture opens it, with its newest `page_size` contributions."""
    return database.read(
        lambda db: load_capture_snapshot(db=db, session_id=session_id, page_size=page_size)
    )


def older(
    database: Database, session_id: int, *, before_seq: int, limit: int
) -> list[Contribution]:
    """The `limit` live contributions before number `before_seq`, oldest first."""
    return database.read(
        lambda db: contributions.latest_contributions(
            db=db, session_id=session_id, limit=limit, before_seq=before_seq
        )
    )


class Arrivals(Struct, frozen=True):
    """What others logged or changed in a session since a screen last looked."""

    contributions: list[Contribution]
    """Numbered above what the screen had seen, in order."""
    session_participants: list[Participant]
    """The session's participants now, when others brought someone new or changed
    something (a merge takes someone away; else empty)."""
    up_to: int
    """The highest number read (every contribution up to it is known now)."""
    changed: list[Contribution] = field(default_factory=list)
    """Changed since the count of changes the screen had seen (removed ones too), in order:
    others' corrections, and the screen's own."""
    changes: int = 0
    """The session's count of changes now."""
    counts: dict[int | None, int] | None = None
    """Live contributions per participant now, when something changed (else None: the
    new contributions are all there is to add)."""
    session: DialogueSession | None = None
    """The session and its agenda as they are now, when something changed: a correction
    elsewhere may have renamed, moved or taken off a phase, or edited the session's facts."""
    phases: list[Phase] = field(default_factory=list)
    former_names: dict[str, list[int]] | None = None
    """Who went by each name before a correction, when something changed (else None)."""
    tables: dict[int, str] | None = None
    """The session's tables, when a line came from one the screen did not know (else None)."""


def since(
    database: Database,
    session_id: int,
    *,
    seq: int,
    known: Collection[int] = (),
    seen: Collection[int] = (),
    changes: int = 0,
    known_tables: Collection[int] = (),
) -> Arrivals:
    """The session's contributions numbered above `seq` that are not among the `seen` ids,
    and those changed since its count of changes was `changes`; its participants now when
    one of those was said by someone not among the `known` participant ids, and with its
    agenda when anything changed. Mostly there is nothing but the screen's own last line:
    one look at the numbers and the count then, no more."""

    def read(db: Session) -> Arrivals:
        count, numbers = contributions.news(db=db, session_id=session_id, seq=seq)
        up_to = max((number for _id, number in numbers), default=seq)
        changed, counts, session, agenda, former = [], None, None, [], None
        if count > changes:
            changed = contributions.changed_since(db=db, session_id=session_id, count=changes)
            counts = participation_counts(db=db, session_id=session_id)
            session = get_session(db=db, session_id=session_id)
            agenda = list_phases(db=db, session_id=session_id)
            former = by_former_name(db)
        arrived = []
        if not all(cid in seen for cid, _number in numbers):
            arrived = contributions.newer_than(db=db, session_id=session_id, seq=seq)
            arrived = [c for c in arrived if c.id not in seen]
        speakers = {c.participant_id for c in [*arrived, *changed]} - {None}
        people = []
        if speakers - set(known) or counts is not None:
            people = list_session_participants(db=db, session_id=session_id)
        at = {c.table_id for c in arrived} - {None}
        names = None
        if at - set(known_tables):  # a table set up since the screen looked
            names = {t.id: t.name for t in tables.list_tables(db=db, session_id=session_id)}
        return Arrivals(
            arrived, people, up_to, changed, count, counts, session, agenda, former, names
        )

    return database.read(read)


def take_seat(database: Database, session_id: int, name: str, *, note_taker: str | None) -> Table:
    """Capture at the session's table `name` (set up when new)."""
    return database.write(
        lambda db: tables.take_seat(db=db, session_id=session_id, name=name, note_taker=note_taker)
    )


def log_typed(database: Database, line: WaitingLine) -> Logged:
    """Log a typed line durably and clear the session's draft, in one transaction (a
    commitment's terms go into the ledger): the store's own unit of work, as capture calls
    it."""
    return contributions.log_entry(database, **line.arguments())


log_waiting = contributions.log_waiting
"""Store a line that waited in the outbox, once (a second time finds the first)."""


def edit(
    database: Database,
    contribution_id: int,
    *,
    speaker: Speaker,
    kind: Kind,
    text: str,
    tags: Sequence[str],
    ladder: Ladder | None,
    paraphrase: str | None,
    consent: Consent | None,
    commitment: CommitmentTerms | None = None,
) -> Logged:
    """Change a logged contribution (its previous version is kept); a commitment's owner
    and date with it, when `commitment` gives them."""
    return database.write(
        lambda db: contributions.edit_contribution(
            db=db,
            contribution_id=contribution_id,
            speaker=speaker,
            kind=kind,
            text=text,
            tags=tags,
            ladder=ladder,
            paraphrase=paraphrase,
            consent=consent,
            commitment=commitment,
        )
    )


def set_ladder(database: Database, contribution_id: int, ladder: Ladder) -> Contribution:
    """Give a contribution these interests, values and condition."""
    return database.write(
        lambda db: contributions.set_ladder(db=db, contribution_id=contribution_id, ladder=ladder)
    )


def set_consent(database: Database, contribution_id: int, consent: Consent) -> Contribution:
    """Change what the participant agreed to."""
    return database.write(
        lambda db: contributions.set_consent(
            db=db, contribution_id=contribution_id, consent=consent
        )
    )


def set_paraphrase(
    database: Database, contribution_id: int, paraphrase: str | None, consent: Consent | None
) -> Contribution:
    """Give a contribution the note-taker's paraphrase (see `contributions.set_paraphrase`)."""
    return database.write(
        lambda db: contributions.set_paraphrase(
            db=db, contribution_id=contribution_id, paraphrase=paraphrase, consent=consent
        )
    )


def remove(database: Database, contribution_id: int) -> Contribution:
    """Take a contribution out of the record (it can come back)."""
    return database.write(
        lambda db: contributions.remove_contribution(db=db, contribution_id=contribution_id)
    )


def unlog(
    database: Database, contribution_id: int, *, forget_speaker: bool
) -> tuple[Contribution, ParticipantRemoved | None]:
    """Undo logging a contribution: take it out of the record and, when its line introduced
    its speaker (`forget_speaker`) and nothing else refers to them, remove that speaker too,
    so a typo'd name leaves no participant behind. Returns the contribution as it was
    attributed, and the speaker removed (what `relog` needs to put them back)."""

    def undo(db: Session) -> tuple[Contribution, ParticipantRemoved | None]:
        removed = contributions.remove_contribution(db=db, contribution_id=contribution_id)
        forgotten = corrections.forget_new_speaker(db, contribution_id) if forget_speaker else None
        return removed, forgotten

    return database.write(undo)


def relog(
    database: Database, contribution_id: int, forgotten: ParticipantRemoved | None
) -> Contribution:
    """Redo a logged contribution that `unlog` took out, with the speaker it removed."""

    def redo(db: Session) -> Contribution:
        if forgotten is not None:
            corrections.restore_speaker(db, contribution_id, forgotten)
        return contributions.restore_contribution(db=db, contribution_id=contribution_id)

    return database.write(redo)


def restore(database: Database, contribution_id: int) -> Contribution:
    """Bring a removed contribution back."""
    return database.write(
        lambda db: contributions.restore_contribution(db=db, contribution_id=contribution_id)
    )


def save_draft(database: Database, session_id: int, text: str) -> None:
    """Remember the half-typed line."""
    database.write(lambda db: drafts.save_draft(db=db, session_id=session_id, text=text))


def go_to_phase(
    database: Database, session_id: int, typed: str, *, agenda: Sequence[Phase]
) -> tuple[Phase, list[Phase]]:
    """Enter the phase numbered, named or begun by `typed` (`agenda.phase_matches`; a new
    name adds it to the agenda); the phase and the agenda after."""
    typed = typed.strip()
    matches = phase_matches(typed, agenda)
    if len(matches) > 1:
        titles = ", ".join(p.title for p in matches)
        raise InvalidInput(
            f"{typed!r} begins more than one phase ({titles}): type more of it",
            key="error.phase_ambiguous",
            typed=typed,
            titles=titles,
        )
    chosen = matches[0] if matches else None

    def enter(db: Session) -> tuple[Phase, list[Phase]]:
        phase = chosen or phases.find_or_add_phase(db=db, session_id=session_id, title=typed)
        phases.enter_phase(db=db, session_id=session_id, phase_id=phase.id)
        return phase, phases.list_phases(db=db, session_id=session_id)

    return database.write(enter)
