"""Interface texts that are looked up by a key made elsewhere exist in both languages."""

from __future__ import annotations

import string

import pytest

from dialoog_tui.core.themes.curation import REFUSALS
from dialoog_tui.i18n import MESSAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("reason", sorted(REFUSALS))
def test_every_refused_curation_action_is_explained_in_dutch_and_english(reason: str) -> None:
    dutch, english = MESSAGES[f"themes.refused.{reason}"]
    assert dutch != english
    assert placeholders(dutch) == placeholders(english) == placeholders(REFUSALS[reason])
