"""What capture's keys that change the record do: remove, cycle the consent, undo and redo,
and choose the speaker with a quick key. The screen binds the keys; this does the work."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import Contribution
from dialoog_tui.core.quick_entry import SpeakerMention, split_mention, with_speaker
from dialoog_tui.core.speakers import ROOM, ROOM_NAME, Speaker
from dialoog_tui.tui.capture.modes import EntryMode
from dialoog_tui.tui.capture.prompts import Prompts
from dialoog_tui.tui.capture.recorder import RecordChange
from dialoog_tui.tui.capture.surface import CaptureSurface
from dialoog_tui.tui.capture.view import CaptureView

if TYPE_CHECKING:
    from dialoog_tui.tui.screens.corrections import Fix  # the F6 screen loads when opened


class RecordKeys:
    """The record-changing keys of one capture screen."""

    def __init__(self, screen: CaptureSurface, view: CaptureView, prompts: Prompts) -> None:
        self._screen = screen
        self._view = view
        self._prompts = prompts

    async def remove(self, selected: Contribution | None) -> None:
        """Take the selected contribution out (Ctrl+Z brings it back)."""
        screen = self._screen
        if selected is None:
            return
        change = await self._view.attempt(screen.recorder.remove(selected))
        if change is not None:
            self._view.show_change(change)
            screen.notify(screen.t("notify.removed", seq=selected.seq))

    async def cycle_consent(self, selected: Contribution | None) -> None:
        """The next consent for the selected contribution, or for the next one."""
        screen, t = self._screen, self._screen.t
        target = selected
        if screen.entry.mode is EntryMode.PARAPHRASE:
            # The paraphrase was offered on the way round: going on means not now.
            target = screen.entry.target
            self._prompts.close()
        if target is None:
            context = screen.recorder.context
            context.next_consent = self._view.next_consent().following()
            label = context.next_consent.label(t.lang)
            screen.notify(t("notify.next_consent", consent=label))
            self._view.show_preview()
            return
        consent = target.consent.following()
        change = await self._view.attempt(screen.recorder.set_consent(target, consent))
        if change is None:
            return
        self._view.show_change(change)
        screen.notify(t("notify.consent", seq=target.seq, consent=consent.label(t.lang)))
        if consent is Consent.PARAPHRASE and change.replaced is not None:
            # A paraphrase-only remark is shared as the note-taker's paraphrase: offer to
            # write it now, while it is fresh.
            self._prompts.paraphrase(change.replaced, offered=True)

    async def undo(self) -> None:
        """Undo the newest change."""
        recorder = self._screen.recorder
        if recorder.undo_stack.peek_undo() is None:
            self._screen.notify(self._screen.t("notify.nothing_to_undo"))
            return
        await self._step(recorder.undo, "notify.undone")

    async def redo(self) -> None:
        """Redo the newest undone change."""
        recorder = self._screen.recorder
        if recorder.undo_stack.peek_redo() is None:
            self._screen.notify(self._screen.t("notify.nothing_to_redo"))
            return
        await self._step(recorder.redo, "notify.redone")

    async def _step(
        self, step: Callable[[], Awaitable[RecordChange | None]], done_key: str
    ) -> None:
        screen = self._screen
        change = await self._view.attempt(step())
        if change is not None:
            self._view.show_change(change)
            screen.notify(screen.t(done_key, what=screen.t(change.what, seq=change.seq)))

    async def correct(self, fix: Fix | None) -> None:
        """Make the correction the corrections screen returned (F6), and show the session
        as it is after; a deleted session leaves for the picker."""
        screen = self._screen
        if fix is None:
            return
        session = screen.recorder.session
        change = await self._view.attempt(screen.recorder.correct(fix))
        if change is None:
            return
        self._view.show_change(change)
        if change.what == "undo.SessionDeleted" and session is not None:
            await screen.app.run_action("app.show_picker")
            screen.app.notify(
                screen.t("fix.deleted", title=session.title, slug=session.slug), markup=False
            )
            return
        screen.notify(screen.t("fix.done", what=screen.t(change.what)), markup=False)

    def speaker(self, index: int) -> None:
        """The participant on quick key `index` speaks."""
        person = self._screen.recorder.context.quick_key_participant(index)
        if person is not None:
            self._set_speaker(Speaker(participant=person), SpeakerMention(person.name))

    def room(self) -> None:
        """The room speaks."""
        self._set_speaker(ROOM, SpeakerMention(ROOM_NAME))

    def _set_speaker(self, speaker: Speaker, mention: SpeakerMention) -> None:
        screen = self._screen
        entry = screen.entry_bar.input
        typed_mention, _rest = split_mention(entry.value)
        if typed_mention is not None:
            # The line names someone already; the key corrects that name in place.
            entry.value = with_speaker(entry.value, mention)
            entry.cursor_position = len(entry.value)
        else:
            screen.recorder.context.current_speaker = speaker
        self._view.show_state()
