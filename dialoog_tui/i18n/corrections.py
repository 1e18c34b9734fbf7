"""Texts of the corrections screen and of undoing a correction."""

from __future__ import annotations

from collections.abc import Mapping

CORRECTION_MESSAGES: Mapping[str, tuple[str, str]] = {
    "cmd.corrections": ("Corrigeer", "Correct"),
    "cmd.corrections.help": (
        "Corrigeer deelnemers, fasen en de sessie (naam, domein, samenvoegen, verwijderen)",
        "Correct participants, phases and the session (name, domain, merge, remove)",
    ),
    "fix.title": ("Corrigeren", "Corrections"),
    "fix.people": ("Deelnemers", "Participants"),
    "fix.phases": ("Fasen", "Phases"),
    "fix.session": ("Sessie", "Session"),
    "fix.no_domain": ("zonder domein", "no domain"),
    "fix.keys": (
        "↑↓ kies · Enter bewerk · Enter in een veld bewaar · Ctrl+D verwijder · Esc terug",
        "↑↓ choose · Enter edit · Enter in a field saves · Ctrl+D remove · Esc back",
    ),
    "fix.field.name": ("Naam", "Name"),
    "fix.field.domain": ("Domein", "Domain"),
    "fix.field.organisation": ("Organisatie", "Organisation"),
    "fix.field.merge": ("Samenvoegen met", "Merge into"),
    "fix.field.phase_title": ("Titel", "Title"),
    "fix.field.position": ("Plaats", "Position"),
    "fix.field.into": ("Bijdragen naar", "Contributions to"),
    "fix.field.title": ("Titel", "Title"),
    "fix.field.question": ("Vraag", "Question"),
    "fix.field.location": ("Plaats", "Place"),
    "fix.field.organiser": ("Organisator", "Organiser"),
    "fix.field.note_taker": ("Notulist", "Note-taker"),
    "fix.field.date": ("Datum", "Date"),
    "fix.field.consent": ("Standaard", "Default consent"),
    "fix.hint.person": (
        "Samenvoegen: alle bijdragen gaan naar de ander. "
        "Ctrl+D verwijdert iemand zonder bijdragen.",
        "Merge: every contribution goes to the other. "
        "Ctrl+D removes someone with no contributions.",
    ),
    "fix.hint.phase": (
        "Ctrl+D haalt de fase van de agenda; de bijdragen gaan naar 'Bijdragen naar' "
        "(leeg: geen fase).",
        "Ctrl+D takes the phase off the agenda; its contributions go to 'Contributions to' "
        "(empty: no phase).",
    ),
    "fix.hint.session": (
        "Datum als 2026-11-03 19:30. Ctrl+D verwijdert de sessie (terug te halen).",
        "Date like 2026-11-03 19:30. Ctrl+D deletes the session (it can be restored).",
    ),
    "fix.confirm_delete": (
        "Nogmaals Ctrl+D verwijdert '{title}' met {contributions} en {people}. "
        "Terughalen: dialoog session restore {slug}",
        "Ctrl+D again deletes '{title}' with {contributions} and {people}. "
        "To restore: dialoog session restore {slug}",
    ),
    "fix.people_count": ("{count} deelnemers", "{count} participants"),
    "fix.people_count.one": ("{count} deelnemer", "{count} participant"),
    "fix.bad_value": ("{field}: {problem}", "{field}: {problem}"),
    "fix.unknown_person": (
        "Samenvoegen met: geen deelnemer '{name}' in deze sessie",
        "Merge into: no participant '{name}' in this session",
    ),
    "fix.phase_one_change": (
        "Verander de naam of de plaats, niet allebei tegelijk: sla eerst het ene op",
        "Change the name or the place, not both at once: save one first",
    ),
    "fix.bad_position": (
        "Plaats: een nummer van 1 tot {last}",
        "Position: a number from 1 to {last}",
    ),
    "fix.unknown_phase": (
        "Bijdragen naar: geen fase '{name}'",
        "Contributions to: no phase '{name}'",
    ),
    "fix.done": (
        "Gecorrigeerd: {what} (Ctrl+Z maakt ongedaan)",
        "Corrected: {what} (Ctrl+Z undoes)",
    ),
    "fix.deleted": (
        "Sessie '{title}' verwijderd. Terughalen: dialoog session restore {slug}",
        "Session '{title}' deleted. To restore: dialoog session restore {slug}",
    ),
    "fix.detail.none": ("geen verandering", "no change"),
    "fix.detail.contributions": ("{count} bijdragen", "{count} contributions"),
    "fix.detail.contributions.one": ("{count} bijdrage", "{count} contribution"),
    "undo.ParticipantChanged": ("deelnemer gewijzigd", "participant changed"),
    "undo.ParticipantsMerged": ("deelnemers samengevoegd", "participants merged"),
    "undo.ParticipantRemoved": ("deelnemer verwijderd", "participant removed"),
    "undo.PhaseRenamed": ("fase hernoemd", "phase renamed"),
    "undo.PhasesReordered": ("agenda anders geordend", "agenda reordered"),
    "undo.PhaseRemoved": ("fase verwijderd", "phase removed"),
    "undo.SessionEdited": ("sessie gewijzigd", "session edited"),
    "undo.SessionDeleted": ("sessie verwijderd", "session deleted"),
}
