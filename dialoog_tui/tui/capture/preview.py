"""The line under the input: how the typed line will be read, before Enter."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from dialoog_tui.core.capture import EntryPreview
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import visible
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker, SpeakerProblem
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.look import Look

_PROBLEM_KEYS = {
    SpeakerProblem.AMBIGUOUS_NAME: "preview.ambiguous_name",
    SpeakerProblem.UNKNOWN_DOMAIN: "preview.unknown_domain",
    SpeakerProblem.AMBIGUOUS_DOMAIN: "preview.ambiguous_domain",
}


def problem_text(speaker: Speaker, t: Translator) -> str | None:
    """The reason a speaker cannot be logged, in words; None when there is none."""
    if speaker.problem is None:
        return None
    return t(_PROBLEM_KEYS[speaker.problem], names=", ".join(speaker.candidates))


def speaker_text(speaker: Speaker, t: Translator, look: Look, domains: Sequence[str]) -> Text:
    """`Anna (inwoner)`, `nieuw: Piet (ondernemer)` or `de zaal`, in the domain's colour."""
    text = Text()
    if speaker.is_room:
        text.append(t("preview.room"), look.no_domain)
        return text
    domain = speaker.display_domain
    position = domains.index(domain) if domain in domains else None
    if speaker.new_name is not None:
        text.append(f"{t('preview.new')}: ", look.meta)
    text.append(visible(speaker.display_name or ""), look.domain_style(position))
    if domain:
        text.append(f" ({domain})", look.domain_style(position))
    if speaker.domain_ignored and speaker.participant is not None:
        text.append(" " + t("preview.domain_ignored", domain=speaker.participant.domain), look.meta)
    if speaker.resembles is not None:
        text.append("  ⚠ " + t("preview.resembles", name=visible(speaker.resembles)), look.strong)
    return text


def render_preview(
    preview: EntryPreview,
    t: Translator,
    look: Look,
    *,
    domains: Sequence[str],
    reply_to_seq: int | None,
    consent: Consent = Consent.NAMED,
) -> Text:
    """One line: speaker · kind · tags · ladder (· reply, consent), or what blocks Enter."""
    out = Text(no_wrap=True, overflow="ellipsis")
    problem = problem_text(preview.speaker, t)
    if problem is not None:
        out.append("⚠ ", look.kind_style(preview.entry.kind))
        out.append(problem, look.strong)
        return out
    out.append_text(speaker_text(preview.speaker, t, look, domains))
    if preview.only_names_speaker:
        name = visible(preview.speaker.display_name or "")
        out.append("  ·  " + t("preview.enter_sets_speaker", name=name), look.meta)
        return out
    kind = preview.entry.kind
    out.append("  ·  ", look.meta)
    out.append(kind.label(t.lang), look.kind_style(kind) + look.strong)
    if preview.entry.tags:
        out.append("  ·  ", look.meta)
        out.append(" ".join(f"#{tag}" for tag in preview.entry.tags), look.tag)
    entry = preview.entry
    ladder = ladder_text((entry.interests, entry.values, entry.condition), t, look)
    if ladder.plain:
        out.append("  ·  ", look.meta)
        out.append_text(ladder)
    if kind is Kind.COMMITMENT:
        owner = entry.owner or preview.speaker.display_name
        if owner:
            out.append("  ·  " + t("preview.owner", owner=visible(owner)), look.meta)
        if preview.due_on is not None:
            out.append("  ·  " + t("preview.due", due=preview.due_on.isoformat()), look.meta)
    if preview.due_unreadable:
        out.append(
            "  ·  ⚠ " + t("preview.due_unreadable", due=visible(entry.due or "")), look.strong
        )
    if reply_to_seq is not None:
        out.append("  ·  " + t("preview.reply", seq=reply_to_seq), look.meta)
    if entry.paraphrase:
        out.append("  ·  ≈ " + t("preview.paraphrase", text=visible(entry.paraphrase)), look.tag)
    if consent is not Consent.NAMED:
        out.append(f"  ·  {consent.marker} {consent.label(t.lang)}", look.strong)
    if not preview.is_blank and not preview.loggable and not preview.due_unreadable:
        out.append("  ·  " + t("preview.empty"), look.meta)
    return out


def ladder_text(
    ladder: tuple[tuple[str, ...], tuple[str, ...], str | None], t: Translator, look: Look
) -> Text:
    """`belang: … · waarde: … · voorwaarde: …` (empty when there is nothing)."""
    interests, values, condition = ladder
    parts = [
        *(f"{t('ladder.interest')}: {visible(name)}" for name in interests),
        *(f"{t('ladder.value')}: {visible(name)}" for name in values),
    ]
    if condition:
        parts.append(f"{t('ladder.condition')}: {visible(condition)}")
    return Text("  ·  ".join(parts), look.tag)
