"""The capture screen's keyboard actions: selection, removal, undo, replies, speakers,
consent and the commands around them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

from rich.text import Text

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import Contribution
from dialoog_tui.core.quick_entry import SpeakerMention, split_mention, with_speaker
from dialoog_tui.core.speakers import ROOM, ROOM_NAME, Speaker
from dialoog_tui.tui.capture.commands import CAPTURE_COMMANDS, SPEAKERS_HELP
from dialoog_tui.tui.capture.entry_bar import EntryMode
from dialoog_tui.tui.capture.recorder import RecordChange
from dialoog_tui.tui.capture.screen_base import CaptureBase
from dialoog_tui.tui.commands import QUICK_KEYS, PaletteEntry, key_display, palette_entries_for


class CaptureActions(CaptureBase):
    """Everything the capture screen does on a key, apart from the input line's modes."""

    # --- selection -----------------------------------------------------------------------

    def action_select_previous(self) -> None:
        """Select the contribution above."""
        self.log_view.select_previous()

    def action_select_next(self) -> None:
        """Select the contribution below."""
        self.log_view.select_next()

    def action_page_up(self) -> None:
        """Scroll the log a page back."""
        self.log_view.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        """Scroll the log a page forward."""
        self.log_view.scroll_page_down(animate=False)

    # --- changing the record -------------------------------------------------------------

    async def action_remove(self) -> None:
        """Remove the selected contribution (Ctrl+Z brings it back)."""
        selected = self.log_view.selected
        if selected is None:
            return
        change = await self._attempt(self.recorder.remove(selected))
        if change is not None:
            self._show_change(change)
            self.notify(self.t("notify.removed", seq=selected.seq))

    async def action_consent(self) -> None:
        """Cycle the consent of the selected contribution, or of the next one."""
        target = self.log_view.selected
        if self.entry_bar.mode is EntryMode.PARAPHRASE:
            # The paraphrase was offered on the way round: going on means not now.
            target = self._paraphrasing
            self._leave_mode()
        if target is None:
            context = self.recorder.context
            context.next_consent = self._next_consent().following()
            self.notify(
                self.t("notify.next_consent", consent=context.next_consent.label(self.t.lang))
            )
            self._show_preview()
            return
        consent = target.consent.following()
        change = await self._attempt(self.recorder.set_consent(target, consent))
        if change is not None:
            self._show_change(change)
            self.notify(
                self.t("notify.consent", seq=target.seq, consent=consent.label(self.t.lang))
            )
            if consent is Consent.PARAPHRASE and change.replaced is not None:
                # A paraphrase-only remark is shared as the note-taker's paraphrase: offer to
                # write it now, while it is fresh.
                self._ask_paraphrase(change.replaced, offered=True)

    def action_paraphrase(self) -> None:
        """Write (or change) the paraphrase of the selected contribution."""
        selected = self.log_view.selected
        if selected is not None:
            self._ask_paraphrase(selected, offered=False)

    def _ask_paraphrase(self, contribution: Contribution, *, offered: bool) -> None:
        self._paraphrasing = contribution
        hint = "mode.paraphrase.offer" if offered else "mode.paraphrase.placeholder"
        self._enter_mode(
            EntryMode.PARAPHRASE,
            self.t("mode.paraphrase", seq=contribution.seq),
            contribution.paraphrase or "",
            self.t(hint),
        )

    async def _save_paraphrase(self, line: str) -> bool:
        """Store the typed paraphrase (an empty line leaves the prompt, or clears one)."""
        target = self._paraphrasing
        if target is None:
            return False
        typed = line.strip()
        if typed == (target.paraphrase or ""):
            self._leave_mode()
            return True
        change = await self._attempt(self.recorder.set_paraphrase(target, typed))
        if change is None:
            return False
        self._leave_mode()
        self._show_change(change)
        return True

    async def action_undo(self) -> None:
        """Undo the newest change."""
        if self.recorder.undo_stack.peek_undo() is None:
            self.notify(self.t("notify.nothing_to_undo"))
            return
        await self._undo_or_redo(self.recorder.undo, "notify.undone")

    async def action_redo(self) -> None:
        """Redo the newest undone change."""
        if self.recorder.undo_stack.peek_redo() is None:
            self.notify(self.t("notify.nothing_to_redo"))
            return
        await self._undo_or_redo(self.recorder.redo, "notify.redone")

    async def _undo_or_redo(
        self, step: Callable[[], Awaitable[RecordChange | None]], done_key: str
    ) -> None:
        change = await self._attempt(step())
        if change is not None:
            self._show_change(change)
            self.notify(self.t(done_key, what=self.t(change.what, seq=change.seq)))

    def action_reply(self) -> None:
        """Make the next contribution a reply to the selected one."""
        selected = self.log_view.selected
        if selected is not None:
            self._reply_to = selected
            self.log_view.clear_selection()
            self._show_preview()

    def action_cancel(self) -> None:
        """Step back: leave a prompt, drop the reply, or clear the selection."""
        if self.entry_bar.mode is not EntryMode.CAPTURE:
            self._leave_mode()
        elif self._reply_to is not None:
            self._reply_to = None
            self._show_preview()
        else:
            self.log_view.clear_selection()

    # --- speakers ------------------------------------------------------------------------

    def action_speaker(self, index: int) -> None:
        """Make the participant on quick key `index` the speaker."""
        person = self.recorder.context.quick_key_participant(index)
        if person is not None:
            self._set_speaker(Speaker(participant=person), SpeakerMention(person.name))

    def action_room(self) -> None:
        """Make the room the speaker."""
        self._set_speaker(ROOM, SpeakerMention(ROOM_NAME))

    def _set_speaker(self, speaker: Speaker, mention: SpeakerMention) -> None:
        entry = self.entry_bar.input
        typed_mention, _rest = split_mention(entry.value)
        if typed_mention is not None:
            # The line names someone already; the key corrects that name in place.
            entry.value = with_speaker(entry.value, mention)
            entry.cursor_position = len(entry.value)
        else:
            self.recorder.context.current_speaker = speaker
        self._show_state()

    # --- commands ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        capturing = self.entry_bar.mode is EntryMode.CAPTURE if self.is_mounted else True
        if action in ("edit", "remove", "reply", "ladder", "paraphrase"):
            return capturing and self.is_mounted and self.log_view.selected is not None
        if action == "consent":
            return capturing or self.entry_bar.mode is EntryMode.PARAPHRASE
        if action in ("select_previous", "select_next"):
            return capturing
        return True

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """Commands that apply now, and one entry per participant with a quick key."""
        yield from palette_entries_for(
            CAPTURE_COMMANDS, self.t, enabled=lambda action: self.check_action(action, ())
        )
        people = self.recorder.context.session_participants[: len(QUICK_KEYS)]
        for index, person in enumerate(people):
            key = key_display(f"alt+{QUICK_KEYS[index]}")
            title = Text(f"{self.t('cmd.speaker', key=key)}: ")
            title.append(person.name)
            help_text = self.t("cmd.speaker.help", name=person.name)
            yield PaletteEntry(title, help_text, f"speaker({index})")

    async def action_log(self) -> None:
        """Log the line in the input (what Enter does)."""
        await self.entry_bar.input.action_submit()

    def action_help(self) -> None:
        """Show the keys and the quick-entry syntax."""
        from dialoog_tui.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.t, (*CAPTURE_COMMANDS, SPEAKERS_HELP)))

    def action_ladder_view(self) -> None:
        """Open the ladder: values, interests, bridging interests and the ledger."""
        from dialoog_tui.tui.screens.ladder import LadderScreen

        if self.recorder.session is not None:
            self.app.push_screen(LadderScreen(self.recorder.gateway, self.recorder.session, self.t))

    def action_theme_board(self) -> None:
        """The themes across all sessions, to review and curate."""
        from dialoog_tui.tui.themes.board import ThemeBoardScreen

        self.app.push_screen(ThemeBoardScreen(self.recorder.gateway, self.t))

    def action_export(self) -> None:
        """Export this session: Markdown, HTML or JSON, with consent honoured."""
        from dialoog_tui.tui.screens.export_dialog import ExportDialog

        session = self.recorder.session
        if session is None:
            return
        self.app.push_screen(
            ExportDialog(self.recorder.gateway, self.t, session_key=str(session.id))
        )

    def action_live_themes(self) -> None:
        """Show or hide the live themes panel."""
        self.live_themes_on = not self.live_themes_on
        if self.live_themes_on:
            self._start_live_themes()
        else:
            self._stop_live_themes()

    def _start_live_themes(self) -> None:
        from dialoog_tui.tui.capture.live_themes import LiveThemes
        from dialoog_tui.tui.capture.themes_panel import ThemesPanel

        session = self.recorder.session
        if session is None:
            return
        panel = self.query_one("#live-themes", ThemesPanel)
        panel.add_class("-on")
        if self.live_themes is None:
            self.live_themes = LiveThemes(self, panel, self.recorder.gateway, self.t)
        self.live_themes.start(session.id)

    def _stop_live_themes(self) -> None:
        self.query_one("#live-themes").remove_class("-on")
        if self.live_themes is not None:
            self.live_themes.stop()
            self.live_themes = None

    def on_unmount(self) -> None:
        if self.live_themes is not None:
            self.live_themes.stop()

    async def action_sessions(self) -> None:
        """Go back to the session picker."""
        await self.flush_draft()
        await self.app.run_action("app.show_picker")

    async def flush_draft(self) -> None:
        """Save the input line now (also called before quitting)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if not self._loaded.is_set():
            return
        bar = self.entry_bar
        # After a resistance the ladder prompt may already hold the next contribution.
        typing_on = bar.mode is EntryMode.CAPTURE or self._ladder_offered
        text = bar.input.unsubmitted if typing_on else self._stash
        await self._attempt(self.recorder.save_draft(text))
