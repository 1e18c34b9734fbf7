"""The search index on both backends: kept up to date by every log and edit, read through
the consent gate (issue 23)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.search import parse_query
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.services.search import Filters, search
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.search import Within, search_ids

AT = datetime(2026, 12, 7, 19, 30, tzinfo=UTC)


def found(database: Database, query: str, within: Within | None = None) -> list[int]:
    where = within or Within()
    return [
        cid
        for cid, _ in database.read(
            lambda db: search_ids(db.connection(), parse_query(query), where, limit=50)
        )
    ]


def say(
    database: Database, session_id: int, text: str, *, who: str = "Anna", **extra: object
) -> int:
    logged = contributions.log_entry(
        database,
        session_id=session_id,
        speaker=Speaker(new_name=who, domain="inwoner"),
        kind=Kind.REMARK,
        text=text,
        at=AT + timedelta(minutes=len(text)),
        **extra,  # type: ignore[arg-type]
    )
    return logged.contribution.id


@pytest.fixture
def evening(database: Database) -> tuple[int, int]:
    first = database.write(lambda db: sessions.create_session(db=db, title="Bibliotheek"))
    second = database.write(lambda db: sessions.create_session(db=db, title="Verkeer"))
    return first.id, second.id


def test_every_way_of_logging_is_found_at_once(
    database: Database, evening: tuple[int, int]
) -> None:
    library, traffic = evening
    typed = say(database, library, "De bibliotheek gaat te vroeg dicht")  # capture's fast path
    full = database.write(
        lambda db: contributions.log_contribution(
            db=db,
            session_id=traffic,
            speaker=Speaker(new_name="Bas", domain="ondernemer"),
            kind=Kind.RESISTANCE,
            text="Zonder parkeerplaatsen gaat mijn winkel dicht",
            at=AT,
        )
    ).contribution.id
    assert found(database, "dicht") == [full, typed] or found(database, "dicht") == [typed, full]
    assert found(database, "parkeer") == [full]
    assert found(database, "bibliotheken") == [typed]
    assert found(database, "dicht", Within(session_ids=[library])) == [typed]
    assert found(database, "dicht", Within(kinds=["resistance"])) == [full]


def test_an_edit_is_found_by_its_new_words_only(
    database: Database, evening: tuple[int, int]
) -> None:
    library, _ = evening
    cid = say(database, library, "De bieb is te klein")
    database.write(
        lambda db: contributions.edit_contribution(
            db=db,
            contribution_id=cid,
            speaker=Speaker(new_name="Anna", domain="inwoner"),
            kind=Kind.REMARK,
            text="De leeszaal is te klein",
        )
    )
    assert found(database, "bieb") == []
    assert found(database, "leeszaal") == [cid]


def test_removed_and_off_record_are_not_found_and_come_back_with_an_undo(
    database: Database, evening: tuple[int, int]
) -> None:
    library, _ = evening
    cid = say(database, library, "De kinderhoek moet blijven")
    database.write(lambda db: contributions.remove_contribution(db=db, contribution_id=cid))
    assert found(database, "kinderhoek") == []
    database.write(lambda db: contributions.restore_contribution(db=db, contribution_id=cid))
    assert found(database, "kinderhoek") == [cid]
    database.write(
        lambda db: contributions.set_consent(db=db, contribution_id=cid, consent=Consent.OFF_RECORD)
    )
    assert found(database, "kinderhoek") == []


def test_a_paraphrase_only_contribution_is_found_by_its_paraphrase_never_by_its_words(
    database: Database, evening: tuple[int, int]
) -> None:
    library, _ = evening
    cid = say(database, library, "Die wethouder liegt over de sluiting")
    database.write(
        lambda db: contributions.set_paraphrase(
            db=db, contribution_id=cid, paraphrase="Twijfel aan de uitleg over de sluiting"
        )
    )
    assert found(database, "wethouder") == []
    assert found(database, "twijfel") == [cid]
    shown = search(database, "sluiting")
    assert [hit.text for hit in shown.hits] == ["Twijfel aan de uitleg over de sluiting"]
    assert shown.hits[0].found and "wethouder" not in repr(shown)


def test_a_deleted_session_is_not_searched(database: Database, evening: tuple[int, int]) -> None:
    library, traffic = evening
    say(database, library, "Meer boeken voor jongeren")
    kept = say(database, traffic, "Meer fietsen voor jongeren")
    database.write(lambda db: sessions.delete_session(db, library))
    assert found(database, "jongeren") == [kept]


def test_the_service_limits_by_speaker_and_domain_and_hides_an_anonymous_speaker(
    database: Database, evening: tuple[int, int]
) -> None:
    library, traffic = evening
    say(database, library, "Langere openingstijden graag", who="Anna")
    say(database, traffic, "Langere groene golf", who="Bas", consent=Consent.ANONYMOUS)
    by_anna = search(database, "langere", Filters(speaker="an"))
    assert [hit.speaker for hit in by_anna.hits] == ["Anna"]
    by_domain_beginning = search(database, "langere", Filters(domain="inw"))
    assert [hit.speaker for hit in by_domain_beginning.hits] == ["Anna"]
    both = search(database, "langere")
    assert sorted(hit.text for hit in both.hits) == [
        "Langere groene golf",
        "Langere openingstijden graag",
    ]
    anonymous = next(hit for hit in both.hits if hit.session_id == traffic)
    assert anonymous.speaker is None and anonymous.anonymous and anonymous.domain is None
    # Found by domain, an anonymous contribution would say where its speaker stands.
    by_domain = search(database, "langere", Filters(domain="Inwoner"))
    assert [hit.text for hit in by_domain.hits] == ["Langere openingstijden graag"]
    # Looking for what Bas said does not find what he said anonymously: that would name him.
    assert search(database, "langere", Filters(speaker="bas")).hits == ()
    limited = search(database, "langere", limit=1)
    assert len(limited.hits) == 1 and limited.more
    assert search(database, "langere", Filters(sessions=["verkeer"])).hits[0].session_id == traffic


def test_a_very_long_contribution_is_stored_and_found_by_its_beginning(
    database: Database, evening: tuple[int, int]
) -> None:
    """A PostgreSQL tsvector holds 1 MB: 120,000 different words would not fit."""
    library, _ = evening
    text = "Openingstijden " + " ".join(f"woord{n}" for n in range(120_000))
    cid = say(database, library, text)
    assert found(database, "openingstijden") == [cid]
    assert found(database, "woord5") == [cid]


def test_a_contribution_in_another_script_is_found(
    database: Database, evening: tuple[int, int]
) -> None:
    library, _ = evening
    cid = say(database, library, "Библиотека должна работать дольше")
    assert found(database, "библиотека") == [cid]
    assert found(database, '"работать дольше"') == [cid]


def test_postgresql_takes_each_contribution_into_its_search_index_at_once(
    database: Database,
) -> None:
    # GIN's pending list would make every search read all that waits in it (0012_search_gin).
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's FTS5 index has no pending list")
    options = database.read(
        lambda db: (
            db.connection()
            .execute(
                text(
                    "SELECT c.relname, c.reloptions FROM pg_class c"
                    " WHERE c.relname LIKE 'ix_search_%' AND c.relnamespace = CAST("
                    " current_schema() AS regnamespace)"
                )
            )
            .all()
        )
    )
    assert dict(options) == {
        "ix_search_text_words": ["fastupdate=off"],
        "ix_search_para_words": ["fastupdate=off"],
    }


def test_a_postgresql_search_leaves_the_planner_as_it_found_it(database: Database) -> None:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("the join methods are PostgreSQL's")

    def search_then_settings(db: object) -> list[str]:
        connection = db.connection()  # type: ignore[attr-defined]
        connection.execute(text("SET enable_mergejoin = off"))  # someone's own setting
        search_ids(connection, parse_query("bibliotheek"), Within(), limit=5)
        return list(
            connection.execute(
                text(
                    "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin')"
                )
            ).one()
        )

    assert database.read(search_then_settings) == ["on", "off"]


def test_a_named_contribution_is_found_by_its_words_not_by_its_paraphrase(
    database: Database, evening: tuple[int, int]
) -> None:
    library, _ = evening
    cid = say(
        database,
        library,
        "De bieb moet langer open",
        paraphrase="openingstijden uitbreiden",
        consent=Consent.NAMED,
    )
    assert found(database, "bieb") == [cid]
    assert found(database, "openingstijden") == []
