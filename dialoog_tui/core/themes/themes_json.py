"""The JSON form of a theme report (`dialoog themes --json`), documented in docs/themes-json.md."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from dialoog_tui.core.themes.explain import ThemeSummary
from dialoog_tui.core.themes.run import ThemeReport

SCHEMA = "dialoog.themes"
SCHEMA_VERSION = 2


def report_to_json(report: ThemeReport, zone: tzinfo | None = None) -> dict[str, Any]:
    """The document for a report (a dict ready for `json.dumps`)."""
    run = report.run
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "run": {
            "id": run.id,
            "at": run.at.astimezone(zone).isoformat(),
            "all_sessions": run.all_sessions,
            "sessions": list(run.session_ids),
            "contributions": run.found.contribution_count,
            "method": dict(run.found.method),
        },
        "min_sessions": report.min_sessions,
        "table": report.table,
        "themes": [_theme(theme, report) for theme in report.themes],
        "unassigned": list(report.unassigned),
        "unassigned_members": _members(report.unassigned, report),
    }


def _members(contribution_ids: Sequence[int], report: ThemeReport) -> list[dict[str, int]]:
    """Contributions as a session export names them: by session and number as shared."""
    return [
        {"session": session, "seq": seq}
        for session, seq in (report.numbers[i] for i in contribution_ids)
    ]


def _theme(theme: ThemeSummary, report: ThemeReport) -> dict[str, Any]:
    return {
        "id": theme.id,
        "name": theme.name,
        "accepted": theme.accepted,
        "curated": theme.curated,
        "label": theme.label,
        "terms": list(theme.terms),
        "size": theme.size,
        "sessions": [
            {"id": session_id, "title": report.session_titles.get(session_id), "count": count}
            for session_id, count in theme.sessions
        ],
        "domains": dict(theme.domains),
        "tables": [
            {"session": session_id, "name": name, "count": count}
            for session_id, name, count in theme.tables
        ],
        "recurring": theme.recurs(report.min_sessions),
        "cohesion": theme.cohesion,
        "quotes": [
            {
                "contribution": quote.contribution_id,
                "session": quote.session_id,
                "seq": quote.seq,
                "speaker": quote.speaker,
                "anonymous": quote.anonymous,
                "domain": quote.domain,
                "text": quote.text,
            }
            for quote in theme.quotes
        ],
        "contributions": list(theme.contributions),
        "members": _members(theme.contributions, report),
    }
