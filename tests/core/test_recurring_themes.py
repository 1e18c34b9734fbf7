"""What recurs across meetings about different questions: the engine with meaning vectors."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from dialoog_tui.core.themes.meaning import encode
from dialoog_tui.core.themes.run import FoundThemes, find_themes
from dialoog_tui.core.themes.types import ThemeInput

from .meetings_fixture import CONCERN, two_meetings


@pytest.fixture(scope="module")
def meetings() -> tuple[list[ThemeInput], dict[int, str], dict[int, Any]]:
    inputs, truth = two_meetings()
    vectors = encode([item.text for item in inputs])
    return inputs, truth, dict(zip((i.contribution_id for i in inputs), vectors, strict=True))


def sessions_of(inputs: list[ThemeInput], members: tuple[int, ...]) -> set[int]:
    session = {item.contribution_id: item.session_id for item in inputs}
    return {session[m] for m in members}


def test_a_concern_in_other_words_in_two_meetings_is_one_recurring_theme(
    meetings: tuple[list[ThemeInput], dict[int, str], dict[int, Any]],
) -> None:
    inputs, truth, meanings = meetings
    found = find_themes(inputs, meanings=meanings)
    concern = [cid for cid, subject in truth.items() if subject == CONCERN]
    holding = max(found.themes, key=lambda t: len(set(t.members) & set(concern)))
    assert len(set(holding.members) & set(concern)) >= len(concern) - 1
    assert sum(truth[m] == CONCERN for m in holding.members) >= 0.8 * len(holding.members)
    assert sessions_of(inputs, holding.members) == {1, 2}
    assert found.method["by_session"] is True
    # Each meeting's own question stays apart from the concern and mostly from the other.
    for theme in found.themes:
        if theme is not holding:
            subjects = Counter(truth[m] for m in theme.members)
            assert subjects[CONCERN] == 0
            assert subjects.most_common(1)[0][1] > len(theme.members) / 2


def test_another_order_gives_the_same_themes(
    meetings: tuple[list[ThemeInput], dict[int, str], dict[int, Any]],
) -> None:
    inputs, _, meanings = meetings
    shuffled = list(inputs)
    random.Random(3).shuffle(shuffled)

    def themes(found: FoundThemes) -> list[tuple[str, tuple[int, ...], str]]:
        return [(t.id, t.members, t.label) for t in found.themes]

    assert themes(find_themes(shuffled, meanings=meanings)) == themes(
        find_themes(inputs, meanings=meanings)
    )
