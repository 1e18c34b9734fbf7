"""Running the Alembic migrations that ship inside the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent.parent / "migrations"


def alembic_config(connection: Any = None) -> Any:
    """An Alembic Config pointing at the packaged scripts (no alembic.ini needed)."""
    from alembic.config import Config  # heavy; only needed when the schema changes

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def script_heads() -> tuple[str, ...]:
    """The head revisions of the packaged scripts (used by tests and tooling)."""
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())
