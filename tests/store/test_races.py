"""Things created by name stay one thing when several writers name them at once: a team's
note-takers and imports share one database (issue 22)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlmodel import func, select

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.services import imports
from dialoog_tui.services.imports import import_text
from dialoog_tui.store import contributions, phases, sessions
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.schema.tables import ContributionRow, ParticipantRow, PhaseRow, SessionRow

WRITERS = 3
ROUNDS = 4


def all_at_once(target: DatabaseTarget, work: Callable[[Database, int], object]) -> None:
    """`work(database, writer)` in `WRITERS` threads at once, each with its own connection
    pool, as separate note-takers' programs are."""
    databases = [open_database(target) for _ in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def run(writer: int) -> None:
        try:
            start.wait()
            work(databases[writer], writer)
        except BaseException as error:  # reported below, in the test's thread
            failures.append(error)

    threads = [threading.Thread(target=run, args=(w,), name=f"writer-{w}") for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for database in databases:
        database.close()
    assert not failures, failures


def test_parallel_imports_naming_one_new_session_create_it_once(
    database: Database, database_target: DatabaseTarget
) -> None:
    for round_ in range(ROUNDS):
        title = f"Tafelronde {round_}"

        def importing(db: Database, writer: int, title: str = title) -> None:
            lines = "\n".join(f"19:0{n} @Spreker{writer}/inwoner regel {n}" for n in range(3))
            import_text(db, lines, is_csv=False, session_key=title, fallback_title=title)

        all_at_once(database_target, importing)
        found = database.read(
            lambda db, title=title: db.exec(
                select(SessionRow.id).where(SessionRow.title == title)
            ).all()
        )
        assert len(found) == 1, f"round {round_}: {len(found)} sessions named {title!r}"
        stored = database.read(
            lambda db, session=found[0]: db.exec(
                select(func.count()).where(ContributionRow.session_id == session)
            ).one()
        )
        assert stored == WRITERS * 3


def test_one_new_speaker_named_at_two_tables_is_one_participant(
    database: Database, database_target: DatabaseTarget
) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))
    at = datetime(2026, 12, 6, 19, tzinfo=UTC)
    for round_ in range(ROUNDS):
        name = f"Nieuwkomer {round_}"

        def logging(db: Database, writer: int, name: str = name) -> None:
            contributions.log_entry(
                db,
                session_id=session.id,
                speaker=Speaker(new_name=name, domain="inwoner"),
                kind=Kind.REMARK,
                text=f"tafel {writer}",
                at=at,
            )

        all_at_once(database_target, logging)
        people = database.read(
            lambda db, name=name: db.exec(
                select(ParticipantRow.id).where(ParticipantRow.name == name)
            ).all()
        )
        assert len(people) == 1, f"round {round_}: {len(people)} participants named {name!r}"


def test_one_phase_named_at_two_tables_is_one_phase(
    database: Database, database_target: DatabaseTarget
) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))
    for round_ in range(ROUNDS):
        title = f"Ronde {round_}"

        def adding(db: Database, _writer: int, title: str = title) -> None:
            db.write(lambda s: phases.find_or_add_phase(db=s, session_id=session.id, title=title))

        all_at_once(database_target, adding)
        found = database.read(
            lambda db, title=title: db.exec(
                select(PhaseRow.id).where(PhaseRow.title == title)
            ).all()
        )
        assert len(found) == 1, f"round {round_}: {len(found)} phases named {title!r}"


def test_imports_that_look_before_the_first_one_commits_still_make_one_session(
    database: Database, database_target: DatabaseTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interleaving that doubled a session on PostgreSQL: every import looks for the
    session before any has created it, the first then creates and commits it, and the
    others only then create theirs (each under a slug of its own: `-2`, `-3`)."""
    looked = threading.Barrier(WRITERS)
    first_committed = threading.Event()
    leader: list[str] = []  # the writer that looked first
    guard = threading.Lock()
    look = imports.find_session_by_title

    def all_look_first(**kwargs: object) -> object:
        found = look(**kwargs)  # type: ignore[arg-type]
        me = threading.current_thread().name
        with guard:
            if not leader:
                leader.append(me)
            leading = leader[0] == me
        # Until all have looked; or a moment, when the leader holds the name and the others
        # wait for it at their claim (they look only after its commit, and find it).
        with contextlib.suppress(threading.BrokenBarrierError):
            looked.wait(timeout=0.5)
        if not leading:
            first_committed.wait(timeout=5)
        return found

    monkeypatch.setattr(imports, "find_session_by_title", all_look_first)
    title = "Tafelronde samen"

    def importing(db: Database, writer: int) -> None:
        lines = f"19:0{writer} @Spreker{writer}/inwoner regel van tafel {writer}"
        import_text(db, lines, is_csv=False, session_key=title, fallback_title=title)
        if leader and leader[0] == threading.current_thread().name:
            first_committed.set()

    all_at_once(database_target, importing)
    found = database.read(
        lambda db: db.exec(select(SessionRow.id).where(SessionRow.title == title)).all()
    )
    assert len(found) == 1, f"{len(found)} sessions named {title!r}"


def test_names_beyond_ascii_and_spacing_are_the_same_name(database: Database) -> None:
    # SQLite's lower() folds ASCII only: 'ÖZLEM' and 'Özlem' were two people, 'ÉÉN' and
    # 'Één' two tables.
    from dialoog_tui.store import tables

    session = database.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))
    at = datetime(2026, 12, 6, 19, tzinfo=UTC)
    for name in ("Özlem  Yıldız", "ÖZLEM Yıldız"):
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=name, domain="inwoner"),
            kind=Kind.REMARK,
            text="ik ook",
            at=at,
        )
    for name in ("Één", "ÉÉN"):
        database.write(
            lambda db, name=name: tables.take_seat(
                db=db, session_id=session.id, name=name, note_taker=None
            )
        )
    people = database.read(lambda db: db.exec(select(ParticipantRow.name)).all())
    assert people == ["Özlem  Yıldız"]
    seated = database.read(lambda db: tables.list_tables(db=db, session_id=session.id))
    assert [t.name for t in seated] == ["Één"]
