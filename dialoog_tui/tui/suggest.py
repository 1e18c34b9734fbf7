"""Autocomplete for the input line: the rest of a name after `@`, shown in grey (→ accepts)."""

from __future__ import annotations

from textual.suggester import Suggester

from dialoog_tui.core.capture import CaptureContext
from dialoog_tui.core.quick_entry import WHITESPACE, SpeakerMention, format_mention


class MentionSuggester(Suggester):
    """Completes `@an` to `@Anna ` from the session's participants, then from everyone known."""

    def __init__(self, context: CaptureContext) -> None:
        # No cache: the people in the room change during the meeting.
        super().__init__(use_cache=False, case_sensitive=False)
        self._context = context

    async def get_suggestion(self, value: str) -> str | None:
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
