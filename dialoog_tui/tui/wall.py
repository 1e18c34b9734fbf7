"""The wall: a session as anyone in the room may see it, on a projector or on their phone
(`dialoog wall SESSION` in a terminal, `dialoog serve SESSION` in a browser).

A thin App around the room view in its wall mode (`tui/screens/room.py`): what was said
last per table, through the consent gate, participation per domain and the emerging
themes, following the database live. Nothing on it changes the record: the room view has
no keys in wall mode, and the App has no command palette (whose commands could, and whose
screenshot command would write files where the server runs).
"""

from __future__ import annotations

from textual import on
from textual.app import App

from dialoog_tui.core.model import SessionRequest
from dialoog_tui.i18n import Translator
from dialoog_tui.services.database import DatabaseTarget
from dialoog_tui.tui.colour_themes import offer_colour_themes
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.messages import BackgroundWorkFailed, say_failure
from dialoog_tui.tui.screens.room import RoomScreen


class WallApp(App[int]):
    """The wall of one session."""

    CSS_PATH = "dialoog.tcss"
    TITLE = "dialoog"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, target: DatabaseTarget, request: SessionRequest, *, lang: str) -> None:
        super().__init__()
        self.gateway = StoreGateway(target)
        self.t = Translator(lang)
        self._request = request
        offer_colour_themes(self, None)

    def on_mount(self) -> None:
        self.push_screen(RoomScreen(self._request, self.gateway, self.t, wall=True))

    def on_unmount(self) -> None:
        self.gateway.close()

    @on(BackgroundWorkFailed)
    def _background_work_failed(self, event: BackgroundWorkFailed) -> None:
        say_failure(self, self.t, event)


def run_wall(target: DatabaseTarget, request: SessionRequest, *, lang: str) -> int:
    """Show the wall until it is closed; its exit status."""
    app = WallApp(target, request, lang=lang)
    app.run()
    return app.return_code or 0
