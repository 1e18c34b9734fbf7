"""A line the note-taker logged while the database could not be reached: everything the
store needs to write it later exactly as it was meant, with the moment it was said.

Each line carries a key made on this machine (`new_key`). The store writes a line with its
key at most once, so a line sent again (after a connection broke while its commit was under
way, or after a restart) is recognised rather than doubled.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from msgspec import Struct, field

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import CommitmentTerms, Participant
from dialoog_tui.core.speakers import ROOM, Speaker


def new_key() -> str:
    """A key no other line has, on this machine or another (128 random bits)."""
    return os.urandom(16).hex()


class WaitingLine(Struct, frozen=True):
    """One logged line, as it would have been stored."""

    key: str
    """Its own key (`new_key`)."""
    session_id: int
    speaker: Speaker
    """Someone known (as the screen knew them), someone new by name, or the room."""
    kind: Kind
    text: str
    at: datetime
    """When it was said (timezone-aware)."""
    tags: tuple[str, ...] = ()
    phase_id: int | None = None
    reply_to_id: int | None = None
    ladder: Ladder = field(default_factory=Ladder)
    consent: Consent | None = None
    commitment: CommitmentTerms = field(default_factory=CommitmentTerms)
    paraphrase: str | None = None
    recorded_by: str | None = None
    table_id: int | None = None
    """The table it was said at."""

    def arguments(self) -> dict[str, Any]:
        """As the keyword arguments of the store's logging functions."""
        return {
            "session_id": self.session_id,
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
            "at": self.at,
            "tags": self.tags,
            "phase_id": self.phase_id,
            "reply_to_id": self.reply_to_id,
            "ladder": self.ladder,
            "consent": self.consent,
            "commitment": self.commitment,
            "paraphrase": self.paraphrase,
            "recorded_by": self.recorded_by,
            "client_key": self.key,
            "table_id": self.table_id,
        }

    def to_record(self) -> dict[str, Any]:
        """As plain JSON values."""
        known = self.speaker.participant
        return {
            "key": self.key,
            "session_id": self.session_id,
            "participant": None
            if known is None
            else [known.id, known.name, known.domain, known.organisation],
            "new_name": self.speaker.new_name,
            "domain": self.speaker.domain,
            "kind": self.kind.value,
            "text": self.text,
            "at": self.at.isoformat(),
            "tags": list(self.tags),
            "phase_id": self.phase_id,
            "reply_to_id": self.reply_to_id,
            "interests": list(self.ladder.interests),
            "values": list(self.ladder.values),
            "condition": self.ladder.condition,
            "consent": None if self.consent is None else self.consent.value,
            "owner": self.commitment.owner,
            "due_on": None
            if self.commitment.due_on is None
            else self.commitment.due_on.isoformat(),
            "paraphrase": self.paraphrase,
            "recorded_by": self.recorded_by,
            "table_id": self.table_id,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> WaitingLine:
        """Back from `to_record` (raises KeyError or ValueError when it is not one)."""
        known = record["participant"]
        if known is not None:
            speaker = Speaker(participant=Participant(*known), domain=record["domain"])
        elif record["new_name"] is not None:
            speaker = Speaker(new_name=record["new_name"], domain=record["domain"])
        else:
            speaker = ROOM
        at = datetime.fromisoformat(record["at"])
        if at.tzinfo is None:
            raise ValueError("a waiting line's time has no zone")
        due = record["due_on"]
        return cls(
            key=str(record["key"]),
            session_id=int(record["session_id"]),
            speaker=speaker,
            kind=Kind(record["kind"]),
            text=str(record["text"]),
            at=at,
            tags=tuple(record["tags"]),
            phase_id=record["phase_id"],
            reply_to_id=record["reply_to_id"],
            ladder=Ladder(tuple(record["interests"]), tuple(record["values"]), record["condition"]),
            consent=None if record["consent"] is None else Consent(record["consent"]),
            commitment=CommitmentTerms(
                record["owner"], None if due is None else date.fromisoformat(due)
            ),
            paraphrase=record["paraphrase"],
            recorded_by=record["recorded_by"],
            table_id=record.get("table_id"),
        )
