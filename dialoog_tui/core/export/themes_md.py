"""The theme report as CommonMark: what recurs across sessions, for a facilitator to share.

An overview table first (theme, sessions, size, domains), then per theme where it recurred,
quotes per domain and the values and interests linked to it. Consent as in the session
summary: quotes only from named and anonymous contributions, anonymous ones without a name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dialoog_tui.core.export.charts import Chart, Document, Recurrence, recurrence_chart
from dialoog_tui.core.export.markdown import md_cell, md_text
from dialoog_tui.core.export.session_md import SummaryOptions
from dialoog_tui.core.export.voices import Voices
from dialoog_tui.core.model import Participant
from dialoog_tui.core.themes.card import ThemeCard, ThemeMember
from dialoog_tui.core.themes.run import ThemeReport
from dialoog_tui.i18n.exports import Words


def themes_markdown(
    report: ThemeReport,
    cards: Sequence[ThemeCard],
    people: Sequence[Participant],
    options: SummaryOptions,
) -> str:
    """The report over `cards`, without pictures (see `theme_report`)."""
    return theme_report(report, cards, people, options).markdown


def theme_report(
    report: ThemeReport,
    cards: Sequence[ThemeCard],
    people: Sequence[Participant],
    options: SummaryOptions,
    *,
    charts_named: str | None = None,
) -> Document:
    """The report over `cards` (one per theme, in the report's order, read through the
    consent gate); `people` are all participants known, so that an anonymised report keeps
    every name out, also of someone it does not quote. With `charts_named` (a file name
    without extension), the recurrence of the themes over the sessions is drawn and
    referred to as `{charts_named}-….svg`."""
    w = Words(options.lang)
    by_name = {person.name: person for person in people}
    quoted = [
        by_name[name]
        for card in cards
        for _domain, members in card.quotes
        for member in members
        if (name := member.quoted_speaker) is not None and name in by_name
    ]
    shown = list({person.id: person for person in quoted}.values())  # first quote first
    voices = Voices.for_export(shown, w, anonymize=options.anonymize, others=people)
    scrub = voices.text

    def speaker(member: ThemeMember) -> str:
        person = by_name.get(member.speaker) if member.speaker else None
        if member.speaker and person is None:  # not among `people`: no pseudonym to give
            return scrub(member.speaker) if member.quoted_speaker else w("anonymous")
        return voices.name(person, member.consent)

    run = report.run
    when = run.at.astimezone(options.zone).strftime("%Y-%m-%d %H:%M")
    lines = [
        f"# {w('report_title')}",
        "",
        w(
            "report_scope",
            themes=w("themes_count", count=len(cards)),
            sessions=w("sessions_count", count=len(run.session_ids)),
            when=when,
        ),
        "",
        f"## {w('overview')}",
        "",
    ]
    chart = (
        _recurrence(cards, scrub, w, f"{charts_named}-{w('chart_file_recurrence')}.svg")
        if charts_named and cards
        else None
    )
    if chart is not None:
        lines += [f"![{md_cell(chart.title)}]({chart.name})", ""]
    if not cards:
        lines.append(w("nothing"))
    else:
        lines += [
            f"| {w('theme')} | {w('sessions')} | {w('size')} | {w('domains')} |",
            "| --- | ---: | ---: | --- |",
        ]
    for card in cards:
        theme = card.theme
        domains = ", ".join(f"{md_cell(d or w('no_domain'))} {n}" for d, n in theme.domains.items())
        lines.append(
            f"| {md_cell(scrub(theme.title))} | {len(card.sessions)} | {theme.size} | {domains} |"
        )
    for number, card in enumerate(cards, start=1):
        theme = card.theme
        status = f" ({w('accepted')})" if theme.accepted else ""
        lines += ["", f"## {number}. {md_cell(scrub(theme.title))}{status}", ""]
        heard = "; ".join(
            f"{md_cell(scrub(title))} ({count})" for _id, title, count in card.sessions
        )
        lines.append(f"**{w('heard_in')}:** {heard}")
        for key, terms in (("values", card.values), ("interests", card.interests)):
            if terms:
                listed = ", ".join(f"{md_cell(scrub(term))} ({count})" for term, count in terms)
                lines += ["", f"**{w(key)}:** {listed}"]
        lines += ["", f"### {w('quotes')}", ""]
        if not card.quotes:
            lines.append(w("no_quotes"))
        for domain, members in card.quotes:
            lines.append(f"- **{md_cell(domain or w('no_domain'))}**")
            for member in members:
                quote = md_text(scrub(member.text))
                lines.append(f"  - “{quote}” — *{md_cell(speaker(member))}*")
    note = w(
        "exported", when=options.exported_at.astimezone(options.zone).strftime("%Y-%m-%d %H:%M")
    )
    if options.anonymize:
        note += " " + w("anonymised")
    lines += ["", "---", "", f"*{note}*"]
    return Document("\n".join(lines) + "\n", (chart,) if chart else ())


def _recurrence(
    cards: Sequence[ThemeCard], scrub: Callable[[str], str], w: Words, name: str
) -> Chart:
    """Themes × sessions, the sessions in the order first heard of."""
    sessions: dict[int, str] = {}
    for card in cards:
        for session_id, title, _count in card.sessions:
            sessions.setdefault(session_id, scrub(title))
    themes = [
        Recurrence(scrub(card.theme.title), {sid: n for sid, _t, n in card.sessions})
        for card in cards
    ]
    return recurrence_chart(
        name,
        w("chart_recurrence"),
        themes,
        sorted(sessions.items()),
        counted=lambda count: w("contributions_count", count=count),
    )
