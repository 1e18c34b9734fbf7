"""Theme runs in the store: what the engine reads, what is kept, on each backend."""

from __future__ import annotations

from datetime import datetime, timedelta

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.themes.run import find_themes, report
from dialoog_tui.store import contributions
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.themes.runs import (
    all_session_ids,
    latest_run,
    save_run,
    session_titles,
    theme_inputs,
)

from ..core.themes_fixtures import DUTCH
from .writing import AT, log, start

PEOPLE = (("Anna", "inw"), ("Piet", "ond"), ("Karin", "over"))


def _session(database: Database, title: str) -> int:
    return start(database, title, PEOPLE)


def _log(
    database: Database,
    session_id: int,
    text: str,
    *,
    name: str = "Anna",
    consent: Consent | None = None,
    ladder: Ladder | None = None,
    tags: tuple[str, ...] = (),
) -> int:
    return log(database, session_id, name, Kind.REMARK, text, ladder, consent, tags).id


def _series(database: Database) -> tuple[list[int], dict[int, str]]:
    """Three sessions holding the Dutch fixture, round robin."""
    sessions = [_session(database, f"Avond {n}") for n in (1, 2, 3)]
    truth = {}
    for topic, texts in DUTCH.items():
        for position, text in enumerate(texts):
            cid = _log(database, sessions[position % 3], text, name=PEOPLE[position % 3][0])
            truth[cid] = topic
    return sessions, truth


def test_inputs_carry_speaker_domain_ladder_and_leave_out_off_record(database: Database) -> None:
    started = utc_now()
    session = _session(database, "Avond")
    kept = _log(
        database,
        session,
        "Geen garage onder het plein",
        ladder=Ladder(interests=("bereikbaarheid",), values=("leefbaarheid",)),
        tags=("verkeer",),
    )
    _log(database, session, "Dit is geheim", name="Piet", consent=Consent.OFF_RECORD)
    removed = _log(database, session, "Weggehaald", name="Karin")
    database.write(lambda db: contributions.remove_contribution(db=db, contribution_id=removed))

    (item,) = database.read(lambda db: theme_inputs(db=db, session_ids=[session]))
    assert item.contribution_id == kept
    assert (item.speaker, item.domain, item.session_id) == ("Anna", "inwoner", session)
    assert item.interests == ("bereikbaarheid",)
    assert item.values == ("leefbaarheid",)
    assert item.tags == ("verkeer",)
    # When it was stored: what decides whether it is new to a curated theme.
    assert item.created_at is not None and started <= item.created_at <= utc_now()


def test_a_run_is_stored_and_read_back_unchanged(database: Database) -> None:
    sessions, _ = _series(database)
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    found = find_themes(inputs)
    assert found.themes
    saved = database.write(
        lambda db: save_run(db=db, found=found, session_ids=sessions, all_sessions=True, at=AT)
    )
    loaded = database.read(lambda db: latest_run(db=db, session_ids=sessions[:1]))
    assert loaded is not None
    assert loaded.id == saved.id
    assert loaded.session_ids == tuple(sorted(sessions))
    assert loaded.all_sessions
    assert loaded.at == AT
    assert [t.id for t in loaded.found.themes] == [t.id for t in found.themes]
    assert [t.members for t in loaded.found.themes] == [t.members for t in found.themes]
    assert [t.label for t in loaded.found.themes] == [t.label for t in found.themes]
    assert loaded.found.unassigned == found.unassigned
    assert dict(loaded.found.method) == dict(found.method)


def test_a_new_run_over_the_same_sessions_replaces_the_old(database: Database) -> None:
    sessions, _ = _series(database)
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    found = find_themes(inputs)

    def save(at: datetime, scope: list[int]):  # type: ignore[no-untyped-def]
        return database.write(
            lambda db: save_run(db=db, found=found, session_ids=scope, all_sessions=False, at=at)
        )

    first = save(AT, sessions)
    partial = save(AT + timedelta(minutes=1), sessions[:1])
    second = save(AT + timedelta(minutes=2), sessions)
    latest_all = database.read(lambda db: latest_run(db=db, session_ids=sessions))
    latest_one = database.read(lambda db: latest_run(db=db, session_ids=sessions[:1]))
    assert latest_all is not None and latest_one is not None
    assert latest_all.at == second.at and latest_one.at == second.at
    assert partial.id != second.id
    # The first run is gone with its themes; the partial one (other sessions) is kept.
    from sqlmodel import func, select

    from dialoog_tui.store.schema.tables import ThemeRow, ThemeRunRow

    runs = database.read(lambda db: db.exec(select(func.count()).select_from(ThemeRunRow)).one())
    themes = database.read(lambda db: db.exec(select(func.count()).select_from(ThemeRow)).one())
    assert runs == 2
    assert themes == 2 * len(found.themes)
    assert first.at != second.at


def test_a_report_follows_consent_and_removal_since_the_run(database: Database) -> None:
    sessions, _ = _series(database)
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    run = database.write(
        lambda db: save_run(
            db=db, found=find_themes(inputs), session_ids=sessions, all_sessions=True, at=AT
        )
    )
    theme = run.found.themes[0]
    hidden, removed = theme.members[0], theme.members[1]
    database.write(
        lambda db: contributions.set_consent(
            db=db, contribution_id=hidden, consent=Consent.OFF_RECORD
        )
    )
    database.write(lambda db: contributions.remove_contribution(db=db, contribution_id=removed))

    current = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    titles = database.read(lambda db: session_titles(db=db, session_ids=sessions))
    result = report(run, current, titles)
    summary = next(s for s in result.themes if s.id == theme.id)
    assert hidden not in summary.contributions and removed not in summary.contributions
    assert all(q.contribution_id not in (hidden, removed) for q in summary.quotes)
    assert summary.size == len(theme.members) - 2
    assert set(titles.values()) == {"Avond 1", "Avond 2", "Avond 3"}


def test_a_report_tells_contributions_logged_since_the_run_apart(database: Database) -> None:
    sessions, _ = _series(database)
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    found = find_themes(inputs)
    run = database.write(
        lambda db: save_run(db=db, found=found, session_ids=sessions, all_sessions=True, at=AT)
    )
    newer = _log(database, sessions[0], "Nog meer over de parkeerdruk in de straat")
    current = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    result = report(run, current, {})
    assert result.unclustered == (newer,)
    assert set(result.unassigned) == {*found.unassigned, newer}  # what fits no theme, and it


def test_no_runs_yet(database: Database) -> None:
    assert database.read(lambda db: latest_run(db=db)) is None
    assert database.read(lambda db: all_session_ids(db=db)) == []
