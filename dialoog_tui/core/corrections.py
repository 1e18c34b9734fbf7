"""Corrections of what was set up during a meeting: participants, phases and sessions.

Each correction returns one of these records, which holds everything needed to reverse it
(the capture screen's Ctrl+Z) and to repeat it (Ctrl+Y). Nothing is merged away for good:
a merged or removed participant, a deleted phase and its contributions' place can all come
back exactly as they were.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, tzinfo

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import Participant, Phase, Session
from dialoog_tui.core.speakers import prefix_matches
from dialoog_tui.i18n import INTERFACE_LANGUAGES, Translator


class ParticipantFacts(Struct, frozen=True):
    """What a correction can change about a participant."""

    name: str
    domain: str | None
    organisation: str | None

    @staticmethod
    def of(participant: Participant) -> ParticipantFacts:
        """The facts of `participant` as they are."""
        return ParticipantFacts(participant.name, participant.domain, participant.organisation)


class Membership(Struct, frozen=True):
    """A participant's place in one session (their quick key follows `position`)."""

    session_id: int
    position: int
    joined_at: datetime
    shared: bool = False
    """In a merge: the kept participant was already in this session."""


class ParticipantChanged(Struct, frozen=True):
    """A participant was renamed, or given another domain or organisation."""

    participant_id: int
    before: ParticipantFacts
    after: ParticipantFacts
    owners: tuple[tuple[int, str], ...] = ()
    """Commitments (by contribution id) whose owner was the old name, with it as it was."""


class ParticipantsMerged(Struct, frozen=True):
    """`gone` was merged into `kept`: their contributions and sessions went to `kept`."""

    kept: Participant
    gone: Participant
    moved: tuple[int, ...]
    """The contributions that were `gone`'s."""
    memberships: tuple[Membership, ...]
    """`gone`'s places in sessions."""
    handed_over: tuple[int, ...] = ()
    """The records of `gone`'s own former names, which became `kept`'s."""
    owners: tuple[tuple[int, str], ...] = ()
    """Commitments (by contribution id) whose owner was `gone`'s name, with it as it was."""


class ParticipantRemoved(Struct, frozen=True):
    """A participant with no contributions was removed."""

    participant: Participant
    memberships: tuple[Membership, ...]
    former_names: tuple[str, ...] = ()
    """The names they went by before (`store.former_names`), given back with them."""


class PhaseRenamed(Struct, frozen=True):
    """An agenda item got another title."""

    phase_id: int
    before: str
    after: str


class PhasesReordered(Struct, frozen=True):
    """The agenda was put in another order (phase ids, first to last)."""

    session_id: int
    before: tuple[int, ...]
    after: tuple[int, ...]
    titles: tuple[str, ...] = ()
    """The titles in the new order (for the record)."""


class PhaseRemoved(Struct, frozen=True):
    """An agenda item was taken off; its contributions went to `into` (None: no phase)."""

    phase: Phase
    order: tuple[int, ...]
    """The agenda before, phase ids first to last (undo puts `phase` back in its place)."""
    into: int | None
    moved: tuple[int, ...]
    was_current: bool
    into_title: str | None = None
    """The title of `into`, for the record of corrections."""


class SessionFacts(Struct, frozen=True):
    """What a correction can change about a session."""

    title: str
    question: str | None
    location: str | None
    organiser: str | None
    note_taker: str | None
    started_at: datetime
    default_consent: Consent

    @staticmethod
    def of(session: Session) -> SessionFacts:
        """The facts of `session` as they are."""
        return SessionFacts(
            title=session.title,
            question=session.question,
            location=session.location,
            organiser=session.organiser,
            note_taker=session.note_taker,
            started_at=session.started_at,
            default_consent=session.default_consent,
        )


class SessionEdited(Struct, frozen=True):
    """A session's title, question, place, people, date or default consent changed."""

    session_id: int
    before: SessionFacts
    after: SessionFacts


class SessionDeleted(Struct, frozen=True):
    """A session was deleted (it is hidden, and `restore` brings it back)."""

    session_id: int
    title: str


Correction = (
    ParticipantChanged
    | ParticipantsMerged
    | ParticipantRemoved
    | PhaseRenamed
    | PhasesReordered
    | PhaseRemoved
    | SessionEdited
    | SessionDeleted
)
"""Any correction the undo stack can reverse."""


def moved_to(order: tuple[int, ...], phase_id: int, position: int) -> tuple[int, ...]:
    """`order` with `phase_id` moved to 1-based `position` (clamped to the agenda)."""
    rest = [p for p in order if p != phase_id]
    index = min(max(position, 1), len(rest) + 1) - 1
    return (*rest[:index], phase_id, *rest[index:])


