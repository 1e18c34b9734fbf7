"""Importing a file: its rows read and checked first, then stored in one transaction, all of
them or none."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo

from msgspec import Struct, field
from sqlmodel import Session

from dialoog_tui.config import current_user
from dialoog_tui.core.consultation import from_polis, is_polis_comments, remapped
from dialoog_tui.core.dates import parse_due
from dialoog_tui.core.import_marks import AlreadyThere, Answerable
from dialoog_tui.core.importing import (
    ImportRow,
    RowProblem,
    is_shared_summary,
    localise,
    place_clock_time,
    read_import,
)
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import CommitmentTerms, Participant, put_participant
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.speakers import ROOM, Speaker, as_named_now, resolve_speaker
from dialoog_tui.errors import InvalidInput, NotFound, StoreError
from dialoog_tui.store.contributions import log_contribution
from dialoog_tui.store.db.claims import claim_name
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.former_names import by_former_name
from dialoog_tui.store.import_marks import import_marks
from dialoog_tui.store.participants import list_participants, list_session_participants
from dialoog_tui.store.phases import find_or_add_phase
from dialoog_tui.store.sessions import (
    create_session,
    find_session,
    find_session_by_title,
    set_current_phase,
    start_no_later_than,
)

ONLINE = "online"
"""The place of a session that was an online consultation."""


class ImportFailed(StoreError):
    """Rows were bad and --skip-bad was not given; nothing was imported."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        """Every bad row."""
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"line {first.line}: {first.message}{more}; nothing was imported")


class ImportReport(Struct):
    """What an import did."""

    imported: int = 0
    """Contributions stored."""
    already: int = 0
    """Rows left out because their session holds them already (see `core.import_marks`)."""
    sessions: dict[int, DialogueSession] = field(default_factory=dict)
    """Sessions the rows went to (stored, or there already), by id."""
    created_sessions: int = 0
    """Sessions that did not exist before."""
    skipped: list[RowProblem] = field(default_factory=list)
    """Bad rows left out (only with --skip-bad)."""
    left_out: int = 0
    """Comments of a consultation its moderator took out (not imported)."""


class _SessionState(Struct):
    session: DialogueSession
    people: list[Participant]
    there: AlreadyThere | None
    """What the session holds (None: import every row, as asked with --again)."""
    created: bool
    """The import made the session: it is dated at its earliest contribution."""
    answerable: Answerable
    """What a reply in the file can answer."""
    speaker: Speaker = ROOM
    earliest: datetime | None = None
    newest: tuple[datetime, int | None] | None = None
    """When the newest row was said, and in which phase."""


def import_text(
    database: Database,
    content: str,
    *,
    is_csv: bool,
    session_key: str | None,
    fallback_title: str,
    skip_bad: bool = False,
    again: bool = False,
    source: str = "the file",
    mapping: Mapping[str, str] | None = None,
    online: bool = False,
) -> ImportReport:
    """Import a file's text (CSV, or quick-entry lines): rows go to the sessions they name,
    else to `session_key`, else to a session called `fallback_title`. Rows a session holds
    already are counted, not stored again, unless `again`. `source` names the file in a
    message.

    A CSV with `mapping` ({field: column}) is a survey's: its columns are read as mapped. A
    Pol.is comment export is recognised by its columns (`core/consultation.py`). Either way,
    or with `online`, a session made for it is marked as online (its place)."""
    left_out = 0
    if mapping is not None and not is_csv:
        raise InvalidInput(
            f"--map is for a CSV file; {source} is not one", key="error.map_not_csv", source=source
        )
    if is_csv and mapping is not None:
        content = remapped(content, mapping)
    elif is_csv and is_polis_comments(content):
        content, left_out = from_polis(content)
        online = True
    if not is_csv and is_shared_summary(content):
        raise InvalidInput(
            f"{source} is a summary exported by dialoog, not notes",
            key="error.import_summary",
            source=source,
        )
    read = read_import(content, is_csv=is_csv)
    if not read.rows and not read.problems:
        raise InvalidInput(
            f"{source} holds nothing to import", key="error.nothing_to_import", source=source
        )
    report = database.write(
        lambda db: import_rows(
            db=db,
            rows=read.rows,
            problems=read.problems,
            session_key=session_key,
            fallback_title=fallback_title,
            skip_bad=skip_bad,
            again=again,
            location=ONLINE if online else None,
        )
    )
    report.left_out = left_out
    return report


def import_rows(
    *,
    db: Session,
    rows: list[ImportRow],
    problems: list[RowProblem],
    session_key: str | None,
    fallback_title: str,
    skip_bad: bool,
    again: bool = False,
    zone: tzinfo | None = None,
    location: str | None = None,
) -> ImportReport:
    """Store `rows`. With `session_key` (an id, slug or title) every row goes to that session;
    otherwise rows go to the session their file names, or one titled `fallback_title`.
    Raises ImportFailed (and stores nothing) if any row is bad, unless `skip_bad`. A row
    its session holds already is counted in `already` and not stored, unless `again`. A
    session made for the rows gets `location` as its place."""
    report = ImportReport(skipped=list(problems))
    domains = [d.name for d in list_domains(db=db)]
    known = list_participants(db=db)
    renamed = by_former_name(db)
    who = current_user()
    states: dict[str, _SessionState] = {}
    now = utc_now()
    titles = [session_key or row.session or fallback_title for row in rows]
    for row, title in zip(rows, titles, strict=True):
        state = states.get(title)
        if state is None:
            started = _start_of(
                [r for r, t in zip(rows, titles, strict=True) if t == title], now, zone
            )
            session, created = _find_or_create(
                db, title, by_key=session_key is not None, started=started, location=location
            )
            report.created_sessions += created
            marks = import_marks(db=db, session_id=session.id)
            state = states[title] = _SessionState(
                session,
                list_session_participants(db=db, session_id=session.id),
                None if again else AlreadyThere(marks),
                bool(created),
                Answerable(marks, zone),
            )
        speaker = resolve_speaker(
            as_named_now(row.speaker, renamed, state.people),
            previous=state.speaker if not row.exact_speaker else ROOM,
            session_participants=[] if row.exact_speaker else state.people,
            known_participants=known,
            domains=domains,
        )
        if speaker.problem is not None:
            choices = ", ".join(speaker.candidates)
            typed = {"choices": choices, "domain": row.speaker.domain if row.speaker else ""}
            report.skipped.append(
                RowProblem(row.line, f"row.speaker_{speaker.problem.value}", typed)
            )
            continue
        at = row.at or (
            place_clock_time(row.clock_time, state.session.started_at, zone)
            if row.clock_time
            else now
        )
        phase = (
            find_or_add_phase(db=db, session_id=state.session.id, title=row.phase)
            if row.phase
            else None
        )
        due_on = parse_due(row.due, today=at.date()) if row.due else None
        if row.due and due_on is None:
            report.skipped.append(RowProblem(row.line, "row.bad_due", {"due": row.due}))
            continue
        reply_to = (
            state.answerable.by_ref(row.reply_to)
            if row.reply_to
            else state.answerable.by_time(row.reply_to_time)
            if row.reply_to_time
            else None
        )
        if (row.reply_to or row.reply_to_time) and reply_to is None:
            to = row.reply_to or row.reply_to_time
            report.skipped.append(RowProblem(row.line, "row.reply_unknown", {"to": to}))
            continue
        report.sessions[state.session.id] = state.session
        if state.there is not None and _there_already(state.there, row, speaker, at):
            report.already += 1
            state.speaker = (
                Speaker(participant=speaker.participant) if speaker.participant else ROOM
            )
            continue
        logged = log_contribution(
            db=db,
            session_id=state.session.id,
            speaker=speaker,
            kind=row.kind,
            text=row.text,
            tags=row.tags,
            at=at,
            phase_id=phase.id if phase else None,
            reply_to_id=reply_to,
            ref=row.ref,
            ladder=Ladder(row.interests, row.values, row.condition),
            consent=row.consent,
            commitment=CommitmentTerms(row.owner, due_on),
            paraphrase=row.paraphrase,
            recorded_by=who,
        )
        participant = logged.participant
        state.speaker = Speaker(participant=participant) if participant else ROOM
        if participant is not None:
            put_participant(state.people, participant)
            put_participant(known, participant)
        report.imported += 1
        state.answerable.add(logged.contribution.id, ref=row.ref, at=at)
        state.earliest = min(at, state.earliest or at)
        if state.newest is None or at >= state.newest[0]:
            state.newest = (at, phase.id if phase else None)
        if state.there is not None:
            state.there.add(ref=row.ref)
    report.skipped.sort(key=lambda problem: problem.line)  # as the file has them
    if report.skipped and (not skip_bad or not report.imported + report.already):
        # Skipping every row would leave nothing but the sessions made for them: empty.
        raise ImportFailed(report.skipped)
    for state in states.values():
        if state.created and state.earliest is not None:
            dated = start_no_later_than(db=db, session_id=state.session.id, moment=state.earliest)
            report.sessions[dated.id] = dated
        if (
            state.session.current_phase_id is None
            and state.newest is not None
            and state.newest[1] is not None
        ):
            # Opened for capture, a session in no phase yet goes on where the notes ended.
            set_current_phase(db=db, session_id=state.session.id, phase_id=state.newest[1])
    return report


def _start_of(rows: list[ImportRow], now: datetime, zone: tzinfo | None) -> datetime | None:
    """When a session made for `rows` starts: at the earliest time they give, else at the
    first time of day they give, today (so that the file's other times are placed from it
    the same way at every import), else None (now)."""
    dated = [row.at for row in rows if row.at]
    if dated:
        return min(dated)
    first = next((row.clock_time for row in rows if row.clock_time), None)
    if first is None:
        return None
    return localise(datetime.combine(now.astimezone(zone).date(), first), zone)


def _there_already(there: AlreadyThere, row: ImportRow, speaker: Speaker, at: datetime) -> bool:
    # A ref names the row whoever it names as its speaker: even one whose name the file
    # gives in a way no participant answers to any more (`as_named_now` finds most).
    if speaker.new_name is not None and not row.ref:
        return False  # someone new cannot have said it before
    timed = row.at is not None or row.clock_time is not None
    return there.take(
        ref=row.ref,
        participant_id=speaker.participant.id if speaker.participant else None,
        at=at if timed else None,
        text=row.text,
    )


def _find_or_create(
    db: Session, key: str, *, by_key: bool, started: datetime | None, location: str | None
) -> tuple[DialogueSession, int]:
    """The session named `key` (an id or slug too, if `by_key`), created when missing."""
    if by_key:
        try:
            return find_session(db=db, key=key), 0
        except NotFound:
            pass
    # Parallel imports naming one new session create it once.
    claim_name(db, "session", key.strip().lower())
    existing = find_session_by_title(db=db, title=key)
    if existing is not None:
        return existing, 0
    return create_session(db=db, title=key, started_at=started, location=location), 1
