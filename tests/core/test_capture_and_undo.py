"""The capture context (preview, counts) and the undo stack."""

from __future__ import annotations

from collections import Counter

from dialoog_tui.core.capture import CaptureContext, silent_participants
from dialoog_tui.core.model import DEFAULT_DOMAINS, Participant
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.core.undo import UndoStack

ANNA = Participant(1, "Anna", "inwoner")
PIET = Participant(2, "Piet", "ondernemer")


def context() -> CaptureContext:
    return CaptureContext(
        domains=list(DEFAULT_DOMAINS),
        session_participants=[ANNA, PIET],
        known_participants=[ANNA, PIET],
        counts=Counter({1: 3, None: 1}),
    )


def test_a_bare_mention_only_names_the_speaker() -> None:
    preview = context().preview("@pi")
    assert preview.only_names_speaker and not preview.loggable
    assert preview.speaker.participant == PIET


def test_a_sigil_alone_is_loggable_text_is_not_required() -> None:
    assert context().preview("@Anna =").loggable
    assert not context().preview("@Anna").loggable
    assert context().preview("   ").is_blank


def test_previous_speaker_continues_unless_overridden() -> None:
    ctx = context()
    ctx.current_speaker = Speaker(participant=ANNA)
    assert ctx.preview("ja").speaker.participant == ANNA
    assert ctx.preview("ja", previous=Speaker(participant=PIET)).speaker.participant == PIET


def test_counts_per_domain_and_who_is_silent() -> None:
    ctx = context()
    assert ctx.domain_counts() == {"inwoner": 3, None: 1}
    assert silent_participants(ctx) == [PIET]


def test_undo_stack_moves_changes_between_sides() -> None:
    stack: UndoStack[str] = UndoStack(limit=2)
    for change in ("a", "b", "c"):
        stack.push(change)
    assert stack.peek_undo() == "c"
    assert stack.undone() == "c" and stack.undone() == "b"
    assert stack.peek_undo() is None  # "a" fell off the limit
    assert stack.redone() == "b"
    stack.push("d")
    assert stack.peek_redo() is None
