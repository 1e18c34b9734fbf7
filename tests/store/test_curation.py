"""Curation in the store: every action, undo, history, and stability across runs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.themes.curation import ActionKind
from dialoog_tui.core.themes.refusals import CurationError
from dialoog_tui.core.themes.run import ThemeReport
from dialoog_tui.errors import NotFound
from dialoog_tui.services import curation as act
from dialoog_tui.services.themes import run_themes, stored_report
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.themes.curation import history, load_curated, undo_last

from ..core.themes_fixtures import DUTCH
from .writing import AT, log, start

PEOPLE = (("Anna", "inw"), ("Piet", "ond"), ("Karin", "over"), ("Henk", "inw"))
SAME_THING_IN_OTHER_WORDS = [
    "Ik kan mijn auto nergens kwijt als ik 's avonds thuiskom.",
    "Voor de winkels is geen plek meer om even de auto neer te zetten.",
    "Bewoners rijden rondjes omdat elke parkeerplek bezet is.",
]


def two_evenings(database: Database) -> tuple[list[int], dict[int, str]]:
    sessions = [start(database, title, PEOPLE) for title in ("Avond A", "Avond B")]
    truth = {}
    for topic, texts in DUTCH.items():
        for i, text in enumerate(texts):
            logged = log(database, sessions[i % 2], PEOPLE[i % 4][0], Kind.REMARK, text)
            truth[logged.id] = topic
    return sessions, truth


def themes_now(database: Database, sessions: list[int]) -> ThemeReport:
    run_themes(database, sessions, all_sessions=True)
    return shown_now(database, sessions)


def shown_now(database: Database, sessions: list[int]) -> ThemeReport:
    """The stored run with the curation since, without running again."""
    shown = database.read(lambda db: stored_report(db=db, session_ids=sessions))
    assert shown is not None
    return shown


def theme_about(shown: ThemeReport, truth: dict[int, str], topic: str) -> str:
    return next(
        t.id
        for t in shown.themes
        if sum(truth.get(m) == topic for m in t.contributions) > t.size / 2
    )


def do(database: Database, action, **kwargs):  # type: ignore[no-untyped-def]
    return database.write(lambda db: action(db=db, actor="Karin", at=AT, **kwargs))


def test_an_accepted_theme_keeps_id_name_and_members_and_gains_what_fits(
    database: Database,
) -> None:
    sessions, truth = two_evenings(database)
    first = themes_now(database, sessions)
    parking = theme_about(first, truth, "parkeren")
    members = next(t.contributions for t in first.themes if t.id == parking)
    removed = members[-1]
    do(database, act.accept_theme, key=parking)
    do(database, act.rename_theme, key=parking, name="Parkeren in de wijk")
    do(database, act.remove_from_theme, key=parking, contribution=removed)
    # What decides which contributions are new to it (AT, the actions' time, is long ago).
    assert database.read(lambda db: load_curated(db=db))[parking].changed_at == AT

    third = start(database, "Avond C", (("Sam", "inw"),))
    new = [log(database, third, "Sam", Kind.REMARK, t).id for t in SAME_THING_IN_OTHER_WORDS]
    second = themes_now(database, [*sessions, third])

    kept = next(t for t in second.themes if t.id == parking)
    assert kept.name == "Parkeren in de wijk" and kept.accepted
    assert set(members) - {removed} <= set(kept.contributions)
    assert removed not in kept.contributions  # taken out once: never put back
    assert set(new) & set(kept.contributions), "the same thing in other words joins it"
    assert len(kept.sessions) == 3


def test_unchanged_data_keeps_the_proposed_ids_after_curation(database: Database) -> None:
    sessions, truth = two_evenings(database)
    first = themes_now(database, sessions)
    trees = theme_about(first, truth, "bomen")
    do(database, act.accept_theme, key=trees)
    again = themes_now(database, sessions)
    assert {t.id for t in again.themes} == {t.id for t in first.themes}
    assert next(t for t in again.themes if t.id == trees).accepted


def test_every_action_is_recorded_and_undone(database: Database) -> None:
    sessions, truth = two_evenings(database)
    shown = themes_now(database, sessions)
    parking, trees, noise = (theme_about(shown, truth, t) for t in ("parkeren", "bomen", "geluid"))
    noise_members = next(t.contributions for t in shown.themes if t.id == noise)
    parking_members = next(t.contributions for t in shown.themes if t.id == parking)

    do(database, act.accept_theme, key=parking)
    do(database, act.rename_theme, key=parking, name="Parkeren")
    survivor = do(database, act.merge_themes, keys=[trees, noise]).result
    new = do(database, act.split_theme, key=survivor, contributions=list(noise_members[:2])).result
    do(database, act.move_contribution, contribution=parking_members[0], key=new)
    do(database, act.remove_from_theme, key=survivor, contribution=noise_members[-1])
    do(database, act.reject_theme, key=new)

    kinds = [a.kind for a in database.read(lambda db: history(db=db))]
    assert kinds == [
        ActionKind.ACCEPT,
        ActionKind.RENAME,
        ActionKind.MERGE,
        ActionKind.SPLIT,
        ActionKind.MOVE,
        ActionKind.REMOVE,
        ActionKind.REJECT,
    ]
    curated = database.read(lambda db: load_curated(db=db))
    assert curated[new].rejected
    assert parking_members[0] in curated[new].members
    assert curated[noise].merged_into == survivor and not curated[noise].members  # merged away
    merged_label = curated[survivor].label

    states = []
    for _ in kinds:
        states.append(database.read(lambda db: load_curated(db=db)))
        database.write(lambda db: undo_last(db=db, actor="Karin", at=AT + timedelta(minutes=1)))
    assert database.read(lambda db: load_curated(db=db)) == {}
    assert states[-1][parking].accepted and states[-1][parking].name is None
    assert merged_label  # merging gave the survivor a label from all its words
    records = database.read(lambda db: history(db=db))
    assert all(a.undone_at is not None for a in records if a.kind is not ActionKind.UNDO)
    assert [a.undoes for a in records if a.kind is ActionKind.UNDO] == list(range(7, 0, -1))
    assert all(a.actor == "Karin" for a in records)
    with pytest.raises(CurationError, match="nothing to undo"):
        database.write(lambda db: undo_last(db=db, actor="Karin", at=AT))


def test_curation_refuses_what_cannot_be_done(database: Database) -> None:
    sessions, truth = two_evenings(database)
    shown = themes_now(database, sessions)
    parking = theme_about(shown, truth, "parkeren")
    with pytest.raises(NotFound, match="no theme with id tnope"):
        do(database, act.accept_theme, key="tnope")
    with pytest.raises(CurationError, match="two or more"):
        do(database, act.merge_themes, keys=[parking, parking])
    outsider = next(
        iter(set(truth) - set(next(t for t in shown.themes if t.id == parking).contributions))
    )
    with pytest.raises(CurationError, match="not in theme"):
        do(database, act.remove_from_theme, key=parking, contribution=outsider)
    assert database.read(lambda db: history(db=db)) == []  # nothing half-done
    assert database.read(lambda db: load_curated(db=db)) == {}


def test_a_theme_merged_away_cannot_be_curated_back(database: Database) -> None:
    sessions, _truth = two_evenings(database)
    shown = themes_now(database, sessions)
    survivor, absorbed = (theme.id for theme in shown.themes[:2])
    taken_out = next(t for t in shown.themes if t.id == absorbed).contributions[0]
    do(database, act.remove_from_theme, key=absorbed, contribution=taken_out)
    do(database, act.merge_themes, keys=[survivor, absorbed])
    after = shown_now(database, sessions)
    assert absorbed not in {t.id for t in after.themes}  # not even with what was taken out
    assert taken_out in after.unassigned
    # Its proposal is still stored in the run; it must not come back beside the survivor.
    for action in (act.accept_theme, act.reject_theme):
        with pytest.raises(NotFound, match="no longer exists"):
            do(database, action, key=absorbed)
    with pytest.raises(NotFound, match="no longer exists"):
        do(database, act.merge_themes, keys=[survivor, absorbed])
    curated = database.read(lambda db: load_curated(db=db))
    assert [t.id for t in curated.values() if t.active] == [survivor]
    assert curated[absorbed].merged_into == survivor
    kinds = [a.kind for a in database.read(lambda db: history(db=db))]
    assert kinds == [ActionKind.REMOVE, ActionKind.MERGE]

    database.write(lambda db: undo_last(db=db, actor="Karin", at=AT))
    back = next(t for t in shown_now(database, sessions).themes if t.id == absorbed)
    assert taken_out not in back.contributions  # as it was before the merge


def test_a_rejected_theme_is_hidden_and_its_contributions_are_free(database: Database) -> None:
    sessions, truth = two_evenings(database)
    shown = themes_now(database, sessions)
    noise = theme_about(shown, truth, "geluid")
    do(database, act.reject_theme, key=noise)
    after = database.read(lambda db: stored_report(db=db, session_ids=sessions))
    assert after is not None
    assert noise not in {t.id for t in after.themes}
    members = next(t.contributions for t in shown.themes if t.id == noise)
    assert set(members) <= set(after.unassigned)


def test_without_the_meaning_model_an_unsaved_run_stores_nothing_and_finds_the_same_themes(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialoog_tui.services.themes import unsaved_report
    from dialoog_tui.store.themes.runs import latest_run

    # The live panel's fallback where the model cannot be loaded: words alone, every time.
    monkeypatch.setattr("dialoog_tui.core.themes.meaning.available", lambda: False)
    monkeypatch.setattr("dialoog_tui.services.themes.available", lambda: False)
    sessions, truth = two_evenings(database)
    unsaved = unsaved_report(database, sessions, all_sessions=True)
    assert database.read(lambda db: latest_run(db=db)) is None  # only read
    saved = themes_now(database, sessions)
    assert [t.id for t in unsaved.themes] == [t.id for t in saved.themes]
    trees = theme_about(saved, truth, "bomen")
    do(database, act.rename_theme, key=trees, name="Bomen op het plein")
    newer = log(database, sessions[0], "Anna", Kind.REMARK, SAME_THING_IN_OTHER_WORDS[0])
    live = unsaved_report(database, sessions, all_sessions=True)
    assert next(t for t in live.themes if t.id == trees).name == "Bomen op het plein"
    assert any(newer.id in t.contributions for t in live.themes) or newer.id in live.unassigned
    stored = database.read(lambda db: stored_report(db=db, session_ids=sessions))
    assert stored is not None and stored.run.id == saved.run.id  # still the saved run
