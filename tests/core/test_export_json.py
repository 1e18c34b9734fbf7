"""The JSON export document."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dialoog_tui.core.export.session_json import SCHEMA, session_to_json
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution, Participant, Phase, Session
from dialoog_tui.core.record import SessionRecord

CET = timezone(timedelta(hours=1))
AT = datetime(2026, 3, 12, 18, 5, tzinfo=UTC)


def test_document_shape_and_local_offsets() -> None:
    record = SessionRecord(
        session=Session(1, "plein", "Plein", AT, question="Hoe?", current_phase_id=9),
        phases=[Phase(9, 1, 1, "Opening")],
        participants={4: Participant(4, "Anna", "inwoner")},
        domains=["inwoner"],
        contributions=[
            Contribution(
                10,
                1,
                1,
                AT,
                Kind.RESISTANCE,
                "Te druk",
                4,
                ("verkeer",),
                9,
                condition="kortparkeren",
                interests=("parkeren",),
                values=("bestaanszekerheid",),
            ),
            Contribution(11, 1, 2, AT, Kind.REMARK, "[b]x[/b]", None, reply_to_id=10, edited_at=AT),
        ],
    )
    document = session_to_json(record, exported_at=AT, zone=CET)
    assert document["schema"] == SCHEMA
    assert document["session"]["current_phase"] == "Opening"
    first, second = document["contributions"]
    assert first == {
        "seq": 1,
        "ref": None,
        "at": "2026-03-12T19:05:00+01:00",
        "speaker": "Anna",
        "speaker_number": 1,
        "domain": "inwoner",
        "kind": "resistance",
        "text": "Te druk",
        "paraphrase": None,
        "tags": ["verkeer"],
        "phase": "Opening",
        "table": None,
        "replies_to": None,
        "edited_at": None,
        "consent": "named",
        "interests": ["parkeren"],
        "values": ["bestaanszekerheid"],
        "condition": "kortparkeren",
    }
    assert second["speaker"] is None and second["replies_to"] == 1  # by number, not by id
    assert document["participants"] == [
        {"number": 1, "name": "Anna", "domain": "inwoner", "organisation": None}
    ]
    assert second["text"] == "[b]x[/b]"
    assert second["edited_at"] == "2026-03-12T19:05:00+01:00"
