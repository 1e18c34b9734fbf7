"""Making a participant's text safe to put on a terminal, without changing what it says."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

_C0_AND_DEL = re.compile("[\x00-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    # U+2400 "Control Pictures" has a visible symbol for every C0 code and for DEL.
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def visible(text: str) -> str:
    """`text` with control characters shown as symbols (ESC as ␛, newline as ␊, …).

    A terminal would otherwise act on them: an escape sequence in a quote could restyle
    or move the screen. The stored text keeps the real characters; only display changes.
    """
    text = _C0_AND_DEL.sub(_control_picture, text)
    return _C1.sub("\ufffd", text)


_CONTROL_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def printable(text: str) -> str:
    """`text` with control characters shown as symbols, as `visible` does, but keeping line
    breaks and tabs: for documents, which have lines of their own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_BUT_LAYOUT.sub(_control_picture, text)
    return _C1.sub("\ufffd", text)


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` terminal cells."""
    from rich.cells import cell_len  # rich measures wide characters (emoji, CJK) correctly

    if width <= 0:
        return ""
    if cell_len(text) > width:
        while text and cell_len(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - cell_len(text))


_BETWEEN_PARTS = " \t-–—:|/·,"
"""What separates the parts of a title ("Marktplein Wolderwijk – verkenning")."""


def telling_titles(titles: Mapping[int, str]) -> dict[int, str]:
    """Per session id, its title shortened to what tells it from the others: the words all
    of them begin with taken off ("Marktplein Wolderwijk – verkenning" beside "… –
    ontwerpatelier" is "verkenning"). A title that would be left empty, or the title of a
    single session, stays whole; where two still read alike, each gets its id in brackets."""
    if len(titles) < 2:
        return dict(titles)
    split = {session: title.split(" ") for session, title in titles.items()}
    shared = 0
    while all(len(words) > shared + 1 for words in split.values()) and (
        len({words[shared] for words in split.values()}) == 1
    ):
        shared += 1
    told = {
        session: " ".join(words[shared:]).lstrip(_BETWEEN_PARTS) or titles[session]
        for session, words in split.items()
    }
    alike = Counter(short.casefold() for short in told.values())
    return {
        session: f"{short} ({session})" if alike[short.casefold()] > 1 else short
        for session, short in told.items()
    }


def abbreviate_domain(name: str) -> str:
    """A short label for a domain: `inw` for inwoner, `mo` for maatschappelijke organisatie."""
    words = name.split()
    if len(words) > 1:
        return "".join(word[0] for word in words).lower()
    return name[:3].lower()


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int], width: int = 24) -> str:
    """Counts as a row of bars (one per count, or per group of counts when there are more
    than `width`); a zero is a space, the largest a full block."""
    if len(counts) > width:
        size = -(-len(counts) // width)  # ceiling: every count lands in some bar
        counts = [sum(counts[i : i + size]) for i in range(0, len(counts), size)]
    top = max(counts, default=0)
    if top == 0:
        return " " * len(counts)
    return "".join(
        " " if c == 0 else _BARS[min(len(_BARS) - 1, (c * len(_BARS) - 1) // top)] for c in counts
    )
