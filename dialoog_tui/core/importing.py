"""Reading import files: CSV with a `text` column, or text/Markdown of quick-entry lines.

Reading is separate from storing: every row is checked here first and a problem is reported
with its line number, so that a bad file never half-lands in the database.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import datetime, time, timedelta, tzinfo

from msgspec import Struct, field

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.quick_entry import (
    SpeakerMention,
    normalise_annotation,
    normalise_tag,
    parse_entry,
)
from dialoog_tui.i18n import INTERFACE_LANGUAGES, Translator
from dialoog_tui.i18n.exports import Words

CSV_COLUMNS = (
    "text",
    "session",
    "speaker",
    "domain",
    "kind",
    "at",
    "tags",
    "phase",
    "ref",
    "interests",
    "values",
    "condition",
    "consent",
    "paraphrase",
    "reply_to",
)
"""Columns an import CSV may have; `text` is required, unknown columns are ignored."""

DUTCH_COLUMNS = {
    "tekst": "text",
    "sessie": "session",
    "spreker": "speaker",
    "domein": "domain",
    "soort": "kind",
    "tijd": "at",
    "fase": "phase",
    "belangen": "interests",
    "waarden": "values",
    "voorwaarde": "condition",
    "toestemming": "consent",
    "parafrase": "paraphrase",
    "antwoord_op": "reply_to",
}
"""The columns by their Dutch names, as a Dutch note-taker heads a spreadsheet."""

LONGEST_FIELD = 10_000_000
"""Characters a CSV field may hold. The capture line has no limit of its own, and neither
should an import of what was typed there; Python's csv module stops at 131,072 unless
told otherwise, which would refuse a long contribution as 'unreadable'."""

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_TIME_PREFIX = re.compile(r"^\[([^\]]{4,25})\][ \t]*")
_REPLY_PREFIX = re.compile(r"^\^(\d{1,2}:\d{2})[ \t]+")
_TAG_SPLIT = re.compile(r"[;,\s]+")


class ImportRow(Struct, frozen=True):
    """One contribution to import, checked but not yet stored."""

    line: int
    """Line number in the file where the row starts (for messages)."""
    text: str
    """The contribution's text."""
    kind: Kind = Kind.REMARK
    """Its kind."""
    session: str | None = None
    """Title of the session it belongs to (None: the session chosen for the whole import)."""
    speaker: SpeakerMention | None = None
    """Who spoke; None continues the previous speaker (quick-entry) or means the room (CSV)."""
    exact_speaker: bool = False
    """CSV names must match a participant exactly; quick-entry mentions may be prefixes."""
    at: datetime | None = None
    """When it was said, if the file says so (timezone-aware)."""
    clock_time: time | None = None
    """A time of day without a date (`[19:05]`), placed on the session's date."""
    tags: tuple[str, ...] = ()
    """Tags."""
    phase: str | None = None
    """Title of the agenda phase, if any."""
    ref: str | None = None
    """The row's own reference, if the file has one."""
    interests: tuple[str, ...] = ()
    """Interests under it."""
    values: tuple[str, ...] = ()
    """Values under it."""
    condition: str | None = None
    """What would make it acceptable."""
    consent: Consent | None = None
    """Consent, if the file says (otherwise the session's default)."""
    owner: str | None = None
    """For a commitment: who will do it."""
    due: str | None = None
    """For a commitment: by when, as written."""
    paraphrase: str | None = None
    """The note-taker's paraphrase (shown instead of the words where consent says so)."""
    reply_to: str | None = None
    """What it answers, in its session: the `ref` of a row (CSV)."""
    reply_to_time: str | None = None
    """What it answers, in its session: the contribution said at this time of day (`^19:05`
    in a text file, as `19:05`; the latest one at that minute)."""


class RowProblem(Struct, frozen=True):
    """Why a row cannot be imported."""

    line: int
    """Line number in the file."""
    key: str
    """The interface text that says what is wrong (`i18n/cli.py`)."""
    values: Mapping[str, object] = field(default_factory=dict)
    """What that text is filled in with."""

    @property
    def message(self) -> str:
        """What is wrong, in one English sentence (the CLI says it in its language)."""
        return Translator("en")(self.key, **self.values)


class ImportFile(Struct, frozen=True):
    """A read import file: its good rows and its problems."""

    rows: list[ImportRow]
    """Rows that can be imported."""
    problems: list[RowProblem]
    """Rows that cannot."""


