"""The screens capture opens on a key: help, the ladder, the theme board, the export dialog.
Each is imported when first opened, so capture starts without them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dialoog_tui.i18n import Translator
from dialoog_tui.tui.capture.commands import CAPTURE_COMMANDS, SPEAKERS_HELP
from dialoog_tui.tui.capture.recorder import Recorder

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.screen import Screen

    from dialoog_tui.core.model import Contribution


def help_screen(t: Translator) -> Screen[None]:
    """Every key of capture and the quick-entry syntax."""
    from dialoog_tui.tui.screens.help import HelpScreen

    return HelpScreen(t, (*CAPTURE_COMMANDS, SPEAKERS_HELP))


def ladder_screen(recorder: Recorder, t: Translator) -> Screen[None] | None:
    """The ladder of the recorder's session (None: no session loaded yet)."""
    from dialoog_tui.tui.screens.ladder import LadderScreen

    if recorder.session is None:
        return None
    return LadderScreen(recorder.gateway, recorder.session, t)


def theme_board(recorder: Recorder, t: Translator) -> Screen[None]:
    """The theme board over every session."""
    from dialoog_tui.tui.themes.board import ThemeBoardScreen

    return ThemeBoardScreen(recorder.gateway, t)


def search_screen(recorder: Recorder, t: Translator) -> Screen[Any]:
    """Search every session."""
    from dialoog_tui.tui.screens.search import SearchScreen

    return SearchScreen(recorder.gateway, t)


def export_dialog(recorder: Recorder, t: Translator) -> Screen[Any] | None:
    """The export dialog for the recorder's session (None: no session loaded yet)."""
    from dialoog_tui.tui.screens.export_dialog import ExportDialog

    if recorder.session is None:
        return None
    table = recorder.table.name if recorder.table is not None else None
    return ExportDialog(recorder.gateway, t, session_key=str(recorder.session.id), table=table)


def corrections_screen(
    recorder: Recorder, t: Translator, *, chosen: int | None, said: Sequence[Contribution] = ()
) -> Screen[Any] | None:
    """Corrections of this session's participants, phases and facts (None: not loaded);
    `said` is what the log shows, which tells which phase a stray one interrupted."""
    from dialoog_tui.core.agenda import came_after
    from dialoog_tui.tui.screens.corrections import CorrectionsScreen, Setup

    if recorder.session is None:
        return None
    recorder.count_first()  # opened in the frame after a first look: count before saying how many
    context = recorder.context
    setup = Setup(
        session=recorder.session,
        people=list(context.session_participants),
        phases=list(recorder.phases),
        domains=list(context.domains),
        contributions=recorder.total,
        came_after=came_after(said),
    )
    return CorrectionsScreen(setup, t, chosen=chosen)
