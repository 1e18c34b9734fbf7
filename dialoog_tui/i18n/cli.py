"""Texts of the command line: what it prints (by id, like the TUI's texts), and the Dutch of
its help (keyed by the English text, as argparse's own texts are)."""

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
    "error.file_is_folder": ("{path} is een map, geen bestand", "{path} is a folder, not a file"),
    "error.file_not_utf8": (
        "{path} is geen UTF-8-tekst (byte {byte})",
        "{path} is not UTF-8 text (byte {byte})",
    ),
    "error.file_unreadable": (
        "{path} kan niet worden gelezen ({reason})",
        "{path} cannot be read ({reason})",
    ),
    "error.nothing_to_import": (
        "{source} bevat niets om te importeren",
        "{source} holds nothing to import",
    ),
    "row.no_text_column": ("de CSV heeft geen kolom 'text'", "the CSV has no 'text' column"),
    "row.unreadable_csv": ("onleesbare CSV ({detail})", "unreadable CSV ({detail})"),
    "row.too_many_fields": ("meer velden dan kolommen", "more fields than columns"),
    "row.empty_text": ("het veld 'text' is leeg", "the 'text' field is empty"),
    "row.unknown_kind": (
        "onbekende soort {kind!r} (gebruik {names} of Nederlands)",
        "unknown kind {kind!r} (use {names} or Dutch)",
    ),
    "row.bad_time": (
        "'at' is geen ISO 8601-tijd: {value!r}",
        "'at' is not an ISO 8601 time: {value!r}",
    ),
    "row.unknown_consent": (
        "onbekende toestemming {consent!r} (gebruik {names})",
        "unknown consent {consent!r} (use {names})",
    ),
    "row.domain_without_speaker": (
        "een 'domain' zonder 'speaker'",
        "a 'domain' without a 'speaker'",
    ),
    "row.unreadable_stamp": ("onleesbare tijd [{stamp}]", "unreadable time [{stamp}]"),
    "row.no_text": ("een regel zonder tekst", "a line without text"),
    "row.speaker_unclear": (
        "spreker niet duidelijk ({problem}: {choices})",
        "speaker not clear ({problem}: {choices})",
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
    "cli.themes.counts": (
        "{themes} thema's, {recurring} terugkerend (gehoord in {min}+ sessies); "
        "{unassigned} bijdragen niet ingedeeld",
        "{themes} themes, {recurring} recurring (heard in {min}+ sessions); "
        "{unassigned} contributions unassigned",
    ),
    "cli.themes.empty": (
        "Geen thema's: te weinig bijdragen met inhoudswoorden om te groeperen.",
        "No themes: too few contributions with content words to group.",
    ),
    "cli.theme.recurring": ("terugkerend", "recurring"),
    "cli.theme.one_session": ("één sessie", "one session"),
    "cli.theme.accepted": ("aanvaard · ", "accepted · "),
    "cli.theme.curated": ("bewerkt · ", "curated · "),
    "cli.theme.label": ("label", "label"),
    "cli.theme.line": (
        "{id} · {status}{mark} · {contributions} in {sessions} · samenhang {cohesion}",
        "{id} · {status}{mark} · {contributions} in {sessions} · cohesion {cohesion}",
    ),
    "cli.theme.terms": ("termen", "terms"),
    "cli.theme.sessions": ("sessies", "sessions"),
    "cli.theme.domains": ("domeinen", "domains"),
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
    "cli.ladder.bridging": ("Verbindende belangen", "Bridging interests"),
    "cli.ladder.sides": (
        "weerstand vanuit {against} · steun vanuit {supporting}",
        "resisting {against} · supporting {supporting}",
    ),
    "cli.ladder.commitments": ("Toezeggingen", "Commitments"),
    "cli.ladder.done": ("gedaan", "done"),
    "cli.ladder.open_state": ("open", "open"),
    "cli.ladder.no_date": ("geen datum", "no date"),
    "cli.ladder.paraphrase": ("parafrase", "paraphrase"),
    "cli.ladder.answered_by": (" door #{id}", " by #{id}"),
    "error.bad_due": (
        "onleesbare datum {value!r} (schrijf 2026-05-01 of 1-5-2026)",
        "unreadable date {value!r} (use 2026-05-01 or 1-5-2026)",
    ),
    "cli.vocab.merged": ("samengevoegd in {kind} {name}", "merged into {kind} {name}"),
    "cli.theme.undone": ("ongedaan: {summary}", "undone: {summary}"),
    "cli.theme.no_history": ("Nog niets bewerkt.", "No curation yet."),
    "cli.export.wrote": ("geschreven: {path}", "wrote {path}"),
    "cli.export.off_record_json": (
        "--include-off-record hoort alleen bij de JSON-export van een sessie",
        "--include-off-record is for the JSON session export only",
    ),
    "cli.export.all_themes": ("--all hoort bij --themes", "--all goes with --themes"),
    "cli.export.one_session": (
        "noem één sessie om te exporteren (of gebruik --themes)",
        "name one session to export (or use --themes)",
    ),
    # corrections
    "cli.fixed": ("gecorrigeerd: {detail}", "corrected: {detail}"),
    "cli.session.deleted": (
        "sessie '{title}' verwijderd; terughalen met: dialoog session restore {slug}",
        "session '{title}' deleted; restore it with: dialoog session restore {slug}",
    ),
    "cli.session.restored": (
        "sessie '{title}' teruggehaald ({slug})",
        "session '{title}' restored ({slug})",
    ),
    "cli.session.confirm": (
        "Verwijdert '{title}' met {contributions} en {people} deelnemers. Geef --yes om te "
        "bevestigen.",
        "Deletes '{title}' with {contributions} and {people} participants. Give --yes to confirm.",
    ),
    "cli.no_change": (
        "niets te veranderen: geef een of meer velden",
        "nothing to change: give one or more fields",
    ),
    "cli.phase.need_session": ("noem de sessie met --session", "name the session with --session"),
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
    "error.id_taken": (
        "{name} kan niet terugkomen: het nummer ging intussen naar {other}",
        "{name} cannot come back: their number went to {other} since",
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

HELP_NL: Mapping[str, str] = {
    # argparse's own texts
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "the following arguments are required: %s": "deze argumenten zijn nodig: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één argument",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "not allowed with argument %s": "niet samen met argument %s",
    # ours
    "dialoog: capture live dialogue meetings from the keyboard. Without a command, opens the "
    "session picker.": "dialoog: leg dialoogbijeenkomsten live vast vanaf het toetsenbord. "
    "Zonder opdracht opent de sessiekiezer.",
    "SQLite file or postgresql:// URL (default: $DIALOOG_DB, else the user data folder)": (
        "SQLite-bestand of postgresql://-URL (standaard: $DIALOOG_DB, anders de gebruikersmap)"
    ),
    "interface language (default: locale)": "taal van de interface (standaard: de locale)",
    "colour theme (remembered for next time)": "kleurthema (wordt onthouden)",
    "capture without the live themes panel (F4 shows it)": (
        "vastleggen zonder het paneel met live thema's (F4 toont het)"
    ),
    "create a session and open it for capture": "maak een sessie en open die om vast te leggen",
    "resume a session in the capture screen": "ga verder met een sessie in het vastlegscherm",
    "list sessions": "toon de sessies",
    "import contributions from CSV or a text/Markdown file": (
        "importeer bijdragen uit CSV of een tekst-/Markdown-bestand"
    ),
    "load a Dutch demo series of three sessions (once)": (
        "laad een Nederlandse demoreeks van drie sessies (eenmalig)"
    ),
    "list the domains participants speak from, or add one": (
        "toon de domeinen van waaruit deelnemers spreken, of voeg er een toe"
    ),
    "export a session, or the theme report (--themes)": (
        "exporteer een sessie, of het themaverslag (--themes)"
    ),
    "find the themes that recur across sessions": "vind de thema's die over sessies terugkomen",
    "curate a theme: accept, rename, merge, split, move, remove, reject": (
        "bewerk een thema: aanvaarden, hernoemen, samenvoegen, splitsen, verplaatsen, "
        "weghalen, afwijzen"
    ),
    "values under resistance, open and bridging interests, ledger": (
        "waarden onder weerstand, open en verbindende belangen, afsprakenlijst"
    ),
    "the shared vocabulary of interests and values": (
        "de gedeelde woordenlijst van belangen en waarden"
    ),
    "record what was done with an interest raised in a session": (
        "leg vast wat er met een genoemd belang is gedaan"
    ),
    "set a commitment's owner, due date or done-ness": (
        "zet eigenaar, datum of afgerond-zijn van een toezegging"
    ),
    "the question the meeting works on": "de vraag waar de bijeenkomst aan werkt",
    "where the meeting takes place": "waar de bijeenkomst plaatsvindt",
    "who organised it": "wie haar organiseert",
    "who logs it": "wie notuleert",
    "someone taking part (repeatable); the domain may be a prefix: Anna/inw": (
        "iemand die meedoet (herhaalbaar); het domein mag een begin zijn: Anna/inw"
    ),
    "an agenda item (repeatable)": "een agendapunt (herhaalbaar)",
    "default consent for its contributions: named, anonymous, paraphrase, off_record": (
        "standaardtoestemming voor de bijdragen: named, anonymous, paraphrase, off_record"
    ),
    "only create it; print its id and slug": "alleen aanmaken; toon id en slug",
    "id or slug (see 'dialoog sessions')": "id of slug (zie 'dialoog sessions')",
    "print JSON instead of a table": "toon JSON in plaats van een tabel",
    "put every row in this session (created if new)": (
        "zet elke rij in deze sessie (aangemaakt als die nieuw is)"
    ),
    "import the good rows and list the bad ones": "importeer de goede rijen en noem de slechte",
    "add a domain": "voeg een domein toe",
    "id or slug (with --themes: the sessions to report on)": (
        "id of slug (met --themes: de sessies voor het verslag)"
    ),
    "the theme report across sessions (md or html)": "het themaverslag over sessies (md of html)",
    "with --themes: every session": "met --themes: alle sessies",
    "md, html or json": "md, html of json",
    "replace every participant name with a pseudonym per domain (md, html)": (
        "vervang elke naam door een pseudoniem per domein (md, html)"
    ),
    "write into this folder (a name from title and date) or to this file": (
        "schrijf in deze map (naam uit titel en datum) of naar dit bestand"
    ),
    "overwrite an existing file": "overschrijf een bestaand bestand",
    "also off-the-record contributions (JSON only; for a private backup)": (
        "ook vertrouwelijke bijdragen (alleen JSON; voor een eigen reservekopie)"
    ),
    "ids or slugs": "ids of slugs",
    "across all sessions": "over alle sessies",
    "a theme heard in N or more sessions is recurring (default: 2)": (
        "een thema dat in N of meer sessies klinkt, keert terug (standaard: 2)"
    ),
    "print JSON (docs/themes-json.md)": "toon JSON (docs/themes-json.md)",
    "show the stored themes of the last run; no clustering": (
        "toon de opgeslagen thema's van de laatste run; niet opnieuw groeperen"
    ),
    "cluster again even when nothing changed since the last run": (
        "groepeer opnieuw, ook als er niets veranderde sinds de laatste run"
    ),
    "report each step on stderr, however small the run": "meld elke stap op stderr, hoe klein ook",
    "accept a theme": "aanvaard een thema",
    "give a theme a name (empty: back to its label)": (
        "geef een thema een naam (leeg: terug naar het label)"
    ),
    "merge themes; prints the surviving id": "voeg thema's samen; toont het overblijvende id",
    "contributions into a new theme; prints its id": "bijdragen naar een nieuw thema; toont het id",
    "move a contribution into a theme": "verplaats een bijdrage naar een thema",
    "take a contribution out of a theme, for good": "haal een bijdrage voorgoed uit een thema",
    "mark a theme as not a theme": "markeer een thema als geen thema",
    "undo the last curation action": "maak de laatste bewerking ongedaan",
    "every curation action: who, when, what": "elke bewerking: wie, wanneer, wat",
    "print JSON": "toon JSON",
    "list the terms with how often each is used": "toon de termen en hoe vaak elk gebruikt is",
    "rename a term (onto an existing name: merge)": (
        "hernoem een term (naar een bestaande: samenvoegen)"
    ),
    "fold one term into another, keeping every link": (
        "voeg een term op in een andere, met alle koppelingen"
    ),
    "the contribution that answered it": "de bijdrage die het beantwoordde",
    "who will do it": "wie het doet",
    "by when: 2026-05-01 or 1-5-2026": "wanneer: 2026-05-01 of 1-5-2026",
    "mark it done": "markeer als gedaan",
    "mark it not done": "markeer als niet gedaan",
    "show or set your name, kept in histories and on contributions": (
        "toon of zet je naam, bewaard in de geschiedenis en bij bijdragen"
    ),
    "your name (remembered)": "je naam (wordt onthouden)",
    # corrections
    "correct a participant: rename, domain, organisation, merge, remove": (
        "corrigeer een deelnemer: naam, domein, organisatie, samenvoegen, verwijderen"
    ),
    "correct the agenda: rename, move or delete a phase": (
        "corrigeer de agenda: een fase hernoemen, verplaatsen of verwijderen"
    ),
    "edit, delete or restore a session": "bewerk, verwijder of herstel een sessie",
    "who corrected what, and when": "wie wat corrigeerde, en wanneer",
    "list participants (of one session with --session)": (
        "toon deelnemers (van één sessie met --session)"
    ),
    "give a participant another name, domain or organisation": (
        "geef een deelnemer een andere naam, domein of organisatie"
    ),
    "merge a participant into another: every contribution follows": (
        "voeg een deelnemer samen met een ander: alle bijdragen gaan mee"
    ),
    "remove a participant who has no contributions": "verwijder een deelnemer zonder bijdragen",
    "a participant: id, name or its beginning": "een deelnemer: id, naam of het begin ervan",
    "the participant who stays": "de deelnemer die blijft",
    "look only among this session's participants": (
        "zoek alleen onder de deelnemers van deze sessie"
    ),
    "new name": "nieuwe naam",
    "new domain (empty: none)": "nieuw domein (leeg: geen)",
    "new organisation (empty: none)": "nieuwe organisatie (leeg: geen)",
    "the session (id or slug)": "de sessie (id of slug)",
    "list the agenda": "toon de agenda",
    "give a phase another title": "geef een fase een andere titel",
    "move a phase to another place on the agenda": "verplaats een fase op de agenda",
    "take a phase off the agenda": "haal een fase van de agenda",
    "a phase: number, title or its beginning": "een fase: nummer, titel of het begin ervan",
    "new title": "nieuwe titel",
    "new place (1 is first)": "nieuwe plaats (1 is de eerste)",
    "the phase its contributions go to (default: none)": (
        "de fase waar de bijdragen heen gaan (standaard: geen)"
    ),
    "change a session's title, question, place, organiser, note-taker, date or consent": (
        "wijzig titel, vraag, plaats, organisator, notulist, datum of toestemming van een sessie"
    ),
    "delete a session (it can be restored)": "verwijder een sessie (terug te halen)",
    "bring a deleted session back": "haal een verwijderde sessie terug",
    "list the deleted sessions": "toon de verwijderde sessies",
    "new date: 2026-11-03 19:30": "nieuwe datum: 2026-11-03 19:30",
    "new default consent: named, anonymous, paraphrase, off_record": (
        "nieuwe standaardtoestemming: named, anonymous, paraphrase, off_record"
    ),
    "delete without asking": "verwijder zonder te vragen",
    "how many (default: 30)": "hoeveel (standaard: 30)",
}
