"""The input line's prompts: editing a contribution, the ladder under one, its paraphrase,
and the phase to go to. Opening one puts the half-typed line aside (`EntryState.prompt`);
Enter stores what the line says and closes it, Esc closes it and gives the line back."""

from __future__ import annotations

from rich.text import Text

from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import Contribution
from dialoog_tui.core.quick_entry import (
    ParsedEntry,
    SpeakerMention,
    format_annotations,
    format_entry,
)
from dialoog_tui.core.speakers import ROOM_NAME
from dialoog_tui.tui.capture.modes import EntryMode, ladder_of
from dialoog_tui.tui.capture.surface import CaptureSurface
from dialoog_tui.tui.capture.view import CaptureView


class Prompts:
    """Opens, answers and closes the prompts of one capture screen."""

    def __init__(self, screen: CaptureSurface, view: CaptureView) -> None:
        self._screen = screen
        self._view = view

    # --- opening and closing -------------------------------------------------------------

    def open(
        self,
        mode: EntryMode,
        label: str,
        value: str,
        placeholder: str,
        *,
        target: Contribution | None = None,
        offered: bool = False,
    ) -> None:
        """Let the input line ask for something, starting from `value`."""
        screen = self._screen
        bar = screen.entry_bar
        state = screen.entry.prompt(mode, bar.input.value, target=target, offered=offered)
        label_text = Text(label, self._view.look.strong)
        bar.enter_mode(mode, label=label_text, value=value, placeholder=placeholder)
        screen.entry = state  # redraws what depends on the mode

    def close(self) -> None:
        """Back to typing a new contribution, with the line that was put aside; at a prompt
        where typing went on (an offered ladder), with what was typed there."""
        screen = self._screen
        state = screen.entry
        value = screen.entry_bar.input.value if state.draft_in_input else state.stash
        screen.entry_bar.enter_mode(
            EntryMode.CAPTURE,
            label=Text(""),
            value=value,
            placeholder=screen.t("capture.placeholder"),
        )
        screen.entry = screen.entry.leave()  # redraws what depends on the mode

    def edit(self, contribution: Contribution) -> None:
        """The contribution as a quick-entry line, to change and store again."""
        person = self._screen.recorder.context.participant(contribution.participant_id)
        line = format_entry(
            ParsedEntry(
                speaker=SpeakerMention(person.name if person else ROOM_NAME),
                kind=contribution.kind,
                text=contribution.text,
                tags=contribution.tags,
                interests=contribution.interests,
                values=contribution.values,
                condition=contribution.condition,
                paraphrase=contribution.paraphrase,
                # A commitment's terms as they stand: the preview then says them right, and
                # the line can change them.
                owner=contribution.owner,
                due=contribution.due_on.isoformat() if contribution.due_on else None,
            )
        )
        label = self._screen.t("mode.edit", seq=contribution.seq)
        self.open(EntryMode.EDIT, label, line, "", target=contribution)

    def ladder(self, contribution: Contribution, *, offered: bool) -> None:
        """Ask what lies under a contribution. Offered after logging, the line starts empty
        (what was typed inline stays, and this adds to it); asked for with Ctrl+L, it shows
        the ladder to change."""
        t = self._screen.t
        current = (
            ""
            if offered
            else format_annotations(
                contribution.interests, contribution.values, contribution.condition
            )
        )
        hint = t("mode.ladder.skip" if offered else "mode.ladder.placeholder")
        label = t("mode.ladder.offered" if offered else "mode.ladder", seq=contribution.seq)
        self.open(EntryMode.LADDER, label, current, hint, target=contribution, offered=offered)

    def paraphrase(self, contribution: Contribution, *, offered: bool) -> None:
        """Ask for the note-taker's paraphrase of a contribution."""
        t = self._screen.t
        hint = t("mode.paraphrase.offer" if offered else "mode.paraphrase.placeholder")
        label = t("mode.paraphrase", seq=contribution.seq)
        value = contribution.paraphrase or ""
        self.open(EntryMode.PARAPHRASE, label, value, hint, target=contribution, offered=offered)

    def phase(self) -> None:
        """Ask which phase to go to."""
        t = self._screen.t
        self.open(EntryMode.PHASE, t("mode.phase"), "", t("mode.phase.placeholder"))

    # --- answering -----------------------------------------------------------------------

    async def answer(self, line: str) -> bool:
        """Store what the line says at the open prompt; True if it was used (the prompt
        then closed), False if it stays."""
        state = self._screen.entry
        target = state.target
        match state.mode:
            case EntryMode.PHASE:
                return await self._go_to_phase(line)
            case EntryMode.EDIT if target is not None:
                return await self._store_edit(target, line, loaded=state.loaded or target)
            case EntryMode.LADDER if target is not None:
                return await self._store_ladder(target, line, offered=state.offered)
            case EntryMode.PARAPHRASE if target is not None:
                return await self._store_paraphrase(target, line)
        return False

    async def _store_edit(self, original: Contribution, line: str, *, loaded: Contribution) -> bool:
        screen = self._screen
        preview = self._view.preview(line)
        if not preview.loggable:
            self._view.warn_not_loggable(preview)
            return False
        change = await self._view.attempt(screen.recorder.edit(original, preview, loaded=loaded))
        if change is None:
            return False
        self.close()
        self._view.show_change(change)
        return True

    async def _store_ladder(self, target: Contribution, line: str, *, offered: bool) -> bool:
        screen = self._screen
        interests, values, condition = ladder_of(line)
        if offered:
            interests = (*target.interests, *interests)
            values = (*target.values, *values)
            condition = condition or target.condition
        ladder = Ladder(interests, values, condition)
        if ladder.is_empty and target.interests == () and target.values == ():
            self.close()  # an empty answer to the prompt is the same as Esc
            return True
        change = await self._view.attempt(screen.recorder.set_ladder(target, ladder))
        if change is None:
            return False
        self.close()
        self._view.show_change(change)
        return True

    async def _store_paraphrase(self, target: Contribution, line: str) -> bool:
        """An empty line leaves the prompt, or clears a paraphrase that was there."""
        screen = self._screen
        typed = line.strip()
        if typed == (target.paraphrase or ""):
            self.close()
            return True
        change = await self._view.attempt(screen.recorder.set_paraphrase(target, typed))
        if change is None:
            return False
        self.close()
        self._view.show_change(change)
        return True

    async def next_phase(self) -> None:
        """Go to the agenda item after the current one."""
        screen = self._screen
        following = screen.recorder.next_phase()
        if following is None:
            screen.notify(screen.t("notify.no_next_phase"), severity="warning")
            return
        phase = await self._view.attempt(screen.recorder.go_to_phase(str(following.position)))
        if phase is not None:
            screen.notify(screen.t("notify.phase", title=phase.title), markup=False)
            self._view.show_state()

    async def _go_to_phase(self, typed: str) -> bool:
        """Go to the typed phase (an empty line just leaves the prompt)."""
        screen = self._screen
        if not typed.strip():
            self.close()
            return True
        phase = await self._view.attempt(screen.recorder.go_to_phase(typed))
        if phase is None:
            return False
        self.close()
        screen.notify(screen.t("notify.phase", title=phase.title), markup=False)
        self._view.show_state()
        return True
