"""Who is speaking: resolving an `@Name/domain` mention against the known participants."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import TypeVar

from msgspec import Struct
from msgspec.structs import replace

from dialoog_tui.core.model import Participant
from dialoog_tui.core.quick_entry import SpeakerMention

T = TypeVar("T")

ROOM_NAME = "-"
"""`@-` names the room as a whole (nobody in particular)."""


class SpeakerProblem(StrEnum):
    """Why a mention cannot be logged as typed."""

    AMBIGUOUS_NAME = "ambiguous_name"
    UNKNOWN_DOMAIN = "unknown_domain"
    AMBIGUOUS_DOMAIN = "ambiguous_domain"


class Speaker(Struct, frozen=True):
    """The result of resolving who speaks: an existing participant, a new one, or the room."""

    participant: Participant | None = None
    """The existing participant, if the mention picked one."""
    new_name: str | None = None
    """The name of a participant to create, if the mention named someone new."""
    domain: str | None = None
    """The (resolved) domain for a new participant, or for an existing one without a domain."""
    problem: SpeakerProblem | None = None
    """Set when the mention cannot be logged as it stands; nothing else is then meaningful."""
    candidates: tuple[str, ...] = ()
    """The names or domains that made the mention ambiguous, for the preview."""
    domain_ignored: bool = False
    """The mention gave a domain that differs from the existing participant's (kept as is)."""
    resembles: str | None = None
    """For a new name: the name of someone in the session it is one slip of the keys from
    (`Lote`, `Lotte`), which the preview asks about before Enter makes a new participant."""

    @property
    def is_room(self) -> bool:
        """True when nobody in particular speaks."""
        return self.participant is None and self.new_name is None and self.problem is None

    @property
    def display_name(self) -> str | None:
        """The speaker's name as shown, or None for the room."""
        if self.participant is not None:
            return self.participant.name
        return self.new_name

    @property
    def display_domain(self) -> str | None:
        """The speaker's domain as shown."""
        if self.participant is not None and self.participant.domain:
            return self.participant.domain
        return self.domain


ROOM = Speaker()
"""The room as a whole."""