def read_import(content: str, *, is_csv: bool, local_zone: tzinfo | None = None) -> ImportFile:
    """Read an import file's text. Times without an offset are local: in `local_zone`, or in
    the system's zone (with its daylight-saving rules) when that is None."""
    if is_csv:
        return _read_csv(content, local_zone)
    return _read_lines(content, local_zone)


def is_shared_summary(content: str) -> bool:
    """Whether `content` is a session summary dialoog exported, which ends by saying so.

    Such a file cannot be imported back unambiguously: it shows the meeting as it may be
    shared (off-the-record contributions left out, anonymous ones without a name, paraphrases
    instead of the words, times to the minute, replies placed by their layout), so an import
    would store a different meeting, not restore this one."""
    last = next((line.strip() for line in reversed(content.splitlines()) if line.strip()), "")
    return any(
        last.startswith("*" + Words(lang)("exported", when="\0").split("\0")[0])
        for lang in ("nl", "en")
    )


def csv_text(content: str) -> tuple[str, str]:
    """A CSV file's text without a byte-order mark, and its delimiter (comma, semicolon or
    tab: whichever its first line has most of). Fields may be as long as `LONGEST_FIELD`
    from then on."""
    content = content.removeprefix("\ufeff")
    first_line = content.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count) if first_line else ","
    if csv.field_size_limit() < LONGEST_FIELD:
        csv.field_size_limit(LONGEST_FIELD)
    return content, delimiter


def _read_csv(content: str, zone: tzinfo | None) -> ImportFile:
    content, delimiter = csv_text(content)
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    header = [_column(name) for name in (reader.fieldnames or [])]
    # A problem names a column as the file does ('tekst', not 'text').
    written = {
        column: name.strip() for column, name in zip(header, reader.fieldnames or [], strict=True)
    }
    if "text" not in header:
        found = ", ".join(name.strip() for name in reader.fieldnames or [] if name.strip())
        return ImportFile([], [RowProblem(1, "row.no_text_column", {"found": found or "—"})])
    reader.fieldnames = header
    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    start = 2
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            row, problem = _csv_row(line, record, zone, written)
            if problem is not None:
                problems.append(problem)
            elif row is not None:
                rows.append(row)
    except csv.Error as error:
        problems.append(RowProblem(reader.line_num, "row.unreadable_csv", {"detail": str(error)}))
    return ImportFile(rows, problems)


def _column(name: str) -> str:
    """A header's column: its name lowered, a Dutch one as its English one."""
    lowered = name.strip().lower()
    return DUTCH_COLUMNS.get(lowered, lowered)


def _in_both_languages(choices: type[Kind] | type[Consent]) -> dict[str, str]:
    """The names of `choices` as a row problem's message needs them, in both languages
    (`names_nl`, `names_en`): the message picks its own."""
    return {
        f"names_{lang}": ", ".join(choice.label(lang) for choice in choices)
        for lang in INTERFACE_LANGUAGES
    }


def _csv_row(
    line: int,
    record: dict[str | None, str | list[str] | None],
    zone: tzinfo | None,
    written: dict[str, str],
) -> tuple[ImportRow | None, RowProblem | None]:
    if None in record:
        return None, RowProblem(line, "row.too_many_fields")

    def field(name: str) -> str:
        value = record.get(name)
        return value.strip() if isinstance(value, str) else ""

    text = record.get("text")
    text = text if isinstance(text, str) else ""
    if not text.strip() and not any(field(name) for name in CSV_COLUMNS):
        return None, None  # an empty line
    if not text.strip():
        return None, RowProblem(line, "row.empty_text", {"column": written["text"]})
    kind = Kind.REMARK
    if field("kind"):
        found = Kind.from_name(field("kind"))
        if found is None:
            kinds = _in_both_languages(Kind)
            return None, RowProblem(line, "row.unknown_kind", {"kind": field("kind"), **kinds})
        kind = found
    at = None
    if field("at"):
        at = _parse_datetime(field("at"), zone)
        if at is None:
            return None, RowProblem(
                line, "row.bad_time", {"column": written["at"], "value": field("at")}
            )
    consent = None
    if field("consent"):
        consent = Consent.from_name(field("consent"))
        if consent is None:
            names = _in_both_languages(Consent)
            return None, RowProblem(
                line, "row.unknown_consent", {"consent": field("consent"), **names}
            )
    speaker = (
        SpeakerMention(field("speaker"), field("domain") or None) if field("speaker") else None
    )
    if speaker is None and field("domain"):
        return None, RowProblem(line, "row.domain_without_speaker", {"column": written["domain"]})
    tags = tuple(
        dict.fromkeys(
            normalise_tag(tag) for tag in _TAG_SPLIT.split(field("tags")) if tag.strip("#")
        )
    )
    return (
        ImportRow(
            line=line,
            text=text.strip(),
            kind=kind,
            session=field("session") or None,
            speaker=speaker,
            exact_speaker=True,
            at=at,
            tags=tags,
            phase=field("phase") or None,
            ref=field("ref") or None,
            interests=_split_list(field("interests")),
            values=_split_list(field("values")),
            condition=field("condition") or None,
            consent=consent,
            paraphrase=field("paraphrase") or None,
            reply_to=field("reply_to") or None,
        ),
        None,
    )


