"""The participants panel's lines: what a name or domain holds is shown, never acted on."""

from __future__ import annotations

from dialoog_tui.core.display import visible
from dialoog_tui.core.model import Participant
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture.participants_panel import (
    Participation,
    participation_lines,
    render_line_spec,
)
from dialoog_tui.tui.look import look_from_variables

HOSTILE = "[bold]Anna[/] \x1b[31mrood\x1b]0;titel\x07"


def drawn(data: Participation, width: int = 30) -> list[str]:
    look = look_from_variables({"foreground": "#dddddd", "background": "#101010"})
    t = Translator("nl")
    return [
        "".join(segment.text for segment in render_line_spec(spec, look, t, width))
        for spec in participation_lines(data)
    ]


def test_a_name_and_a_domain_are_shown_as_written_with_control_characters_as_symbols() -> None:
    people = [Participant(id=1, name=HOSTILE, domain=HOSTILE)]
    lines = drawn(
        Participation(
            people=people,
            counts={1: 12},
            domains=[HOSTILE],
            domain_counts={HOSTILE: 12},
            current_speaker_id=1,
        ),
        width=60,
    )
    person = next(line for line in lines if "Anna" in line and "12" in line)
    assert visible(HOSTILE) in person  # the brackets stay text: no markup read
    assert person.startswith("▶")  # the one speaking now
    domain = [line for line in lines if "█" in line]
    assert len(domain) == 1 and visible(HOSTILE)[:20] in domain[0]
    assert not any(ord(char) < 32 for line in lines for char in line)


def test_a_long_name_is_cut_to_the_panel_and_a_silent_person_is_counted() -> None:
    people = [
        Participant(id=1, name="Annemarie van den Berg-Oudshoorn", domain="inwoner"),
        Participant(id=2, name="Bas", domain="overheid"),
    ]
    lines = drawn(
        Participation(
            people=people,
            counts={1: 3},
            domains=["inwoner", "overheid"],
            domain_counts={"inwoner": 3},
            current_speaker_id=None,
        ),
        width=24,
    )
    anna, bas = lines[1], lines[2]
    assert anna == " 1 Annemarie van …   3"  # the name cut to what the panel leaves it
    assert bas.startswith(" 2 Bas") and bas.endswith("·")
    assert "· 1 nog niet gesproken" in lines  # Bas has not spoken yet


def test_before_the_count_a_line_shows_no_number_rather_than_none() -> None:
    people = [Participant(id=1, name="Anna", domain="inwoner")]
    lines = drawn(
        Participation(
            people=people,
            counts=None,
            domains=["inwoner"],
            domain_counts={},
            current_speaker_id=1,
        )
    )
    assert lines[1].rstrip() == "▶1 Anna"  # not `·`, which would say she has not spoken
    assert not any(mark in line for line in lines for mark in "·█░")
    assert lines[-1].rstrip() == "inwoner"


def test_an_empty_session_says_how_to_add_someone_in_lines_that_fit_a_narrow_panel() -> None:
    lines = drawn(
        Participation(people=[], counts={}, domains=[], domain_counts={}, current_speaker_id=None),
        width=22,
    )
    hint = [line.rstrip() for line in lines[1:4]]
    assert hint == ["Nog niemand.", "Typ @Naam/domein", "om toe te voegen."]
    assert all(len(line) <= 22 for line in hint)
