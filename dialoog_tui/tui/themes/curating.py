"""What the theme board and the theme card share: curation through the store, one action at
a time, each recorded with who and when, and a clear notification when it cannot be done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from textual import on
from textual.widgets import Input

from dialoog_tui.config import current_user
from dialoog_tui.core.display import visible
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.screens.base import DialoogScreen

if TYPE_CHECKING:
    from dialoog_tui.core.themes.curation import Outcome
    from dialoog_tui.core.themes.explain import ThemeSummary
    from dialoog_tui.services.database import Database

curation = LazyModule("dialoog_tui.services.curation")
"""The curation use cases, and the actions the screens name (`curation.accept_theme`, …)."""

T = TypeVar("T")
P = ParamSpec("P")

NAME_FIELD = "theme-name"
"""The id of the line, under the list, in which a theme is named."""


class CuratingScreen(DialoogScreen[None]):
    """A screen from which themes are curated. It yields an Input with id `NAME_FIELD` and
    says in `focus_list` where the focus returns after naming."""

    CSS_PATH = "themes.tcss"

    def __init__(self, gateway: StoreGateway, t: Translator) -> None:
        super().__init__()
        self.gateway = gateway
        self.t = t
        self.naming: str | None = None
        """The theme being named in the name field, if it is open."""

    async def curate(self, action: Callable[..., Outcome], **arguments: object) -> Outcome | None:
        """Do one curation action (a `curation` action, given its own arguments;
        who and when are added); None, after telling the user why, when it cannot be done."""
        who, at = current_user(), datetime.now(UTC)
        outcome = await self._refusable(curation.act, action, actor=who, at=at, **arguments)
        if outcome is not None:
            done = self.t(f"themes.done.{outcome.kind}", detail=visible(outcome.detail))
            self.notify(done, markup=False)
            await self.reload()
        return outcome

    async def action_undo(self) -> None:
        """Undo the last curation action (whoever did it)."""
        who, at = current_user(), datetime.now(UTC)
        undone = await self._refusable(curation.undo, actor=who, at=at)
        if undone is not None:
            action = self.t(f"themes.action.{undone.kind}")
            self.notify(
                self.t("themes.undone", action=action, detail=visible(undone.detail)),
                markup=False,
            )
            await self.reload()

    async def _refusable(
        self, use_case: Callable[Concatenate[Database, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T | None:
        """The use case's result; None, after saying why, when it was refused."""
        from dialoog_tui.core.themes.refusals import CurationError
        from dialoog_tui.errors import NotFound

        try:
            return await self.gateway.call(use_case, *args, **kwargs)
        except CurationError as error:
            why = self.t(f"themes.refused.{error.reason}", **error.values)
            self.notify(visible(why), severity="warning", markup=False)
        except NotFound:
            # The screen showed a theme that another screen, window or `dialoog theme`
            # command merged away or undid meanwhile.
            self.notify(self.t("themes.gone"), severity="warning", markup=False)
            await self.reload()
        return None

    def action_history(self) -> None:
        """Show every curation action: who, when, what."""
        from dialoog_tui.tui.themes.history import ThemeHistoryScreen

        self.app.push_screen(ThemeHistoryScreen(self.gateway, self.t))

    def ask_name(self, theme: ThemeSummary) -> None:
        """Open the name field for `theme` (Enter saves, Esc closes it unsaved)."""
        self.naming = theme.id
        field = self.query_one(f"#{NAME_FIELD}", Input)
        field.placeholder = self.t("themes.rename_prompt", label=theme.label)
        field.value = theme.name or ""
        field.add_class("-open")
        field.focus()

    @on(Input.Submitted, f"#{NAME_FIELD}")
    async def _named(self, event: Input.Submitted) -> None:
        key = self.naming
        self.close_name_field()
        if key is not None:
            await self.curate(curation.rename_theme, key=key, name=event.value)

    def close_name_field(self) -> None:
        self.naming = None
        field = self.query_one(f"#{NAME_FIELD}", Input)
        field.remove_class("-open")
        field.value = ""
        self.focus_list()

    def focus_list(self) -> None:
        """Put the focus back on the screen's list."""
        raise NotImplementedError

    async def reload(self) -> None:
        """Show the themes as they are now."""
        raise NotImplementedError
