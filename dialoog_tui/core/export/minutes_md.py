"""The minutes (verslag) of a session, as CommonMark: the default session export.

Read as a council member reads minutes: who met, about what; then the meeting as it went,
phase by phase in time order, each contribution with its time, speaker and kind, a reply
under what it answers, resistance with its interests, values and condition right there; then
what was agreed, which interests are still open, and the session's themes with where else
they were heard. Pictures (participation per domain, contributions over time) are referred
to as files beside the Markdown; the HTML draws them in the page.

Consent as in every shareable output: the record is read through the gate, names shown or
hidden by `Voices`, a reply to something the summary may not show is not said to be one.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct

from dialoog_tui.core.consent_gate import shareable_record
from dialoog_tui.core.export.charts import (
    Bar,
    Chart,
    Document,
    Stage,
    bar_chart,
    timeline_chart,
)
from dialoog_tui.core.export.markdown import md_cell
from dialoog_tui.core.export.session_md import SessionWriter, SummaryOptions, participation
from dialoog_tui.core.export.voices import Voices
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder_report import InterestStatus
from dialoog_tui.core.model import Contribution, Participant
from dialoog_tui.core.record import SessionRecord
from dialoog_tui.core.themes.live import LiveTheme
from dialoog_tui.i18n.exports import Words


class Stretch(Struct, frozen=True):
    """A stretch of the meeting spent in one phase: a phase the meeting came back to makes a
    second stretch."""

    phase_id: int | None
    contributions: tuple[Contribution, ...]
    again: bool = False
    """The meeting was in this phase before."""


def stretches(contributions: Sequence[Contribution]) -> list[Stretch]:
    """The contributions cut where the phase changes, in the order they were made (by
    their time: notes imported later, or a time corrected, take their place)."""
    cut: list[list[Contribution]] = []
    for c in sorted(contributions, key=lambda c: (c.at, c.seq)):
        if cut and cut[-1][0].phase_id == c.phase_id:
            cut[-1].append(c)
        else:
            cut.append([c])
    seen: set[int | None] = set()
    found = []
    for items in cut:
        phase_id = items[0].phase_id
        found.append(Stretch(phase_id, tuple(items), again=phase_id in seen))
        seen.add(phase_id)
    return found


def reply_tree(stretch: Stretch) -> dict[int | None, list[Contribution]]:
    """The stretch's contributions under what they answer (None: not a reply within it), each
    list in the order said. A reply to something said before the stretch stands on its own."""
    here = {c.id for c in stretch.contributions}
    tree: dict[int | None, list[Contribution]] = {}
    for c in stretch.contributions:
        parent = c.reply_to_id if c.reply_to_id in here and c.reply_to_id != c.id else None
        tree.setdefault(parent, []).append(c)
    return tree


def session_minutes(
    record: SessionRecord,
    themes: Sequence[LiveTheme] | None,
    options: SummaryOptions,
    *,
    everyone: Sequence[Participant] = (),
    charts_named: str | None = None,
) -> Document:
    """The minutes of one session; `themes` are those heard in it (None: none found yet).
    With `charts_named` (a file name without extension) the pictures are drawn and referred
    to as `{charts_named}-….svg`. Anonymised, the names of `everyone` are kept out too."""
    words = Words(options.lang)
    record = shareable_record(record)
    people = record.people_in_order()
    voices = Voices.for_export(people, words, anonymize=options.anonymize, others=everyone)
    writer = _MinutesWriter(record, people, voices, words, options)
    return writer.minutes(themes, charts_named)


DEEPEST_REPLY = 3
"""Replies nest this many steps under what they answer, no deeper."""


class _MinutesWriter(SessionWriter):
    _by_id: dict[int, Contribution] | None = None

    def minutes(self, themes: Sequence[LiveTheme] | None, charts_named: str | None) -> Document:
        charts = self._charts(charts_named) if charts_named else {}
        self._heading()
        self._participants()
        self._picture(charts.get("participation"))
        self._meeting(charts.get("course"))
        self._ledger()
        self._open_interests()
        self._session_themes(themes)
        self._participation()
        self._footer()
        return Document(self.text(), tuple(charts.values()))

    def _picture(self, chart: Chart | None) -> None:
        if chart is not None:
            self._add("", f"![{md_cell(chart.title)}]({chart.name})")

    # --- the meeting as it went ----------------------------------------------------------

    def _meeting(self, chart: Chart | None) -> None:
        w = self.words
        self._section(w("minutes_course"))
        if not self.record.contributions:
            self._add(w("nothing"))
            return
        if chart is not None:
            self._add(f"![{md_cell(chart.title)}]({chart.name})")
        for number, stretch in enumerate(stretches(self.record.contributions), start=1):
            items = stretch.contributions
            first, last = self._time(items[0].at), self._time(items[-1].at)
            span = first if first == last else f"{first}–{last}"
            self._add("", f"### {number}. {md_cell(self._title(stretch))} ({span})", "")
            tree = reply_tree(stretch)
            for c in tree.get(None, []):
                self._contribution(c, tree, depth=0)

    def _contribution(
        self, c: Contribution, tree: dict[int | None, list[Contribution]], depth: int
    ) -> None:
        indent = "  " * depth
        self._add(f"{indent}- {'↳ ' if depth else ''}{self._said_in_turn(c)}")
        self._ladder(c, indent=indent + "  ")
        if c.kind is Kind.COMMITMENT and (terms := self._terms(c)):
            self._add(f"{indent}  - {' · '.join(terms)}")
        for reply in tree.get(c.id, []):
            # Deeper than a few steps a list gets too narrow to read; each reply says
            # whom it answers, so the rest of a long exchange stands at the last step.
            self._contribution(reply, tree, min(depth + 1, DEEPEST_REPLY))

    def _said_in_turn(self, c: Contribution) -> str:
        """`#12 · 19:05 · **Anna** (inwoner) · *weerstand* · Tafel 2 (op #9, Piet): text`:
        the table it was said at where the meeting sat at tables, and whom it answers, said
        also under its target, for a reader whose mail flattens the list."""
        w, v = self.words, self.voices
        note = f" · *{c.kind.label(w.lang)}*"
        table = self.record.tables.get(c.table_id) if c.table_id is not None else None
        if table:
            note += f" · {md_cell(v.text(table), mid_line=True)}"
        target = self._shown.get(c.reply_to_id) if c.reply_to_id is not None else None
        if target is not None:
            name = md_cell(v.name(self.record.speaker(target), target.consent))
            note += f" ({w('reply_to', seq=target.seq, name=name)})"
        return self._said(c, note)

    @property
    def _shown(self) -> dict[int, Contribution]:
        """The contributions the summary shows, by id (a reply to anything else is not said
        to be one: that would tell that something unshown was said)."""
        if self._by_id is None:
            self._by_id = {c.id: c for c in self.record.contributions}
        return self._by_id

    # --- after the meeting ---------------------------------------------------------------

    def _open_interests(self) -> None:
        w, v = self.words, self.voices
        self._section(w("open_interests"))
        seq = {c.id: c.seq for c in self.record.contributions}
        open_ = [s for s in self.record.interests if s.status is not InterestStatus.ANSWERED]
        if not open_:
            self._add(w("open_none") if self.record.interests else w("nothing"))
            return
        for state in open_:
            raised = ", ".join(f"#{seq[cid]}" for cid in state.raised_by if cid in seq)
            where = f" — {w('raised_by')} {raised}" if raised else ""
            status = state.status.label(w.lang)
            self._add(f"- **{md_cell(v.text(state.interest))}** ({status}){where}")

    def _session_themes(self, themes: Sequence[LiveTheme] | None) -> None:
        w, v = self.words, self.voices
        self._section(w("session_themes"))
        if not themes:
            self._add(w("themes_none"))
            return
        for live in themes:
            line = f"- **{md_cell(v.text(live.title))}** — {w('theme_here', count=live.here)}"
            if live.elsewhere_titles:
                titles = "; ".join(md_cell(v.text(t)) for t in live.elsewhere_titles)
                line += f"; {w('heard_elsewhere', titles=titles)}"
            elif live.elsewhere:
                line += f"; {w('theme_elsewhere', count=live.elsewhere)}"
            self._add(line)

    # --- pictures ------------------------------------------------------------------------

    def _charts(self, named: str) -> dict[str, Chart]:
        w, record = self.words, self.record
        if not record.contributions:
            return {}
        total = len(record.contributions)
        bars = [
            Bar(
                share.domain,
                share.contributions,
                f"{w('contributions_count', count=share.contributions)} · "
                f"{w('people_count', count=share.people)} · "
                f"{100 * share.contributions / total:.0f}%",
            )
            for share in participation(record, w)
        ]
        stages = [
            Stage(
                self._title(stretch),
                stretch.contributions[0].at,
                stretch.contributions[-1].at,
                tuple(c.at for c in stretch.contributions),
            )
            for stretch in stretches(record.contributions)
        ]
        return {
            "participation": bar_chart(f"{named}-{w('chart_file')}.svg", w("participation"), bars),
            "course": timeline_chart(
                f"{named}-{w('chart_file_course')}.svg",
                w("chart_course"),
                stages,
                zone=self.options.zone,
                counted=lambda count: w("contributions_count", count=count),
                per_bar=lambda minutes: w("chart_per_bar", count=minutes),
            ),
        }

    def _title(self, stretch: Stretch) -> str:
        """The stretch's title as text: `md_cell` makes it Markdown, a chart escapes it."""
        phase = self.record.phase(stretch.phase_id)
        title = self.voices.text(phase.title) if phase else self.words("no_phase")
        return self.words("phase_again", title=title) if stretch.again else title
