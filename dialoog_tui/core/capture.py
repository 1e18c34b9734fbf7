"""What the capture screen knows between keystrokes: who is in the room, who speaks now,
and how the line being typed will be logged. Pure, so it can be tested without a screen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from msgspec import Struct, field

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.dates import parse_due
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import Contribution, Participant, put_participant
from dialoog_tui.core.quick_entry import ParsedEntry, SpeakerMention, parse_entry
from dialoog_tui.core.speakers import ROOM, Speaker, as_named_now, resolve_speaker


class EntryPreview(Struct, frozen=True):
    """How a typed line will be read if Enter is pressed now."""

    line: str
    """The line as typed."""
    entry: ParsedEntry
    """The parsed line."""
    speaker: Speaker
    """Who it will be attributed to."""
    due_on: date | None = None
    """The commitment's due date (`datum:`), if it could be read."""

    @property
    def due_unreadable(self) -> bool:
        """A `datum:` was typed that is not a date."""
        return self.entry.due is not None and self.due_on is None

    @property
    def ladder(self) -> Ladder:
        """The interests, values and condition the line carries."""
        entry = self.entry
        return Ladder(entry.interests, entry.values, entry.condition)

    @property
    def is_blank(self) -> bool:
        """True when there is nothing to log."""
        return not self.line.strip()

    @property
    def loggable(self) -> bool:
        """True when Enter would log something: a known speaker and either text or a kind."""
        has_content = bool(self.entry.text) or self.entry.kind is not Kind.REMARK
        return self.speaker.problem is None and has_content and not self.due_unreadable

    @property
    def only_names_speaker(self) -> bool:
        """`@Name` alone: Enter makes that person the current speaker without logging."""
        entry = self.entry
        return (
            entry.speaker is not None
            and not entry.text
            and not entry.tags
            and entry.kind is Kind.REMARK
            and self.speaker.problem is None
        )


class CaptureContext(Struct):
    """The people and counts a capture screen resolves lines against."""

    domains: list[str] = field(default_factory=list)
    """Configured domain names, in order."""
    session_participants: list[Participant] = field(default_factory=list)
    """People in this session, in the order they joined (their quick-key order)."""
    known_participants: list[Participant] = field(default_factory=list)
    """Everyone in the database (exact-name reuse across sessions)."""
    former_names: dict[str, list[int]] = field(default_factory=dict)
    """Who went by each name before a correction (`speakers.as_named_now`): a typo fixed
    during the meeting and typed again means the person it was fixed to."""
    counts: Counter[int | None] = field(default_factory=Counter)
    """Live contributions per participant id (None: the room)."""
    current_speaker: Speaker = ROOM
    """Who a line without `@` is attributed to."""
    values: list[str] = field(default_factory=list)
    """Names in the shared vocabulary of values (for autocomplete)."""
    interests: list[str] = field(default_factory=list)
    """Names in the shared vocabulary of interests (for autocomplete)."""
    next_consent: Consent | None = None
    """Consent for the next contribution only (None: the session's default)."""
    today: date = field(default_factory=date.today)
    """The date due dates without a year are counted from."""

    def preview(self, line: str, *, previous: Speaker | None = None) -> EntryPreview:
        """How `line` would be logged now; without a mention `previous` (by default the
        current speaker) speaks."""
        entry = parse_entry(line)
        speaker = self._resolve(entry.speaker, previous or self.current_speaker)
        due_on = parse_due(entry.due, self.today) if entry.due else None
        return EntryPreview(line=line, entry=entry, speaker=speaker, due_on=due_on)

    def learn(self, contribution: Contribution) -> None:
        """Put a logged contribution's interests and values first in the autocomplete lists:
        what was just used is the likeliest to be used again."""
        for names, known in (
            (contribution.values, self.values),
            (contribution.interests, self.interests),
        ):
            folded = {name.casefold() for name in names}
            known[:] = [*names, *(name for name in known if name.casefold() not in folded)]

    def resolve(self, mention: SpeakerMention | None) -> Speaker:
        """The speaker a mention names (None: the current speaker)."""
        return self._resolve(mention, self.current_speaker)

    def _resolve(self, mention: SpeakerMention | None, previous: Speaker) -> Speaker:
        """Who `mention` names: someone of the session by (the beginning of) their name
        today; else someone of the session who went by it before a correction (the typo
        typed again); else as it stands (someone from another meeting, or someone new)."""

        def resolved(named: SpeakerMention | None) -> Speaker:
            return resolve_speaker(
                named,
                previous=previous,
                session_participants=self.session_participants,
                known_participants=self.known_participants,
                domains=self.domains,
            )

        speaker = resolved(mention)
        here = {person.id for person in self.session_participants}
        if speaker.problem is not None or (
            speaker.participant is not None and speaker.participant.id in here
        ):
            return speaker
        renamed = as_named_now(mention, self.former_names, self.session_participants)
        return speaker if renamed == mention else resolved(renamed)

    def participant(self, participant_id: int | None) -> Participant | None:
        """A session participant by id."""
        if participant_id is None:
            return None
        for person in self.session_participants:
            if person.id == participant_id:
                return person
        return None

    def speaker_for(self, participant_id: int | None) -> Speaker:
        """A Speaker standing for an already known participant (or the room)."""
        person = self.participant(participant_id)
        return Speaker(participant=person) if person is not None else ROOM

    def quick_key_participant(self, index: int) -> Participant | None:
        """The participant on quick key number `index` (0-based), if any."""
        if 0 <= index < len(self.session_participants):
            return self.session_participants[index]
        return None

    def remember(self, participant: Participant | None) -> None:
        """Take a (possibly new or changed) participant into the session's list."""
        if participant is not None:
            put_participant(self.session_participants, participant)
            put_participant(self.known_participants, participant)

    def forget(self, participant_id: int) -> None:
        """Take a removed participant out of every list (and the current speaker's place)."""
        self.session_participants[:] = [
            p for p in self.session_participants if p.id != participant_id
        ]
        self.known_participants[:] = [p for p in self.known_participants if p.id != participant_id]
        self.counts.pop(participant_id, None)
        current = self.current_speaker.participant
        if current is not None and current.id == participant_id:
            self.current_speaker = ROOM

    def count(self, contributions: Iterable[Contribution], delta: int) -> None:
        """Add (`delta` 1) or take away (-1) contributions from the participation counts."""
        for contribution in contributions:
            self.counts[contribution.participant_id] += delta

    def domain_counts(self) -> dict[str | None, int]:
        """Live contributions per domain name (None: the room or an unknown domain)."""
        totals: Counter[str | None] = Counter()
        by_id = {p.id: p for p in self.session_participants}
        for participant_id, number in self.counts.items():
            person = by_id.get(participant_id) if participant_id is not None else None
            totals[person.domain if person else None] += number
        return dict(totals)


def silent_participants(context: CaptureContext) -> Sequence[Participant]:
    """Session participants who have not said anything yet."""
    return [p for p in context.session_participants if context.counts[p.id] == 0]
