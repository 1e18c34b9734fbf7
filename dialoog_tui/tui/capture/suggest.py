"""Autocomplete for the input line, shown in grey and accepted with →:
the rest of a name after `@`, and the rest of an interest or value from the shared vocabulary
after `belang:` or `waarde:` (`waarde:be` → `waarde:bestaanszekerheid`)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from dialoog_tui.core.capture import CaptureContext
from dialoog_tui.core.quick_entry import (
    KEYWORDS,
    WHITESPACE,
    Annotation,
    SpeakerMention,
    format_mention,
)


class EntrySuggester(Suggester):
    """Suggests from the capture context, which changes during the meeting (so no cache)."""

    def __init__(self, context: CaptureContext) -> None:
        # Case-sensitive as far as Textual knows: otherwise it lower-cases the line it hands
        # over, and accepting a suggestion would lower-case everything typed. Matching here
        # ignores case; accepting gives the name its known spelling.
        super().__init__(use_cache=False, case_sensitive=True)
        self._context = context

    async def get_suggestion(self, value: str) -> str | None:
        return self._annotation(value) or self._mention(value)

    def _mention(self, value: str) -> str | None:
        stripped = value.lstrip(WHITESPACE)
        if not stripped.startswith("@") or any(c in WHITESPACE for c in stripped):
            return None
        typed = stripped[1:].lstrip('"').casefold()
        if not typed or "/" in typed:
            return None
        for people in (self._context.session_participants, self._context.known_participants):
            for person in people:
                if person.name.casefold().startswith(typed):
                    completed = format_mention(SpeakerMention(person.name)) + " "
                    if completed.casefold().startswith(stripped.casefold()):
                        return value[: len(value) - len(stripped)] + completed
        return None

    def _annotation(self, value: str) -> str | None:
        start, annotation = _last_keyword(value)
        if annotation not in (Annotation.INTEREST, Annotation.VALUE):
            return None
        typed = value[start:]
        quoted = typed.startswith('"')
        prefix = typed[1:] if quoted else typed
        if not prefix or (not quoted and any(c in WHITESPACE for c in prefix)) or '"' in prefix:
            return None
        names = self._context.values if annotation is Annotation.VALUE else self._context.interests
        for name in _candidates(names, prefix, allow_spaces=quoted):
            return value[:start] + (f'"{name}" ' if quoted else f"{name} ")
        return None


def _last_keyword(value: str) -> tuple[int, Annotation | None]:
    """Where the value of the last `keyword:` token starts, and which annotation it is."""
    best, found = -1, None
    lowered = value.casefold()
    for keyword, annotation in KEYWORDS.items():
        position = lowered.rfind(keyword + ":")
        while position >= 0:
            if position == 0 or value[position - 1] in WHITESPACE:
                if position > best:
                    best, found = position, annotation
                break
            position = lowered.rfind(keyword + ":", 0, position)
    if found is None:
        return -1, None
    colon = value.index(":", best)
    return colon + 1, found


def _candidates(names: Iterable[str], prefix: str, *, allow_spaces: bool) -> list[str]:
    """Names that complete `prefix`, in the context's order (most used first)."""
    key = prefix.casefold()
    return [
        name
        for name in names
        if name.casefold().startswith(key)
        and name.casefold() != key
        and (allow_spaces or not any(c in WHITESPACE for c in name))
    ]
