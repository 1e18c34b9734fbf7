"""Exports as the CLI and the TUI make them: read, render, and name the file.

Formats: `md` (CommonMark), `html` (rendered from that Markdown, the charts drawn in the page)
and, for a session, `json` (everything, see docs/export-json.md) and `qdpx` (a REFI-QDA
project for qualitative-analysis suites, `core/export/qdpx.py`). A session's summary is its
minutes (`core/export/minutes_md.py`) or, with the layout `by-kind`, its contributions
grouped by kind (`core/export/session_md.py`). A Markdown export written to a folder has its
charts beside it as SVG files. File names are slugs (python-slugify) of the title and
the date, so whatever a title holds — `../../etc/passwd`, `con:` — the file lands inside the
chosen folder under a plain name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from dialoog_tui.core.export import SESSION_FORMATS
from dialoog_tui.errors import InvalidInput
from dialoog_tui.files import export_path, write_new_files

if TYPE_CHECKING:
    from dialoog_tui.core.export.charts import Document
    from dialoog_tui.core.model import Session
    from dialoog_tui.store.db.database import Database

THEME_FORMATS = ("md", "html")
LAYOUTS = ("minutes", "by-kind")
SLUG_LENGTH = 80


class ExportChoice(Struct, frozen=True):
    """What the user asked for."""

    format: str
    anonymize: bool = False
    lang: str = "nl"
    include_off_record: bool = False
    """JSON only: a private backup."""
    layout: str = "minutes"
    """A session summary: `minutes` (the meeting as it went) or `by-kind`."""
    pictures: bool = True
    """Markdown: draw the charts, as files beside it (not when it goes to the terminal)."""
    table: str | None = None
    """A session's minutes: only what was said at this table of it (None: the whole room)."""


class Export(Struct, frozen=True):
    """A rendered export."""

    text: str
    file_name: str
    """A safe file name: slug and extension."""
    beside: tuple[tuple[str, str], ...] = ()
    """Files written beside it (the charts of a Markdown export): safe name and text."""
    data: bytes | None = None
    """What is written instead of `text` for a format that is not text (`.qdpx`)."""


def file_name(title: str, day: datetime, extension: str, zone: tzinfo | None = None) -> str:
    """`themas-2026-03-12.md`: a slug of the title and the date."""
    from slugify import slugify

    slug = slugify(title, max_length=SLUG_LENGTH, word_boundary=True) or "dialoog"
    return _dated(slug, day, extension, zone)


def session_file_name(
    session: Session, extension: str, zone: tzinfo | None = None, *, table: str | None = None
) -> str:
    """`marktplein-wolderwijk-2026-03-12.md`: the session's slug and its date. Slugs are
    unique, so two sessions never share a file name, whatever their titles (`.` and `..`,
    `CON` and `con:`): overwriting with --force can only replace this session's own export.
    One table's minutes add the table: `wereldcafe-tafel-3-2026-03-12.md`."""
    slug = session.slug
    if table is not None:
        from slugify import slugify

        slug = f"{slug}-{slugify(table, max_length=SLUG_LENGTH, word_boundary=True) or 'tafel'}"
    return _dated(slug, session.started_at, extension, zone)


def _dated(slug: str, day: datetime, extension: str, zone: tzinfo | None) -> str:
    return f"{slug}-{day.astimezone(zone).date().isoformat()}.{extension}"


