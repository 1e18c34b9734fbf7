"""Resolving `@Name/domain` mentions against the people in the room and in the database."""

from __future__ import annotations

from dialoog_tui.core.model import DEFAULT_DOMAINS, Participant
from dialoog_tui.core.quick_entry import SpeakerMention
from dialoog_tui.core.speakers import ROOM, Speaker, SpeakerProblem, resolve_domain, resolve_speaker

ANNA = Participant(1, "Anna", "inwoner")
ANNEKE = Participant(2, "Anneke", None)
JAN = Participant(3, "Jan de Vries", "ondernemer")
ELSEWHERE = Participant(4, "Karel", "overheid")


def resolve(mention: SpeakerMention | None, previous: Speaker = ROOM) -> Speaker:
    return resolve_speaker(
        mention,
        previous=previous,
        session_participants=[ANNA, ANNEKE, JAN],
        known_participants=[ANNA, ANNEKE, JAN, ELSEWHERE],
        domains=DEFAULT_DOMAINS,
    )


def test_no_mention_continues_the_previous_speaker() -> None:
    previous = Speaker(participant=JAN)
    assert resolve(None, previous) is previous


def test_unique_prefix_picks_the_participant() -> None:
    assert resolve(SpeakerMention("jan")).participant == JAN
    assert resolve(SpeakerMention("vries")).participant == JAN


def test_exact_name_beats_a_longer_prefix_match() -> None:
    assert resolve(SpeakerMention("anna")).participant == ANNA


def test_ambiguous_prefix_is_a_problem_listing_the_candidates() -> None:
    speaker = resolve(SpeakerMention("an"))
    assert speaker.problem is SpeakerProblem.AMBIGUOUS_NAME
    assert speaker.candidates == ("Anna", "Anneke")


def test_domain_narrows_an_ambiguous_prefix() -> None:
    assert resolve(SpeakerMention("an", "inw")).participant == ANNA


def test_participant_from_another_session_only_by_exact_name() -> None:
    assert resolve(SpeakerMention("Karel")).participant == ELSEWHERE
    speaker = resolve(SpeakerMention("Kar"))
    assert speaker.participant is None
    assert speaker.new_name == "Kar"


def test_new_participant_gets_the_domain_from_a_prefix() -> None:
    speaker = resolve(SpeakerMention("Piet", "ond"))
    assert speaker == Speaker(new_name="Piet", domain="ondernemer")
    assert resolve(SpeakerMention("Els", "org")).domain == "maatschappelijke organisatie"


def test_unknown_and_ambiguous_domains_are_problems() -> None:
    assert resolve(SpeakerMention("Piet", "xyz")).problem is SpeakerProblem.UNKNOWN_DOMAIN
    ambiguous = resolve(SpeakerMention("Piet", "o"))
    assert ambiguous.problem is SpeakerProblem.AMBIGUOUS_DOMAIN
    assert set(ambiguous.candidates) == {"overheid", "ondernemer"}


def test_domain_on_first_mention_of_a_participant_without_one() -> None:
    speaker = resolve(SpeakerMention("Anneke", "inw"))
    assert speaker.participant == ANNEKE
    assert speaker.domain == "inwoner"


def test_a_different_domain_does_not_change_an_existing_participant() -> None:
    speaker = resolve(SpeakerMention("Anna", "ond"))
    assert speaker.participant == ANNA
    assert speaker.domain_ignored
    assert speaker.display_domain == "inwoner"


def test_the_room() -> None:
    assert resolve(SpeakerMention("-")).is_room


def test_resolve_domain_exact_wins() -> None:
    assert resolve_domain("Overheid", DEFAULT_DOMAINS) == ("overheid", ())


def test_a_new_name_one_slip_from_someone_in_the_room_asks_about_them() -> None:
    # A letter left out, added, changed or two swapped; in the name or a word of it.
    for typed, meant in (("Ana", "Anna"), ("Annna", "Anna"), ("Jna", "Jan de Vries")):
        speaker = resolve(SpeakerMention(typed))
        assert (speaker.new_name, speaker.resembles) == (typed, meant)
    assert resolve(SpeakerMention("Vreis")).resembles == "Jan de Vries"
    assert resolve(SpeakerMention("Anneek")).resembles == "Anneke"


def test_a_new_name_far_from_everyone_or_close_to_two_asks_nothing() -> None:
    assert resolve(SpeakerMention("Piet")).resembles is None
    assert resolve(SpeakerMention("Kees")).resembles is None
    two = resolve_speaker(
        SpeakerMention("Jon"),
        previous=ROOM,
        session_participants=[Participant(5, "Jan", None), Participant(6, "Jen", None)],
        known_participants=[],
        domains=DEFAULT_DOMAINS,
    )
    assert (two.new_name, two.resembles) == ("Jon", None)  # Jan or Jen: no one to ask about
    assert resolve(SpeakerMention("Karl")).resembles is None  # Karel is not in the room
    assert resolve(SpeakerMention("Jo")).resembles is None  # too short to tell


def test_a_name_someone_went_by_means_them_where_nobody_today_answers_to_it() -> None:
    from dialoog_tui.core.capture import CaptureContext
    from dialoog_tui.core.speakers import as_named_now, name_key

    lotte = Participant(id=1, name="Lotte", domain="inwoner")
    johan = Participant(id=2, name="Johan", domain="overheid")
    janneke = Participant(id=3, name="Janneke", domain="inwoner")
    elsewhere = Participant(id=4, name="Lote", domain="ondernemer")  # of another meeting
    former = {name_key("Lote"): [1], name_key("Jan"): [2]}
    present = [lotte, johan, janneke]

    assert as_named_now(SpeakerMention("lote"), former, present) == SpeakerMention("Lotte")
    assert as_named_now(SpeakerMention("Lote"), former, [johan]) == SpeakerMention("Lote")
    assert as_named_now(SpeakerMention("Lott"), former, present) == SpeakerMention("Lott")

    context = CaptureContext(
        domains=list(DEFAULT_DOMAINS),
        session_participants=present,
        known_participants=[*present, elsewhere],
        former_names=former,
    )
    # The typo typed again means the one it was fixed to, not the Lote of another meeting.
    assert context.preview("@Lote meer bomen").speaker.participant == lotte
    # A beginning of a name someone goes by today still picks them: 'Jan' is Janneke's
    # beginning, though Johan was once written so.
    assert context.preview("@Jan ja").speaker.participant == janneke