FIELD_TEXTS = {
    "name": "fix.field.name",
    "domain": "fix.field.domain",
    "organisation": "fix.field.organisation",
    "title": "fix.field.title",
    "question": "fix.field.question",
    "location": "fix.field.location",
    "organiser": "fix.field.organiser",
    "note_taker": "fix.field.note_taker",
    "started_at": "fix.field.date",
    "default_consent": "fix.field.consent",
}
"""Each corrected field's name in the interface texts."""

PARTICIPANT_FIELDS = ("name", "domain", "organisation")
SESSION_FIELDS = (
    "title",
    "question",
    "location",
    "organiser",
    "note_taker",
    "started_at",
    "default_consent",
)


def _shown(value: object, lang: str) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, Consent):
        return value.label(lang)
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def _facts_line(before: object, after: object, fields: tuple[str, ...], t: Translator) -> str:
    """`field: old → new` for each field that changed, joined by `; `."""
    changes = [
        f"{t(FIELD_TEXTS[name]).lower()}: {_shown(old, t.lang)} → {_shown(new, t.lang)}"
        for name in fields
        if (old := getattr(before, name)) != (new := getattr(after, name))
    ]
    return "; ".join(changes) or t("fix.detail.none")


RECORDED_ACTIONS = ("change", "merge", "remove", "rename", "reorder", "edit", "delete")
"""The actions `described` records (an undo records `undo <action>`)."""


def described(correction: Correction, lang: str = "en") -> tuple[str, int, str, str]:
    """What the record of corrections keeps: subject, its id, action and a line that names
    things (not ids), for people reading the history, in `lang` (the record keeps every
    language: `recorded_detail`)."""
    t = Translator(lang)
    match correction:
        case ParticipantChanged(participant_id, before, after):
            line = _facts_line(before, after, PARTICIPANT_FIELDS, t)
            return "participant", participant_id, "change", f"{before.name}: {line}"
        case ParticipantsMerged(kept, gone, moved, _):
            count = t("fix.detail.contributions", count=len(moved))
            detail = f"{gone.name} → {kept.name} ({count})"
            return "participant", kept.id, "merge", detail
        case ParticipantRemoved(participant, _):
            return "participant", participant.id, "remove", participant.name
        case PhaseRenamed(phase_id, before, after):
            return "phase", phase_id, "rename", f"{before} → {after}"
        case PhasesReordered(session_id, _, _, titles):
            return "phase", session_id, "reorder", " · ".join(titles)
        case PhaseRemoved(phase, _, _, moved, _, into_title):
            count = t("fix.detail.contributions", count=len(moved))
            went = f"{count} → {into_title}" if moved and into_title else count
            return "phase", phase.id, "remove", f"{phase.title} ({went})"
        case SessionEdited(session_id, before, after):
            return "session", session_id, "edit", _facts_line(before, after, SESSION_FIELDS, t)
        case SessionDeleted(session_id, title):
            return "session", session_id, "delete", title


def recorded_detail(correction: Correction) -> str:
    """The detail the record of corrections keeps: the line `described` gives, in every
    language the interface speaks (JSON), so the history reads in the reader's language."""
    return json.dumps(
        {lang: described(correction, lang)[3] for lang in INTERFACE_LANGUAGES},
        ensure_ascii=False,
    )


def detail_in(recorded: str, lang: str) -> str:
    """A recorded detail in `lang`; one recorded as a plain line (before there were
    languages) as it was written."""
    try:
        lines = json.loads(recorded)
    except ValueError:
        return recorded
    if not isinstance(lines, dict):
        return recorded
    shown = lines.get(lang, lines.get("en"))
    return shown if isinstance(shown, str) else recorded


def read_when(typed: str, zone: tzinfo | None = None) -> datetime:
    """A date as people write it (`2026-11-03 19:30`, `2026-11-03`, ISO 8601), in local
    time unless it names its own zone."""
    text = " ".join(typed.split()).replace(" ", "T", 1)
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{typed!r} is not a date like 2026-11-03 19:30") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone) if zone is not None else when.astimezone()
    return when


def pick_domain(typed: str, domains: Sequence[str]) -> str | None:
    """The domain `typed` names, or its unique beginning; None for an empty field or `-`."""
    key = typed.strip().casefold()
    if key in ("", "-", "—"):
        return None
    exact = [d for d in domains if d.casefold() == key]
    found = exact or prefix_matches(key, list(domains), lambda d: d)
    if len(found) != 1:
        raise ValueError(f"{typed!r}: choose one of {', '.join(domains)}")
    return found[0]
