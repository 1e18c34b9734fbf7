"""The first look reads, with the sqlite3 driver alone, exactly what the store's load reads."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import CommitmentTerms, NewSession
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.services import capture
from dialoog_tui.services.first_look import first_counts, first_look
from dialoog_tui.services.sessions import start_session
from dialoog_tui.store.contributions import log_entry
from dialoog_tui.store.db.database import open_database
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.participants import list_session_participants
from tests.store.writing import AT


def test_the_first_look_equals_the_full_load(tmp_path: Path) -> None:
    target = resolve_target(str(tmp_path / "look.sqlite3"))
    database = open_database(target)
    new = NewSession(
        "Groen plan",
        question="Waar komen de bomen?",
        participants=(("Anna", "inw"), ("Piet", "over")),
        phases=("Opening", "Ideeën"),
    )
    session_id = database.write(lambda db: start_session(db=db, new=new))
    anna, piet = database.read(lambda db: list_session_participants(db=db, session_id=session_id))
    said = []
    for n, (who, kind, text) in enumerate(
        [
            (anna, Kind.REMARK, "meer bomen"),
            (piet, Kind.RESISTANCE, "geen geld"),
            (None, Kind.QUESTION, "wanneer?"),
            (piet, Kind.COMMITMENT, "we rekenen het door"),
            (anna, Kind.REMARK, "weg ermee"),
        ]
    ):
        said.append(
            log_entry(
                database,
                session_id=session_id,
                speaker=Speaker(participant=who) if who else Speaker(),
                kind=kind,
                text=text,
                at=AT,
                tags=("groen", f"t{n}"),
                reply_to_id=said[0].contribution.id if said else None,
                ladder=Ladder(("budget",), ("zuinigheid",), "als het past")
                if kind is Kind.RESISTANCE
                else None,
                consent=Consent.PARAPHRASE if n == 2 else None,
                paraphrase="een vraag over de planning" if n == 2 else None,
                commitment=CommitmentTerms("Karin", date(2027, 1, 15)),
                recorded_by="Marieke",
            )
        )
    capture.remove(database, said[-1].contribution.id)
    full = capture.load(database, session_id, page_size=3)
    database.close()

    seen = first_look(target, "groen-plan", page_size=3)
    assert seen is not None
    assert seen.latest == full.latest
    assert seen.latest[0].interests == ("budget",) and seen.latest[2].owner == "Karin"
    assert (seen.session, seen.phases, seen.has_older) == (full.session, full.phases, True)
    assert seen.session_participants == full.session_participants
    assert dict(first_counts(target, session_id) or {}) == full.counts
    assert seen.domains == [d.name for d in full.domains]
    assert first_look(target, str(session_id), page_size=200) is not None
    assert first_look(target, "nergens", page_size=200) is None
    assert first_look(resolve_target(str(tmp_path / "none.sqlite3")), 1, page_size=5) is None
    assert first_counts(resolve_target(str(tmp_path / "none.sqlite3")), 1) is None


def test_the_first_look_loads_no_sqlalchemy() -> None:
    probe = (
        "import sys; import dialoog_tui.services.first_look;"
        " print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'sqlmodel'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert loaded.stdout.strip() == "[]", loaded.stderr
