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
