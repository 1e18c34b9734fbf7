"""Meaning vectors for the theme engine: kept ones read, missing ones computed and kept.

Computing happens outside any transaction (it takes a second per 2,000 contributions), and
each batch is kept in a short write transaction of its own: capture in another process
never waits more than a few milliseconds for it, and a run cut short keeps what it
computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dialoog_tui.core.themes import meaning
from dialoog_tui.core.themes.progress import Progress, Step
from dialoog_tui.core.themes.types import ThemeInput
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.themes.meanings import as_kept, keep_meanings, kept_meanings

BATCH = 1000
"""Contributions encoded, then kept, at a time."""


def meanings_of(
    database: Database, inputs: Sequence[ThemeInput], progress: Progress | None = None
) -> dict[int, Any] | None:
    """The meaning vector of each input (contribution id → vector), of the text the engine
    reads (through the consent gate: a paraphrase-only contribution by its paraphrase);
    None when the model cannot be loaded here (the engine then reads words alone)."""
    if not meaning.available():
        return None
    keys = {item.contribution_id: meaning.meaning_key(item.text) for item in inputs}
    found = database.read(lambda db: kept_meanings(db=db, keys=keys))
    missing = [item for item in inputs if item.contribution_id not in found]
    if missing and progress:
        progress(Step("understanding", len(missing)))
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors = meaning.encode([item.text for item in batch])
        computed = {
            item.contribution_id: (keys[item.contribution_id], as_kept(vector))
            for item, vector in zip(batch, vectors, strict=True)
        }
        _keep(database, computed)
        found.update((cid, vector) for cid, (_, vector) in computed.items())
    return found


def _keep(database: Database, vectors: dict[int, tuple[str, Any]]) -> None:
    database.write(lambda db: keep_meanings(db=db, vectors=vectors))
