"""Kept meaning vectors: a contribution's vector is computed once (`core.themes.meaning`)
and kept here, as float16, until the text the engine reads of it changes.

float16 halves the space of float32 (1 KiB a contribution at 512 dimensions) and keeps about
three significant digits: more than the similarities the engine compares need. The engine
reads vectors only as they come back from here (`as_kept`), so that a run on fresh vectors
and one on kept vectors see the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from dialoog_tui.store.schema.tables import ContributionMeaningRow, ContributionRow

CHUNK = 900
"""Ids per query (SQLite allows 999 parameters)."""


def to_bytes(vector: Any) -> bytes:
    """A vector as stored: float16, little-endian."""
    import numpy as np

    return np.asarray(vector, dtype="<f2").tobytes()


def from_bytes(stored: bytes) -> Any:
    """A stored vector, as it was stored (float16: at 100,000 contributions, float32 copies
    would take 200 MB more while a run needs its memory for the words)."""
    import numpy as np

    return np.frombuffer(stored, dtype="<f2")


def as_kept(vector: Any) -> Any:
    """`vector` as it reads back once kept."""
    return from_bytes(to_bytes(vector))


def kept_meanings(*, db: Session, keys: Mapping[int, str]) -> dict[int, Any]:
    """The kept vectors of these contributions whose key is still the one given (contribution
    id → key); the others need computing again."""
    found: dict[int, Any] = {}
    ids = sorted(keys)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = db.connection().execute(
            select_columns(
                col(ContributionMeaningRow.contribution_id),
                col(ContributionMeaningRow.key),
                col(ContributionMeaningRow.vector),
            ).where(col(ContributionMeaningRow.contribution_id).in_(chunk))
        )
        for contribution_id, key, vector in rows:
            if keys[contribution_id] == key:
                found[contribution_id] = from_bytes(vector)
    return found


def session_meanings(*, db: Session, session_id: int) -> dict[int, tuple[str, Any]]:
    """Every kept vector of a session's contributions, with its key."""
    rows = db.connection().execute(
        select_columns(
            col(ContributionMeaningRow.contribution_id),
            col(ContributionMeaningRow.key),
            col(ContributionMeaningRow.vector),
        )
        .join(
            ContributionRow, col(ContributionRow.id) == col(ContributionMeaningRow.contribution_id)
        )
        .where(col(ContributionRow.session_id) == session_id)
    )
    return {cid: (key, from_bytes(vector)) for cid, key, vector in rows}


def keep_meanings(*, db: Session, vectors: Mapping[int, tuple[str, Any]]) -> None:
    """Keep these vectors (contribution id → (key, vector)), replacing older ones; those of
    contributions gone meanwhile (their session deleted) are dropped."""
    wanted = sorted(vectors)
    present: list[int] = []
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        found = db.exec(select(ContributionRow.id).where(col(ContributionRow.id).in_(chunk)))
        present += [i for i in found if i is not None]
        db.exec(
            delete(ContributionMeaningRow).where(
                col(ContributionMeaningRow.contribution_id).in_(chunk)
            )
        )
    if present:
        db.exec(
            insert(ContributionMeaningRow),
            params=[
                {"contribution_id": i, "key": vectors[i][0], "vector": to_bytes(vectors[i][1])}
                for i in present
            ],
        )
