"""Picking a phase by what the note-taker types: number, title or a unique beginning."""

from __future__ import annotations

from dialoog_tui.core.agenda import phase_matches
from dialoog_tui.core.model import Phase

AGENDA = [
    Phase(id=1, session_id=1, position=1, title="Opening"),
    Phase(id=2, session_id=1, position=2, title="Ideeën"),
    Phase(id=3, session_id=1, position=3, title="Ideeën  ordenen"),
    Phase(id=4, session_id=1, position=4, title="Afronding"),
]


def titles(typed: str) -> list[str]:
    return [p.title for p in phase_matches(typed, AGENDA)]


def test_a_number_a_title_or_a_unique_beginning_picks_the_phase() -> None:
    assert titles("4") == ["Afronding"]
    assert titles(" opening ") == ["Opening"]
    assert titles("afr") == ["Afronding"]
    assert titles("ideeën ordenen") == ["Ideeën  ordenen"]  # spacing aside
    assert titles("orden") == ["Ideeën  ordenen"]  # a word of the title


def test_an_exact_title_beats_the_phases_it_begins() -> None:
    assert titles("ideeën") == ["Ideeën"]


def test_an_ambiguous_beginning_gives_every_candidate_and_an_unknown_one_none() -> None:
    assert titles("idee") == ["Ideeën", "Ideeën  ordenen"]
    assert titles("Evaluatie") == []
    assert titles("9") == []
    assert titles("  ") == []


def test_a_phase_came_after_the_one_the_meeting_was_in_when_it_began() -> None:
    from datetime import UTC, datetime

    from dialoog_tui.core.agenda import came_after
    from dialoog_tui.core.kinds import Kind
    from dialoog_tui.core.model import Contribution

    at = datetime(2026, 3, 1, tzinfo=UTC)
    phases = [None, 2, 2, 4, 4, 3, 2]  # Opening unset, Ideeën, Pauze (4) in it, Afspraken
    said = [
        Contribution(seq, 1, seq, at, Kind.REMARK, "x", phase_id=phase)
        for seq, phase in enumerate(phases, start=1)
    ]
    assert came_after(list(reversed(said))) == {4: 2, 3: 4}


def test_a_phase_typed_wrong_resembles_the_one_it_was_meant_to_be() -> None:
    from dialoog_tui.core.agenda import resembling

    agenda = [Phase(1, 1, 1, "Opening"), Phase(2, 1, 2, "Ideeën"), Phase(3, 1, 3, "Afspraken")]
    assert resembling("Idea", agenda) == agenda[1]
    assert resembling("Open", agenda) == agenda[0]
    assert resembling("Pauze", agenda) is None
    assert resembling("Id", agenda) is None  # too short to tell
    assert resembling("Afsluiting", agenda) is None  # "Afs" is 3 of 10
    assert resembling("Ideeën", agenda, other_than=2) is None  # not itself
