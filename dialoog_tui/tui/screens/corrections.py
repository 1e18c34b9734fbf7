"""Corrections without leaving the meeting (F6): a participant's name, domain or organisation,
merging a typo'd name into the real person, removing someone who never spoke; a phase's
title and place, taking a stray phase off the agenda; the session's facts, or deleting it.

Keyboard-first: ↑↓ choose on the left, Enter edits on the right, Enter in a field saves,
Ctrl+D removes, Esc steps back. The screen only reads what is typed; it returns the
correction as a use case for the recorder to run, so Ctrl+Z undoes it like any change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from msgspec import Struct
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from dialoog_tui.core.agenda import phase_matches, resembling
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.corrections import (
    Correction,
    ParticipantFacts,
    SessionFacts,
    pick_domain,
    read_when,
)
from dialoog_tui.core.display import abbreviate_domain
from dialoog_tui.core.model import Participant, Phase
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.speakers import prefix_matches
from dialoog_tui.i18n import Translator

if TYPE_CHECKING:
    from dialoog_tui.services import corrections
    from dialoog_tui.services.database import Database
else:
    from dialoog_tui.lazy import LazyModule

    corrections = LazyModule("dialoog_tui.services.corrections")

Fix = Callable[["Database"], Correction]
"""A correction, ready for the store thread."""

PERSON_FIELDS = ("name", "domain", "organisation", "merge")
PHASE_FIELDS = ("phase_title", "position", "into")
SESSION_FIELDS = ("title", "question", "location", "organiser", "note_taker", "date", "consent")


class Setup(Struct, frozen=True):
    """What the meeting has now, as capture knows it."""

    session: DialogueSession
    people: Sequence[Participant]
    phases: Sequence[Phase]
    domains: Sequence[str]
    contributions: int
    came_after: Mapping[int, int] = {}
    """Per phase, the phase it interrupted (`agenda.came_after`, from the log): where a
    stray phase's contributions go by default."""


