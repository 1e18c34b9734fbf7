"""Reading a theme card: the stored theme with its members as they are now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import SHAREABLE_CONSENTS, share
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.themes.card import ThemeCard, ThemeMember, build_card
from dialoog_tui.core.themes.run import DEFAULT_MIN_SESSIONS, ThemeReport
from dialoog_tui.services.themes import stored_report
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.participants import contributions_in_context
from dialoog_tui.store.schema.tables import ContributionRow
from dialoog_tui.store.themes.runs import all_session_ids
from dialoog_tui.store.vocabulary import terms_of

CHUNK = 2000
"""Ids per query: well under every backend's limit on bound parameters."""


def load_card(
    *,
    db: Session,
    key: str,
    session_ids: Sequence[int],
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> ThemeCard | None:
    """The card of theme `key` in the newest run over `session_ids`; None when that theme is
    not shown there (merged away, rejected, or no run)."""
    shown = stored_report(db=db, session_ids=session_ids, min_sessions=min_sessions)
    theme = next((t for t in shown.themes if t.id == key), None) if shown else None
    if theme is None:
        return None
    return build_card(theme, theme_members(db=db, contribution_ids=theme.contributions))


def theme_members(*, db: Session, contribution_ids: Sequence[int]) -> dict[int, ThemeMember]:
    """Live contributions by id, with speaker, session, time, interests and values, through
    the consent gate (a card's quotes are shared in the theme report)."""
    found: dict[int, ThemeMember] = {}
    ids = list(contribution_ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = db.exec(
            contributions_in_context().where(
                col(ContributionRow.id).in_(chunk),
                col(ContributionRow.deleted_at).is_(None),
                col(ContributionRow.consent).in_(SHAREABLE_CONSENTS),
            )
        ).all()
        terms = terms_of(db=db, contribution_ids=chunk)
        for row, title, speaker, domain in rows:
            assert row.id is not None
            interests, values = terms.get(row.id, ((), ()))
            member = share(
                ThemeMember(
                    contribution_id=row.id,
                    session_id=row.session_id,
                    session_title=title,
                    at=row.at,
                    kind=Kind(row.kind),
                    speaker=speaker,
                    domain=domain,
                    consent=Consent(row.consent),
                    text=row.text,
                    interests=interests,
                    values=values,
                    paraphrase=row.paraphrase,
                )
            )
            if member is not None:
                found[row.id] = member
    return found


@dataclass(frozen=True)
class BoardData:
    """What the theme board shows."""

    report: ThemeReport | None
    """The newest run over the sessions, with the curation since; None: no run yet."""
    domains: list[str]
    """The configured domains, in order (their colours follow it)."""
    stale: bool
    """The report is of another set of sessions (the newest run, when none covers the
    sessions asked for): finding themes again is due."""
    sessions: int = 0
    """How many sessions the board is about (none: nothing to find themes in)."""


def load_board(
    *,
    db: Session,
    session_ids: Sequence[int] | None,
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> BoardData:
    """The board for `session_ids` (None: every session)."""
    scope = list(session_ids) if session_ids is not None else all_session_ids(db=db)
    domains = [domain.name for domain in list_domains(db=db)]
    shown = stored_report(db=db, session_ids=scope, min_sessions=min_sessions) if scope else None
    if shown is not None or session_ids is not None:
        return BoardData(shown, domains, stale=False, sessions=len(scope))
    newest = stored_report(db=db, session_ids=[], min_sessions=min_sessions)
    return BoardData(newest, domains, stale=newest is not None, sessions=len(scope))
