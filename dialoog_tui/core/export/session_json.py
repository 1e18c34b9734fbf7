"""The JSON export: a session for other tools, and the private backup.

The schema is documented in docs/export-json.md; `SCHEMA_VERSION` changes when it does.
Shared (the default), the session is read through the consent gate like every other export:
no trace of what was off the record, no name on an anonymous contribution, a paraphrase
instead of the words; anonymised, pseudonyms for names. The private backup holds the whole
record, verbatim, and says so in its header.

Contributions are named by their number in the session as the document gives it (`seq`),
people by their number in the document: database ids would show by their gaps where
something was left out, or that someone who spoke only off the record exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import (
    heard_only_anonymously,
    shareable_record,
    speaker_domain,
)
from dialoog_tui.core.export.pseudonyms import Pseudonyms
from dialoog_tui.core.model import Contribution, Participant
from dialoog_tui.core.record import SessionRecord

SCHEMA = "dialoog.session"
SCHEMA_VERSION = 5

PRIVATE_NOTICE = (
    "Private backup: it holds off-the-record contributions, every name and the verbatim words "
    "of paraphrase-only contributions. Keep it to yourself; share an export without "
    "--include-off-record instead."
)


def _time(value: datetime | None, zone: tzinfo | None) -> str | None:
    """ISO 8601 with the offset of `zone` (the system's local zone when None)."""
    return value.astimezone(zone).isoformat() if value is not None else None


def session_to_json(
    record: SessionRecord,
    *,
    exported_at: datetime,
    zone: tzinfo | None = None,
    private: bool = False,
    anonymize: bool = False,
    everyone: Sequence[Participant] = (),
    lang: str = "nl",
) -> dict[str, Any]:
    """The JSON document for one session (a dict ready for `json.dumps`).

    `private`: the private backup, `record` as it is. Otherwise shared: through the consent
    gate and, with `anonymize`, with pseudonyms for the people shown and every name of
    `everyone` (all participants known) kept out of the texts."""
    if private and anonymize:
        raise ValueError("a private backup is never anonymised")
    if not private:
        record = shareable_record(record)
    unnamed = set() if private else heard_only_anonymously(record)
    shown = [p for p in record.people_in_order() if p.id not in unnamed]
    names = _Names(Pseudonyms(shown, lang, others=everyone) if anonymize else None)
    session = record.session
    current = record.phase(session.current_phase_id)
    text = names.text
    listed = sorted(shown, key=lambda p: p.id)
    refs = _Refs(
        {c.id: c.seq for c in record.contributions},
        {person.id: number for number, person in enumerate(listed, start=1)},
    )
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "exported_at": _time(exported_at, zone),
        "private": private,
        "anonymised": anonymize,
        **({"notice": PRIVATE_NOTICE} if private else {}),
        "session": {
            "id": session.id,
            "slug": session.slug,
            "title": text(session.title),
            "question": text(session.question),
            "location": text(session.location),
            "organiser": text(session.organiser),
            "note_taker": None if anonymize else session.note_taker,
            "started_at": _time(session.started_at, zone),
            "current_phase": text(current.title) if current else None,
            "default_consent": session.default_consent.value,
        },
        "domains": list(record.domains),
        "phases": [
            {"id": phase.id, "position": phase.position, "title": text(phase.title)}
            for phase in record.phases
        ],
        "participants": [
            {
                "number": refs.people[person.id],
                "name": names.person(person),
                "domain": person.domain,
                "organisation": None if anonymize else person.organisation,
            }
            for person in listed
        ],
        "contributions": [
            _contribution(record, c, names, zone, refs, private=private)
            for c in record.contributions
        ],
        "interests": [
            {
                "interest": text(state.interest),
                "status": state.status.value,
                "answered_by": refs.seq(state.answered_by_id),
                "contributions": [refs.seqs[i] for i in state.raised_by if i in refs.seqs],
            }
            for state in record.interests
        ],
        "commitments": [
            {
                "contribution": refs.seqs[contribution_id],
                "owner": text(entry.owner),
                "due": entry.due_on.isoformat() if entry.due_on else None,
                "done_at": _time(entry.done_at, zone),
            }
            for contribution_id, entry in sorted(
                record.commitments.items(), key=lambda item: refs.seqs.get(item[0], 0)
            )
            if contribution_id in refs.seqs
        ],
    }


def _contribution(
    record: SessionRecord,
    c: Contribution,
    names: _Names,
    zone: tzinfo | None,
    refs: _Refs,
    *,
    private: bool,
) -> dict[str, Any]:
    speaker = record.speaker(c)
    nameless = not private and c.consent is Consent.ANONYMOUS
    # Through the gate a paraphrase-only contribution's text is its paraphrase: say so by
    # giving it as the paraphrase, with no text at all.
    words_kept = private or c.consent.quotable
    text = names.text
    return {
        "seq": c.seq,
        "ref": c.ref,
        "at": _time(c.at, zone),
        "speaker": names.person(speaker) if speaker and not nameless else None,
        "speaker_number": refs.people.get(speaker.id) if speaker and not nameless else None,
        "domain": (speaker.domain if speaker else None) if private else speaker_domain(speaker, c),
        "kind": c.kind.value,
        "text": text(c.text) if words_kept else None,
        "paraphrase": text(c.paraphrase),
        "tags": [text(tag) for tag in c.tags],
        "phase": text(phase.title) if (phase := record.phase(c.phase_id)) else None,
        "table": record.tables.get(c.table_id) if c.table_id is not None else None,
        "replies_to": refs.seq(c.reply_to_id),
        "edited_at": _time(c.edited_at, zone),
        "consent": c.consent.value,
        "interests": [text(i) for i in c.interests],
        "values": [text(v) for v in c.values],
        # Who took the note is for the private backup only: a shared file names nobody
        # it does not have to.
        **({"recorded_by": c.recorded_by} if private else {}),
        "condition": text(c.condition),
    }


class _Refs:
    """How the document names contributions (by `seq`) and people (by their number in it)."""

    def __init__(self, seqs: dict[int, int], people: dict[int, int]) -> None:
        self.seqs = seqs
        """Per contribution id in the document: its number."""
        self.people = people
        """Per participant id listed: their number in the document."""

    def seq(self, contribution_id: int | None) -> int | None:
        """The number of a contribution in the document (None: none, or not in it)."""
        return None if contribution_id is None else self.seqs.get(contribution_id)


class _Names:
    """Names as the document gives them: as they are, or pseudonyms."""

    def __init__(self, pseudonyms: Pseudonyms | None) -> None:
        self._pseudonyms = pseudonyms
        self._scrub: Callable[[str], str] = pseudonyms.scrub if pseudonyms else str

    def person(self, person: Participant) -> str:
        return self._pseudonyms.of(person) if self._pseudonyms else person.name

    def text(self, value: str | None) -> Any:
        return self._scrub(value) if value is not None else None
