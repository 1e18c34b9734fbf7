"""The quick-entry line: how one typed line becomes speaker, kind, text, tags and ladder.

Syntax (see the README for the user's version):

    [@Name[/domain]] [sigil] text with #tags belang:"…" waarde:…

- `@Name` at the start names the speaker; `@"Jan de Vries"` quotes a name with spaces.
  `/domain` after the name gives the domain (a prefix is enough, resolved elsewhere).
- One sigil after the speaker (or at the start) sets the kind: ? ! + = >.
- `#tag` at the start of a word adds a tag. Tags at the end of the line are taken out of the
  text; a tag inside a sentence keeps its word in the text, without the '#'.
- `belang:`/`interest:` and `waarde:`/`value:` (repeatable), `voorwaarde:`/`condition:`,
  `eigenaar:`/`owner:`, `datum:`/`due:` and `parafrase:`/`paraphrase:` at the start of a
  word annotate the contribution and leave the text; a value with spaces is quoted:
  `belang:"bereikbaarheid winkel"`.
- A backslash before one of  \\ @ # ? ! + = >  makes that character literal, and before an
  annotation keyword (`\\waarde:x`) makes the keyword plain text.

`parse_entry` never raises: every string is some entry. `format_entry` writes an entry back as
a line that parses to the same entry, which is how an edit starts from a logged contribution.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from msgspec import Struct

from dialoog_tui.core.kinds import SIGIL_KINDS, Kind

WHITESPACE = " \t"
"""Only space and tab separate tokens; other whitespace is kept verbatim as text."""

ESCAPABLE = frozenset("\\@#") | frozenset(SIGIL_KINDS)
"""Characters a backslash makes literal in the text."""

_NOT_IN_BARE_WORD = frozenset(WHITESPACE + '/"\\#') | frozenset(SIGIL_KINDS)
"""Characters that end an unquoted name or domain."""


class Annotation(StrEnum):
    """What a keyword token (`waarde:veiligheid`) adds to a contribution."""

    INTEREST = "interest"
    VALUE = "value"
    CONDITION = "condition"
    OWNER = "owner"
    DUE = "due"
    PARAPHRASE = "paraphrase"


KEYWORDS: dict[str, Annotation] = {
    "belang": Annotation.INTEREST,
    "interest": Annotation.INTEREST,
    "waarde": Annotation.VALUE,
    "value": Annotation.VALUE,
    "voorwaarde": Annotation.CONDITION,
    "condition": Annotation.CONDITION,
    "eigenaar": Annotation.OWNER,
    "owner": Annotation.OWNER,
    "datum": Annotation.DUE,
    "due": Annotation.DUE,
    "parafrase": Annotation.PARAPHRASE,
    "paraphrase": Annotation.PARAPHRASE,
}
"""Keywords in Dutch and English; both are read, lines are written with the Dutch ones."""

WRITTEN_KEYWORD: dict[Annotation, str] = {
    Annotation.INTEREST: "belang",
    Annotation.VALUE: "waarde",
    Annotation.CONDITION: "voorwaarde",
    Annotation.OWNER: "eigenaar",
    Annotation.DUE: "datum",
    Annotation.PARAPHRASE: "parafrase",
}


class SpeakerMention(Struct, frozen=True):
    """The `@Name/domain` at the start of a line, as typed (resolution happens elsewhere)."""

    name: str
    """The name or name prefix, stripped of surrounding spaces; never empty."""
    domain: str | None = None
    """The domain or domain prefix after '/', if any."""


class ParsedEntry(Struct, frozen=True):
    """How a quick-entry line reads."""

    speaker: SpeakerMention | None = None
    """The mention at the start, or None: the previous speaker continues."""
    kind: Kind = Kind.REMARK
    """The kind set by the sigil; a remark without one."""
    text: str = ""
    """The contribution's text: escapes resolved, trailing tags removed, stripped."""
    tags: tuple[str, ...] = ()
    """Lower-case tags in order of appearance, without duplicates."""
    interests: tuple[str, ...] = ()
    """Interests (belangen) named with `belang:`, without duplicates (ignoring case)."""
    values: tuple[str, ...] = ()
    """Values (waarden) named with `waarde:`, without duplicates (ignoring case)."""
    condition: str | None = None
    """What would make it acceptable (`voorwaarde:`); the last one given counts."""
    owner: str | None = None
    """Who will do it, for a commitment (`eigenaar:`)."""
    due: str | None = None
    """By when, for a commitment (`datum:`), as typed; checked elsewhere."""
    paraphrase: str | None = None
    """The note-taker's paraphrase (`parafrase:"…"`), shown in shareable outputs instead of
    the verbatim text; the last one given counts."""


