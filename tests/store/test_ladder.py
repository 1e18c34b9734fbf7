"""The ladder in the store: vocabulary, merging, statuses, bridging, consent — on each backend."""

from __future__ import annotations

from datetime import date

import pytest

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder, TermKind
from dialoog_tui.core.ladder_report import InterestStatus
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store import commitments, contributions, interests, ladder, sessions, vocabulary
from dialoog_tui.store.db.database import Database

from .writing import log as _log
from .writing import start as _session


def test_starter_values_in_dutch_and_english(database: Database) -> None:
    values = database.read(lambda db: vocabulary.list_terms(db=db, kind=TermKind.VALUE))
    names = {t.name: t.name_en for t in values}
    assert names["veiligheid"] == "safety"
    assert names["zeggenschap"] == "say"
    assert len(values) >= 20


def test_logging_a_ladder_links_terms_and_opens_the_interest(database: Database) -> None:
    session_id = _session(database, "Plein", (("Piet", "ond"),))
    logged = _log(
        database,
        session_id,
        "Piet",
        Kind.RESISTANCE,
        "Mijn zaak gaat dicht",
        Ladder(("bereikbaarheid winkel",), ("bestaanszekerheid", "Safety"), "kortparkeren blijft"),
    )
    assert logged.interests == ("bereikbaarheid winkel",)
    assert logged.values == ("bestaanszekerheid", "veiligheid")  # English name, Dutch term
    assert logged.condition == "kortparkeren blijft"
    again = database.read(
        lambda db: contributions.get_contribution(db=db, contribution_id=logged.id)
    )
    assert (again.interests, again.values) == (logged.interests, logged.values)
    states = database.read(lambda db: interests.interest_states(db=db, session_ids=[session_id]))
    assert [(s.interest, s.status, s.raised_by) for s in states] == [
        ("bereikbaarheid winkel", InterestStatus.OPEN, (logged.id,))
    ]


def test_vocabulary_is_shared_across_sessions_ignoring_case(database: Database) -> None:
    first = _session(database, "Maart", (("Anna", "inw"),))
    second = _session(database, "Juni", (("Anna", "inw"),))
    _log(database, first, "Anna", Kind.RESISTANCE, "x", Ladder(values=("Bestaanszekerheid",)))
    _log(database, second, "Anna", Kind.RESISTANCE, "y", Ladder(values=("bestaanszekerheid",)))
    terms = database.read(lambda db: vocabulary.list_terms(db=db, kind=TermKind.VALUE))
    assert sum(1 for t in terms if t.name.casefold() == "bestaanszekerheid") == 1


def test_merging_values_keeps_every_link(database: Database) -> None:
    session_id = _session(database, "Plein", (("Anna", "inw"), ("Piet", "ond")))
    a = _log(database, session_id, "Anna", Kind.RESISTANCE, "a", Ladder(values=("leefbaar",)))
    b = _log(
        database, session_id, "Piet", Kind.REMARK, "b", Ladder(values=("leefbaarheid", "leefbaar"))
    )
    c = _log(database, session_id, "Piet", Kind.REMARK, "c", Ladder(values=("leefbaarheid",)))
    merged = database.write(
        lambda db: vocabulary.merge_terms(
            db=db, kind=TermKind.VALUE, source="leefbaar", target="leefbaarheid"
        )
    )
    assert merged.name == "leefbaarheid"
    for contribution in (a, b, c):
        again = database.read(
            lambda db, cid=contribution.id: contributions.get_contribution(
                db=db, contribution_id=cid
            )
        )
        assert again.values == ("leefbaarheid",)
    names = [
        t.name for t in database.read(lambda db: vocabulary.list_terms(db=db, kind=TermKind.VALUE))
    ]
    assert "leefbaar" not in names


def test_renaming_onto_an_existing_name_merges(database: Database) -> None:
    session_id = _session(database, "Plein", (("Anna", "inw"),))
    _log(database, session_id, "Anna", Kind.REMARK, "x", Ladder(interests=("veilig oversteken",)))
    _log(database, session_id, "Anna", Kind.REMARK, "y", Ladder(interests=("veilige oversteek",)))
    database.write(
        lambda db: vocabulary.rename_term(
            db=db, kind=TermKind.INTEREST, old="veilige oversteek", new="Veilig oversteken"
        )
    )
    states = database.read(lambda db: interests.interest_states(db=db, session_ids=[session_id]))
    assert [s.interest for s in states] == ["veilig oversteken"]
    assert len(states[0].raised_by) == 2


