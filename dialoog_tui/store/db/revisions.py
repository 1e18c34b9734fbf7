"""The schema revisions this version knows, oldest first.

Kept apart from Alembic so that start-up can compare a database's revision without importing
Alembic; a test checks this list against the migration scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_ladder",
    "0003_themes",
    "0004_curation",
    "0005_merged_into",
    "0006_paraphrase",
    "0007_meanings",
    "0008_corrections",
    "0009_client_keys",
    "0010_tables",
    "0011_search",
    "0012_search_gin",
    "0013_search_dutch_stems",
    "0014_contribution_changes",
    "0015_former_names",
    "0016_ids_never_reused",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
