"""Domain types shared by every layer. Plain frozen values (msgspec Structs): no ORM, no UI."""

from __future__ import annotations

from datetime import date, datetime

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind

DEFAULT_DOMAINS: tuple[str, ...] = (
    "inwoner",
    "overheid",
    "ondernemer",
    "maatschappelijke organisatie",
)
"""The domains a fresh database starts with; a team can add its own."""


class Domain(Struct, frozen=True):
    """A sector of society a participant speaks from."""

    id: int
    """Database id."""
    name: str
    """Display name, also what quick entry matches a prefix of (`/inw`)."""
    position: int
    """Order in lists; also picks the domain's colour from the theme."""


class Participant(Struct, frozen=True):
    """A person, reusable across sessions."""

    id: int
    """Database id."""
    name: str
    """The name as the note-taker typed it."""
    domain: str | None = None
    """Name of the participant's domain, if known."""
    organisation: str | None = None
    """Organisation the participant speaks for, if any."""


class Session(Struct, frozen=True):
    """One dialogue meeting."""

    id: int
    """Database id."""
    slug: str
    """URL- and file-safe name derived from the title; unique."""
    title: str
    """What the meeting is called."""
    started_at: datetime
    """When the meeting started (timezone-aware)."""
    question: str | None = None
    """The question the meeting works on (vraagstelling)."""
    location: str | None = None
    """Where the meeting takes place."""
    organiser: str | None = None
    """Who organised the meeting."""
    note_taker: str | None = None
    """Who logs the meeting."""
    current_phase_id: int | None = None
    """The agenda item the meeting is in now; new contributions land there."""
    default_consent: Consent = Consent.NAMED
    """The consent new contributions get unless the note-taker says otherwise."""


class SessionSummary(Struct, frozen=True):
    """A session as listed in the picker and by `dialoog sessions`."""

    session: Session
    """The session itself."""
    contribution_count: int
    """Number of contributions that are not deleted."""
    last_activity: datetime | None
    """Time of the latest contribution, if any."""


class Phase(Struct, frozen=True):
    """An agenda item within a session."""

    id: int
    """Database id."""
    session_id: int
    """The session the phase belongs to."""
    position: int
    """1-based order on the agenda."""
    title: str
    """Name of the agenda item."""


class Table(Struct, frozen=True):
    """A table of a big meeting (a world café, tafelgesprekken): a group with a note-taker
    of its own, in one session."""

    id: int
    session_id: int
    name: str
    note_taker: str | None = None
    """Who takes the notes there (the first note-taker who sat down at it)."""


class Contribution(Struct, frozen=True):
    """One logged utterance."""

    id: int
    """Database id; stable, used in exports."""
    session_id: int
    """The session it was said in."""
    seq: int
    """1-based number within the session, shown in the log as #seq."""
    at: datetime
    """When it was said (timezone-aware)."""
    kind: Kind
    """What kind of contribution it is."""
    text: str
    """What was said, verbatim."""
    participant_id: int | None = None
    """Who said it; None means the room as a whole."""
    tags: tuple[str, ...] = ()
    """Lower-case tags without '#'."""
    phase_id: int | None = None
    """The agenda item it was said in."""
    reply_to_id: int | None = None
    """The contribution it answers, if any."""
    edited_at: datetime | None = None
    """When it was last edited, if ever."""
    deleted_at: datetime | None = None
    """When it was removed; removed contributions are kept so removal can be undone."""
    ref: str | None = None
    """An external reference, for instance the row id of an imported file."""
    consent: Consent = Consent.NAMED
    """How it may appear outside the database."""
    condition: str | None = None
    """What would make it acceptable (mostly for resistance)."""
    interests: tuple[str, ...] = ()
    """Interests (belangen) under it, by name."""
    values: tuple[str, ...] = ()
    """Values (waarden) under it, by name."""
    paraphrase: str | None = None
    """The note-taker's paraphrase: what shareable outputs show instead of `text` when the
    consent is paraphrase (None: none written yet)."""
    owner: str | None = None
    """For a commitment: who will do it (from the ledger)."""
    due_on: date | None = None
    """For a commitment: by when (from the ledger)."""
    recorded_by: str | None = None
    """Who logged or imported it (the note-taker's name from the settings), if known."""
    table_id: int | None = None
    """The table (a group of a big meeting) it was said at; None: the whole room."""


def put_participant(people: list[Participant], participant: Participant) -> None:
    """Replace the entry with `participant`'s id in `people`, or append it."""
    for index, person in enumerate(people):
        if person.id == participant.id:
            people[index] = participant
            return
    people.append(participant)


class NewSession(Struct, frozen=True):
    """What `dialoog new` and the picker's form ask for to start a session."""

    title: str
    """The session's title (required)."""
    question: str | None = None
    """The question the meeting works on."""
    location: str | None = None
    """Where it takes place."""
    organiser: str | None = None
    """Who organised it."""
    note_taker: str | None = None
    """Who logs it."""
    participants: tuple[tuple[str, str | None], ...] = ()
    """People known in advance: (name, domain or a prefix of one)."""
    phases: tuple[str, ...] = ()
    """The agenda, in order; the first phase becomes the current one."""
    default_consent: Consent = Consent.NAMED
    """The consent contributions get unless said otherwise."""


SessionRequest = int | str | NewSession
"""Which session to open: an id, an id-or-slug as typed, or a new session to create."""


class CommitmentTerms(Struct, frozen=True):
    """Owner and due date for a new commitment."""

    owner: str | None = None
    """Who will do it (default: whoever said it)."""
    due_on: date | None = None
    """By when."""


class Logged(Struct, frozen=True):
    """A contribution as stored, with the participant it was attributed to."""

    contribution: Contribution
    """The stored contribution."""
    participant: Participant | None
    """Its speaker (possibly just created), or None for the room."""
