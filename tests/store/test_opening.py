"""Opening databases: creation, migration, and refusing what is not ours, untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import dialoog_tui.store.schema.tables  # noqa: F401
from dialoog_tui.errors import DatabaseUnusable, NewerDatabase
from dialoog_tui.services.demo import load_demo
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.migrate import script_heads
from dialoog_tui.store.db.preflight import SchemaState, check_sqlite_file
from dialoog_tui.store.db.revisions import HEAD_REVISION, KNOWN_REVISIONS
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.records import load_session_record


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_migration_scripts() -> None:
    assert script_heads() == (HEAD_REVISION,)
    assert len(set(KNOWN_REVISIONS)) == len(KNOWN_REVISIONS)


def test_migrated_schema_matches_the_tables(database: Database) -> None:
    def modelled(name: str | None, kind: str, _parent: object) -> bool:
        # The search index is made per backend by its migration, not by a model: an FTS5
        # table (and the tables it keeps) on SQLite, a table with tsvectors on PostgreSQL.
        return not (kind == "table" and (name or "").startswith("contribution_search"))

    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": modelled}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_sqlite_is_in_wal_mode_with_foreign_keys(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL


def test_new_file_is_created_and_then_current(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert check_sqlite_file(path, create_folder=False) is SchemaState.MISSING
    open_database(resolve_target(str(path))).close()
    assert check_sqlite_file(path, create_folder=False) is SchemaState.CURRENT


def test_default_location_creates_its_folder(tmp_path: Path) -> None:
    target = resolve_target(None)
    assert target.is_default
    assert target.sqlite_path is not None
    assert str(target.sqlite_path).startswith(str(tmp_path))
    open_database(target).close()
    assert target.sqlite_path.exists()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"Dit is geen database\n" * 100)
    before = _digest(path)
    with pytest.raises(DatabaseUnusable, match="not an SQLite file"):
        open_database(resolve_target(str(path)))
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(DatabaseUnusable, match="not one of dialoog's"):
        open_database(resolve_target(str(path)))
    assert _digest(path) == before


def test_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(resolve_target(str(path))).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = _digest(path)
    with pytest.raises(NewerDatabase, match="newer version"):
        open_database(resolve_target(str(path)))
    assert _digest(path) == before


def test_a_folder_and_a_missing_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnusable, match="is a folder"):
        open_database(resolve_target(str(tmp_path)))
    with pytest.raises(DatabaseUnusable, match="does not exist"):
        open_database(resolve_target(str(tmp_path / "nope" / "x.sqlite3")))


def test_an_unwritable_place_is_refused() -> None:
    with pytest.raises(DatabaseUnusable):
        open_database(resolve_target("/proc/dialoog.sqlite3"))


def test_an_older_database_is_migrated_after_a_copy_aside(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from dialoog_tui.store import contributions
    from dialoog_tui.store.db.engine import make_engine
    from dialoog_tui.store.db.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    engine = make_engine(resolve_target(str(path)))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), KNOWN_REVISIONS[0])
        connection.execute(
            text(
                "INSERT INTO dialogue_session (slug, title, started_at, created_at) "
                "VALUES ('oud', 'Oud', '2026-01-01 19:00:00', '2026-01-01 19:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO contribution (session_id, seq, at, kind, text, tags, created_at) "
                "VALUES (1, 1, '2026-01-01 19:05:00', 'resistance', 'van toen', '[]', "
                "'2026-01-01 19:05:00')"
            )
        )
    engine.dispose()
    assert check_sqlite_file(path, create_folder=False) is SchemaState.OUTDATED
    database = open_database(resolve_target(str(path)))
    try:
        (kept,) = database.read(lambda db: contributions.session_contributions(db=db, session_id=1))
    finally:
        database.close()
    assert kept.text == "van toen"
    assert kept.consent.value == "named"
    assert (tmp_path / f"old.sqlite3.before-{HEAD_REVISION}").exists()
    assert check_sqlite_file(path, create_folder=False) is SchemaState.CURRENT


def test_refusing_a_database_leaves_no_side_files(tmp_path: Path) -> None:
    # A newer dialoog's database, closed cleanly in WAL mode: looking at it may not leave
    # the -wal and -shm files a reader of a WAL database would otherwise create.
    path = tmp_path / "future.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(NewerDatabase):
        open_database(resolve_target(str(path)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite3"]
    assert _digest(path) == before


def test_a_damaged_database_is_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kapot.sqlite3"
    open_database(resolve_target(str(path))).close()
    content = bytearray(path.read_bytes())
    content[100:] = b"\xff" * (len(content) - 100)  # the header survives, the rest does not
    path.write_bytes(bytes(content))
    with pytest.raises(DatabaseUnusable, match="is damaged"):
        open_database(resolve_target(str(path)))


def test_damage_found_while_reading_is_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kapot.sqlite3"
    database = open_database(resolve_target(str(path)))
    database.write(lambda db: load_demo(db=db))
    database.close()
    connection = sqlite3.connect(path)
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'contribution'"
    ).fetchone()
    (size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    content = bytearray(path.read_bytes())
    start = (root - 1) * size  # the schema and the version stay readable; the table does not
    content[start : start + 8] = b"\x99" * 8
    path.write_bytes(bytes(content))
    database = open_database(resolve_target(str(path)))
    try:
        with pytest.raises(DatabaseUnusable, match="is damaged"):
            database.read(lambda db: load_session_record(db=db, session_id=2))
    finally:
        database.close()


def test_a_read_only_file_system_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dialoog.sqlite3"
    open_database(resolve_target(str(path))).close()
    mounted = os.statvfs(tmp_path)
    read_only = SimpleNamespace(f_flag=mounted.f_flag | os.ST_RDONLY)
    monkeypatch.setattr(os, "statvfs", lambda _path: read_only)
    with pytest.raises(DatabaseUnusable, match="read-only file system"):
        open_database(resolve_target(str(path)))
    with pytest.raises(DatabaseUnusable, match="read-only file system"):
        open_database(resolve_target(str(tmp_path / "new.sqlite3")))


def test_adding_tables_to_a_database_in_use_keeps_everything_that_hangs_on_contributions(
    tmp_path: Path,
) -> None:
    """Migration 0010 adds a column with a foreign key to `contribution`. Done as a copy of
    the table, SQLite with foreign keys on deleted the ladder, ledger and revisions of every
    contribution, or failed on a reply."""
    from alembic import command
    from sqlalchemy import text

    from dialoog_tui.store.db.engine import make_engine
    from dialoog_tui.store.db.migrate import alembic_config

    path = tmp_path / "in-use.sqlite3"
    engine = make_engine(resolve_target(str(path)))
    at = "'2026-01-01 19:05:00'"
    rows = {
        "dialogue_session": "(slug, title, started_at, created_at) VALUES ('oud', 'Oud', {at}, {at})",
        "contribution": "(session_id, seq, at, kind, text, tags, created_at, consent) VALUES "
        "(1, 1, {at}, 'resistance', 'eerst', '[]', {at}, 'named')",
        "vocab_term": "(kind, name, key, created_at) VALUES ('interest', 'rust', 'rust', {at})",
        "contribution_term": "(contribution_id, term_id, position) VALUES (1, 1, 0)",
        "commitment": "(contribution_id, owner) VALUES (1, 'Gemeente')",
        "contribution_revision": "(contribution_id, replaced_at, kind, text, tags) "
        "VALUES (1, {at}, 'remark', 'eerder', '[]')",
    }
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0009_client_keys")
        for table, values in rows.items():
            connection.execute(text(f"INSERT INTO {table} {values.format(at=at)}"))
        connection.execute(
            text(
                "INSERT INTO contribution (session_id, seq, at, kind, text, tags, created_at, "
                f"consent, reply_to_id) VALUES (1, 2, {at}, 'remark', 'antwoord', '[]', {at}, "
                "'named', 1)"
            )
        )
        before = {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in rows
        }
    engine.dispose()
    database = open_database(resolve_target(str(path)))
    try:
        with database.engine.connect() as connection:
            counts = {
                table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in rows
            }
            broken = connection.execute(text("PRAGMA foreign_key_check")).all()
    finally:
        database.close()
    assert counts == before
    assert before["contribution"] == 2 and before["contribution_term"] == 1
    assert broken == []


def test_contributions_stored_before_search_existed_are_found_after_the_migration(
    tmp_path: Path,
) -> None:
    from alembic import command
    from sqlalchemy import text

    from dialoog_tui.services.search import search
    from dialoog_tui.store.db.engine import make_engine
    from dialoog_tui.store.db.migrate import alembic_config

    path = tmp_path / "before-search.sqlite3"
    engine = make_engine(resolve_target(str(path)))
    at = "'2026-01-01 19:05:00'"
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0010_tables")
        connection.execute(
            text(
                "INSERT INTO dialogue_session (slug, title, started_at, created_at) "
                f"VALUES ('oud', 'Oud', {at}, {at})"
            )
        )
        for seq, text_, consent, paraphrase in (
            (1, "De bibliotheken sluiten te vroeg", "named", None),
            (2, "Geheim: de bibliotheek verhuist", "off_record", None),
            (3, "De bibliotheek is een huiskamer", "paraphrase", "Een plek om te zijn"),
        ):
            connection.execute(
                text(
                    "INSERT INTO contribution (session_id, seq, at, kind, text, tags, "
                    "created_at, consent, paraphrase) VALUES "
                    f"(1, {seq}, {at}, 'remark', :text, '[]', {at}, :consent, :paraphrase)"
                ),
                {"text": text_, "consent": consent, "paraphrase": paraphrase},
            )
    engine.dispose()
    database = open_database(resolve_target(str(path)))
    try:
        assert [hit.seq for hit in search(database, "bibliotheek").hits] == [1]
        assert [hit.seq for hit in search(database, "plek").hits] == [3]
    finally:
        database.close()


def test_rebuilding_the_phase_and_participant_tables_keeps_every_link(tmp_path: Path) -> None:
    # 0016 builds both tables anew; were the foreign keys on meanwhile, dropping the old
    # ones would have emptied every contribution's phase and speaker (ON DELETE SET NULL).
    from alembic import command
    from sqlalchemy import text

    from dialoog_tui.store.db.engine import make_engine
    from dialoog_tui.store.db.migrate import alembic_config

    path = tmp_path / "before-0016.sqlite3"
    engine = make_engine(resolve_target(str(path)))
    at = "'2026-01-01 19:05:00'"
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0015_former_names")
        for statement in (
            "INSERT INTO dialogue_session (slug, title, started_at, created_at) "
            f"VALUES ('oud', 'Oud', {at}, {at})",
            f"INSERT INTO phase (session_id, position, title, created_at) VALUES (1, 1, 'A', {at})",
            f"INSERT INTO phase (session_id, position, title, created_at) VALUES (1, 2, 'B', {at})",
            f"INSERT INTO participant (name, created_at) VALUES ('Anna', {at})",
            f"INSERT INTO participant (name, created_at) VALUES ('Bram', {at})",
            f"INSERT INTO participant (name, created_at) VALUES ('Cor', {at})",
            "INSERT INTO contribution (session_id, seq, at, kind, text, tags, created_at, "
            f"consent, phase_id, participant_id) VALUES (1, 1, {at}, 'remark', 'x', '[]', {at}, "
            "'named', 2, 2)",
        ):
            connection.execute(text(statement))
    engine.dispose()
    database = open_database(resolve_target(str(path)))
    try:
        with database.engine.begin() as connection:
            sql = connection.exec_driver_sql
            assert sql("SELECT phase_id, participant_id FROM contribution").all() == [(2, 2)]
            assert sql("PRAGMA foreign_key_check").all() == []
            assert sql("PRAGMA foreign_keys").scalar() == 1
            sql("DELETE FROM participant WHERE id = 3")  # the newest: its number stays gone
            sql(f"INSERT INTO participant (name, created_at) VALUES ('Dirk', {at})")
            assert sql("SELECT id FROM participant WHERE name = 'Dirk'").scalar() == 4
    finally:
        database.close()


def test_a_server_that_does_not_answer_is_away_and_said_in_the_reader_s_language() -> None:
    from dialoog_tui.errors import DatabaseAway
    from dialoog_tui.i18n import Translator

    # Nothing listens on port 1: the connection is refused, as when the server is down.
    target = resolve_target("postgresql://nobody@127.0.0.1:1/dialoog")
    with pytest.raises(DatabaseAway) as refused:
        open_database(target)
    said = Translator("nl").explain(refused.value)
    assert said == (
        "postgresql://127.0.0.1:1/dialoog is niet bereikbaar; probeer het opnieuw "
        "zodra de server weer antwoordt"
    )


def test_a_theme_run_that_failed_keeps_what_says_it_in_the_reader_s_language() -> None:
    from dialoog_tui.errors import DatabaseAway
    from dialoog_tui.i18n import Translator
    from dialoog_tui.services.theme_worker import Failed, event_line, read_event
    from dialoog_tui.tui.themes.runner import ThemeRunFailed

    away = DatabaseAway("x cannot be reached", key="error.database_away", database="x")
    sent = Failed(str(away), away.key, {name: str(v) for name, v in away.values.items()})
    got = read_event(event_line(sent))
    assert got == sent
    assert isinstance(got, Failed)
    failed = ThemeRunFailed(got.message, got.key, got.values)
    assert Translator("nl").explain(failed).startswith("x is niet bereikbaar")
