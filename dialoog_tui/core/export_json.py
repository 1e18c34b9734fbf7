"""The JSON export: everything about a session, for backups and other tools.

The schema is documented in docs/export-json.md; `SCHEMA_VERSION` changes when it does.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from dialoog_tui.core.record import SessionRecord

SCHEMA = "dialoog.session"
SCHEMA_VERSION = 2


def _time(value: datetime | None, zone: tzinfo | None) -> str | None:
    """ISO 8601 with the offset of `zone` (the system's local zone when None)."""
    return value.astimezone(zone).isoformat() if value is not None else None


def session_to_json(
    record: SessionRecord, *, exported_at: datetime, zone: tzinfo | None = None
) -> dict[str, Any]:
    """The JSON document for one session (a dict ready for `json.dumps`)."""
    session = record.session
    current = record.phase(session.current_phase_id)
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "exported_at": _time(exported_at, zone),
        "session": {
            "id": session.id,
            "slug": session.slug,
            "title": session.title,
            "question": session.question,
            "location": session.location,
            "organiser": session.organiser,
            "note_taker": session.note_taker,
            "started_at": _time(session.started_at, zone),
            "current_phase": current.title if current else None,
            "default_consent": session.default_consent.value,
        },
        "domains": list(record.domains),
        "phases": [
            {"id": phase.id, "position": phase.position, "title": phase.title}
            for phase in record.phases
        ],
        "participants": [
            {
                "id": person.id,
                "name": person.name,
                "domain": person.domain,
                "organisation": person.organisation,
            }
            for person in sorted(record.participants.values(), key=lambda p: p.id)
        ],
        "contributions": [
            {
                "id": c.id,
                "seq": c.seq,
                "ref": c.ref,
                "at": _time(c.at, zone),
                "speaker": speaker.name if (speaker := record.speaker(c)) else None,
                "speaker_id": c.participant_id,
                "domain": speaker.domain if speaker else None,
                "kind": c.kind.value,
                "text": c.text,
                "tags": list(c.tags),
                "phase": phase.title if (phase := record.phase(c.phase_id)) else None,
                "replies_to": c.reply_to_id,
                "edited_at": _time(c.edited_at, zone),
                "consent": c.consent.value,
                "interests": list(c.interests),
                "values": list(c.values),
                "condition": c.condition,
            }
            for c in record.contributions
        ],
        "interests": [
            {
                "interest": state.interest,
                "status": state.status.value,
                "answered_by": state.answered_by_id,
                "contributions": list(state.raised_by),
            }
            for state in record.interests
        ],
        "commitments": [
            {
                "contribution": contribution_id,
                "owner": entry.owner,
                "due": entry.due_on.isoformat() if entry.due_on else None,
                "done_at": _time(entry.done_at, zone),
            }
            for contribution_id, entry in sorted(record.commitments.items())
        ],
    }
