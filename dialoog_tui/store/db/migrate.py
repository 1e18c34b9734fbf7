"""Running the Alembic migrations that ship inside the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from dialoog_tui.errors import DatabaseUnusable

MIGRATIONS_DIR = Path(__file__).parent.parent / "migrations"


def alembic_config(connection: Any = None) -> Any:
    """An Alembic Config pointing at the packaged scripts (no alembic.ini needed)."""
    from alembic.config import Config  # heavy; only needed when the schema changes

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction.

    On SQLite the foreign keys are off meanwhile and checked before the commit, as SQLite
    prescribes for changing a table: a table is changed by building it anew and dropping the
    old one, and with the keys on, dropping a phase table would empty every contribution's
    phase (ON DELETE SET NULL) or refuse. The pragma is a no-op inside a transaction, so it
    is set on the driver's connection before SQLAlchemy begins one.
    """
    from alembic import command

    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        driver: Any = connection.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")


def _check_foreign_keys(connection: Any) -> None:
    """Refuse (roll back) a migration that left a row pointing at nothing."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, _rowid, parent, _key = broken[0]
        raise DatabaseUnusable(
            f"cannot bring the database up to date: {len(broken)} rows of {table} would point "
            f"at nothing in {parent}; it is left as it was"
        )


def script_heads() -> tuple[str, ...]:
    """The head revisions of the packaged scripts (used by tests and tooling)."""
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())
