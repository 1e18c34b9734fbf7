"""The ladder view: values under resistance by domain, the interests raised and what was done
with them, interests that bridge opposite positions, and the commitments ledger."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from dialoog_tui.core.display import fit, telling_titles, visible
from dialoog_tui.core.ladder_report import InterestState, InterestStatus, LadderItem, LadderReport
from dialoog_tui.core.model import Session
from dialoog_tui.i18n import Translator
from dialoog_tui.lazy import LazyModule
from dialoog_tui.tui.commands import Command, PaletteEntry, palette_entries_for, with_commands
from dialoog_tui.tui.gateway import StoreGateway
from dialoog_tui.tui.screens.base import DialoogScreen
from dialoog_tui.tui.widgets.key_hints import KeyHints

ladder = LazyModule("dialoog_tui.services.ladder")

LADDER_COMMANDS: tuple[Command, ...] = (
    Command("acknowledge", "e", action="set_status('acknowledged')"),
    Command("answer", "b", action="answer"),
    Command("reopen", "o", action="set_status('open')"),
    Command("toggle_done", "d"),
    Command("scope", "a"),
    Command("close", "escape,f2"),
)


class LadderScreen(DialoogScreen[None]):
    """Opened with F2 from the capture screen; one session or all of them."""

    CSS_PATH = "ladder.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("tab", "app.focus_next", show=False)]

    def __init__(self, gateway: StoreGateway, session: Session, t: Translator) -> None:
        super().__init__()
        self._gateway = gateway
        self._session = session
        self._t = t
        self._bindings = with_commands(self._bindings, LADDER_COMMANDS, t)
        self.all_sessions = False
        """Whether the view spans every session instead of this one."""
        self.report: LadderReport | None = None
        """What is shown."""
        self._told: dict[int, str] = {}
        """Per session of the quotes shown, what tells it from the others."""

    def compose(self) -> ComposeResult:
        t = self._t
        with _Body(id="ladder-body"):
            yield Static(id="ladder-title")
            yield Static(Text(t("ladder.values"), style="bold"), classes="ladder-heading")
            yield Static(id="ladder-values")
            yield Static(Text(t("ladder.interests"), style="bold"), classes="ladder-heading")
            yield DataTable(id="ladder-interests", cursor_type="row", zebra_stripes=True)
            yield Static(Text(t("ladder.bridging"), style="bold"), classes="ladder-heading")
            yield Static(id="ladder-bridging")
            yield Static(Text(t("ladder.ledger"), style="bold"), classes="ladder-heading")
            yield DataTable(id="ladder-ledger", cursor_type="row", zebra_stripes=True)
        yield KeyHints(t, id="key-hints")

    def on_mount(self) -> None:
        t = self._t
        interests = self.query_one("#ladder-interests", DataTable)
        # The session's title last: on a narrow screen it is cut, not the status.
        interests.add_columns(
            t("ladder.interest"), t("ladder.count"), t("ladder.status"), t("ladder.session")
        )
        ledger = self.query_one("#ladder-ledger", DataTable)
        # The commitment's text last: however long it is, the date and owner stay in view.
        ledger.add_columns(
            t("ladder.done"), t("ladder.due"), t("ladder.owner"), t("ladder.commitment")
        )
        interests.focus()
        self._reload()

    def _reload(self) -> None:
        self.run_worker(self._load(), group="ladder", exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        ids = None if self.all_sessions else [self._session.id]
        # The facilitator's own view: off-the-record contributions are shown, marked ⊘.
        report: LadderReport = await self._gateway.call(ladder.report, ids, include_off_record=True)
        self.report = report
        self._show(report)

    # --- showing -------------------------------------------------------------------------

    def _show(self, report: LadderReport) -> None:
        t = self._t
        quoted = [item for item, _ in report.commitments] + [
            item for bridge in report.bridging for item in (*bridge.resisting, *bridge.supporting)
        ]
        self._told = telling_titles({item.session_id: item.session_title for item in quoted})
        scope = t("ladder.all") if self.all_sessions else visible(self._session.title)
        self.query_one("#ladder-title", Static).update(
            Text.assemble((f"{t('cmd.ladder_view')} — ", "bold"), (scope, "bold"))
        )
        self.query_one("#ladder-values", Static).update(self._values_text(report))
        self.query_one("#ladder-bridging", Static).update(self._bridging_text(report))
        interests = self.query_one("#ladder-interests", DataTable)
        was = _cursor_key(interests)
        interests.clear()
        for state in report.interests:
            interests.add_row(
                Text(visible(state.interest)),
                str(len(state.raised_by)),
                Text(state.status.label(t.lang), style=_status_style(state.status)),
                Text(visible(state.session_title)),
                key=f"{state.session_id}:{state.interest}",
            )
        _move_to(interests, was)
        ledger = self.query_one("#ladder-ledger", DataTable)
        was = _cursor_key(ledger)
        ledger.clear()
        for item, entry in report.commitments:
            ledger.add_row(
                "✔" if entry.done_at else "·",
                entry.due_on.isoformat() if entry.due_on else "—",
                Text(visible(entry.owner or "—")),
                _quote(item, session=self._session_of(item)),
                key=str(item.contribution_id),
            )
        _move_to(ledger, was)

    def _session_of(self, item: LadderItem) -> str | None:
        """Across all sessions, what tells the session of a quote from the others (its
        number alone would not say which session's it is); None for this session only."""
        return self._told.get(item.session_id) if self.all_sessions else None

    def _values_text(self, report: LadderReport) -> Text:
        text = Text()
        if not report.values:
            return Text(self._t("ladder.none"), style="italic")
        for count in report.values:
            domains = "  ".join(
                f"{domain or '—'} {n}" for domain, n in sorted(count.by_domain.items(), key=str)
            )
            text.append(fit(visible(count.value), 24), "bold")
            text.append(f"{count.under_resistance:>3}  ")
            text.append("█" * count.under_resistance, "bold")
            text.append(f"  {domains}  ({self._t('ladder.overall')} {count.overall})\n")
        return text

    def _bridging_text(self, report: LadderReport) -> Text:
        if not report.bridging:
            return Text(self._t("ladder.none"), style="italic")
        text = Text()
        for bridge in report.bridging:
            against, for_ = bridge.domains
            text.append(visible(bridge.interest), "bold")
            text.append(f"   ! {', '.join(against)}   ⇄   + {', '.join(for_)}\n")
            for mark, items in (("!", bridge.resisting), ("+", bridge.supporting)):
                for item in items:
                    text.append(f"    {mark} ")
                    text.append_text(_quote(item, session=self._session_of(item)))
                    text.append("\n")
        return text

    # --- actions -------------------------------------------------------------------------

    def _selected_interest(self) -> InterestState | None:
        table = self.query_one("#ladder-interests", DataTable)
        if self.report is None or table.row_count == 0 or not table.has_focus:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next(
            (s for s in self.report.interests if f"{s.session_id}:{s.interest}" == key), None
        )

    async def action_set_status(self, status: str) -> None:
        """Mark the selected interest acknowledged or open again."""
        state = self._selected_interest()
        if state is not None:
            await self._store_status(state, InterestStatus(status), None)

    def action_answer(self) -> None:
        """Mark the selected interest answered, choosing what answered it."""
        state = self._selected_interest()
        if state is None or self.report is None:
            return
        from dialoog_tui.tui.screens.answer_picker import AnswerPicker

        candidates = list(self._answers(state.session_id))

        async def chosen(answer: int | None) -> None:
            if answer != AnswerPicker.CANCELLED:
                await self._store_status(state, InterestStatus.ANSWERED, answer)

        self.app.push_screen(AnswerPicker(self._t, state.interest, candidates), chosen)

    def _answers(self, session_id: int) -> Iterator[LadderItem]:
        assert self.report is not None
        seen: set[int] = set()
        for item, _entry in self.report.commitments:
            if item.session_id == session_id and item.contribution_id not in seen:
                seen.add(item.contribution_id)
                yield item

    async def _store_status(
        self, state: InterestState, status: InterestStatus, answer: int | None
    ) -> None:
        try:
            await self._gateway.call(
                ladder.set_interest_status,
                state.session_id,
                state.interest,
                status,
                answered_by_id=answer,
            )
        except Exception as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(
            self._t(
                "ladder.status_set", interest=state.interest, status=status.label(self._t.lang)
            ),
            markup=False,
        )
        await self._load()

    async def action_toggle_done(self) -> None:
        """Mark the selected commitment done, or not done again."""
        table = self.query_one("#ladder-ledger", DataTable)
        if self.report is None or table.row_count == 0 or not table.has_focus:
            return
        contribution_id = int(
            str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        )
        entry = next(e for i, e in self.report.commitments if i.contribution_id == contribution_id)
        await self._gateway.call(ladder.set_commitment, contribution_id, done=entry.done_at is None)
        await self._load()

    def action_scope(self) -> None:
        """Switch between this session and all sessions."""
        self.all_sessions = not self.all_sessions
        self._reload()

    def action_close(self) -> None:
        """Back to capture."""
        self.dismiss(None)

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The ladder's commands for the palette."""
        yield from palette_entries_for(LADDER_COMMANDS, self._t, enabled=lambda _action: True)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()


class _Body(VerticalScroll, can_focus=False):
    """Scrolls the view; Tab moves between the two tables rather than stopping here."""


def _cursor_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor (None: an empty table)."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def _move_to(table: DataTable[Any], key: str | None) -> None:
    """Put the cursor back on the row of `key` after the table was filled again, so the
    next key acts on the row it was on (a status change reloads the whole view)."""
    if key is None or table.row_count == 0:
        return
    try:
        row = table.get_row_index(key)
    except RowDoesNotExist:  # the row is gone: stay near where the cursor was
        row = min(table.cursor_row, table.row_count - 1)
    table.move_cursor(row=row)


def _quote(item: LadderItem, *, session: str | None = None) -> Text:
    """`#12 ⊘ Piet (ondernemer): text` — a quote in the facilitator's view; across all
    sessions with (what tells) its `session` in front, or `#12` would not say which twelfth
    contribution it is."""
    text = Text()
    if session is not None:
        text.append(visible(session), "italic")
        text.append(" ")
    text.append(f"#{item.seq} ")  # as the log numbers it: the screen reads the whole record
    if item.consent.marker.strip():
        text.append(f"{item.consent.marker} ", "bold")
    text.append(visible(item.speaker or "—"), "bold")
    text.append(f" ({item.domain or '—'}): ")
    text.append(visible(item.text))
    return text


def _status_style(status: InterestStatus) -> str:
    return {
        InterestStatus.OPEN: "bold",
        InterestStatus.ACKNOWLEDGED: "italic",
        InterestStatus.ANSWERED: "dim",
    }[status]
