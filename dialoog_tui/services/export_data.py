"""Reading what the shareable summaries need, each in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from sqlmodel import Session

from dialoog_tui.core.export.qdpx import ThemeCodes
from dialoog_tui.core.model import Participant
from dialoog_tui.core.record import SessionRecord, at_table
from dialoog_tui.core.themes.card import ThemeCard, build_card
from dialoog_tui.core.themes.live import LiveTheme, session_themes
from dialoog_tui.core.themes.run import ThemeReport
from dialoog_tui.services.themes import stored_report
from dialoog_tui.store.former_names import names_to_keep_out
from dialoog_tui.store.records import load_session_record
from dialoog_tui.store.sessions import find_session
from dialoog_tui.store.tables import table_named
from dialoog_tui.store.themes.members import theme_members


class SessionSummaryData(Struct, frozen=True):
    record: SessionRecord
    """Through the consent gate."""
    themes: list[LiveTheme] | None
    """Themes heard in the session, from the newest run covering it; None: no run yet."""
    everyone: list[Participant]
    """All participants known: an anonymised summary keeps each of their names out."""


def session_summary_data(*, db: Session, key: str, table: str | None = None) -> SessionSummaryData:
    """The session named by `key` (id or slug), ready for its summary; with `table`, only
    what was said at that table of it."""
    session_id = find_session(db=db, key=key).id
    record = load_session_record(db=db, session_id=session_id, include_off_record=False)
    if table is not None:
        record = at_table(record, table_named(db=db, session_id=session_id, name=table))
    report = stored_report(db=db, session_ids=[session_id])
    said_here = {c.id for c in record.contributions} if table is not None else None
    themes = session_themes(report, session_id, among=said_here) if report is not None else None
    return SessionSummaryData(record, themes, names_to_keep_out(db))


class ThemeReportData(Struct, frozen=True):
    report: ThemeReport
    cards: list[ThemeCard]
    """One per theme, in the report's order."""
    people: list[Participant]
    """All participants known (an anonymised report keeps each of their names out)."""


def theme_report_data(*, db: Session, session_ids: Sequence[int]) -> ThemeReportData | None:
    """The newest run over `session_ids` with its cards; None when there is none."""
    report = stored_report(db=db, session_ids=session_ids)
    if report is None:
        return None
    members = theme_members(
        db=db, contribution_ids=[cid for theme in report.themes for cid in theme.contributions]
    )
    cards = [build_card(theme, members) for theme in report.themes]
    return ThemeReportData(report, cards, names_to_keep_out(db))


class SessionQdpxData(Struct, frozen=True):
    record: SessionRecord
    """Through the consent gate (the project is shared)."""
    themes: list[ThemeCodes] | None
    """The themes heard in the session, with their members here; None: no run yet."""
    everyone: list[Participant]


def session_qdpx_data(*, db: Session, key: str, table: str | None = None) -> SessionQdpxData:
    """The session named by `key`, ready for its REFI-QDA project (with `table`: what was
    said at that table of it)."""
    summary = session_summary_data(db=db, key=key, table=table)
    session_id = summary.record.session.id
    report = stored_report(db=db, session_ids=[session_id])
    if report is None:
        return SessionQdpxData(summary.record, None, summary.everyone)
    here = {c.id for c in summary.record.contributions}
    themes = [
        ThemeCodes(theme.id, theme.title, frozenset(theme.contributions) & here)
        for theme in report.themes
        if here & set(theme.contributions)
    ]
    return SessionQdpxData(summary.record, themes, summary.everyone)
