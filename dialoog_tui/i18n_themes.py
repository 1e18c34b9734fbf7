"""Interface texts of the theme board, the theme card, the live themes panel and the export
dialog, in Dutch and English (merged into `i18n.MESSAGES`)."""

from __future__ import annotations

from collections.abc import Mapping

THEME_MESSAGES: Mapping[str, tuple[str, str]] = {
    "cmd.theme_board": ("Thema's", "Themes"),
    "cmd.theme_board.help": (
        "Thema's over sessies heen: bekijken, benoemen, samenvoegen, splitsen",
        "Themes across sessions: review, name, merge, split",
    ),
    "cmd.open_card": ("Kaart", "Card"),
    "cmd.open_card.help": ("Open de kaart van het thema", "Open the theme's card"),
    "cmd.mark": ("Markeer", "Mark"),
    "cmd.mark.help": (
        "Markeer (of niet) om samen te voegen of af te splitsen",
        "Mark (or unmark) to merge or to split off",
    ),
    "cmd.accept": ("Accepteer", "Accept"),
    "cmd.accept.help": (
        "Accepteer het thema: het houdt id, naam en leden",
        "Accept the theme: it keeps its id, name and members",
    ),
    "cmd.rename": ("Naam", "Rename"),
    "cmd.rename.help": ("Geef het thema een naam", "Give the theme a name"),
    "cmd.merge": ("Voeg samen", "Merge"),
    "cmd.merge.help": (
        "Voeg de gemarkeerde thema's samen (of het gemarkeerde met dit)",
        "Merge the marked themes (or the marked one with this one)",
    ),
    "cmd.reject": ("Geen thema", "Not a theme"),
    "cmd.reject.help": ("Markeer als geen thema", "Mark as not a theme"),
    "cmd.undo_curation": ("Ongedaan", "Undo"),
    "cmd.undo_curation.help": (
        "Maak de laatste bewerking van thema's ongedaan",
        "Undo the last curation action",
    ),
    "cmd.history": ("Geschiedenis", "History"),
    "cmd.history.help": (
        "Wie wat wanneer met thema's deed",
        "Who did what to the themes, and when",
    ),
    "cmd.recluster": ("Opnieuw", "Re-cluster"),
    "cmd.recluster.help": (
        "Zoek de thema's opnieuw (bewerkte thema's blijven)",
        "Find the themes again (curated themes are kept)",
    ),
    "cmd.cancel_run": ("Stop", "Cancel"),
    "cmd.cancel_run.help": ("Stop het zoeken naar thema's", "Stop finding themes"),
    "cmd.sort": ("Sorteer", "Sort"),
    "cmd.sort.help": (
        "Sorteer op terugkeer, grootte of naam",
        "Sort by recurrence, size or name",
    ),
    "cmd.split": ("Splits", "Split"),
    "cmd.split.help": (
        "De gemarkeerde bijdragen (of deze) naar een nieuw thema",
        "The marked contributions (or this one) into a new theme",
    ),
    "cmd.move": ("Verplaats", "Move"),
    "cmd.move.help": (
        "Verplaats de bijdrage naar een ander thema",
        "Move the contribution to another theme",
    ),
    "cmd.remove_member": ("Haal eruit", "Remove"),
    "cmd.remove_member.help": (
        "Haal de bijdrage uit dit thema; ze komt er niet vanzelf terug",
        "Take the contribution out of this theme; it is not put back",
    ),
    "cmd.back": ("Terug", "Back"),
    "cmd.back.help": ("Terug", "Back"),
    "themes.board": ("Thema's", "Themes"),
    "themes.all": ("alle sessies", "all sessions"),
    "themes.this_session": ("deze sessie", "this session"),
    "themes.summary": ("{themes} thema's, gevonden {when}", "{themes} themes, found {when}"),
    "themes.loading": ("Thema's laden…", "Loading themes…"),
    "themes.none_yet": (
        "Nog geen thema's gezocht; R zoekt ze",
        "No themes found yet; R finds them",
    ),
    "themes.no_themes": (
        "Geen thema's: te weinig bijdragen met inhoud",
        "No themes: too few contributions with content words",
    ),
    "themes.stale": (
        "Dit zijn thema's van een eerdere ronde; R zoekt ze opnieuw",
        "These are the themes of an earlier run; R finds them again",
    ),
    "themes.unassigned": (
        "{count} bijdragen passen bij geen thema.  ★ geaccepteerd  ✎ bewerkt  ↻ terugkerend",
        "{count} contributions fit no theme.  ★ accepted  ✎ curated  ↻ recurring",
    ),
    "themes.running": ("Thema's zoeken…", "Finding themes…"),
    "themes.progress": ("Thema's zoeken: {step}  (C stopt)", "Finding themes: {step}  (C cancels)"),
    "themes.found": ("{themes} thema's gevonden", "{themes} themes found"),
    "themes.cancelled": (
        "Gestopt; de thema's zijn zoals ze waren",
        "Cancelled; the themes are as they were",
    ),
    "themes.sort.recurrence": ("Gesorteerd op terugkeer", "Sorted by recurrence"),
    "themes.sort.size": ("Gesorteerd op grootte", "Sorted by size"),
    "themes.sort.name": ("Gesorteerd op naam", "Sorted by name"),
    "themes.mark_two": (
        "Markeer met spatie de thema's om samen te voegen",
        "Mark the themes to merge with Space",
    ),
    "themes.rename_prompt": (
        "Naam voor ‘{label}’ (leeg: terug naar het label; Enter bewaart, Esc niet)",
        "Name for ‘{label}’ (empty: back to the label; Enter saves, Esc cancels)",
    ),
    "themes.undone": ("Ongedaan: {what}", "Undone: {what}"),
    # why a curation action is refused: one per `core.themes.curation.REFUSALS` reason
    "themes.refused.too_few_to_merge": (
        "Samenvoegen kan pas met twee of meer verschillende thema's",
        "Merging needs two or more different themes",
    ),
    "themes.refused.not_members": (
        "Niet in thema {theme}: {contributions}",
        "Not in theme {theme}: {contributions}",
    ),
    "themes.refused.nothing_to_split": (
        "Markeer eerst de bijdragen om af te splitsen",
        "Mark the contributions to split off first",
    ),
    "themes.refused.split_empties": (
        "Dan blijft het thema leeg; geef het liever een andere naam",
        "That would leave the theme empty; rename it instead",
    ),
    "themes.refused.already_member": (
        "Bijdrage {contribution} zit al in thema {theme}",
        "Contribution {contribution} is already in theme {theme}",
    ),
    "themes.refused.not_member": (
        "Bijdrage {contribution} zit niet in thema {theme}",
        "Contribution {contribution} is not in theme {theme}",
    ),
    "themes.refused.last_member": (
        "Bijdrage {contribution} is het enige in thema {theme}; markeer het liever als geen thema",
        "Contribution {contribution} is all that theme {theme} holds; mark it not a theme instead",
    ),
    "themes.refused.nothing_to_undo": ("Er is niets om ongedaan te maken", "Nothing to undo"),
    "themes.gone": (
        "Dat thema bestaat niet meer: het is intussen elders bewerkt. De lijst is bijgewerkt.",
        "That theme no longer exists: it was curated elsewhere meanwhile. The list is updated.",
    ),
    "themes.theme": ("thema", "theme"),
    "themes.size": ("aantal", "size"),
    "themes.sessions": ("sessies", "sessions"),
    "themes.per_session": ("per sessie", "per session"),
    "themes.domains": ("domeinen", "domains"),
    "themes.speaker": ("spreker", "speaker"),
    "themes.session": ("sessie", "session"),
    "themes.time": ("tijd", "time"),
    "themes.text": ("tekst", "text"),
    "themes.accepted": ("geaccepteerd", "accepted"),
    "themes.curated": ("bewerkt", "curated"),
    "themes.proposed": ("voorstel", "proposed"),
    "themes.label": ("label: {label}", "label: {label}"),
    "themes.card_counts": (
        "{size} bijdragen in {sessions} sessies · samenhang {cohesion}",
        "{size} contributions in {sessions} sessions · cohesion {cohesion}",
    ),
    "themes.terms": ("Termen", "Terms"),
    "themes.quotes_by_domain": ("Citaten per domein", "Quotes by domain"),
    "themes.no_quotes": (
        "Geen citeerbare bijdragen (alleen parafrase)",
        "No quotable contributions (paraphrase only)",
    ),
    "themes.anonymous": ("anoniem", "anonymous"),
    "themes.room": ("de zaal", "the room"),
    "themes.split_into": ("Nieuw thema: {theme}", "New theme: {theme}"),
    "themes.no_other": ("Er is geen ander thema", "There is no other theme"),
    "themes.history": ("Geschiedenis van de thema's", "Curation history"),
    "themes.when": ("wanneer", "when"),
    "themes.who": ("wie", "who"),
    "themes.action": ("actie", "action"),
    "themes.what": ("wat", "what"),
    "themes.was_undone": ("ongedaan gemaakt", "undone"),
    "themes.no_history": ("Nog niets bewerkt", "No curation yet"),
    "cmd.live_themes": ("Live thema's", "Live themes"),
    "cmd.live_themes.help": (
        "Toon of verberg de thema's van deze sessie, live bijgewerkt",
        "Show or hide this session's themes, kept up to date",
    ),
    "live.title": ("Thema's nu", "Themes now"),
    "live.none": (
        "nog geen; ze verschijnen na een paar bijdragen",
        "none yet; they appear after a few contributions",
    ),
    "live.more": ("… en {count} meer (F3)", "… and {count} more (F3)"),
    "live.running": ("bijwerken…", "updating…"),
    "live.failed": ("niet gelukt", "failed"),
    "cmd.export": ("Exporteer", "Export"),
    "cmd.export.help": (
        "Samenvatting als Markdown, HTML of JSON, met toestemming verwerkt",
        "Summary as Markdown, HTML or JSON, honouring consent",
    ),
    "cmd.export_themes": ("Exporteer", "Export"),
    "cmd.export_themes.help": (
        "Themarapport als Markdown of HTML",
        "Theme report as Markdown or HTML",
    ),
    "export.session": ("Sessie exporteren", "Export the session"),
    "export.themes": ("Themarapport exporteren", "Export the theme report"),
    "export.format": ("Formaat", "Format"),
    "export.anonymize": (
        "Anonimiseer: schuilnamen per domein in plaats van namen",
        "Anonymise: pseudonyms per domain instead of names",
    ),
    "export.folder": ("Map", "Folder"),
    "export.overwrite": ("Overschrijf een bestaand bestand", "Overwrite an existing file"),
    "export.go": ("Exporteer", "Export"),
    "export.no_folder": ("De map {folder} bestaat niet", "The folder {folder} does not exist"),
    "export.exists": (
        "{path} bestaat al; vink ‘overschrijf’ aan om het te vervangen",
        "{path} already exists; tick ‘overwrite’ to replace it",
    ),
    "export.written": ("Geëxporteerd naar {path}", "Exported to {path}"),
    "ladder.interests_short": ("Belangen", "Interests"),
    "ladder.values_short": ("Waarden", "Values"),
}
