"""The fixed words of the exports (the session summary, the theme report, pseudonyms), in
Dutch and English."""

from __future__ import annotations

from msgspec import Struct

_WORDS: dict[str, tuple[str, str]] = {
    "date": ("Datum", "Date"),
    "location": ("Plaats", "Location"),
    "organiser": ("Organisator", "Organiser"),
    "note_taker": ("Verslaglegger", "Note-taker"),
    "question": ("Vraag", "Question"),
    "participants": ("Deelnemers", "Participants"),
    "and": ("en", "and"),
    "course": ("Verloop", "Course of the meeting"),
    "no_phase": ("Zonder fase", "No phase"),
    "contributions_count": ("{count} bijdragen", "{count} contributions"),
    "contributions_count.one": ("{count} bijdrage", "{count} contribution"),
    "people_count": ("{count} deelnemers", "{count} participants"),
    "people_count.one": ("{count} deelnemer", "{count} participant"),
    "minutes_course": ("Verloop van de bijeenkomst", "How the meeting went"),
    "phase_again": ("{title} (vervolg)", "{title} (continued)"),
    "reply_to": ("op #{seq}, {name}", "to #{seq}, {name}"),
    "open_interests": ("Open belangen", "Open interests"),
    "open_none": ("Alle belangen zijn beantwoord.", "Every interest was answered."),
    "raised_by": ("genoemd in", "raised in"),
    "session_themes": ("Thema's van deze bijeenkomst", "Themes of this meeting"),
    "heard_elsewhere": ("ook gehoord in: {titles}", "also heard in: {titles}"),
    "chart_course": ("Bijdragen in de tijd, per fase", "Contributions over time, by phase"),
    "chart_per_bar": ("bijdragen per {count} minuten", "contributions per {count} minutes"),
    "chart_per_bar.one": ("bijdragen per minuut", "contributions per minute"),
    "chart_recurrence": ("Waar de thema's terugkomen", "Where the themes recur"),
    "chart_file": ("deelname", "participation"),
    "chart_file_course": ("verloop", "course"),
    "chart_file_recurrence": ("terugkeer", "recurrence"),
    "by_kind": ("Bijdragen per soort", "Contributions by kind"),
    "resistance": ("Waarden onder weerstand", "Values under resistance"),
    "interests": ("Belangen", "Interests"),
    "values": ("Waarden", "Values"),
    "condition": ("Voorwaarde", "Condition"),
    "interest_status": ("Belangen en wat ermee gedaan is", "Interests and what was done"),
    "answered_by": ("beantwoord door", "answered by"),
    "ledger": ("Afspraken: jullie zeiden, wij deden", "Commitments: you said, we did"),
    "owner": ("eigenaar", "owner"),
    "due": ("uiterlijk", "due"),
    "done": ("gedaan", "done"),
    "not_done": ("nog niet gedaan", "not done yet"),
    "overdue": ("datum verstreken", "overdue"),
    "answers": ("beantwoordt", "answers"),
    "themes": ("Thema's", "Themes"),
    "themes_none": (
        "Nog geen thema's gevonden voor deze sessie.",
        "No themes found for this session yet.",
    ),
    "theme_here": ("{count} bijdragen hier", "{count} contributions here"),
    "theme_here.one": ("{count} bijdrage hier", "{count} contribution here"),
    "theme_elsewhere": (
        "ook gehoord in {count} andere sessies",
        "also heard in {count} other sessions",
    ),
    "theme_elsewhere.one": (
        "ook gehoord in {count} andere sessie",
        "also heard in {count} other session",
    ),
    "participation": ("Deelname per domein", "Participation by domain"),
    "domain": ("Domein", "Domain"),
    "people": ("Deelnemers", "Participants"),
    "contributions": ("Bijdragen", "Contributions"),
    "share": ("Aandeel", "Share"),
    "none": ("—", "—"),
    "room": ("de zaal", "the room"),
    "anonymous": ("anoniem", "anonymous"),
    "paraphrase": ("[parafrase]", "[paraphrase]"),
    "tags": ("tags", "tags"),
    "nothing": ("Niets vastgelegd.", "Nothing recorded."),
    "exported": (
        "Geëxporteerd met dialoog op {when}. Bijdragen buiten het verslag zijn weggelaten; "
        "anonieme bijdragen staan er zonder naam, parafrases zonder letterlijke tekst.",
        "Exported with dialoog on {when}. Off-the-record contributions are left out; "
        "anonymous ones carry no name, paraphrases no verbatim text.",
    ),
    "anonymised": (
        "Namen zijn vervangen door schuilnamen per domein.",
        "Names are replaced by pseudonyms per domain.",
    ),
    "report_title": ("Thema's over sessies heen", "Themes across sessions"),
    "overview": ("Overzicht", "Overview"),
    "theme": ("Thema", "Theme"),
    "sessions": ("Sessies", "Sessions"),
    "size": ("Omvang", "Size"),
    "domains": ("Domeinen", "Domains"),
    "heard_in": ("Gehoord in", "Heard in"),
    "quotes": ("Citaten per domein", "Quotes by domain"),
    "no_quotes": ("Geen citeerbare bijdragen.", "No quotable contributions."),
    "no_domain": ("zonder domein", "no domain"),
    "accepted": ("geaccepteerd", "accepted"),
    "report_scope": (
        "{themes} uit {sessions}, gevonden {when}.",
        "{themes} from {sessions}, found {when}.",
    ),
    "themes_count": ("{count} thema's", "{count} themes"),
    "themes_count.one": ("{count} thema", "{count} theme"),
    "sessions_count": ("{count} sessies", "{count} sessions"),
    "sessions_count.one": ("{count} sessie", "{count} session"),
}


NO_DOMAIN = {"nl": "Deelnemer", "en": "Participant"}
"""A pseudonym's first word for someone without a domain ("Deelnemer 2")."""
HIDDEN_NAME = {"nl": "[naam]", "en": "[name]"}
"""For a name of someone an export does not show: no number, no domain."""


class Words(Struct, frozen=True):
    """Looks up the summary's words in one language (`nl` or `en`)."""

    lang: str = "nl"

    def __call__(self, key: str, **values: object) -> str:
        """The text for `key` with `values` filled in; with `count=1`, that of `key.one` if
        there is one, as the interface's Translator does ("1 sessie")."""
        if values.get("count") == 1 and f"{key}.one" in _WORDS:
            key = f"{key}.one"
        text = _WORDS[key][1 if self.lang == "en" else 0]
        return text.format(**values) if values else text


QDPX_TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "kinds": "Soort bijdrage",
        "tags": "Tags",
        "interests": "Belangen",
        "values": "Waarden",
        "themes": "Thema's",
        "domain": "Domein",
        "no_domain": "geen domein",
        "anonymous": "anoniem",
        "room": "de zaal",
        "paraphrase": "parafrase",
    },
    "en": {
        "kinds": "Kind of contribution",
        "tags": "Tags",
        "interests": "Interests",
        "values": "Values",
        "themes": "Themes",
        "domain": "Domain",
        "no_domain": "no domain",
        "anonymous": "anonymous",
        "room": "the room",
        "paraphrase": "paraphrase",
    },
}
"""The words of a REFI-QDA project (`core/export/qdpx.py`): its code groups, its variable
and how a line names who spoke."""