def test_interest_status_and_answer(database: Database) -> None:
    session_id = _session(database, "Plein", (("Anna", "inw"), ("Karin", "over")))
    _log(database, session_id, "Anna", Kind.RESISTANCE, "te druk", Ladder(interests=("rust",)))
    answer = _log(database, session_id, "Karin", Kind.COMMITMENT, "we meten het verkeer")
    database.write(
        lambda db: interests.set_interest_status(
            db=db,
            session_id=session_id,
            interest="Rust",
            status=InterestStatus.ANSWERED,
            answered_by_id=answer.id,
        )
    )
    (state,) = database.read(lambda db: interests.interest_states(db=db, session_ids=[session_id]))
    assert (state.status, state.answered_by_id) == (InterestStatus.ANSWERED, answer.id)
    with pytest.raises(InvalidInput):
        database.write(
            lambda db: interests.set_interest_status(
                db=db,
                session_id=session_id,
                interest="rust",
                status=InterestStatus.ACKNOWLEDGED,
                answered_by_id=answer.id,
            )
        )


def test_commitments_get_the_speaker_as_owner_and_a_due_date(database: Database) -> None:
    session_id = _session(database, "Plein", (("Karin", "over"),))
    promise = _log(database, session_id, "Karin", Kind.COMMITMENT, "verslag rond")
    ledger = database.read(
        lambda db: commitments.commitments_of(db=db, contribution_ids=[promise.id])
    )
    assert ledger[promise.id].owner == "Karin"
    updated = database.write(
        lambda db: commitments.set_commitment(
            db=db, contribution_id=promise.id, owner="Mark", due_on=date(2026, 5, 1), done=True
        )
    )
    assert (updated.owner, updated.due_on) == ("Mark", date(2026, 5, 1))
    assert updated.done_at is not None


def test_default_and_changed_consent(database: Database) -> None:
    session_id = _session(database, "Plein", (("Anna", "inw"),))
    database.write(
        lambda db: sessions.set_default_consent(
            db=db, session_id=session_id, consent=Consent.ANONYMOUS
        )
    )
    logged = _log(database, session_id, "Anna", Kind.REMARK, "x")
    assert logged.consent is Consent.ANONYMOUS
    changed = database.write(
        lambda db: contributions.set_consent(
            db=db, contribution_id=logged.id, consent=Consent.OFF_RECORD
        )
    )
    assert changed.consent is Consent.OFF_RECORD


def test_bridging_interest_between_resisting_residents_and_proposing_shopkeepers(
    database: Database,
) -> None:
    one = _session(database, "Maart", (("Anna", "inw"), ("Piet", "ond")))
    two = _session(database, "April", (("Henk", "inw"), ("Yasmina", "ond")))
    against = _log(
        database, one, "Anna", Kind.RESISTANCE, "geen garage", Ladder(("bereikbaarheid",))
    )
    for_ = _log(
        database, two, "Yasmina", Kind.PROPOSAL, "garage met lift", Ladder(("Bereikbaarheid",))
    )
    _log(database, two, "Henk", Kind.RESISTANCE, "te duur", Ladder(("betaalbaarheid",)))
    secret = _log(
        database,
        one,
        "Piet",
        Kind.AGREEMENT,
        "geheim",
        Ladder(("betaalbaarheid",)),
        Consent.OFF_RECORD,
    )
    report = database.read(lambda db: ladder.load_ladder(db=db, session_ids=None))
    assert [b.interest for b in report.bridging] == ["bereikbaarheid"]
    bridge = report.bridging[0]
    assert [i.contribution_id for i in bridge.resisting] == [against.id]
    assert [i.contribution_id for i in bridge.supporting] == [for_.id]
    assert bridge.domains == (["inwoner"], ["ondernemer"])
    # Off the record stays out, so betaalbaarheid has nobody on the other side.
    assert all(i.contribution_id != secret.id for b in report.bridging for i in b.supporting)
    with_secret = database.read(
        lambda db: ladder.load_ladder(db=db, session_ids=None, include_off_record=True)
    )
    assert {b.interest for b in with_secret.bridging} == {"bereikbaarheid", "betaalbaarheid"}


def test_the_ladder_numbers_contributions_as_their_session_does(database: Database) -> None:
    # Not by database id: in a second session the ids run on from the first one's.
    _log(database, _session(database, "Maart", (("Anna", "inw"),)), "Anna", Kind.REMARK, "x")
    june = _session(database, "Juni", (("Piet", "ond"),))
    _log(database, june, "Piet", Kind.RESISTANCE, "geheim", Ladder(("a",)), Consent.OFF_RECORD)
    said = _log(database, june, "Piet", Kind.RESISTANCE, "Mijn zaak", Ladder(("parkeren",)))
    assert said.seq == 2 and said.id == 3

    def numbered(own_screen: bool) -> list[int]:
        items = database.read(
            lambda db: ladder.ladder_items(db=db, session_ids=[june], include_off_record=own_screen)
        )
        return [item.seq for item in items if item.text == "Mijn zaak"]

    assert numbered(own_screen=True) == [2]  # as the log numbers it
    assert numbered(own_screen=False) == [1]  # as shared: the off-the-record line uncounted
