"""Meaning vectors kept once per text, and the live panel placing what is new in them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.core.themes import meaning
from dialoog_tui.services.live_themes import session_view
from dialoog_tui.services.meanings import meanings_of
from dialoog_tui.store import contributions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import list_session_participants
from dialoog_tui.store.themes.runs import all_session_ids, latest_run, theme_inputs

from ..core.themes_fixtures import DUTCH
from .writing import log, start

PEOPLE = (("Anna", "inw"), ("Piet", "ond"), ("Karin", "over"))


def series(database: Database) -> tuple[list[int], dict[int, str]]:
    """Three sessions holding the Dutch fixture, round robin."""
    sessions = [start(database, f"Avond {n}", PEOPLE) for n in (1, 2, 3)]
    truth = {}
    for topic, texts in DUTCH.items():
        for position, text in enumerate(texts):
            name = PEOPLE[position % 3][0]
            truth[log(database, sessions[position % 3], name, Kind.REMARK, text).id] = topic
    return sessions, truth


@pytest.fixture
def encoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the model is asked to encode, in order."""
    texts: list[str] = []
    real = meaning.encode

    def counting(batch: Any, **options: Any) -> Any:
        texts.extend(batch)
        return real(batch, **options)

    monkeypatch.setattr(meaning, "encode", counting)
    return texts


def test_a_vector_is_computed_once_and_again_when_its_text_changes(
    database: Database, encoded: list[str]
) -> None:
    sessions, _ = series(database)
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    first = meanings_of(database, inputs)
    assert first is not None and len(encoded) == len(inputs) == len(first)
    assert all(vector.dtype == np.float16 and vector.shape == (512,) for vector in first.values())
    again = meanings_of(database, inputs)
    assert again is not None and len(encoded) == len(inputs)  # kept: nothing computed
    assert all(np.array_equal(first[cid], again[cid]) for cid in first)

    changed = inputs[0].contribution_id
    text = "Het plein heeft een openbaar toilet nodig."

    def edit(db):  # type: ignore[no-untyped-def]
        row = contributions.get_contribution(db=db, contribution_id=changed)
        person = list_session_participants(db=db, session_id=row.session_id)[0]
        contributions.edit_contribution(
            db=db,
            contribution_id=changed,
            speaker=Speaker(participant=person),
            kind=Kind.REMARK,
            text=text,
        )

    database.write(edit)
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=sessions))
    after = meanings_of(database, inputs)
    assert encoded[len(first) :] == [text]
    assert after is not None and not np.array_equal(after[changed], first[changed])
    fresh = meaning.encode([text])[0].astype(np.float16)
    assert np.array_equal(after[changed], fresh)


def test_the_live_panel_places_new_contributions_without_a_new_run(database: Database) -> None:
    sessions, _ = series(database)
    opened = session_view(database, sessions[0], opening=True)
    run = database.read(lambda db: latest_run(db=db, session_ids=all_session_ids(db=db)))
    assert run is not None and opened.themes and opened.new == 0
    parking = next(t for t in opened.themes if "park" in t.title)

    log(
        database,
        sessions[0],
        "Anna",
        Kind.REMARK,
        "Er zijn te weinig parkeerplaatsen voor bewoners bij het plein.",
    )
    log(
        database,
        sessions[0],
        "Piet",
        Kind.REMARK,
        "De bibliotheek zou op zondag open moeten zijn voor studenten.",
    )
    view = session_view(database, sessions[0])

    assert database.read(lambda db: latest_run(db=db, session_ids=all_session_ids(db=db))) == run
    here = {t.id: t.here for t in view.themes}
    assert here[parking.id] == parking.here + 1
    assert view.new == 1
