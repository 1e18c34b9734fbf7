"""Autocomplete of names, interests and values."""

from __future__ import annotations

from dialoog_tui.core.capture import CaptureContext
from dialoog_tui.core.model import Participant
from dialoog_tui.tui.capture.suggest import EntrySuggester


def suggester() -> EntrySuggester:
    return EntrySuggester(
        CaptureContext(
            session_participants=[Participant(1, "Anna"), Participant(2, "Jan de Vries")],
            values=["veiligheid", "bestaanszekerheid", "betaalbaarheid"],
            interests=["bereikbaarheid winkel", "rust"],
        )
    )


async def test_values_complete_from_the_vocabulary() -> None:
    assert await suggester().get_suggestion("! zaak dicht waarde:be") == (
        "! zaak dicht waarde:bestaanszekerheid "
    )
    assert await suggester().get_suggestion("x waarde:bet") == "x waarde:betaalbaarheid "
    assert await suggester().get_suggestion("x waarde:xyz") is None
    assert await suggester().get_suggestion("waarde:veiligheid ") is None


async def test_interests_with_spaces_need_a_quote() -> None:
    assert await suggester().get_suggestion('belang:"ber') == 'belang:"bereikbaarheid winkel" '
    assert await suggester().get_suggestion("belang:ber") is None
    assert await suggester().get_suggestion("belang:ru") == "belang:rust "


async def test_names_complete_after_at() -> None:
    assert await suggester().get_suggestion("@an") == "@Anna "
    assert await suggester().get_suggestion('@"jan') == '@"Jan de Vries" '
    assert await suggester().get_suggestion("@an hallo") is None


async def test_completion_keeps_the_rest_of_the_line() -> None:
    assert await suggester().get_suggestion("@Anna/inw ! Te druk WAARDE:Be") == (
        "@Anna/inw ! Te druk WAARDE:bestaanszekerheid "
    )
    assert await suggester().get_suggestion("@AN") == "@Anna "
