"""Domains: the sectors participants speak from. Configurable per database."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from dialoog_tui.core.model import Domain
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store.schema.convert import to_domain
from dialoog_tui.store.schema.tables import DomainRow


def list_domains(*, db: Session) -> list[Domain]:
    """All domains in their configured order."""
    rows = db.exec(select(DomainRow).order_by(col(DomainRow.position), col(DomainRow.id))).all()
    return [to_domain(row) for row in rows]


def add_domain(*, db: Session, name: str) -> Domain:
    """Add a domain at the end of the list."""
    name = " ".join(name.split())
    if not name or "/" in name:
        raise InvalidInput("a domain needs a name without '/'")
    if db.exec(select(DomainRow).where(func.lower(DomainRow.name) == name.lower())).first():
        raise InvalidInput(f"the domain {name!r} already exists")
    last = db.exec(select(func.max(DomainRow.position))).one()
    row = DomainRow(name=name, position=(last if last is not None else -1) + 1)
    db.add(row)
    db.flush()
    return to_domain(row)


def domain_row_by_name(*, db: Session, name: str) -> DomainRow:
    """The row of the domain called `name` (exactly, ignoring case)."""
    row = db.exec(select(DomainRow).where(func.lower(DomainRow.name) == name.lower())).first()
    if row is None:
        raise InvalidInput(f"unknown domain {name!r}", key="error.unknown_domain", name=name)
    return row
