"""Claiming a name before creating what it names, so that writers who name the same new thing
at once (note-takers at two tables, parallel imports) create it once.

A unique constraint cannot say it for us: two people called Anna may really be two people,
and a phase's title is no key. So whoever creates something by name first claims the name
for the rest of its transaction, then looks again and creates only what is still missing:

- PostgreSQL: a transaction-level advisory lock on a number made of the name. A second
  writer waits at the claim until the first commits; at read committed its next statement
  sees what the first created.
- SQLite: there is one writer at a time anyway, but a transaction that read before another
  writer committed would fail at its first write and be tried again (`Database.write`).
  Taking the write lock at the claim makes the second writer wait there instead, and read
  after the first has committed.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlmodel import Session


def claim_name(db: Session, *parts: object) -> None:
    """Hold the name made of `parts` (kind of thing, scope, name) until `db` commits or
    rolls back. Call it before looking for the thing by name."""
    if db.get_bind().dialect.name == "postgresql":
        db.connection().execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _key(parts)})
    else:
        # A write that changes nothing still takes the write lock (SQLite waits for it up to
        # the busy timeout).
        db.connection().execute(text("UPDATE dialogue_session SET id = id WHERE 0"))


def _key(parts: tuple[object, ...]) -> int:
    """A signed 64-bit number for the name (advisory locks are keyed by bigint)."""
    name = "\x1f".join(str(part) for part in parts).encode()
    return int.from_bytes(hashlib.blake2b(name, digest_size=8).digest(), "big", signed=True)