def session_export(
    database: Database,
    key: str,
    choice: ExportChoice,
    *,
    now: datetime,
    find_if_missing: bool = True,
) -> Export:
    """The session named by `key` (id or slug) in the chosen format. When no stored theme
    run covers the session, the themes of all sessions are found first (and stored), unless
    not `find_if_missing`: then the summary says none were found yet."""
    if choice.format not in SESSION_FORMATS:
        raise InvalidInput(f"unknown format {choice.format!r}; choose md, html or json")
    if choice.format == "qdpx":
        return _session_qdpx(database, key, choice, now, find_if_missing=find_if_missing)
    if choice.format == "json":
        if choice.table is not None:
            raise InvalidInput(
                "--table is for the minutes (md or html), not the JSON", key="error.table_json"
            )
        return _session_json(database, key, choice, now)
    if choice.include_off_record:
        raise InvalidInput(
            "--include-off-record is for the JSON backup only", key="error.off_record_json"
        )
    if choice.layout not in LAYOUTS:
        raise InvalidInput(f"unknown layout {choice.layout!r}; choose minutes or by-kind")
    from dialoog_tui.core.export.charts import Document
    from dialoog_tui.core.export.minutes_md import session_minutes
    from dialoog_tui.core.export.session_md import SummaryOptions, session_markdown
    from dialoog_tui.services.export_data import session_summary_data

    data = database.read(lambda db: session_summary_data(db=db, key=key, table=choice.table))
    if data.themes is None and find_if_missing:
        from dialoog_tui.services.themes import run_themes
        from dialoog_tui.store.themes.runs import all_session_ids

        everything = database.read(lambda db: all_session_ids(db=db))
        run_themes(database, everything, all_sessions=True)
        data = database.read(lambda db: session_summary_data(db=db, key=key, table=choice.table))
    options = SummaryOptions(exported_at=now, lang=choice.lang, anonymize=choice.anonymize)
    name = session_file_name(data.record.session, choice.format, table=choice.table)
    if choice.layout == "by-kind":
        made = Document(session_markdown(data.record, data.themes, options, everyone=data.everyone))
    else:
        made = session_minutes(
            data.record,
            data.themes,
            options,
            everyone=data.everyone,
            charts_named=_charts_named(name, choice),
        )
    return _finish(made, choice, name, paged=choice.layout == "minutes")


def themes_export(
    database: Database,
    session_ids: Sequence[int] | None,
    choice: ExportChoice,
    *,
    now: datetime,
    find_if_missing: bool = True,
) -> Export:
    """The theme report over `session_ids` (None: all sessions). Without a stored run over
    them, the themes are found first (unless not `find_if_missing`)."""
    if choice.format not in THEME_FORMATS:
        raise InvalidInput(
            f"a theme report is md or html, not {choice.format!r}",
            key="error.theme_formats",
            format=choice.format,
        )
    from dialoog_tui.core.export.session_md import SummaryOptions
    from dialoog_tui.core.export.themes_md import theme_report
    from dialoog_tui.services.export_data import theme_report_data
    from dialoog_tui.store.themes.runs import all_session_ids

    scope = (
        list(session_ids)
        if session_ids is not None
        else database.read(lambda db: all_session_ids(db=db))
    )
    if not scope:
        raise InvalidInput("there are no sessions yet")
    data = database.read(lambda db: theme_report_data(db=db, session_ids=scope))
    if data is None:
        if not find_if_missing:
            raise InvalidInput("no themes found for these sessions yet; find them first")
        from dialoog_tui.services.themes import run_themes

        run_themes(database, scope, all_sessions=session_ids is None)
        data = database.read(lambda db: theme_report_data(db=db, session_ids=scope))
        assert data is not None
    options = SummaryOptions(exported_at=now, lang=choice.lang, anonymize=choice.anonymize)
    name = file_name("themas" if choice.lang == "nl" else "themes", now, choice.format)
    made = theme_report(
        data.report,
        data.cards,
        data.people,
        options,
        charts_named=_charts_named(name, choice),
    )
    return _finish(made, choice, name)


def write_session_export(
    database: Database,
    key: str,
    choice: ExportChoice,
    folder: Path,
    *,
    now: datetime,
    force: bool = False,
    find_if_missing: bool = True,
) -> list[Path]:
    """`session_export` written into `folder` (made when missing); the files, the summary
    first."""
    made = session_export(database, key, choice, now=now, find_if_missing=find_if_missing)
    return write_export(f"{folder}{os.sep}", made, force=force)


def write_themes_export(
    database: Database,
    session_ids: Sequence[int] | None,
    choice: ExportChoice,
    folder: Path,
    *,
    now: datetime,
    force: bool = False,
    find_if_missing: bool = True,
) -> list[Path]:
    """`themes_export` written into `folder` (made when missing); the files, the report
    first."""
    made = themes_export(database, session_ids, choice, now=now, find_if_missing=find_if_missing)
    return write_export(f"{folder}{os.sep}", made, force=force)


