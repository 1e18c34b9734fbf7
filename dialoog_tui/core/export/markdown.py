"""Putting text into CommonMark so that it stays the same literal text.

A participant's words are data. Whatever they hold — a leading `#`, `>` or `-`, a `|`, a
backtick, `[x](y)`, `<script>`, `&amp;` — must come out of a Markdown parser as exactly those
characters in a text node, never as a heading, quote, list, link, HTML or table boundary.
CommonMark lets any ASCII punctuation be escaped with a backslash; we escape what can start
or end a construct, and leave the rest alone so the source still reads well.
"""

from __future__ import annotations

import re

from dialoog_tui.core.display import printable

# Characters that mean something wherever they stand (emphasis, code, links, HTML, tables,
# strikethrough, escapes).
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~])")
# An entity reference (&amp; &#38;) would be decoded; escaping the ampersand keeps it.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What starts a block at the beginning of a line: headings, quotes, lists, thematic breaks,
# setext underlines, fences.
_LINE_START = re.compile(r"^([#>+=\-])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def md_text(text: str, *, mid_line: bool = False) -> str:
    """`text` as inline Markdown that renders as exactly `text`.

    Control characters show as their symbols (␛ for ESC; a document cannot hold them).
    Line breaks become hard breaks (a backslash at the end of the line), so each line of the
    text stays a line; spaces at either end of a line are written as `&#32;` because a
    paragraph would otherwise drop them; blank lines before the first or after the last line
    of text are left out (a paragraph cannot show them). With `mid_line`, the text follows
    other text on its first line, where `#`, `-` or `1.` cannot start a block and need no
    escape.
    """
    lines = printable(text).split("\n")
    # A break before the first or after the last visible line cannot be shown in a paragraph.
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\\\n".join(
        _line(line, line_start=not (mid_line and number == 0)) for number, line in enumerate(lines)
    )


def md_cell(text: str, *, mid_line: bool = False) -> str:
    """`text` for a table cell or a heading: escaped, on one line (a line break would end
    the table or the heading)."""
    return md_text(" ".join(text.split()), mid_line=mid_line)


def _line(line: str, *, line_start: bool = True) -> str:
    # A parser strips whitespace (any kind) at either end of a paragraph's lines.
    stripped = line.strip()
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    if not stripped:
        return _spaces(line)
    escaped = _ANYWHERE.sub(r"\\\1", stripped)  # first: it doubles backslashes
    escaped = _ENTITY.sub(r"\\&", escaped)
    if line_start:
        escaped = _ORDERED.sub(r"\1\\\2", escaped)
        escaped = _LINE_START.sub(r"\\\1", escaped)
    return _spaces(lead) + escaped + _spaces(trail)


def _spaces(blank: str) -> str:
    """Whitespace as character references, which no paragraph strips."""
    return "".join(f"&#{ord(char)};" for char in blank)
