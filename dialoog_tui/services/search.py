"""Searching what was said, across sessions: `dialoog search` and the TUI's search screen.

What a search shows may be shared (read out, pasted into a mail), so it reads through the
consent gate like every export: nothing off the record is found, a paraphrase-only
contribution is found and shown by its paraphrase, an anonymous one without its speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from msgspec import Struct
from msgspec.structs import replace
from sqlmodel import Session, col, select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import share
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.search import Query, found_at, parse_query
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import contributions_in_context
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    DomainRow,
    ParticipantRow,
)
from dialoog_tui.store.search import Within, search_ids
from dialoog_tui.store.sessions import find_session
from dialoog_tui.store.shared_numbers import SharedNumbers

LIMIT = 50
"""Results shown at most, unless asked for more (the CLI says its own)."""
MOST = 1000
"""Results a search shows at most, however many are asked for."""


class Hit(Struct, frozen=True):
    """A contribution a search found, as it may be shown."""

    contribution_id: int
    session_id: int
    session_title: str
    seq: int
    """Its number in the log, where the note-taker's search takes them."""
    shared_seq: int
    """Its number as the minutes give it (`store.shared_numbers`), for what is shared."""
    at: datetime
    kind: Kind
    text: str
    """Through the gate: the paraphrase where that is the consent."""
    speaker: str | None
    """None: said by the room, or by someone heard anonymously (`anonymous`)."""
    domain: str | None
    consent: Consent
    paraphrase: str | None
    found: tuple[tuple[int, int], ...] = ()
    """Where in `text` the query's words stand (start, end)."""
    score: float = 0.0
    """Higher: a better match (comparable within one search only)."""

    @property
    def anonymous(self) -> bool:
        """The speaker asked not to be named."""
        return self.consent is Consent.ANONYMOUS


class Filters(Struct, frozen=True):
    """Where to look (None: anywhere)."""

    sessions: Sequence[str] | None = None
    """Ids or slugs."""
    speaker: str | None = None
    """A name (first name, surname or whole), or its beginning, ignoring case. What they
    said anonymously is not found by it: that would name them."""
    domain: str | None = None
    """A domain, or its beginning."""
    kind: Kind | None = None


ANYWHERE = Filters()
"""No filter: every session, speaker, domain and kind."""


class Found(Struct, frozen=True):
    """What a search found."""

    query: str
    hits: tuple[Hit, ...]
    more: bool
    """More were found than shown."""


def search(
    database: Database, text: str, filters: Filters = ANYWHERE, *, limit: int = LIMIT
) -> Found:
    """The contributions `text` finds (words, "phrases"), best first. InvalidInput when it
    holds no word to look for; NotFound when a session it is limited to does not exist."""
    query = parse_query(text)
    if not query:
        raise InvalidInput("give a word to search for", key="error.search_empty")
    if not 1 <= limit <= MOST:
        raise InvalidInput(
            f"--limit must be between 1 and {MOST}", key="error.search_limit", most=MOST
        )
    return database.read(lambda db: _search(db, text, query, filters, limit))


def _search(db: Session, text: str, query: Query, filters: Filters, limit: int) -> Found:
    within = Within(
        session_ids=None
        if filters.sessions is None
        else [find_session(db=db, key=key).id for key in filters.sessions],
        participant_ids=None
        if filters.speaker is None and filters.domain is None
        else _speakers(db, filters.speaker, filters.domain),
        kinds=None if filters.kind is None else [filters.kind.value],
        # Found by who said it, an anonymous contribution would be named by the search.
        anonymous=filters.speaker is None and filters.domain is None,
    )
    ranked = search_ids(db.connection(), query, within, limit=limit + 1)
    scores = dict(ranked[:limit])
    hits = [
        replace(shown, found=found_at(shown.text, query))
        for hit in _hits(db, scores)
        if (shown := share(hit)) is not None
    ]
    return Found(text, tuple(hits), more=len(ranked) > limit)


def _speakers(db: Session, speaker: str | None, domain: str | None) -> list[int]:
    """The participants a search is limited to: a name of whom (first name, surname or
    the whole) begins with `speaker`, from a domain that begins with `domain` (ignoring
    case, as capture and imports read them). InvalidInput when nobody is meant."""
    rows = db.exec(
        select(ParticipantRow.id, ParticipantRow.name, DomainRow.name).join(
            DomainRow, col(DomainRow.id) == col(ParticipantRow.domain_id), isouter=True
        )
    ).all()
    wanted = _given(speaker, "error.search_no_speaker")
    where = _given(domain, "error.search_no_domain")
    chosen = [
        pid
        for pid, name, domain_name in rows
        if pid is not None
        and (wanted is None or _named(name, wanted))
        and (where is None or (domain_name or "").casefold().startswith(where))
    ]
    if not chosen:
        if wanted is not None:
            raise NotFound(f"nobody called {speaker!r}", key="error.search_nobody", name=speaker)
        raise NotFound(f"nobody from domain {domain!r}", key="error.search_no_one", domain=domain)
    return chosen


def _given(value: str | None, empty: str) -> str | None:
    """A filter as typed, folded; InvalidInput (`empty`) for one given without a word."""
    if value is None:
        return None
    if not value.strip():
        raise InvalidInput("a filter needs a word", key=empty)
    return value.casefold().strip()


def _named(name: str, wanted: str) -> bool:
    folded = name.casefold()
    return folded.startswith(wanted) or any(part.startswith(wanted) for part in folded.split())


def _hits(db: Session, scores: dict[int, float]) -> list[Hit]:
    """The found contributions with their session and speaker, in the order of `scores`."""
    if not scores:
        return []
    rows = db.exec(
        contributions_in_context().where(col(ContributionRow.id).in_(list(scores)))
    ).all()
    numbers = SharedNumbers(db)
    numbers.read(row.session_id for row, *_ in rows)
    by_id = {
        row.id: Hit(
            contribution_id=row.id,
            session_id=row.session_id,
            session_title=title,
            seq=row.seq,
            shared_seq=numbers.of(row.session_id, row.seq),
            at=row.at,
            kind=Kind(row.kind),
            text=row.text,
            speaker=speaker,
            # Anonymous is anonymous as in the minutes: a domain of one names its one.
            domain=None if row.consent == Consent.ANONYMOUS.value else domain,
            consent=Consent(row.consent),
            paraphrase=row.paraphrase,
            score=scores[row.id],
        )
        for row, title, speaker, domain in rows
        if row.id is not None
    }
    return [by_id[cid] for cid in scores if cid in by_id]
