"""Contributions as the command line is given them: by id, or by their number in a session
as the minutes give it (`core.numbers.typed_contribution`)."""

from __future__ import annotations

from sqlmodel import Session

from dialoog_tui.core.consent_gate import share
from dialoog_tui.core.numbers import typed_contribution
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.contributions import get_contribution
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.sessions import find_session
from dialoog_tui.store.shared_numbers import numbered


def contribution_id(database: Database, typed: str, *, session: str | None = None) -> int:
    """The id of the contribution `typed` names; `session` (an id or slug) is the session a
    command names already, for a number typed without one (`#13`). A typed id is taken as
    it is: whether there is one, the command says in its own words."""
    ref = typed_contribution(typed)
    if ref is None:
        raise InvalidInput(
            f"{typed!r} names no contribution: give SESSION#NUMBER, as the minutes number it, "
            "or its id",
            key="error.bad_contribution",
            typed=typed,
        )

    if not ref.numbered:
        return ref.number

    def read(db: Session) -> int:
        key = ref.session or session
        if key is None:
            raise InvalidInput(
                f"{typed!r}: say in which session, as in avond-2{typed.strip()}",
                key="error.contribution_needs_session",
                typed=typed.strip(),
            )
        found = find_session(db=db, key=key)
        contribution = numbered(db, found.id, ref.number)
        if contribution is None:
            raise NotFound(
                f"no contribution #{ref.number} in {found.title!r}",
                key="error.no_contribution_numbered",
                number=ref.number,
                title=found.title,
            )
        return contribution

    return database.read(read)


QUOTED = 48
"""Characters of a contribution the command line quotes back."""


def quoted(database: Database, contribution_id: int) -> str | None:
    """The beginning of what a contribution says, as shareable outputs show it (a
    paraphrase-only one by its paraphrase; None when they show nothing of it): quoted back
    after a command that took it by number, so that a number read in minutes from before a
    consent changed cannot silently mean another line."""

    def read(db: Session) -> str | None:
        shown = share(get_contribution(db=db, contribution_id=contribution_id))
        if shown is None or not shown.text.strip():
            return None
        text = " ".join(shown.text.split())
        return f"“{text if len(text) <= QUOTED else text[: QUOTED - 1].rstrip() + '…'}”"

    return database.read(read)
