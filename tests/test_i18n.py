"""Interface texts that are looked up by a key made elsewhere exist in both languages."""

from __future__ import annotations

import string

import pytest

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.corrections import RECORDED_ACTIONS
from dialoog_tui.core.themes.curation import ActionKind
from dialoog_tui.core.themes.progress import STEPS
from dialoog_tui.core.themes.refusals import REFUSALS
from dialoog_tui.i18n import MESSAGES, Translator
from dialoog_tui.i18n.labels import INTEREST_STATUSES, KINDS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("reason", sorted(REFUSALS))
def test_every_refused_curation_action_is_explained_in_dutch_and_english(reason: str) -> None:
    dutch, english = MESSAGES[f"themes.refused.{reason}"]
    assert dutch != english
    assert placeholders(dutch) == placeholders(english) == placeholders(REFUSALS[reason])


@pytest.mark.parametrize("kind", list(ActionKind))
def test_every_curation_action_is_named_in_dutch_and_english(kind: ActionKind) -> None:
    keys = [f"themes.action.{kind}"]
    if kind is not ActionKind.UNDO:
        keys.append(f"themes.done.{kind}")  # the notification after doing it
    for key in keys:
        dutch, english = MESSAGES[key]
        assert dutch and english and placeholders(dutch) == placeholders(english)


@pytest.mark.parametrize("action", RECORDED_ACTIONS)
def test_every_recorded_correction_is_named_in_dutch_and_english(action: str) -> None:
    dutch, english = MESSAGES[f"cli.correction.{action}"]
    assert dutch and english == action  # English as recorded: scripts may read it


@pytest.mark.parametrize("key", sorted(STEPS))
def test_every_step_of_a_theme_run_is_said_in_dutch_and_english(key: str) -> None:
    dutch, english = MESSAGES[f"themes.step.{key}"]
    assert placeholders(dutch) == placeholders(english) == placeholders(STEPS[key])


@pytest.mark.parametrize(
    ("lang", "count", "said"),
    [
        ("nl", 1, "1 bijdrage"),
        ("nl", 2, "2 bijdragen"),
        ("nl", 0, "0 bijdragen"),
        ("en", 1, "1 contribution"),
        ("en", 2, "2 contributions"),
    ],
)
def test_one_of_something_is_said_in_the_singular(lang: str, count: int, said: str) -> None:
    assert Translator(lang)("picker.count", count=count) == said


def test_every_singular_text_has_a_plural_with_the_same_placeholders() -> None:
    for key, texts in MESSAGES.items():
        if key.endswith(".one"):
            plural = MESSAGES[key.removesuffix(".one")]
            assert [placeholders(t) for t in texts] == [placeholders(t) for t in plural]


def test_a_themes_status_is_never_the_name_of_a_kind_of_contribution() -> None:
    statuses = ("themes.proposed", "themes.accepted", "themes.curated")
    names = {name for texts in (*KINDS.values(), *INTEREST_STATUSES.values()) for name in texts}
    assert not names & {text for status in statuses for text in MESSAGES[status]}


def test_the_dutch_interface_says_vertrouwelijk_and_still_reads_off_the_record() -> None:
    assert Consent.OFF_RECORD.label("nl") == "vertrouwelijk"
    assert not [key for key, texts in MESSAGES.items() if "off the record" in texts[0]]
    for name in ("off the record", "vertrouwelijk", "off_record"):
        assert Consent.from_name(name) is Consent.OFF_RECORD
