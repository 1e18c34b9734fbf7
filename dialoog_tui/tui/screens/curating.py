"""What the theme board and the theme card share: curation through the store, one action at
a time, each recorded with who and when, and a clear notification when it cannot be done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from dialoog_tui.config import current_user
from dialoog_tui.core.display import visible
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.screens.base import DialoogScreen

if TYPE_CHECKING:
    from sqlmodel import Session

    from dialoog_tui.core.themes.curation import Outcome

curation_store = LazyModule("dialoog_tui.store.curation")
curation_actions = LazyModule("dialoog_tui.store.curation_actions")

CurationWork = Callable[["Session", str, datetime], "Outcome"]
"""A store action, given the database session, who does it and when."""


class CuratingScreen(DialoogScreen[None]):
    """A screen from which themes are curated."""

    def __init__(self, gateway: StoreGateway, t: Translator) -> None:
        super().__init__()
        self.gateway = gateway
        self.t = t

    async def curate(self, work: CurationWork) -> Outcome | None:
        """Do one curation action; None (after telling the user why) when it cannot be done."""
        from dialoog_tui.core.themes.curation import CurationError

        who, at = current_user(), datetime.now(UTC)
        try:
            outcome = await self.gateway.write(lambda db: work(db, who, at))
        except CurationError as error:
            self.notify(str(error), severity="warning", markup=False)
            return None
        self.notify(visible(outcome.detail), markup=False)
        await self.reload()
        return outcome

    async def action_undo(self) -> None:
        """Undo the last curation action (whoever did it)."""
        from dialoog_tui.core.themes.curation import CurationError

        who, at = current_user(), datetime.now(UTC)
        try:
            undone = await self.gateway.write(
                lambda db: curation_store.undo_last(db=db, actor=who, at=at)
            )
        except CurationError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.notify(self.t("themes.undone", what=visible(undone.detail)), markup=False)
        await self.reload()

    def action_history(self) -> None:
        """Show every curation action: who, when, what."""
        from dialoog_tui.tui.screens.theme_history import ThemeHistoryScreen

        self.app.push_screen(ThemeHistoryScreen(self.gateway, self.t))

    async def reload(self) -> None:
        """Show the themes as they are now."""
        raise NotImplementedError