def normalise_annotation(value: str) -> str:
    """An annotation's stored form: surrounding space removed, inner space collapsed."""
    return " ".join(value.split())


def is_tag_char(char: str) -> bool:
    """Letters (with diacritics and combining marks), digits, '-' and '_'."""
    return char in "-_" or unicodedata.category(char)[0] in "LMN"


def normalise_tag(tag: str) -> str:
    """The stored form of a tag: lower case, '#' removed."""
    return tag.lstrip("#").lower()


def parse_entry(line: str) -> ParsedEntry:
    """Read one quick-entry line. Never raises."""
    mention, body_start = _parse_mention(line)
    position = _skip_whitespace(line, body_start)
    kind = Kind.REMARK
    if position < len(line) and line[position] in SIGIL_KINDS:
        kind = SIGIL_KINDS[line[position]]
        position = _skip_whitespace(line, position + 1)
    body = _parse_body(line, position)
    return ParsedEntry(
        speaker=mention,
        kind=kind,
        text=body.text,
        tags=body.tags,
        interests=body.many(Annotation.INTEREST),
        values=body.many(Annotation.VALUE),
        condition=body.last(Annotation.CONDITION),
        owner=body.last(Annotation.OWNER),
        due=body.last(Annotation.DUE),
        paraphrase=body.last(Annotation.PARAPHRASE),
    )


def split_mention(line: str) -> tuple[SpeakerMention | None, str]:
    """The mention at the start of `line` and the rest of the line after it."""
    mention, end = _parse_mention(line)
    return mention, line[_skip_whitespace(line, end) :] if mention else line


def with_speaker(line: str, mention: SpeakerMention) -> str:
    """`line` with its leading mention replaced by (or prefixed with) `mention`."""
    _, rest = split_mention(line)
    return f"{format_mention(mention)} {rest.lstrip(WHITESPACE)}"


def format_mention(mention: SpeakerMention) -> str:
    """`@Name` or `@"Name with spaces"`, with `/domain` when the mention has one."""
    written = "@" + _format_word(mention.name)
    if mention.domain:
        written += "/" + _format_word(mention.domain)
    return written


def format_entry(entry: ParsedEntry) -> str:
    """A line that `parse_entry` reads back as `entry` (for normalised entries)."""
    parts: list[str] = []
    if entry.speaker is not None:
        parts.append(format_mention(entry.speaker))
    if entry.kind.sigil:
        parts.append(entry.kind.sigil)
    if entry.text:
        parts.append(_escape_text(entry.text))
    annotations: list[tuple[Annotation, str | None]] = [
        *((Annotation.INTEREST, value) for value in entry.interests),
        *((Annotation.VALUE, value) for value in entry.values),
        (Annotation.CONDITION, entry.condition),
        (Annotation.OWNER, entry.owner),
        (Annotation.DUE, entry.due),
        (Annotation.PARAPHRASE, entry.paraphrase),
    ]
    parts.extend(
        f"{WRITTEN_KEYWORD[annotation]}:{_format_value(value)}"
        for annotation, value in annotations
        if value
    )
    parts.extend("#" + tag for tag in entry.tags)
    return " ".join(parts)


def format_annotations(
    interests: tuple[str, ...] = (), values: tuple[str, ...] = (), condition: str | None = None
) -> str:
    """The `belang:… waarde:… voorwaarde:…` part of a line, e.g. to edit a ladder."""
    return format_entry(ParsedEntry(interests=interests, values=values, condition=condition))


def _skip_whitespace(line: str, position: int) -> int:
    while position < len(line) and line[position] in WHITESPACE:
        position += 1
    return position


def _parse_mention(line: str) -> tuple[SpeakerMention | None, int]:
    """The mention at the start of the line and where it ends, or (None, 0)."""
    start = _skip_whitespace(line, 0)
    if not line.startswith("@", start):
        return None, 0
    name, position = _parse_word(line, start + 1)
    name = name.strip(WHITESPACE)
    if not name:
        return None, 0
    domain: str | None = None
    if line.startswith("/", position):
        raw_domain, position = _parse_word(line, position + 1)
        domain = raw_domain.strip(WHITESPACE) or None
    return SpeakerMention(name=name, domain=domain), position