def write_export(target: str, made: Export, *, force: bool) -> list[Path]:
    """`made` written to `target` (a folder or a file, as `files.export_path` reads what the
    user typed), its charts beside it, named after the file it is written to (two exports of
    one session under different names never share a chart); the files written, the export
    first. Nothing is written when any of them is there already and not `force`."""
    path = export_path(target, made.file_name)
    if made.data is not None:
        return write_new_files([(path, made.data)], force=force)
    text, beside = made.text, list(made.beside)
    chosen, given = path.name.rsplit(".", 1)[0], made.file_name.rsplit(".", 1)[0]
    if chosen != given:
        renamed = [(chosen + name.removeprefix(given), content) for name, content in beside]
        for (old, _c), (new, _n) in zip(beside, renamed, strict=True):
            # Only our own references have `](` before a name: a participant's `]` is escaped.
            text = text.replace(f"]({old})", f"]({new})")
        beside = renamed
    files: list[tuple[Path, str | bytes]] = [
        (path, text),
        *((path.with_name(name), content) for name, content in beside),
    ]
    return write_new_files(files, force=force)


def _charts_named(name: str, choice: ExportChoice) -> str | None:
    """The charts' names begin with the export's name; no charts for Markdown that goes to
    the terminal (there is nowhere to put them)."""
    wanted = choice.format == "html" or choice.pictures
    return name.rsplit(".", 1)[0] if wanted else None


def _finish(made: Document, choice: ExportChoice, name: str, *, paged: bool = False) -> Export:
    if choice.format == "html":
        from dialoog_tui.core.export.html import markdown_to_html

        page = markdown_to_html(made.markdown, lang=choice.lang, charts=made.charts, paged=paged)
        return Export(page, name)
    return Export(made.markdown, name, tuple((c.name, c.document()) for c in made.charts))


def _session_json(database: Database, key: str, choice: ExportChoice, now: datetime) -> Export:
    from dialoog_tui.core.export.session_json import session_to_json
    from dialoog_tui.store.former_names import names_to_keep_out
    from dialoog_tui.store.records import load_session_record
    from dialoog_tui.store.sessions import find_session

    if choice.anonymize and choice.include_off_record:
        raise InvalidInput("a private backup (--include-off-record) is never anonymised")
    record, everyone = database.read(
        lambda db: (
            load_session_record(
                db=db,
                session_id=find_session(db=db, key=key).id,
                include_off_record=choice.include_off_record,
            ),
            names_to_keep_out(db),
        )
    )
    document = session_to_json(
        record,
        exported_at=now,
        private=choice.include_off_record,
        anonymize=choice.anonymize,
        everyone=everyone,
        lang=choice.lang,
    )
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return Export(text, f"{record.session.slug}.json")


def _session_qdpx(
    database: Database, key: str, choice: ExportChoice, now: datetime, *, find_if_missing: bool
) -> Export:
    """The session as a REFI-QDA project; its themes coded as the minutes show them (found
    first when no stored run covers the session, unless not `find_if_missing`)."""
    from dialoog_tui import __version__
    from dialoog_tui.core.export.qdpx import session_qdpx
    from dialoog_tui.services.export_data import session_qdpx_data

    if choice.include_off_record:
        raise InvalidInput(
            "--include-off-record is for the JSON backup only", key="error.off_record_json"
        )
    data = database.read(lambda db: session_qdpx_data(db=db, key=key, table=choice.table))
    if data.themes is None and find_if_missing:
        from dialoog_tui.services.themes import run_themes
        from dialoog_tui.store.themes.runs import all_session_ids

        run_themes(database, database.read(lambda db: all_session_ids(db=db)), all_sessions=True)
        data = database.read(lambda db: session_qdpx_data(db=db, key=key, table=choice.table))
    packed = session_qdpx(
        data.record,
        data.themes or (),
        exported_at=now,
        anonymize=choice.anonymize,
        everyone=data.everyone,
        lang=choice.lang,
        person=data.record.session.note_taker or "",
        origin=f"dialoog {__version__}",
    )
    name = session_file_name(data.record.session, "qdpx", table=choice.table)
    return Export("", name, data=packed)
