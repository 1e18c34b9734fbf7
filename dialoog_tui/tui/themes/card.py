"""A theme's card: quotes by domain, counts per session, linked interests and values, and
every member contribution, with curation of the members from the keyboard.

Space marks members; S splits the marked (or the highlighted) ones into a new theme, V moves
the highlighted one to another theme, D removes it from this theme for good.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import fit, visible
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import Command, PaletteEntry, palette_entries_for, with_commands
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.look import Look, look_from_variables
from dialoog_tui.tui.themes.curating import NAME_FIELD, CuratingScreen, curation
from dialoog_tui.tui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from dialoog_tui.core.themes.card import ThemeCard, ThemeMember

theme_service = LazyModule("dialoog_tui.services.themes")

CARD_COMMANDS: tuple[Command, ...] = (
    Command("mark", "space"),
    Command("split", "s"),
    Command("move", "v"),
    Command("remove_member", "d"),
    Command("accept", "a"),
    Command("rename", "n"),
    Command("reject", "x"),
    Command("undo", "u,ctrl+z", text_key="cmd.undo_curation"),
    Command("history", "h"),
    Command("close", "escape", text_key="cmd.back"),
)


def _column_widths(width: int) -> tuple[int, int, int, int, int, int]:
    """Mark, number, speaker, session, time and text across `width` cells: the text gets
    what the others leave (a third or more), so it shows at 80 columns too, never behind a
    sideways scroll."""
    mark, number, time = 1, 4, 11
    padding = 2 * 6 + 2  # a cell's padding on both sides, and the scrollbar
    rest = max(width - padding - mark - number - time, 30)
    speaker = max(8, min(20, rest // 5))
    session = max(8, min(30, rest // 4))
    return mark, number, speaker, session, time, max(rest - speaker - session, 10)


class ThemeCardScreen(CuratingScreen):
    """One theme; closes itself when the theme is merged away or rejected."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("tab", "app.focus_next", show=False)]

    def __init__(
        self,
        gateway: StoreGateway,
        t: Translator,
        *,
        key: str,
        session_ids: Sequence[int],
        domains: Sequence[str] = (),
    ) -> None:
        super().__init__(gateway, t)
        self._look = Look()
        """Colours of the current theme (read when mounted)."""
        self._bindings = with_commands(self._bindings, CARD_COMMANDS, t)
        self.key = key
        """The theme shown (a split or merge may hand it a new one)."""
        self.session_ids = list(session_ids)
        self._domains = list(domains)
        """The configured domains, in order (their colours follow it)."""
        self.card: ThemeCard | None = None
        self.marked: list[int] = []
        """Members marked (Space) for a split."""
        self.choosing_target = False
        """Whether the list of themes to move a contribution to is open."""

    def compose(self) -> ComposeResult:
        yield Static(id="card-title")
        # The members get the room that is left and scroll on their own, so the cursor stays
        # in sight; what is above them scrolls in a part of its own.
        with Vertical(id="card-body"):
            with VerticalScroll(id="card-about", can_focus=False):
                yield Static(id="card-overview")
                yield Static(id="card-quotes")
            yield DataTable(id="card-members", cursor_type="row", zebra_stripes=True)
        yield OptionList(id="card-targets")
        yield Input(id=NAME_FIELD, classes="board-input")
        yield KeyHints(self.t, id="key-hints")

    def on_mount(self) -> None:
        self._look = look_from_variables(self.app.theme_variables)
        members = self.query_one("#card-members", DataTable)
        members.focus()
        self.run_worker(self.reload(), group="card", exclusive=True, exit_on_error=False)

    async def reload(self) -> None:
        card = await self.gateway.call(theme_service.card, self.key, self.session_ids)
        if card is None:
            self.dismiss(None)  # merged into another theme, rejected, or emptied
            return
        self.card = card
        self._show(card)

    # --- showing -------------------------------------------------------------------------

    def _show(self, card: ThemeCard) -> None:
        t = self.t
        theme = card.theme
        title = Text()
        status = (
            t("themes.accepted")
            if theme.accepted
            else t("themes.curated")
            if theme.curated
            else t("themes.proposed")
        )
        title.append(visible(theme.title), "bold")
        title.append(f"   {theme.id} · {status}")
        if theme.name:
            title.append("\n" + t("themes.label", label=visible(theme.label)), "italic")
        self.query_one("#card-title", Static).update(title)
        self.query_one("#card-overview", Static).update(self._overview(card))
        self.query_one("#card-quotes", Static).update(self._quotes(card))
        table = self.query_one("#card-members", DataTable)
        row = table.cursor_row
        widths = _column_widths(table.size.width or self.app.size.width)
        table.clear(columns=True)
        labels = (
            " ",
            "#",
            t("themes.speaker"),
            t("themes.session"),
            t("themes.time"),
            t("themes.text"),
        )
        for label, width in zip(labels, widths, strict=True):
            table.add_column(label, width=width)
        present = {m.contribution_id for m in card.members}
        self.marked = [m for m in self.marked if m in present]
        for member in card.members:
            table.add_row(
                "●" if member.contribution_id in self.marked else " ",
                str(member.seq),
                self._speaker(member, widths[2]),
                Text(fit(visible(member.session_title), widths[3])),
                member.at.astimezone().strftime("%d-%m %H:%M"),
                Text(fit(visible(member.text) or self.t("themes.paraphrase_missing"), widths[5])),
                key=str(member.contribution_id),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def on_resize(self) -> None:
        if self.card is not None:
            self._show(self.card)

    def _overview(self, card: ThemeCard) -> Text:
        t = self.t
        theme = card.theme
        text = Text()
        cohesion = t.decimal(theme.cohesion) if theme.cohesion is not None else "—"
        counts = t(
            "themes.card_counts",
            contributions=t("themes.contributions", count=theme.size),
            sessions=t("themes.sessions_count", count=len(card.sessions)),
            cohesion=cohesion,
        )
        text.append(counts)
        text.append("\n" + t("themes.terms") + ": ", "bold")
        text.append(visible(", ".join(theme.terms)))
        text.append("\n" + t("themes.per_session") + "\n", "bold")
        top = max((count for _id, _title, count in card.sessions), default=0)
        for _session_id, title, count in card.sessions:
            text.append(f"  {fit(visible(title), 40)} {count:>4} ")
            text.append("█" * max(1, round(20 * count / top)) if top else "", self._look.strong)
            text.append("\n")
        for heading, terms in (
            (t("ladder.interests_short"), card.interests),
            (t("ladder.values_short"), card.values),
        ):
            text.append(heading + ": ", "bold")
            listed = ", ".join(f"{visible(term)} ({count})" for term, count in terms)
            text.append(listed or t("ladder.none"))
            text.append("\n")
        return text

    def _quotes(self, card: ThemeCard) -> Text:
        t = self.t
        text = Text(t("themes.quotes_by_domain") + "\n", style="bold")
        if not card.quotes:
            text.append(t("themes.no_quotes"), "italic")
        for domain, members in card.quotes:
            slot = self._domain_slot(domain)
            text.append(
                f"{visible(domain) or self.t('fix.no_domain')}\n", self._look.domain_style(slot)
            )
            for member in members:
                text.append("  “")
                text.append(visible(member.text))
                text.append("” — ")
                text.append(self._quoted_name(member), "italic")
                text.append("\n")
        return text

    def _quoted_name(self, member: ThemeMember) -> str:
        if member.consent is Consent.ANONYMOUS:
            return self.t("themes.anonymous")
        return visible(member.speaker) if member.speaker else self.t("themes.room")

    def _domain_slot(self, domain: str) -> int | None:
        return self._domains.index(domain) if domain in self._domains else None

    def _speaker(self, member: ThemeMember, width: int) -> Text:
        name = self._quoted_name(member)
        mark = member.consent.marker.strip()
        return Text(fit(f"{mark} {name}".strip(), width))

    def highlighted_member(self) -> int | None:
        table = self.query_one("#card-members", DataTable)
        if table.row_count == 0:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    # --- actions -------------------------------------------------------------------------

    def action_mark(self) -> None:
        """Mark the highlighted contribution for a split (or unmark it)."""
        member = self.highlighted_member()
        if member is None or self.card is None:
            return
        if member in self.marked:
            self.marked.remove(member)
        else:
            self.marked.append(member)
        self._show(self.card)
        self.query_one("#card-members", DataTable).action_cursor_down()

    async def action_split(self) -> None:
        """The marked contributions (or the highlighted one) into a new theme."""
        chosen = list(self.marked) or [m for m in [self.highlighted_member()] if m is not None]
        if not chosen:
            return
        key = self.key
        outcome = await self.curate(curation.split_theme, key=key, contributions=chosen)
        if outcome is not None:
            self.marked = []

    async def action_remove_member(self) -> None:
        """Take the highlighted contribution out of this theme; later runs leave it out."""
        member, key = self.highlighted_member(), self.key
        if member is not None:
            await self.curate(curation.remove_from_theme, key=key, contribution=member)

    async def action_move(self) -> None:
        """Choose another theme for the highlighted contribution."""
        member = self.highlighted_member()
        if member is None:
            return
        board = await self.gateway.call(theme_service.board, self.session_ids)
        targets = self.query_one("#card-targets", OptionList)
        targets.clear_options()
        others = [th for th in (board.report.themes if board.report else ()) if th.id != self.key]
        if not others:
            self.notify(self.t("themes.no_other"), severity="warning")
            return
        targets.add_options(
            Option(Text(f"{fit(visible(th.title), 50)}  ({th.size})"), id=th.id) for th in others
        )
        targets.border_title = self.t("themes.move_to", contribution=member)
        targets.add_class("-open")
        targets.highlighted = 0
        targets.focus()
        self.choosing_target = True

    @on(OptionList.OptionSelected, "#card-targets")
    async def _move_to(self, event: OptionList.OptionSelected) -> None:
        member, target = self.highlighted_member(), event.option.id
        self._close_targets()
        if member is not None and target is not None:
            await self.curate(curation.move_contribution, contribution=member, key=target)

    async def action_accept(self) -> None:
        """Accept this theme."""
        await self.curate(curation.accept_theme, key=self.key)

    async def action_reject(self) -> None:
        """Mark this theme as not a theme (and go back)."""
        await self.curate(curation.reject_theme, key=self.key)

    def action_rename(self) -> None:
        """Name this theme (Enter saves, Esc not)."""
        if self.card is not None:
            self.ask_name(self.card.theme)

    def focus_list(self) -> None:
        self.query_one("#card-members", DataTable).focus()

    def _close_targets(self) -> None:
        self.choosing_target = False
        self.query_one("#card-targets").remove_class("-open")
        self.focus_list()

    def action_close(self) -> None:
        """Close the name field or the list of themes, else go back to the board."""
        if self.naming is not None:
            self.close_name_field()
        elif self.choosing_target:
            self._close_targets()
        else:
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "split", "move", "remove_member"):
            return (
                self.is_mounted
                and self.naming is None
                and not self.choosing_target
                and self.highlighted_member() is not None
            )
        return True

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The card's commands for the palette."""
        yield from palette_entries_for(
            CARD_COMMANDS, self.t, enabled=lambda action: self.check_action(action, ())
        )

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()
