"""Texts of the command line: what it prints and its errors, by id like the TUI's texts (its
help is in `cli_help.py`)."""

from __future__ import annotations

from collections.abc import Mapping

CLI_MESSAGES: Mapping[str, tuple[str, str]] = {
    "cli.error": ("dialoog: fout: {message}", "dialoog: error: {message}"),
    "cli.usage_error": (
        "{prog}: fout: {message} (zie '{prog} --help')",
        "{prog}: error: {message} (see '{prog} --help')",
    ),
    "cli.unexpected": (
        "onverwacht probleem: {detail} (zet DIALOOG_DEBUG=1 voor details)",
        "unexpected problem: {detail} (set DIALOOG_DEBUG=1 for details)",
    ),
    # sessions
    "cli.no_sessions": (
        "Nog geen sessies. Begin er een met: dialoog new TITEL   (of laad de demo: dialoog demo)",
        "No sessions yet. Start one with: dialoog new TITLE   (or load the demo: dialoog demo)",
    ),
    "cli.sessions.head": ("ID  DATUM  AANTAL  SLUG  TITEL", "ID  DATE  COUNT  SLUG  TITLE"),
    "cli.no_deleted": ("Geen verwijderde sessies.", "No deleted sessions."),
    # import
    "cli.imported": (
        "{contributions} geïmporteerd in {sessions}{new}:",
        "imported {contributions} into {sessions}{new}:",
    ),
    "cli.imported.new": (", {count} nieuw", ", {count} new"),
    "cli.imported.already": (
        "{already} al aanwezig, {imported} nieuw (--again importeert ze toch opnieuw)",
        "{already} already there, {imported} new (--again imports them anyway)",
    ),
    "cli.rows_more": ("… en nog {count} regels", "… and {count} more lines"),
    "cli.rows_bad": ("{count} rijen kunnen niet worden gelezen", "{count} rows cannot be read"),
    "cli.rows_bad.one": ("{count} rij kan niet worden gelezen", "{count} row cannot be read"),
    "cli.skipped": ("regel {line} overgeslagen: {message}", "skipped line {line}: {message}"),
    "cli.contributions": ("{count} bijdragen", "{count} contributions"),
    "cli.contributions.one": ("{count} bijdrage", "{count} contribution"),
    "cli.sessions": ("{count} sessies", "{count} sessions"),
    "cli.sessions.one": ("{count} sessie", "{count} session"),
    "error.import_failed": (
        "{problems}; er is niets geïmporteerd",
        "{problems}; nothing was imported",
    ),
    "error.row": ("regel {line}: {message}", "line {line}: {message}"),
    "error.file_missing": ("{path} bestaat niet", "{path} does not exist"),
    "error.file_exists": (
        "{path} bestaat al; voeg --force toe om het te overschrijven",
        "{path} already exists; add --force to overwrite it",
    ),
    "error.not_a_folder": ("{path} is een bestand, geen map", "{path} is a file, not a folder"),
    "error.cannot_make_folder": (
        "kan de map {path} niet maken ({reason})",
        "cannot make the folder {path} ({reason})",
    ),
    "error.cannot_write": (
        "kan {path} niet schrijven ({reason})",
        "cannot write {path} ({reason})",
    ),
    "error.file_is_folder": ("{path} is een map, geen bestand", "{path} is a folder, not a file"),
    "error.file_not_utf8": (
        "{path} is geen UTF-8-tekst (byte {byte})",
        "{path} is not UTF-8 text (byte {byte})",
    ),
    "error.file_unreadable": (
        "{path} kan niet worden gelezen ({reason})",
        "{path} cannot be read ({reason})",
    ),
    "error.needs_table_name": ("een tafel heeft een naam nodig", "a table needs a name"),
    "error.table_one_session": (
        "--table hoort bij precies één sessie",
        "--table needs exactly one session",
    ),
    "error.table_json": (
        "--table is voor het verslag (md of html), niet voor de JSON",
        "--table is for the minutes (md or html), not the JSON",
    ),
    "cli.serve.url": (
        "De wand staat op {url} — open die in een browser. Ctrl+C stopt.",
        "The wall is at {url} — open it in a browser. Ctrl+C stops it.",
    ),
    "cli.serve.public": (
        "Let op: iedereen op het netwerk die {address}:{port} weet, ziet deze wand (zonder"
        " wachtwoord). Wat niet gedeeld mag worden, staat er niet op; de rest wel.",
        "Mind: anyone on the network who knows {address}:{port} sees this wall (no password)."
        " What may not be shared is not on it; the rest is.",
    ),
    "cli.serve.port": (
        "--port moet tussen 1 en 65535 liggen, niet {port}",
        "--port must be between 1 and 65535, not {port}",
    ),
    "cli.serve.cannot_listen": (
        "de wand kan niet luisteren op {address}:{port}: {reason}"
        " (een andere poort met --port, of een adres van deze computer)",
        "the wall cannot listen on {address}:{port}: {reason}"
        " (another port with --port, or an address of this computer)",
    ),
    "error.off_record_json": (
        "--include-off-record is alleen voor de JSON-reservekopie",
        "--include-off-record is for the JSON backup only",
    ),
    "error.theme_formats": (
        "een themarapport is md of html, niet {format!r}",
        "a theme report is md or html, not {format!r}",
    ),
    "cli.serve.any_address": (
        "--public wil het adres waarop anderen deze computer bereiken (zoals 192.168.1.20),"
        " niet {address}: daar kan een telefoon niet naartoe",
        "--public wants the address others reach this computer at (such as 192.168.1.20),"
        " not {address}: a phone cannot go there",
    ),
    "cli.imported.moderated": (
        "{count} door de moderator verwijderde reacties bleven buiten",
        "{count} comments the moderator took out were left out",
    ),
    "cli.imported.moderated.one": (
        "{count} door de moderator verwijderde reactie bleef buiten",
        "{count} comment the moderator took out was left out",
    ),
    "error.consultation_csv": (
        "het bestand is geen leesbare CSV: {detail}",
        "the file is not readable CSV: {detail}",
    ),
    "error.map_pair": (
        "--map wil VELD=KOLOM, niet {pair!r}",
        "--map wants FIELD=COLUMN, not {pair!r}",
    ),
    "error.map_field": (
        "--map: geen veld {field!r} (velden: {fields})",
        "--map: no field {field!r} (fields: {fields})",
    ),
    "error.map_not_csv": (
        "--map is voor een CSV-bestand; {source} is er geen",
        "--map is for a CSV file; {source} is not one",
    ),
    "error.map_twice": ("--map noemt {field!r} twee keer", "--map names {field!r} twice"),
    "error.map_text": (
        "--map moet zeggen welke kolom de tekst is (text=…)",
        "--map must say which column is the text (text=…)",
    ),
    "error.map_column": (
        "--map noemt een kolom die het bestand niet heeft: {columns} (kolommen: {header})",
        "--map names a column the file does not have: {columns} (its columns: {header})",
    ),
    "cli.export.qdpx_file": (
        "een .qdpx is een bestand: geef met -o een map of een naam op .qdpx",
        "a .qdpx is a file: give a folder or a name ending in .qdpx with -o",
    ),
    "error.search_nobody": (
        "niemand heet {name!r} (of begint zo)",
        "nobody is called {name!r} (or begins so)",
    ),
    "error.search_no_one": (
        "niemand uit een domein {domain!r}",
        "nobody from a domain {domain!r}",
    ),
    "error.search_no_speaker": ("--speaker wil een naam", "--speaker wants a name"),
    "error.search_no_domain": ("--domain wil een domein", "--domain wants a domain"),
    "error.search_empty": (
        "geef een woord om naar te zoeken",
        "give a word to search for",
    ),
    "error.search_limit": (
        "--limit moet tussen 1 en {most} liggen",
        "--limit must be between 1 and {most}",
    ),
    "error.search_kind": (
        "onbekende soort {kind!r} (soorten: {kinds})",
        "unknown kind {kind!r} (kinds: {kinds})",
    ),
    "error.no_table": (
        "geen tafel {name!r} in deze sessie (tafels: {names})",
        "no table {name!r} in this session (tables: {names})",
    ),
    "error.database_away": (
        "{database} is niet bereikbaar; probeer het opnieuw zodra de server weer antwoordt",
        "{database} cannot be reached; try again once the server answers",
    ),
    "error.cannot_open": (
        "kan {database} niet openen ({detail})",
        "cannot open {database} ({detail})",
    ),
    "error.import_summary": (
        "{source} is een verslag dat dialoog exporteerde, geen notities: het toont de"
        " bijeenkomst zoals ze gedeeld mag worden (zonder wat buiten het verslag bleef, anoniem"
        " zonder naam, parafrases in plaats van woorden), dus een import zou een andere"
        " bijeenkomst opslaan; importeer de notities of de CSV waar het uit kwam",
        "{source} is a summary dialoog exported, not notes: it shows the meeting as it may be"
        " shared (off the record left out, anonymous without a name, paraphrases instead of the"
        " words), so importing it would store a different meeting; import the notes or the CSV"
        " it came from",
    ),
    "error.nothing_to_import": (
        "{source} bevat niets om te importeren",
        "{source} holds nothing to import",
    ),
    "row.no_text_column": (
        "de CSV heeft geen kolom 'text' of 'tekst' (wel: {found})",
        "the CSV has no 'text' (or 'tekst') column (it has: {found})",
    ),
    "row.unreadable_csv": ("onleesbare CSV ({detail})", "unreadable CSV ({detail})"),
    "row.too_many_fields": ("meer velden dan kolommen", "more fields than columns"),
    "row.empty_text": ("het veld {column!r} is leeg", "the {column!r} field is empty"),
    "row.unknown_kind": (
        "onbekende soort {kind!r} (gebruik {names_nl})",
        "unknown kind {kind!r} (use {names_en})",
    ),
    "row.bad_time": (
        "{column!r} is geen ISO 8601-tijd: {value!r}",
        "{column!r} is not an ISO 8601 time: {value!r}",
    ),
    "row.unknown_consent": (
        "onbekende toestemming {consent!r} (gebruik {names_nl})",
        "unknown consent {consent!r} (use {names_en})",
    ),
    "row.domain_without_speaker": (
        "een {column!r} zonder spreker",
        "a {column!r} without a speaker",
    ),
    "row.unreadable_stamp": ("onleesbare tijd [{stamp}]", "unreadable time [{stamp}]"),
    "row.no_text": ("een regel zonder tekst", "a line without text"),
    # One per `core.speakers.SpeakerProblem`.
    "row.speaker_ambiguous_name": (
        "spreker niet duidelijk: meerdere deelnemers ({choices})",
        "speaker not clear: several participants ({choices})",
    ),
    "row.speaker_unknown_domain": (
        "onbekend domein {domain!r}; kies uit: {choices}",
        "unknown domain {domain!r}; choose from: {choices}",
    ),
    "row.speaker_ambiguous_domain": (
        "domein niet duidelijk: meerdere domeinen ({choices})",
        "domain not clear: several domains ({choices})",
    ),
    "row.reply_unknown": (
        "antwoordt op {to}, maar daar is in deze sessie niets gezegd",
        "answers {to}, but nothing was said there in this session",
    ),
    "row.bad_due": ("onleesbare datum {due!r}", "unreadable due date {due!r}"),
    # demo and domains
    "cli.demo.loaded": (
        "demo geladen: {sessions} sessies, {contributions} bijdragen",
        "loaded the demo: {sessions} sessions, {contributions} contributions",
    ),
    "cli.demo.present": (
        "al aanwezig (niet opnieuw geladen): {titles}",
        "already there (not loaded again): {titles}",
    ),
    "cli.demo.open": (
        "open er een met: dialoog   (of: dialoog sessions, dan dialoog open SLUG)",
        "open one with: dialoog   (or: dialoog sessions, then dialoog open SLUG)",
    ),
    "cli.demo.themes": (
        "zie wat terugkomt over de sessies heen met: dialoog themes --all",
        "see what recurs across the sessions with: dialoog themes --all",
    ),
    # sessions: errors
    "error.phase_ambiguous": (
        "{typed!r} is het begin van meer dan één fase ({titles}): typ meer van de naam",
        "{typed!r} begins more than one phase ({titles}): type more of it",
    ),
    "error.no_theme": (
        "geen thema met id {theme} (zie dialoog themes)",
        "no theme with id {theme} (see dialoog themes)",
    ),
    "error.theme_merged": (
        "thema {theme} bestaat niet meer: het is samengevoegd met {survivor}",
        "theme {theme} no longer exists: it was merged into {survivor}",
    ),
    "error.theme_absorbed": (
        "thema {theme} bestaat niet meer: zijn bijdragen zitten in andere thema's",
        "theme {theme} no longer exists: its contributions are in other themes",
    ),
    "error.no_session": (
        "geen sessie {key_typed!r} (geef een id of slug uit 'dialoog sessions')",
        "no session {key_typed!r} (give an id or slug from 'dialoog sessions')",
    ),
    "error.no_deleted_session": (
        "geen verwijderde sessie {key_typed!r} (zie 'dialoog session deleted')",
        "no deleted session {key_typed!r} (see 'dialoog session deleted')",
    ),
    "error.unknown_domain": ("onbekend domein {name!r}", "unknown domain {name!r}"),
    # themes
    "cli.themes.need_scope": (
        "noem een of meer sessies, of geef --all",
        "name one or more sessions, or give --all",
    ),
    "cli.themes.both": ("geef sessies of --all, niet allebei", "give sessions or --all, not both"),
    "cli.export.table_themes": (
        "--table hoort bij het verslag van één sessie, niet bij het themaverslag",
        "--table is for one session's minutes, not the theme report",
    ),
    "cli.themes.min_sessions": (
        "--min-sessions moet 1 of meer zijn",
        "--min-sessions must be 1 or more",
    ),
    "cli.themes.no_sessions": (
        "er zijn nog geen sessies (probeer de demo: dialoog demo)",
        "there are no sessions yet (try the demo: dialoog demo)",
    ),
    "cli.themes.none_stored": (
        "nog geen opgeslagen thema's voor deze sessies; draai zonder --last",
        "no stored themes for these sessions yet; run without --last",
    ),
    "cli.themes.head": (
        "Thema's over {sessions}, {contributions} — run {run}, {when}",
        "Themes over {sessions}, {contributions} — run {run}, {when}",
    ),
    "cli.themes.count": ("{count} thema's", "{count} themes"),
    "cli.themes.count.one": ("{count} thema", "{count} theme"),
    "cli.themes.counts": (
        "{themes}, {recurring} terugkerend (gehoord in {min}+ sessies); "
        "{unassigned} niet ingedeeld",
        "{themes}, {recurring} recurring (heard in {min}+ sessions); {unassigned} unassigned",
    ),
    "cli.search.none": ("Niets gevonden voor “{query}”.", "Nothing found for “{query}”."),
    "cli.search.head": (
        "{count} gevonden voor “{query}”, beste eerst:",
        "{count} found for “{query}”, best first:",
    ),
    "cli.search.more": (
        "Er is meer: maak de zoekvraag preciezer, of vraag meer met --limit.",
        "There is more: search more precisely, or ask for more with --limit.",
    ),
    "cli.themes.at_table": (
        "Aan tafel {table}: wat daar gezegd is, in de thema's van de hele zaal.",
        "At table {table}: what was said there, in the themes of the whole room.",
    ),
    "cli.themes.empty": (
        "Geen thema's: te weinig bijdragen met inhoudswoorden om te groeperen.",
        "No themes: too few contributions with content words to group.",
    ),
    "cli.theme.recurring": ("terugkerend", "recurring"),
    "cli.theme.one_session": ("één sessie", "one session"),
    "cli.no_domain": ("zonder domein", "no domain"),
    "cli.theme.accepted": ("geaccepteerd · ", "accepted · "),
    "cli.theme.curated": ("bewerkt · ", "curated · "),
    "cli.theme.label": ("label", "label"),
    "cli.theme.line": (
        "{id} · {status}{mark} · {contributions} in {sessions} · samenhang {cohesion}",
        "{id} · {status}{mark} · {contributions} in {sessions} · cohesion {cohesion}",
    ),
    "cli.theme.terms": ("termen", "terms"),
    "cli.theme.sessions": ("sessies", "sessions"),
    "cli.theme.domains": ("domeinen", "domains"),
    "cli.theme.tables": ("tafels", "tables"),
    "cli.theme.anonymous": ("anoniem", "anonymous"),
    "cli.theme.room": ("de zaal", "the room"),
    # ladder, vocabulary, curation, export
    "cli.ladder.head": ("Ladder — {sessions}", "Ladder — {sessions}"),
    "cli.ladder.values": (
        "Waarden onder weerstand (per domein)",
        "Values under resistance (by domain)",
    ),
    "cli.ladder.overall": ("in totaal {count}", "overall {count}"),
    "cli.ladder.open": ("Open belangen", "Open interests"),
    # As the TUI's ladder view says them (`ladder.bridging`, `ladder.ledger`).
    "cli.ladder.bridging": (
        "Overbruggende belangen (zelfde belang, tegengestelde posities)",
        "Bridging interests (same interest, opposite positions)",
    ),
    "cli.ladder.none": ("(geen)", "(none)"),
    "cli.ladder.sides": (
        "weerstand vanuit {against} · steun vanuit {supporting}",
        "resisting {against} · supporting {supporting}",
    ),
    "cli.ladder.commitments": (
        "Afsprakenlijst: jullie zeiden, wij deden",
        "You said, we did: commitments",
    ),
    "cli.ladder.done": ("gedaan", "done"),
    "cli.ladder.open_state": ("open", "open"),
    "cli.ladder.no_date": ("geen datum", "no date"),
    "cli.ladder.paraphrase": ("parafrase", "paraphrase"),
    "cli.ladder.answered_by": (" door bijdrage {id}", " by contribution {id}"),
    "error.bad_due": (
        "onleesbare datum {value!r} (schrijf 2026-05-01 of 1-5-2026)",
        "unreadable date {value!r} (use 2026-05-01 or 1-5-2026)",
    ),
    "cli.vocab.merged": ("samengevoegd in {kind} {name}", "merged into {kind} {name}"),
    "cli.theme.undone": ("ongedaan: {summary}", "undone: {summary}"),
    "cli.theme.was_undone": ("ongedaan gemaakt", "undone"),
    # An action: the theme board's word in Dutch, the command's name in English.
    "cli.theme.action.accept": ("geaccepteerd", "accept"),
    "cli.theme.action.rename": ("hernoemd", "rename"),
    "cli.theme.action.merge": ("samengevoegd", "merge"),
    "cli.theme.action.split": ("afgesplitst", "split"),
    "cli.theme.action.move": ("verplaatst", "move"),
    "cli.theme.action.remove": ("eruit gehaald", "remove"),
    "cli.theme.action.reject": ("geen thema", "reject"),
    "cli.theme.action.undo": ("ongedaan gemaakt", "undo"),
    "cli.theme.no_history": ("Nog niets bewerkt.", "No curation yet."),
    "cli.export.wrote": ("geschreven: {path}", "wrote {path}"),
    "cli.export.off_record_json": (
        "--include-off-record hoort alleen bij de JSON-export van een sessie",
        "--include-off-record is for the JSON session export only",
    ),
    "cli.export.all_themes": ("--all hoort bij --themes", "--all goes with --themes"),
    "cli.export.unknown_extension": (
        "-o {name}: dialoog schrijft geen .{extension}; kies een naam op {formats}, of een map"
        " (eindig de naam dan op /)",
        "-o {name}: dialoog does not write .{extension}; choose a name ending in {formats}, or a"
        " folder (end its name in /)",
    ),
    "cli.export.other_extension": (
        "-o {name} heeft de extensie van {named}, niet van --format {format}:"
        " laat --format weg of kies een naam op .{format}",
        "-o {name} has the extension of {named}, not of --format {format}:"
        " leave out --format or choose a name ending in .{format}",
    ),
    "cli.export.one_session": (
        "noem één sessie om te exporteren (of gebruik --themes)",
        "name one session to export (or use --themes)",
    ),
    # corrections
    "cli.fixed": ("gecorrigeerd: {detail}", "corrected: {detail}"),
    "cli.correction.change": ("wijzigen", "change"),
    "cli.correction.merge": ("samenvoegen", "merge"),
    "cli.correction.remove": ("verwijderen", "remove"),
    "cli.correction.rename": ("hernoemen", "rename"),
    "cli.correction.reorder": ("volgorde wijzigen", "reorder"),
    "cli.correction.edit": ("bewerken", "edit"),
    "cli.correction.delete": ("verwijderen", "delete"),
    "cli.correction.undo": ("ongedaan: {action}", "undo {action}"),
    "cli.session.deleted": (
        "sessie '{title}' verwijderd; terughalen met: dialoog session restore {slug}",
        "session '{title}' deleted; restore it with: dialoog session restore {slug}",
    ),
    "cli.session.restored": (
        "sessie '{title}' teruggehaald ({slug})",
        "session '{title}' restored ({slug})",
    ),
    "cli.session.confirm": (
        "Niet verwijderd: '{title}' met {contributions} en {people}. Geef --yes om te bevestigen.",
        "Not deleted: '{title}' with {contributions} and {people}. Give --yes to confirm.",
    ),
    "cli.session.ask": (
        "'{title}' met {contributions} en {people} verwijderen (terug te halen)? [j/N]",
        "Delete '{title}' with {contributions} and {people} (it can be restored)? [y/N]",
    ),
    "cli.already_so": (
        "niets veranderd: de sessie is al zo",
        "nothing changed: the session is so already",
    ),
    "cli.no_change": (
        "niets te veranderen: geef een of meer velden",
        "nothing to change: give one or more fields",
    ),
    "cli.phase.need_session": ("noem de sessie met --session", "name the session with --session"),
    "error.bad_contribution": (
        "{typed!r} noemt geen bijdrage: geef SESSIE#NUMMER, zoals het verslag nummert, of haar id",
        "{typed!r} names no contribution: give SESSION#NUMBER, as the minutes number it, or its id",
    ),
    "error.contribution_needs_session": (
        "{typed!r}: zeg in welke sessie, zoals in avond-2{typed}",
        "{typed!r}: say in which session, as in avond-2{typed}",
    ),
    "error.no_contribution_numbered": (
        "geen bijdrage #{number} in {title!r}",
        "no contribution #{number} in {title!r}",
    ),
    "error.no_contribution_id": ("geen bijdrage met id {id}", "no contribution with id {id}"),
    "error.no_interest": ("geen belang {interest!r}", "no interest called {interest!r}"),
    "error.interest_not_raised": (
        "het belang {interest!r} is in deze sessie niet genoemd",
        "the interest {interest!r} was not raised in this session",
    ),
    "error.answer_elsewhere": (
        "het antwoord moet een bijdrage uit dezelfde sessie zijn",
        "the answer must be a contribution of the same session",
    ),
    "error.answer_not_answered": (
        "alleen een beantwoord belang heeft een antwoord (status answered)",
        "only an answered interest has an answer (status answered)",
    ),
    "error.not_a_commitment": (
        "die bijdrage is geen afspraak",
        "that contribution is not a commitment",
    ),
    "error.no_participant": ("geen deelnemer {typed!r}", "no participant {typed!r}"),
    "error.ambiguous_participant": (
        "{typed!r} kan meer dan één deelnemer zijn: {names}",
        "{typed!r} may mean more than one participant: {names}",
    ),
    "error.no_phase": ("geen fase {typed!r} in deze sessie", "no phase {typed!r} in this session"),
    "error.ambiguous_phase": (
        "{typed!r} is het begin van meer dan één fase ({titles}): typ er meer van",
        "{typed!r} begins more than one phase ({titles}): type more of it",
    ),
    "error.has_contributions": (
        "{name} heeft bijdragen: voeg hen samen met iemand anders",
        "{name} has contributions: merge them into someone else instead",
    ),
    "error.needs_name": ("een deelnemer heeft een naam nodig", "a participant needs a name"),
    "error.needs_phase_title": ("een fase heeft een titel nodig", "a phase needs a title"),
    "error.needs_session_title": ("een sessie heeft een titel nodig", "a session needs a title"),
    "error.speaker_gone": (
        "{name} is op een ander scherm samengevoegd of verwijderd: noem de spreker opnieuw",
        "{name} was merged or removed at another screen: name the speaker again",
    ),
    "error.merge_self": (
        "iemand kan niet met zichzelf worden samengevoegd",
        "a participant cannot be merged into themselves",
    ),
    "error.bad_date": (
        "{value!r} is geen datum zoals 2026-11-03 19:30",
        "{value!r} is not a date like 2026-11-03 19:30",
    ),
    "error.bad_consent": (
        "onbekende toestemming {value!r} (kies {names})",
        "unknown consent {value!r} (choose {names})",
    ),
}