def _parse_word(line: str, position: int) -> tuple[str, int]:
    """A bare word, or a double-quoted one with backslash escapes (unterminated: to the end)."""
    if line.startswith('"', position):
        chars: list[str] = []
        position += 1
        while position < len(line):
            char = line[position]
            if char == '"':
                return "".join(chars), position + 1
            if char == "\\" and position + 1 < len(line) and line[position + 1] in '"\\':
                position += 1
                char = line[position]
            chars.append(char)
            position += 1
        return "".join(chars), position
    end = position
    while end < len(line) and line[end] not in _NOT_IN_BARE_WORD:
        end += 1
    return line[position:end], end


def _format_word(word: str) -> str:
    if word and all(char not in _NOT_IN_BARE_WORD for char in word):
        return word
    escaped = word.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


class _Body(Struct):
    text: str
    tags: tuple[str, ...]
    annotations: list[tuple[Annotation, str]]

    def many(self, kind: Annotation) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for annotation, value in self.annotations:
            if annotation is kind:
                seen.setdefault(value.casefold(), value)
        return tuple(seen.values())

    def last(self, kind: Annotation) -> str | None:
        found = [value for annotation, value in self.annotations if annotation is kind]
        return found[-1] if found else None


def _match_keyword(line: str, position: int) -> tuple[Annotation, int] | None:
    """The annotation a `keyword:value` token at `position` starts, and where its value is."""
    colon = line.find(":", position, position + 12)
    if colon <= position:
        return None
    annotation = KEYWORDS.get(line[position:colon].casefold())
    value_start = colon + 1
    if annotation is None or value_start >= len(line) or line[value_start] in WHITESPACE:
        return None
    return annotation, value_start


def _parse_value(line: str, position: int) -> tuple[str, int]:
    """A quoted or bare annotation value starting at `position`, and where it ends."""
    if line.startswith('"', position):
        return _parse_word(line, position)
    end = position
    while end < len(line) and line[end] not in WHITESPACE:
        end += 1
    return line[position:end], end


def _format_value(value: str) -> str:
    bare = not value.startswith('"') and not any(char in WHITESPACE for char in value)
    if bare:
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _parse_body(line: str, start: int) -> _Body:
    """Text, tags and annotations of the body, which begins at `start`."""
    # Pieces are literal strings or tags; a tag remembers where its token ended so that the
    # run of tags at the end of the line can be told apart from tags inside a sentence.
    pieces: list[tuple[str, bool]] = []  # (content, is_tag)
    annotations: list[tuple[Annotation, str]] = []
    position = start
    while position < len(line):
        char = line[position]
        token_start = position == start or line[position - 1] in WHITESPACE
        if char == "\\" and position + 1 < len(line) and line[position + 1] in ESCAPABLE:
            pieces.append((line[position + 1], False))
            position += 2
            continue
        if char == "\\" and token_start and (escaped := _match_keyword(line, position + 1)):
            pieces.append((line[position + 1 : escaped[1]], False))
            position = escaped[1]
            continue
        keyword = _match_keyword(line, position) if token_start else None
        if keyword is not None:
            annotation, value_start = keyword
            value, position = _parse_value(line, value_start)
            if normalise_annotation(value):
                annotations.append((annotation, normalise_annotation(value)))
            # The token leaves the text, and so does the space before it.
            while pieces and not pieces[-1][1] and pieces[-1][0] in WHITESPACE:
                pieces.pop()
            continue
        if char == "#" and token_start:
            end = position + 1
            while end < len(line) and is_tag_char(line[end]):
                end += 1
            if end > position + 1:
                pieces.append((line[position + 1 : end], True))
                position = end
                continue
        pieces.append((char, False))
        position += 1

    trailing_from = len(pieces)
    while trailing_from > 0:
        content, is_tag = pieces[trailing_from - 1]
        ends_token = trailing_from == len(pieces) or pieces[trailing_from][0] in WHITESPACE
        if (is_tag and ends_token) or (not is_tag and content in WHITESPACE):
            trailing_from -= 1
        else:
            break
    tags = tuple(dict.fromkeys(normalise_tag(content) for content, is_tag in pieces if is_tag))
    text = "".join(content for content, _ in pieces[:trailing_from]).strip(WHITESPACE)
    return _Body(text, tags, annotations)


def _escape_text(text: str) -> str:
    """Escape what `_parse_body` would otherwise read as syntax."""
    out: list[str] = []
    for index, char in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else ""
        token_start = index == 0 or text[index - 1] in WHITESPACE
        if (
            (char == "\\" and following in ESCAPABLE and following)
            or (char == "\\" and _match_keyword(text, index + 1) is not None)
            or (char == "#" and token_start and following and is_tag_char(following))
            or (index == 0 and (char == "@" or char in SIGIL_KINDS))
            or (token_start and _match_keyword(text, index) is not None)
        ):
            out.append("\\")
        out.append(char)
    return "".join(out)