class CorrectionsScreen(ModalScreen[Fix | None]):
    """Returns the correction to make (None: nothing)."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", show=False),
        Binding("ctrl+d", "remove", show=False, priority=True),
    ]

    def __init__(self, setup: Setup, t: Translator, *, chosen: int | None = None) -> None:
        """`chosen`: the participant to start on (the selected contribution's speaker)."""
        super().__init__()
        self._setup = setup
        self._t = t
        self._chosen = chosen
        self._confirming = False

    def compose(self) -> ComposeResult:
        t, setup = self._t, self._setup
        with Vertical(id="fixes"):
            yield Label(f"{t('fix.title')} — {setup.session.title}", id="fixes-title", markup=False)
            with Horizontal(id="fixes-body"):
                yield OptionList(*self._options(), id="fix-list")
                with Vertical(id="fix-form"):
                    for field in (*PERSON_FIELDS, *PHASE_FIELDS, *SESSION_FIELDS):
                        with Horizontal(classes="fix-row", id=f"row-{field}"):
                            yield Label(t(f"fix.field.{field}"), classes="fix-label")
                            yield Input(id=f"fix-{field}", classes="fix-input")
                    yield Label("", id="fix-hint", markup=False)
            yield Label(t("fix.keys"), id="fixes-keys", markup=False)

    def _options(self) -> list[Option | None]:
        t, setup = self._t, self._setup
        options: list[Option | None] = [Option(Text(t("fix.people"), style="bold"), disabled=True)]
        for person in setup.people:
            line = Text(f"  {person.name}")  # a name is data, never markup
            # The domain as the log shortens it: one line per person, even at 80 columns.
            domain = abbreviate_domain(person.domain) if person.domain else t("fix.no_domain")
            line.append(f" · {domain}", style="dim")
            options.append(Option(line, id=f"p{person.id}"))
        options.append(Option(Text(t("fix.phases"), style="bold"), disabled=True))
        for phase in setup.phases:
            options.append(Option(Text(f"  {phase.position}. {phase.title}"), id=f"f{phase.id}"))
        options.append(Option(Text(t("fix.session"), style="bold"), disabled=True))
        options.append(Option(Text(f"  {setup.session.title}"), id="s"))
        return options

    def on_mount(self) -> None:
        listing = self.query_one("#fix-list", OptionList)
        wanted = f"p{self._chosen}" if self._chosen is not None else None
        index = next(
            (
                i
                for i in range(listing.option_count)
                if not listing.get_option_at_index(i).disabled
                and (wanted is None or listing.get_option_at_index(i).id == wanted)
            ),
            None,
        )
        listing.highlighted = index
        listing.focus()
        self._show(self._current())

    # --- which item, and its form ----------------------------------------------------------

    def _current(self) -> str | None:
        listing = self.query_one("#fix-list", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._confirming = False
        self._show(self._current())

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        first = next((i for i in self.query(".fix-input") if i.parent and i.parent.display), None)
        if isinstance(first, Input):
            first.focus()

    def _show(self, item: str | None) -> None:
        fields: tuple[str, ...] = ()
        values: dict[str, str] = {}
        hint = ""
        if item and item.startswith("p"):
            person = self._person(int(item[1:]))
            fields, hint = PERSON_FIELDS, "fix.hint.person"
            values = {
                "name": person.name,
                "domain": person.domain or "",
                "organisation": person.organisation or "",
                "merge": "",
            }
        elif item and item.startswith("f"):
            phase = self._phase(int(item[1:]))
            fields, hint = PHASE_FIELDS, "fix.hint.phase"
            values = {
                "phase_title": phase.title,
                "position": str(phase.position),
                "into": self._interrupted(phase),
            }
        elif item == "s":
            session = self._setup.session
            fields, hint = SESSION_FIELDS, "fix.hint.session"
            values = {
                "title": session.title,
                "question": session.question or "",
                "location": session.location or "",
                "organiser": session.organiser or "",
                "note_taker": session.note_taker or "",
                "date": session.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                "consent": session.default_consent.label(self._t.lang),
            }
        for field in (*PERSON_FIELDS, *PHASE_FIELDS, *SESSION_FIELDS):
            self.query_one(f"#row-{field}").display = field in fields
            if field in values:
                self.query_one(f"#fix-{field}", Input).value = values[field]
        self.query_one("#fix-hint", Label).update(self._t(hint) if hint else "")

    def _person(self, participant_id: int) -> Participant:
        return next(p for p in self._setup.people if p.id == participant_id)

    def _phase(self, phase_id: int) -> Phase:
        return next(p for p in self._setup.phases if p.id == phase_id)

    def _value(self, field: str) -> str:
        return self.query_one(f"#fix-{field}", Input).value.strip()

    # --- saving and removing ------------------------------------------------------------

    @on(Input.Submitted)
    def _save(self) -> None:
        item = self._current()
        try:
            fix = self._fix(item) if item else None
        except ValueError as problem:
            self.notify(str(problem), severity="warning", markup=False)
            return
        self.dismiss(fix)

    def _fix(self, item: str) -> Fix | None:
        t = self._t
        if item.startswith("p"):
            person = self._person(int(item[1:]))
            merge = self._value("merge")
            if merge:
                return partial(
                    corrections.merge_participants,
                    gone_id=person.id,
                    kept_id=self._other(person, merge).id,
                )
            try:
                domain = pick_domain(self._value("domain"), self._setup.domains)
            except ValueError as problem:
                raise ValueError(
                    t("fix.bad_value", field=t("fix.field.domain"), problem=problem)
                ) from None
            facts = ParticipantFacts(
                self._value("name"), domain, self._value("organisation") or None
            )
            if facts == ParticipantFacts.of(person):
                return None
            return partial(corrections.change_participant, participant_id=person.id, after=facts)
        if item.startswith("f"):
            phase = self._phase(int(item[1:]))
            title, position = self._value("phase_title"), self._value("position")
            last = len(self._setup.phases)
            if not position.isdigit() or not 1 <= int(position) <= last:
                raise ValueError(t("fix.bad_position", last=last))
            if int(position) != phase.position:
                if title != phase.title:
                    # Two corrections in one save would be undone as one; saying so beats
                    # keeping the move and dropping the new name without a word.
                    raise ValueError(t("fix.phase_one_change"))
                return partial(corrections.move_phase, phase=phase, position=int(position))
            if title != phase.title:
                return partial(corrections.rename_phase, phase_id=phase.id, title=title)
            return None
        session = self._setup.session
        shown = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        try:
            # The field shows minutes: left as shown, the date keeps its seconds.
            when = (
                session.started_at
                if self._value("date") == shown
                else read_when(self._value("date"))
            )
        except ValueError as problem:
            raise ValueError(
                t("fix.bad_value", field=t("fix.field.date"), problem=problem)
            ) from None
        consent = Consent.from_name(self._value("consent"))
        if consent is None:
            names = ", ".join(c.label(t.lang) for c in Consent)
            raise ValueError(t("fix.bad_value", field=t("fix.field.consent"), problem=names))
        session_facts = SessionFacts(
            title=self._value("title"),
            question=self._value("question") or None,
            location=self._value("location") or None,
            organiser=self._value("organiser") or None,
            note_taker=self._value("note_taker") or None,
            started_at=when,
            default_consent=consent,
        )
        if session_facts == SessionFacts.of(session):
            return None
        return partial(corrections.edit_session, session_id=session.id, after=session_facts)

    def _other(self, person: Participant, typed: str) -> Participant:
        others = [p for p in self._setup.people if p.id != person.id]
        key = typed.casefold()
        found = [p for p in others if p.name.casefold() == key] or prefix_matches(
            key, others, lambda p: p.name
        )
        if len(found) != 1:
            raise ValueError(self._t("fix.unknown_person", name=typed))
        return found[0]

    def action_remove(self) -> None:
        """Ctrl+D: remove the participant or phase; the session after a confirmation."""
        item = self._current()
        if item is None:
            return
        if item.startswith("p"):
            self.dismiss(partial(corrections.remove_participant, participant_id=int(item[1:])))
        elif item.startswith("f"):
            try:
                into = self._into(self._phase(int(item[1:])))
            except ValueError as problem:
                self.notify(str(problem), severity="warning", markup=False)
                return
            self.dismiss(partial(corrections.remove_phase, phase_id=int(item[1:]), into=into))
        elif not self._confirming:
            self._confirming = True
            setup = self._setup
            self.query_one("#fix-hint", Label).update(
                self._t(
                    "fix.confirm_delete",
                    title=setup.session.title,
                    contributions=self._t("fix.detail.contributions", count=setup.contributions),
                    people=self._t("fix.people_count", count=len(setup.people)),
                    slug=setup.session.slug,
                )
            )
        else:
            self.dismiss(partial(corrections.delete_session, session_id=self._setup.session.id))

    def _interrupted(self, phase: Phase) -> str:
        """The title of the phase `phase`'s contributions go to by default: the one its
        title was meant to be (`Idea` for `Ideeën`), else the one it interrupted, else the one
        before it on the agenda (none for the first)."""
        meant = resembling(phase.title, self._setup.phases, other_than=phase.id)
        if meant is not None:
            return meant.title
        interrupted = self._setup.came_after.get(phase.id)
        by_id = {p.id: p for p in self._setup.phases}
        if interrupted in by_id:
            return by_id[interrupted].title
        before = [p for p in self._setup.phases if p.position < phase.position]
        return before[-1].title if before else ""

    def _into(self, phase: Phase) -> int | None:
        typed = self._value("into")
        if not typed:
            return None
        others = [p for p in self._setup.phases if p.id != phase.id]
        found = phase_matches(typed, others)
        if len(found) != 1:
            raise ValueError(self._t("fix.unknown_phase", name=typed))
        return found[0].id

    def action_back(self) -> None:
        """Esc: from a field back to the list; from the list, close."""
        listing = self.query_one("#fix-list", OptionList)
        if listing.has_focus:
            self.dismiss(None)
        else:
            self._confirming = False
            self._show(self._current())
            listing.focus()