def resolve_domain(typed: str, domains: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """The domain a typed prefix stands for, or (None, candidates) when unknown or ambiguous.

    An exact name wins; otherwise a prefix of the name or of any word in it.
    """
    key = typed.casefold()
    exact = [d for d in domains if d.casefold() == key]
    if exact:
        return exact[0], ()
    matches = prefix_matches(key, domains, str)
    if len(matches) == 1:
        return matches[0], ()
    return None, tuple(matches)


def resolve_speaker(
    mention: SpeakerMention | None,
    *,
    previous: Speaker,
    session_participants: Sequence[Participant],
    known_participants: Sequence[Participant],
    domains: Sequence[str],
) -> Speaker:
    """Who a mention names.

    Without a mention the previous speaker continues. Within the session a unique prefix
    picks a participant (`@an` → Anna); outside it only an exact name reuses a known
    participant, so that a prefix never silently picks someone from another meeting.
    Anything else is a new participant.
    """
    if mention is None:
        return previous
    if mention.name == ROOM_NAME:
        return ROOM

    domain: str | None = None
    if mention.domain is not None:
        domain, domain_candidates = resolve_domain(mention.domain, domains)
        if domain is None:
            problem = (
                SpeakerProblem.AMBIGUOUS_DOMAIN
                if domain_candidates
                else SpeakerProblem.UNKNOWN_DOMAIN
            )
            return Speaker(problem=problem, candidates=domain_candidates or tuple(domains))

    key = mention.name.casefold()
    in_session = _pick(key, domain, session_participants, allow_prefix=True)
    if isinstance(in_session, Speaker):
        return in_session
    if in_session is None:
        known = _pick(key, domain, known_participants, allow_prefix=False)
        if isinstance(known, Speaker):
            return known
        in_session = known
    if in_session is None:
        resembles = _resembled(key, session_participants)
        return Speaker(new_name=mention.name, domain=domain, resembles=resembles)
    if domain is None or in_session.domain is None:
        return Speaker(participant=in_session, domain=domain if in_session.domain is None else None)
    return Speaker(participant=in_session, domain_ignored=in_session.domain != domain)


def _pick(
    key: str, domain: str | None, people: Sequence[Participant], *, allow_prefix: bool
) -> Participant | Speaker | None:
    """One participant, a Speaker carrying an ambiguity problem, or None for no match."""
    exact = [p for p in people if p.name.casefold() == key]
    matches = exact or (prefix_matches(key, people, lambda p: p.name) if allow_prefix else [])
    if len(matches) > 1 and domain is not None:
        matches = [p for p in matches if p.domain == domain] or matches
    if len(matches) > 1 and exact:
        # Two people with the same name: take the first known one rather than refuse.
        return min(matches, key=lambda p: p.id)
    if len(matches) > 1:
        names = tuple(sorted({p.name for p in matches}, key=str.casefold))
        return Speaker(problem=SpeakerProblem.AMBIGUOUS_NAME, candidates=names)
    return matches[0] if matches else None


def _resembled(key: str, people: Sequence[Participant]) -> str | None:
    """The name of the one participant whose name, or a word of it, `key` is a slip of the
    keys from (see `_slips`); None for none, or more than one."""
    if len(key) < MIN_RESEMBLING:
        return None
    close = [
        p
        for p in people
        if any(_slips(key, part) for part in (p.name.casefold(), *p.name.casefold().split()))
    ]
    return close[0].name if len(close) == 1 else None


MIN_RESEMBLING = 3
"""Letters a new name needs before it is compared: "Jo" resembles half the room."""


def _slips(typed: str, name: str) -> bool:
    """Whether `typed` is `name` with a letter left out, added, changed or two letters
    swapped (two such slips in a name of more than six letters), but not `name` itself."""
    if typed == name:
        return False
    allowed = 2 if len(name) > 6 else 1
    if abs(len(typed) - len(name)) > allowed:
        return False
    # Edit distance with swaps (optimal string alignment), rows of the table kept two at a time.
    before: list[int] = []
    above = list(range(len(name) + 1))
    for i, letter in enumerate(typed, start=1):
        row = [i] + [0] * len(name)
        for j, other in enumerate(name, start=1):
            row[j] = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == name[j - 2] and typed[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
        before, above = above, row
    return above[-1] <= allowed


def name_key(name: str) -> str:
    """A name as names are compared: single spaces, case folded."""
    return " ".join(name.split()).casefold()


def prefix_matches(key: str, items: Sequence[T], name_of: Callable[[T], str]) -> list[T]:
    """Items whose name, or a word in it, starts with `key` (casefolded; names first, then
    words): how a participant, a domain or a phase is picked by the beginning of its name."""
    starts = [item for item in items if name_of(item).casefold().startswith(key)]
    if starts:
        return starts
    return [
        item
        for item in items
        if any(word.startswith(key) for word in name_of(item).casefold().split())
    ]


def split_participant(value: str) -> tuple[str, str | None]:
    """`Anna/inw` → (`Anna`, `inw`); a name without a domain → (name, None)."""
    name, slash, domain = value.rpartition("/")
    return (name.strip(), domain.strip() or None) if slash and name.strip() else (value, None)


def as_named_now(
    mention: SpeakerMention | None,
    renamed: Mapping[str, Sequence[int]],
    present: Sequence[Participant],
) -> SpeakerMention | None:
    """A speaker named (in notes, or typed at capture) by a name a participant of the
    session (`present`) went by before a correction (`renamed`: who went by each former
    `name_key`, the most recent last), by the name they go by now: notes written before a
    typo was fixed or two people were merged still mean them, and so does the typo typed
    again out of habit; also where someone elsewhere goes by it. Only a whole name counts
    (a beginning picks among today's names), only in a session the participant is part of
    (elsewhere the name may be someone else's), and not where someone of the session goes
    by it today."""
    if mention is None:
        return None
    key = name_key(mention.name)
    if any(name_key(p.name) == key for p in present):
        return mention
    here = {p.id: p for p in present}
    meant = [here[pid] for pid in renamed.get(key, ()) if pid in here]
    return replace(mention, name=meant[-1].name) if meant else mention
