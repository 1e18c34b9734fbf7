"""The search screen (Ctrl+F from capture and the theme board): what was said about
something, across sessions, best first, the found words marked; Enter jumps to it.

What it shows reads through the consent gate, as `dialoog search` does: a facilitator may
have it on the projector while preparing the next meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import visible
from dialoog_tui.errors import StoreError
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import Command, with_commands
from dialoog_tui.tui.found import Chosen
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from dialoog_tui.services.search import Found, Hit

searching = LazyModule("dialoog_tui.services.search")

SEARCH_COMMANDS: tuple[Command, ...] = (
    Command("jump", "enter", show=True, action="jump"),
    Command("close", "escape", text_key="cmd.back"),
)
TYPING_PAUSE = 0.15
"""Seconds after the last key before the search runs: typing a word is not searched per key."""
SHOWN_TEXT = 400
"""Characters of a contribution shown in a result (the rest is in the log)."""


class SearchScreen(DialoogScreen[Chosen | None]):
    """A query line over the results; the chosen result is the screen's answer."""

    CSS_PATH = "search.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_results", show=False),
    ]

    def __init__(self, gateway: StoreGateway, t: Translator, *, query: str = "") -> None:
        super().__init__()
        self._gateway = gateway
        self._t = t
        self._query = query
        self._bindings = with_commands(self._bindings, SEARCH_COMMANDS, t)
        self._pause: Timer | None = None
        self.found: Found | None = None
        """What the last search found (None: none done yet)."""

    def compose(self) -> ComposeResult:
        t = self._t
        yield Static(Text(t("search.title"), style="bold"), id="search-title")
        yield Input(value=self._query, placeholder=t("search.placeholder"), id="search-query")
        yield Static(Text(t("search.hint")), id="search-status")
        yield OptionList(id="search-results")
        yield KeyHints(t, id="key-hints")

    def on_mount(self) -> None:
        self.query_one("#search-query", Input).focus()
        if self._query:
            self._search_now()

    @on(Input.Changed, "#search-query")
    def _typed(self, _event: Input.Changed) -> None:
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.set_timer(TYPING_PAUSE, self._search_now)

    @on(Input.Submitted, "#search-query")
    async def _submitted(self, event: Input.Submitted) -> None:
        # Enter does not wait for the pause after typing: it searches now, then goes to
        # the results.
        if self._pause is not None:
            self._pause.stop()
            self._pause = None
        await self._search(event.value)
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.highlighted = 0
            results.focus()

    def _search_now(self) -> None:
        text = self.query_one("#search-query", Input).value
        self.run_worker(self._search(text), group="search", exclusive=True, exit_on_error=False)

    async def _search(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", OptionList)
        if not text.strip():
            self.found = None
            results.clear_options()
            status.update(Text(self._t("search.hint")))
            return
        try:
            found: Found = await self._gateway.call(searching.search, text)
        except StoreError as error:
            self.found = None
            results.clear_options()
            status.update(Text(self._t.explain(error)))
            return
        self.found = found
        results.clear_options()
        shown: list[Option | None] = []
        for index, hit in enumerate(found.hits):
            if index:
                shown.append(None)  # a line between results
            shown.append(Option(self._result(hit), id=str(index)))
        results.add_options(shown)
        key = "search.more" if found.more else "search.count"
        if not found.hits:
            key = "search.none"
        status.update(Text(self._t(key, count=len(found.hits))))

    def _result(self, hit: Hit) -> Text:
        """A result: where and by whom, then what was said with its found words marked."""
        t = self._t
        nobody = t("search.anonymous") if hit.anonymous else t("search.room")
        who = visible(hit.speaker or nobody) + (f" ({visible(hit.domain)})" if hit.domain else "")
        when = hit.at.astimezone().strftime("%Y-%m-%d %H:%M")
        line = Text()
        line.append(
            f"{visible(hit.session_title)} · {when} · #{hit.seq} · {who} · "
            f"{hit.kind.label(t.lang)}\n",
            style="dim",
        )
        said = Text("≈ " if hit.consent is Consent.PARAPHRASE else "")
        shown = hit.text[:SHOWN_TEXT]
        text = Text(visible(shown))  # a participant's words are data, never markup
        for start, end in hit.found:
            if end <= len(shown):
                text.stylize("bold underline reverse", start, end)
        if len(hit.text) > SHOWN_TEXT:
            text.append("…")
        said.append_text(text)
        line.append_text(said)
        return line

    def action_to_results(self) -> None:
        """From the query line down into the results."""
        results = self.query_one("#search-results", OptionList)
        if self.focused is not results and results.option_count:
            results.highlighted = results.highlighted or 0
            results.focus()

    def action_jump(self) -> None:
        """Open the highlighted result where it was said."""
        results = self.query_one("#search-results", OptionList)
        if self.found is None or results.highlighted is None:
            return
        option = results.get_option_at_index(results.highlighted)
        hit = self.found.hits[int(option.id or 0)]
        self.dismiss(Chosen(hit.session_id, hit.contribution_id, hit.seq, hit.session_title))

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, _event: OptionList.OptionSelected) -> None:
        self.action_jump()

    def action_close(self) -> None:
        """Back, without jumping."""
        self.dismiss(None)
