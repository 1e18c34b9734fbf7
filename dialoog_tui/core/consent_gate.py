"""The consent gate: the one way what was said reaches a shareable output.

Every output that may leave the room — session and theme exports in every format, `dialoog
ladder`, `dialoog themes`, `dialoog vocab`, theme labels, terms and quotes — reads
contributions through `shareable` (one item at a time: `share`), or a whole session through
`shareable_record`. The store's readers for those outputs call it, and filter in SQL with
`SHAREABLE_CONSENTS` where they must not even read a row. What it does, per consent:

- `off_record`: the contribution is gone, and with it everything that hangs on it: its
  interests, values and condition, its speaker when that is all the speaker said, a reply's
  link to it, an interest it alone raised, a commitment it made, and its number: what is
  shared is numbered 1, 2, 3 … anew (`shared_number`), for a gap (#2, #4) would tell that
  something was said in between.
- `paraphrase`: its `text` becomes the note-taker's paraphrase (empty when none was written),
  so the verbatim words cannot be quoted, labelled or counted as words by anything after.
- `anonymous`: a speaker's name that the item carries (`speaker`) is dropped, and so is
  their domain (`domain`; `speaker_domain` for a record's contributions): where one resident
  took part, "anoniem (inwoner)" names her.
- `named`: as it is.

The capture screen, for the note-taker, reads the record without the gate and marks consent.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from typing import Any, Protocol, TypeVar, cast

from msgspec import structs

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.ladder_report import InterestState, LadderItem
from dialoog_tui.core.model import Contribution, Participant
from dialoog_tui.core.record import SessionRecord

SHAREABLE_CONSENTS: tuple[Consent, ...] = tuple(c for c in Consent if c is not Consent.OFF_RECORD)
"""The consents whose contributions may appear in a shareable output at all."""


class Consented(Protocol):
    """Anything that carries what was said with its consent (a frozen Struct)."""

    @property
    def consent(self) -> Consent: ...

    @property
    def text(self) -> str: ...

    @property
    def paraphrase(self) -> str | None: ...


C = TypeVar("C", bound=Consented)


def may_share(consent: Consent) -> bool:
    """Whether a contribution with this consent may appear in a shareable output at all."""
    return consent is not Consent.OFF_RECORD


def share(item: C) -> C | None:
    """`item` as a shareable output may show it; None when it must not appear at all."""
    if not may_share(item.consent):
        return None
    changes: dict[str, Any] = {}
    if item.consent is Consent.PARAPHRASE:
        shown = item.paraphrase or ""
        if item.text != shown:
            changes["text"] = shown
    if item.consent is Consent.ANONYMOUS:
        for nameable in ("speaker", "domain"):
            if getattr(item, nameable, None) is not None:
                changes[nameable] = None
    if not changes:
        return item
    return cast(C, structs.replace(cast(Any, item), **changes))


def shareable(items: Iterable[C]) -> list[C]:
    """The items a shareable output may show, as it may show them (see the module)."""
    return [shown for item in items if (shown := share(item)) is not None]


def shareable_record(record: SessionRecord) -> SessionRecord:
    """A whole session as a shareable export may show it.

    `record` is the full record (off-the-record contributions included); what comes back
    holds no trace of them: not their text, ladder or links, not a participant who spoke
    only off the record, not an interest only they raised, not their commitments, not a gap
    in the numbers (what is shown is numbered anew; once: a record numbered so, or one
    table's part of it, keeps its numbers when it comes through here again).
    """
    everything = record.contributions
    kept = shareable(everything)
    kept_ids = {c.id for c in kept}
    numbers = (
        {c.id: c.seq for c in kept}  # numbered through here before: one table's keep theirs
        if record.numbered
        else {c.id: number for number, c in enumerate(sorted(kept, key=_by_seq), start=1)}
    )
    kept = [_as_shared(c, numbers[c.id], kept_ids) for c in kept]
    heard = {c.participant_id for c in kept}
    spoke_at_all = {c.participant_id for c in everything}
    # Those who said nothing at all are listed as present, as before; those who said
    # something only off the record are not.
    people = {
        pid: person
        for pid, person in record.participants.items()
        if pid in heard or pid not in spoke_at_all
    }
    return structs.replace(
        record,
        participants=people,
        contributions=kept,
        interests=interests_among(record.interests, kept_ids),
        commitments={
            c.id: _nameless_owner(record.commitments[c.id], record.speaker(c))
            if c.consent is Consent.ANONYMOUS
            else record.commitments[c.id]
            for c in kept
            if c.id in record.commitments
        },
        numbered=True,
    )


def _by_seq(contribution: Contribution) -> int:
    return contribution.seq


def _as_shared(contribution: Contribution, number: int, shared: Collection[int]) -> Contribution:
    """`contribution` with its shared number, and without a reply link to what is not
    shared (it would tell that that exists)."""
    reply_to = contribution.reply_to_id if contribution.reply_to_id in shared else None
    if contribution.seq == number and contribution.reply_to_id == reply_to:
        return contribution
    return structs.replace(contribution, seq=number, reply_to_id=reply_to)


def shared_number(seq: int, unshared: Sequence[int]) -> int:
    """The number a shareable output gives the contribution numbered `seq` in its session,
    where `unshared` holds the numbers (sorted) of the session's contributions it does not
    show (off the record, removed): the shared ones are numbered 1, 2, 3 … without gaps."""
    return seq - bisect_left(unshared, seq)


def seq_of_shared(number: int, unshared: Sequence[int]) -> int:
    """The reverse of `shared_number`: the session's own number of the contribution a
    shareable output numbers `number` (never one of `unshared`)."""
    seq = number
    for skipped in unshared:  # sorted: each one at or before it pushes it one further
        if skipped > seq:
            break
        seq += 1
    return seq


def speaker_domain(speaker: Participant | None, contribution: Contribution) -> str | None:
    """The domain a shareable output may show beside a contribution: its speaker's, never
    that of an anonymous one."""
    if speaker is None or contribution.consent is Consent.ANONYMOUS:
        return None
    return speaker.domain


def heard_only_anonymously(record: SessionRecord) -> set[int]:
    """Participants whose every contribution in `record` is anonymous: a shareable output
    may count them, never name them (the name would undo what they asked for)."""
    consents: dict[int, set[Consent]] = {}
    for c in record.contributions:
        if c.participant_id is not None:
            consents.setdefault(c.participant_id, set()).add(c.consent)
    return {pid for pid, given in consents.items() if given == {Consent.ANONYMOUS}}


def _nameless_owner(entry: Commitment, speaker: Participant | None) -> Commitment:
    """An anonymous commitment's ledger entry without its owner when that is the speaker."""
    if entry.owner and speaker is not None and entry.owner.casefold() == speaker.name.casefold():
        return structs.replace(entry, owner=None)
    return entry


def interests_among(
    states: Iterable[InterestState], contribution_ids: Collection[int]
) -> list[InterestState]:
    """Interests as an output that shows only `contribution_ids` may show them: raised only
    by others (off the record, removed), an interest is not there at all; an answer it does
    not show is no answer there."""
    kept = []
    for state in states:
        raised_by = tuple(cid for cid in state.raised_by if cid in contribution_ids)
        if raised_by:
            answer = state.answered_by_id if state.answered_by_id in contribution_ids else None
            kept.append(structs.replace(state, raised_by=raised_by, answered_by_id=answer))
    return kept


def shareable_commitments(
    commitments: Iterable[tuple[LadderItem, Commitment]],
) -> list[tuple[LadderItem, Commitment]]:
    """The ledger as a shareable output may show it: an anonymous commitment's owner is not
    named when that owner is the speaker (the default owner is whoever said it)."""
    kept = []
    for item, entry in commitments:
        shown = share(item)
        if shown is None:
            continue
        if item.consent is Consent.ANONYMOUS and item.speaker is not None:
            entry = _nameless_owner(entry, Participant(0, item.speaker))
        kept.append((shown, entry))
    return kept
