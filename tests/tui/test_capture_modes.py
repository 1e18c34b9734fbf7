"""The input line's state machine, on its own: prompts put the typed line aside and give it
back, offered prompts let typing go on, and each mode allows the keys it should."""

from __future__ import annotations

from datetime import UTC, datetime

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution
from dialoog_tui.tui.capture.modes import EntryMode, EntryState, has_annotations, ladder_of

AT = datetime(2026, 3, 12, 19, 0, tzinfo=UTC)
RESISTANCE = Contribution(7, 1, 7, AT, Kind.RESISTANCE, "Geen garage", 1)


def test_a_prompt_puts_the_typed_line_aside_and_leaving_gives_it_back() -> None:
    typing = EntryState()
    editing = typing.prompt(EntryMode.EDIT, "half getypt", target=RESISTANCE)
    assert (editing.mode, editing.target, editing.stash) == (
        EntryMode.EDIT,
        RESISTANCE,
        "half getypt",
    )
    assert not editing.capturing
    # From one prompt to another, the line put aside first stays aside.
    phase = editing.prompt(EntryMode.PHASE, "#3 inbreng")
    assert phase.stash == "half getypt" and phase.target is None
    back = phase.leave()
    assert back.capturing and back.stash == "" and back.target is None and not back.offered


def test_an_offered_ladder_prompt_takes_a_plain_line_as_the_next_contribution() -> None:
    offered = EntryState().prompt(EntryMode.LADDER, "", target=RESISTANCE, offered=True)
    assert offered.is_new_contribution("en de bus rijdt te weinig")
    assert not offered.is_new_contribution("waarde:veiligheid")
    assert not offered.is_new_contribution('voorwaarde:"alleen met een lift"')
    asked = EntryState().prompt(EntryMode.LADDER, "", target=RESISTANCE)
    assert not asked.is_new_contribution("bereikbaarheid")  # asked for: plain words are an interest
    assert EntryState().is_new_contribution("wat dan ook")


def test_the_draft_is_the_input_while_typing_goes_on_and_the_stash_otherwise() -> None:
    assert EntryState().draft_in_input
    offered = EntryState().prompt(EntryMode.LADDER, "x", target=RESISTANCE, offered=True)
    assert offered.draft_in_input
    for mode in (EntryMode.EDIT, EntryMode.PHASE, EntryMode.PARAPHRASE):
        assert not EntryState().prompt(mode, "x", target=RESISTANCE).draft_in_input


def test_each_mode_allows_the_keys_it_should() -> None:
    typing = EntryState()
    assert typing.allows("edit", selected=True) and not typing.allows("edit", selected=False)
    assert typing.allows("consent", selected=False) and typing.allows(
        "select_previous", selected=False
    )
    editing = typing.prompt(EntryMode.EDIT, "", target=RESISTANCE)
    for action in ("edit", "remove", "reply", "ladder", "paraphrase", "consent", "select_next"):
        assert not editing.allows(action, selected=True), action
    assert editing.allows("undo", selected=True)  # keys that are not about a mode stay
    paraphrasing = typing.prompt(EntryMode.PARAPHRASE, "", target=RESISTANCE, offered=True)
    assert paraphrasing.allows("consent", selected=False)  # going on round the consents


def test_replies_and_a_due_ladder_live_beside_the_mode() -> None:
    state = EntryState().replying(RESISTANCE).expecting_ladder(RESISTANCE)
    prompted = state.prompt(EntryMode.PHASE, "")
    assert prompted.reply_to == RESISTANCE and prompted.leave().reply_to == RESISTANCE
    assert state.expecting_ladder(None).ladder_due is None
    assert state.replying(None).reply_to is None


def test_the_consent_a_line_will_have() -> None:
    typing = EntryState()
    assert typing.consent_of_line(None, chosen=None, default=Consent.NAMED) is Consent.NAMED
    assert typing.consent_of_line("kort", chosen=None, default=Consent.NAMED) is Consent.PARAPHRASE
    assert typing.consent_of_line("kort", chosen=Consent.ANONYMOUS, default=Consent.NAMED) is (
        Consent.ANONYMOUS
    )  # chosen with Ctrl+T: as chosen
    editing = typing.prompt(EntryMode.EDIT, "", target=RESISTANCE)
    assert editing.consent_of_line("kort", chosen=None, default=Consent.ANONYMOUS) is (
        Consent.PARAPHRASE
    )
    written = Contribution(8, 1, 8, AT, Kind.REMARK, "x", 1, paraphrase="al", consent=Consent.NAMED)
    again = typing.prompt(EntryMode.EDIT, "", target=written)
    assert again.consent_of_line("ander", chosen=None, default=Consent.NAMED) is Consent.NAMED


def test_what_a_ladder_line_means() -> None:
    assert ladder_of("winkel bereikbaar waarde:bestaanszekerheid") == (
        ("winkel bereikbaar",),
        ("bestaanszekerheid",),
        None,
    )
    assert has_annotations("belang:rust") and not has_annotations("gewoon een zin")
