"""A contribution a search found, on its way to where it was said: what the search screen
answers, and what the app does with it. Kept apart from the search screen so that capture
can name it without importing that screen at start-up."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from msgspec import Struct


class Chosen(Struct, frozen=True):
    """The contribution to jump to."""

    session_id: int
    contribution_id: int
    seq: int
    session_title: str = ""


@runtime_checkable
class ShowsFound(Protocol):
    """An app that shows a found contribution where it was said (`DialoogApp`)."""

    def show_found(self, chosen: Chosen) -> None: ...
