"""The session summary by kind, as CommonMark (`--layout by-kind`), and the writer it shares
with the minutes (`minutes_md`).

Every piece of participant text goes through `md_text` (or `md_cell` in a table), so it
comes out as the same literal text. The record is read through the consent gate first, and
names are shown (or hidden) by `Voices`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, tzinfo

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import (
    heard_only_anonymously,
    shareable_record,
    speaker_domain,
)
from dialoog_tui.core.export.markdown import md_cell, md_text
from dialoog_tui.core.export.voices import Voices
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution, Participant
from dialoog_tui.core.record import SessionRecord
from dialoog_tui.core.themes.live import LiveTheme
from dialoog_tui.i18n.exports import Words


class SummaryOptions(Struct, frozen=True):
    """How a summary is written."""

    exported_at: datetime
    lang: str = "nl"
    anonymize: bool = False
    zone: tzinfo | None = None
    """Times are shown in this zone (the system's when None)."""


def session_markdown(
    record: SessionRecord,
    themes: Sequence[LiveTheme] | None,
    options: SummaryOptions,
    *,
    everyone: Sequence[Participant] = (),
) -> str:
    """The summary of one session; `themes` are those heard in it (None: none found yet).
    Anonymised, the names of `everyone` (all participants known) are kept out of its texts
    too, also of people the summary does not show."""
    words = Words(options.lang)
    # The store reads the record through the gate already; once more here (it changes
    # nothing the second time) means a record read some other way still cannot leak.
    record = shareable_record(record)
    people = record.people_in_order()
    voices = Voices.for_export(people, words, anonymize=options.anonymize, others=everyone)
    writer = SessionWriter(record, people, voices, words, options)
    return writer.document(themes)


class DomainShare(Struct, frozen=True):
    """What one domain brought to a session."""

    domain: str
    people: int
    """Participants of the domain who spoke."""
    contributions: int


def participation(record: SessionRecord, words: Words) -> list[DomainShare]:
    """Per domain (in the configured order, the unplaced last), who spoke and how often;
    domains nobody spoke from are left out. What the room said and what was said anonymously
    count on rows of their own, and so does someone heard only anonymously: counted under
    their domain, an anonymous remark or person would be theirs to anyone who counts the
    named ones (the only resident present)."""
    people: dict[str, set[int]] = {}
    said: Counter[str] = Counter()
    room, anonymous = words("room"), words("anonymous")
    unnamed = heard_only_anonymously(record)
    for c in record.contributions:
        person = record.speaker(c)
        if c.consent is Consent.ANONYMOUS:
            # Nor is its speaker counted under their domain for it: someone heard only
            # anonymously is one of the anonymous row's people.
            said[anonymous] += 1
            if person is not None and person.id in unnamed:
                people.setdefault(anonymous, set()).add(person.id)
            continue
        domain = person.domain if person and person.domain else words("no_domain")
        if person is not None:
            people.setdefault(domain, set()).add(person.id)
        said[domain if person else room] += 1
    return [
        DomainShare(domain, len(people.get(domain, ())), said[domain])
        for domain in dict.fromkeys((*record.domains, words("no_domain"), room, anonymous))
        if said[domain]
    ]


class SessionWriter:
    """Writes the parts of a session summary; `document` puts them in the by-kind order."""

    def __init__(
        self,
        record: SessionRecord,
        people: list[Participant],
        voices: Voices,
        words: Words,
        options: SummaryOptions,
    ) -> None:
        self.record = record
        self.people = people
        """Participants in the order their pseudonyms are numbered."""
        self.voices = voices
        self.words = words
        self.options = options
        self.lines: list[str] = []

    # --- the document --------------------------------------------------------------------

    def document(self, themes: Sequence[LiveTheme] | None) -> str:
        self._heading()
        self._participants()
        self._course()
        self._by_kind()
        self._resistance_values()
        self._interests()
        self._ledger()
        self._themes(themes)
        self._participation()
        self._footer()
        return self.text()

    def text(self) -> str:
        """The lines written so far, as one document."""
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def _add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def _section(self, title: str) -> None:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        self._add("", f"## {title}", "")

    def _time(self, moment: datetime) -> str:
        return moment.astimezone(self.options.zone).strftime("%H:%M")

    def _heading(self) -> None:
        session, w, v = self.record.session, self.words, self.voices
        self._add(f"# {md_cell(v.text(session.title))}", "")
        started = session.started_at.astimezone(self.options.zone).strftime("%Y-%m-%d %H:%M")
        facts = [f"**{w('date')}:** {started}"]
        if session.location:
            facts.append(f"**{w('location')}:** {md_cell(v.text(session.location))}")
        if session.organiser:
            facts.append(f"**{w('organiser')}:** {md_cell(v.text(session.organiser))}")
        if session.note_taker and not self.options.anonymize:
            facts.append(f"**{w('note_taker')}:** {md_cell(session.note_taker)}")
        self._add("  \n".join(facts))
        if session.question:
            self._add("", f"> **{w('question')}:** {md_text(v.text(session.question))}")

    def _participants(self) -> None:
        w, v, record = self.words, self.voices, self.record
        self._section(w("participants"))
        unnamed = heard_only_anonymously(record)
        by_domain: dict[str, list[str]] = {}
        for person in self.people:
            if person.id not in unnamed:
                by_domain.setdefault(person.domain or w("no_domain"), []).append(v.person(person))
        domains = [d for d in (*record.domains, w("no_domain")) if d in by_domain]
        # Someone heard only anonymously is counted, not named, and under no domain: the only
        # one of a domain would be her.
        hidden = sum(1 for person in self.people if person.id in unnamed)
        if not domains and not hidden:
            self._add(w("nothing"))
        for domain in domains:
            names = ", ".join(md_cell(name) for name in sorted(by_domain[domain]))
            self._add(f"- **{md_cell(domain)}** ({len(by_domain[domain])}): {names}")
        if hidden:
            self._add(f"- **{w('anonymous')}** ({hidden})")

    def _course(self) -> None:
        w, record = self.words, self.record
        self._section(w("course"))
        if not record.contributions:
            self._add(w("nothing"))
            return
        groups: dict[int | None, list[Contribution]] = {}
        for c in record.contributions:
            groups.setdefault(c.phase_id, []).append(c)
        # In the order the meeting went through them (dicts keep first-seen order).
        for number, phase_id in enumerate(groups, start=1):
            items = groups[phase_id]
            phase = record.phase(phase_id)
            title = md_cell(phase.title) if phase else w("no_phase")
            span = f"{self._time(items[0].at)}–{self._time(items[-1].at)}"
            kinds = Counter(c.kind for c in items)
            spread = ", ".join(
                f"{kinds[kind]} {kind.label(w.lang)}" for kind in Kind if kinds[kind]
            )
            count = w("contributions_count", count=len(items))
            self._add(f"{number}. **{title}** ({span}): {count} — {spread}")

    def _by_kind(self) -> None:
        w = self.words
        self._section(w("by_kind"))
        if not self.record.contributions:
            self._add(w("nothing"))
        for kind in Kind:
            items = [c for c in self.record.contributions if c.kind is kind]
            if not items:
                continue
            title = kind.label(w.lang)
            self._add(f"### {title[:1].upper()}{title[1:]} ({len(items)})", "")
            for c in items:
                self._add(f"- {self._said(c)}")
                self._ladder(c)
            self._add("")

    def _said(self, c: Contribution, note: str = "") -> str:
        """`#12 · 19:05 · **Anna de Boer** (inwoner): text #tag` with consent applied;
        `note` (Markdown) stands before the colon."""
        v = self.voices
        person = self.record.speaker(c)
        name = md_cell(v.name(person, c.consent))
        shown = speaker_domain(person, c)
        domain = f" ({md_cell(shown)})" if shown else ""
        # Through the gate, a paraphrase-only contribution's text is the note-taker's
        # paraphrase (or nothing): marked as such, never taken for a quote.
        if c.consent is Consent.PARAPHRASE:
            body = self.words("paraphrase")
            if c.text.strip():
                body += " " + md_text(v.text(c.text), mid_line=True)
        else:
            body = md_text(v.text(c.text), mid_line=True)
        tags = " ".join(f"#{t}" for t in c.tags)
        if tags:
            body += f" — {md_cell(v.text(tags), mid_line=True)}"
        return f"#{c.seq} · {self._time(c.at)} · **{name}**{domain}{note}: {body}"

    def _ladder(self, c: Contribution, indent: str = "  ") -> None:
        """The interests, values and condition under `c`, as list items at `indent`."""
        w, v = self.words, self.voices
        if c.interests:
            listed = "; ".join(md_cell(v.text(i)) for i in c.interests)
            self._add(f"{indent}- {w('interests')}: {listed}")
        if c.values:
            listed = "; ".join(md_cell(v.text(x)) for x in c.values)
            self._add(f"{indent}- {w('values')}: {listed}")
        if c.condition:
            self._add(f"{indent}- {w('condition')}: {md_text(v.text(c.condition))}")

    def _resistance_values(self) -> None:
        """Values under resistance, counted: what the objections were about."""
        w, v = self.words, self.voices
        counts = Counter(
            value
            for c in self.record.contributions
            if c.kind is Kind.RESISTANCE
            for value in c.values
        )
        if not counts:
            return
        self._section(w("resistance"))
        for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            self._add(f"- {md_cell(v.text(value))}: {count}")

    def _interests(self) -> None:
        w, v, record = self.words, self.voices, self.record
        if not record.interests:
            return
        self._section(w("interest_status"))
        seq = {c.id: c.seq for c in record.contributions}
        for state in record.interests:
            status = state.status.label(w.lang)
            answer = ""
            if state.answered_by_id is not None and state.answered_by_id in seq:
                answer = f" — {w('answered_by')} #{seq[state.answered_by_id]}"
            raised = ", ".join(f"#{seq[cid]}" for cid in state.raised_by if cid in seq)
            self._add(f"- **{md_cell(v.text(state.interest))}**: {status} ({raised}){answer}")

    def _ledger(self) -> None:
        w, v, record = self.words, self.voices, self.record
        commitments = [c for c in record.contributions if c.kind is Kind.COMMITMENT]
        self._section(w("ledger"))
        if not commitments:
            self._add(w("nothing"))
            return
        answers: dict[int, list[str]] = {}
        for state in record.interests:
            if state.answered_by_id is not None:
                answers.setdefault(state.answered_by_id, []).append(state.interest)
        for c in commitments:
            self._add(f"- {self._said(c)}")
            entry = record.commitments.get(c.id)
            facts = self._terms(c)
            done = entry is not None and entry.done_at is not None
            facts.append(w("done") if done else w("not_done"))
            today = self.options.exported_at.astimezone(self.options.zone).date()
            if not done and entry is not None and entry.due_on and entry.due_on < today:
                facts.append(f"**{w('overdue')}**")  # what a reader asks about first
            if c.id in answers:
                answered = "; ".join(md_cell(v.text(i)) for i in answers[c.id])
                facts.append(f"{w('answers')}: {answered}")
            self._add(f"  - {' · '.join(facts)}")

    def _terms(self, c: Contribution) -> list[str]:
        """A commitment's owner and date, as the ledger states them."""
        w, v = self.words, self.voices
        entry = self.record.commitments.get(c.id)
        facts = []
        if entry is not None and entry.owner:
            facts.append(f"{w('owner')}: {md_cell(v.text(entry.owner))}")
        if entry is not None and entry.due_on:
            facts.append(f"{w('due')}: {entry.due_on.isoformat()}")
        return facts

    def _themes(self, themes: Sequence[LiveTheme] | None) -> None:
        w, v = self.words, self.voices
        self._section(w("themes"))
        if not themes:
            self._add(w("themes_none"))
            return
        for live in themes:
            parts = [w("theme_here", count=live.here)]
            if live.elsewhere:
                parts.append(w("theme_elsewhere", count=live.elsewhere))
            self._add(f"- **{md_cell(v.text(live.title))}** — {', '.join(parts)}")

    def _participation(self) -> None:
        w = self.words
        self._section(w("participation"))
        total = len(self.record.contributions)
        if not total:
            self._add(w("nothing"))
            return
        self._add(
            f"| {w('domain')} | {w('people')} | {w('contributions')} | {w('share')} |",
            "| --- | ---: | ---: | ---: |",
        )
        for share in participation(self.record, w):
            part = f"{100 * share.contributions / total:.0f}%"
            row = f"| {md_cell(share.domain)} | {share.people} | {share.contributions} |"
            self._add(f"{row} {part} |")

    def _footer(self) -> None:
        when = self.options.exported_at.astimezone(self.options.zone).strftime("%Y-%m-%d %H:%M")
        note = self.words("exported", when=when)
        if self.options.anonymize:
            note += " " + self.words("anonymised")
        self._add("", "---", "", f"*{note}*")