def _split_list(value: str) -> tuple[str, ...]:
    """`;`-separated names, normalised, without duplicates (ignoring case)."""
    kept: dict[str, str] = {}
    for part in value.split(";"):
        name = normalise_annotation(part)
        if name:
            kept.setdefault(name.casefold(), name)
    return tuple(kept.values())


def _read_lines(content: str, zone: tzinfo | None) -> ImportFile:
    """Quick-entry lines. `# Title` starts a session, `## Phase` a phase; `- ` bullets, a
    leading `[19:05]` or `[2026-03-12 19:05]` time and then `^19:02` (a reply to what was
    said at 19:02) are allowed."""
    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    session: str | None = None
    phase: str | None = None
    for number, raw in enumerate(content.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.strip().startswith("<!--"):
            continue
        heading = _HEADING.match(line)
        if heading:
            if len(heading.group(1)) == 1:
                session, phase = heading.group(2).strip() or None, None
            else:
                phase = heading.group(2).strip() or None
            continue
        line = _BULLET.sub("", line, count=1)
        at: datetime | None = None
        clock: time | None = None
        stamp = _TIME_PREFIX.match(line)
        if stamp:
            clock = _parse_clock(stamp.group(1))
            at = None if clock else _parse_datetime(stamp.group(1), zone)
            if clock is None and at is None:
                problems.append(
                    RowProblem(number, "row.unreadable_stamp", {"stamp": stamp.group(1)})
                )
                continue
            line = line[stamp.end() :]
        reply = _REPLY_PREFIX.match(line)
        if reply:
            line = line[reply.end() :]
        entry = parse_entry(line)
        if not entry.text and entry.kind is Kind.REMARK:
            problems.append(RowProblem(number, "row.no_text"))
            continue
        rows.append(
            ImportRow(
                line=number,
                text=entry.text,
                kind=entry.kind,
                session=session,
                speaker=entry.speaker,
                at=at,
                clock_time=clock,
                tags=entry.tags,
                phase=phase,
                interests=entry.interests,
                values=entry.values,
                condition=entry.condition,
                owner=entry.owner,
                due=entry.due,
                paraphrase=entry.paraphrase,
                reply_to_time=reply.group(1).zfill(5) if reply else None,
            )
        )
    return ImportFile(rows, problems)


def _parse_clock(value: str) -> time | None:
    try:
        return time.fromisoformat(value.strip()) if len(value.strip()) <= 8 else None
    except ValueError:
        return None


def _parse_datetime(value: str, zone: tzinfo | None) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return localise(parsed, zone) if parsed.tzinfo is None else parsed


def localise(naive: datetime, zone: tzinfo | None) -> datetime:
    """A naive local time made timezone-aware (the system's zone when `zone` is None)."""
    return naive.astimezone() if zone is None else naive.replace(tzinfo=zone)


def place_clock_time(clock: time, day: datetime, zone: tzinfo | None = None) -> datetime:
    """A time of day on the local date of `day`; the next day if that would put it more
    than twelve hours before `day` (a meeting that runs past midnight)."""
    local_day = day.astimezone(zone)
    placed = localise(datetime.combine(local_day.date(), clock.replace(tzinfo=None)), zone)
    if placed < day - timedelta(hours=12):
        placed = localise(datetime.combine(local_day.date() + timedelta(days=1), clock), zone)
    return placed
