"""Interface texts in Dutch and English. Dutch is the users' language and the default."""

from __future__ import annotations

from collections.abc import Mapping

from dialoog_tui.i18n.cli import CLI_MESSAGES
from dialoog_tui.i18n.corrections import CORRECTION_MESSAGES
from dialoog_tui.i18n.themes import THEME_MESSAGES

# key: (Dutch, English). Placeholders use str.format names.
MESSAGES: Mapping[str, tuple[str, str]] = {
    **THEME_MESSAGES,
    **CORRECTION_MESSAGES,
    **CLI_MESSAGES,
    # commands (footer, help and palette)
    "cmd.log": ("Loggen", "Log"),
    "cmd.log.help": ("Log de regel in de invoer", "Log the line in the input"),
    "cmd.select_up": ("Vorige", "Previous"),
    "cmd.select_up.help": ("Selecteer een eerdere inbreng", "Select an earlier contribution"),
    "cmd.select_down": ("Volgende", "Next"),
    "cmd.select_down.help": ("Selecteer een latere inbreng", "Select a later contribution"),
    "cmd.page_up": ("Pagina terug", "Page up"),
    "cmd.page_up.help": ("Blader een scherm terug in het verslag", "Scroll the log a page back"),
    "cmd.page_down": ("Pagina verder", "Page down"),
    "cmd.page_down.help": ("Blader een scherm verder", "Scroll the log a page forward"),
    "cmd.edit": ("Bewerk", "Edit"),
    "cmd.edit.help": ("Bewerk de geselecteerde inbreng", "Edit the selected contribution"),
    "cmd.remove": ("Verwijder", "Remove"),
    "cmd.remove.help": ("Verwijder de geselecteerde inbreng", "Remove the selected contribution"),
    "cmd.reply": ("Reageer", "Reply"),
    "cmd.reply.help": (
        "De volgende inbreng reageert op de geselecteerde",
        "The next contribution replies to the selected one",
    ),
    "cmd.undo": ("Ongedaan", "Undo"),
    "cmd.undo.help": ("Maak de laatste wijziging ongedaan", "Undo the last change"),
    "cmd.redo": ("Opnieuw", "Redo"),
    "cmd.redo.help": ("Doe de ongedaan gemaakte wijziging opnieuw", "Redo the undone change"),
    "cmd.phase": ("Fase", "Phase"),
    "cmd.phase.help": ("Ga naar een (nieuwe) fase van de agenda", "Go to a (new) agenda phase"),
    "cmd.next_phase": ("Volgende fase", "Next phase"),
    "cmd.next_phase.help": ("Ga naar de volgende fase", "Go to the next phase"),
    "cmd.cancel": ("Annuleer", "Cancel"),
    "cmd.cancel.help": (
        "Stop bewerken of selectie, of wis de spreker",
        "Stop editing or selecting, or clear the speaker",
    ),
    "cmd.room": ("Zaal", "Room"),
    "cmd.room.help": (
        "De zaal spreekt (niemand in het bijzonder)",
        "The room speaks (nobody in particular)",
    ),
    "cmd.speaker": ("Spreker {key}", "Speaker {key}"),
    "cmd.speaker.help": ("Maak {name} de spreker", "Make {name} the speaker"),
    "cmd.speakers": ("Spreker", "Speaker"),
    "cmd.speakers.help": (
        "Alt + de toets voor een naam in het deelnemerspaneel maakt die persoon spreker",
        "Alt + the key beside a name in the participants panel makes that person the speaker",
    ),
    "cmd.palette": ("opdrachten", "commands"),
    "cmd.palette.help": (
        "Zoek een opdracht, een spreker of een kleurthema",
        "Search for a command, a speaker or a colour theme",
    ),
    "cmd.screenshot": ("Schermafdruk", "Screenshot"),
    "cmd.screenshot.help": (
        "Bewaar het scherm als SVG-afbeelding in Downloads",
        "Save the screen as an SVG picture in Downloads",
    ),
    "palette.search": ("Zoek een opdracht…", "Search for a command…"),
    "palette.no_matches": ("Niets gevonden", "No matches found"),
    "palette.themes": ("Zoek een kleurthema…", "Search for a colour theme…"),
    "cmd.help": ("Help", "Help"),
    "cmd.help.help": ("Toon toetsen en invoersyntax", "Show keys and entry syntax"),
    "cmd.sessions": ("Sessies", "Sessions"),
    "cmd.sessions.help": ("Terug naar de sessiekiezer", "Back to the session picker"),
    "cmd.quit": ("Stop", "Quit"),
    "cmd.quit.help": ("Sluit dialoog af", "Quit dialoog"),
    "cmd.theme": ("Kleurthema", "Colour theme"),
    "cmd.theme.help": ("Kies een kleurthema", "Choose a colour theme"),
    "cmd.new_session": ("Nieuwe sessie", "New session"),
    "cmd.new_session.help": ("Begin een nieuwe sessie", "Start a new session"),
    "cmd.open_session": ("Openen", "Open"),
    "cmd.open_session.help": ("Open de gekozen sessie", "Open the chosen session"),
    # capture screen
    "capture.placeholder": (
        "@naam/domein  ?!+=>  tekst  #tag     (F1: hulp)",
        "@name/domain  ?!+=>  text  #tag     (F1: help)",
    ),
    "capture.loading": ("Sessie laden…", "Loading session…"),
    "capture.no_phase": ("geen fase", "no phase"),
    "capture.elapsed": ("bezig", "elapsed"),
    "capture.participants": ("Deelnemers", "Participants"),
    "capture.domains": ("Per domein", "Per domain"),
    "capture.room": ("zaal", "room"),
    "capture.silent": ("nog niet gesproken", "not spoken yet"),
    # Three short lines: the panel is some 24 columns wide on an 80-column screen.
    "capture.no_participants": ("Nog niemand.", "Nobody yet."),
    "capture.no_participants.how": ("Typ @Naam/domein", "Type @Name/domain"),
    "capture.no_participants.why": ("om toe te voegen.", "to add someone."),
    "capture.empty_log": (
        "Nog geen inbreng. Typ hieronder en druk Enter.",
        "No contributions yet. Type below and press Enter.",
    ),
    "capture.older": ("↑ eerdere inbreng laden…", "↑ loading earlier contributions…"),
    "capture.edited": ("bewerkt", "edited"),
    "preview.speaker": ("spreker", "speaker"),
    "preview.new": ("nieuw", "new"),
    "preview.resembles": ("bedoel je {name}?", "did you mean {name}?"),
    "preview.room": ("de zaal", "the room"),
    "preview.kind": ("soort", "kind"),
    "preview.tags": ("tags", "tags"),
    "preview.reply": ("reageert op #{seq}", "replies to #{seq}"),
    "preview.enter_sets_speaker": ("Enter: {name} wordt spreker", "Enter: {name} becomes speaker"),
    "preview.ambiguous_name": ("meerdere deelnemers: {names}", "several participants: {names}"),
    "preview.unknown_domain": (
        "onbekend domein; kies uit: {names}",
        "unknown domain; choose from: {names}",
    ),
    "preview.ambiguous_domain": ("meerdere domeinen: {names}", "several domains: {names}"),
    "preview.domain_ignored": ("(domein blijft {domain})", "(domain stays {domain})"),
    "preview.empty": ("nog geen tekst", "no text yet"),
    "mode.edit": ("Bewerk #{seq}", "Edit #{seq}"),
    "mode.phase": ("Fase", "Phase"),
    "mode.phase.placeholder": (
        "nummer of naam van de fase (nieuwe naam: nieuwe fase) — Esc annuleert",
        "phase number or name (a new name adds a phase) — Esc cancels",
    ),
    "preview.phase_new": ("→ nieuwe fase: {title}", "→ new phase: {title}"),
    "preview.phase_several": (
        "meerdere fasen: {titles} — typ meer van de naam",
        "several phases: {titles} — type more of the name",
    ),
    "key.space": ("Spatie", "Space"),
    "mode.capture": ("Invoer", "Entry"),
    "mode.ladder": (
        "Onder #{seq}: belang, waarde:…, voorwaarde:…",
        "Under #{seq}: interest, value:…, condition:…",
    ),
    # Offered after a resistance: the label says what a plain line does, the empty line
    # how to answer; each fits 80 columns.
    "mode.ladder.offered": (
        "Onder #{seq}: gewone tekst is de volgende bijdrage · Esc slaat over",
        "Under #{seq}: plain text is the next contribution · Esc skips",
    ),
    "mode.ladder.skip": (
        'waarom? belang:x · waarde:x · voorwaarde:"…"',
        'why? interest:x · value:x · condition:"…"',
    ),
    "mode.ladder.placeholder": (
        'gewone tekst = belang · waarde:x · voorwaarde:"…" — Esc annuleert',
        'plain text = interest · value:x · condition:"…" — Esc cancels',
    ),
    "ladder.interest": ("belang", "interest"),
    "ladder.value": ("waarde", "value"),
    "ladder.condition": ("voorwaarde", "condition"),
    "preview.owner": ("eigenaar: {owner}", "owner: {owner}"),
    "preview.due": ("datum: {due}", "due: {due}"),
    "preview.due_unreadable": ("datum onleesbaar: {due}", "unreadable date: {due}"),
    "notify.consent": ("#{seq}: {consent}", "#{seq}: {consent}"),
    "notify.next_consent": ("Volgende inbreng: {consent}", "Next contribution: {consent}"),
    "cmd.acknowledge": ("Erkend", "Acknowledged"),
    "cmd.acknowledge.help": ("Markeer het belang als erkend", "Mark the interest acknowledged"),
    "cmd.answer": ("Beantwoord", "Answered"),
    "cmd.answer.help": (
        "Markeer het belang als beantwoord, en waarmee",
        "Mark the interest answered, and by what",
    ),
    "cmd.reopen": ("Open", "Open"),
    "cmd.reopen.help": ("Zet het belang weer open", "Set the interest open again"),
    "cmd.toggle_done": ("Afgerond", "Done"),
    "cmd.toggle_done.help": (
        "Markeer de afspraak als afgerond (of niet)",
        "Mark the commitment done (or not)",
    ),
    "cmd.scope": ("Sessie/alle", "Session/all"),
    "cmd.scope.help": ("Deze sessie of alle sessies", "This session or all sessions"),
    "cmd.search": ("Zoek", "Search"),
    "cmd.search.help": (
        "Zoek wat er gezegd is, in alle sessies, en spring ernaartoe",
        "Search what was said, in every session, and jump to it",
    ),
    "cmd.jump": ("Ga naar", "Go to"),
    "cmd.jump.help": (
        "Open de gekozen bijdrage in haar sessie",
        "Open the chosen contribution in its session",
    ),
    "search.title": ("Zoeken in alle sessies", "Search every session"),
    "search.placeholder": (
        'woorden, of "een zinsdeel" tussen aanhalingstekens',
        'words, or "a phrase" in quotes',
    ),
    "search.hint": (
        "Typ om te zoeken. ↓ naar de resultaten, Enter opent er een, Esc terug.",
        "Type to search. ↓ to the results, Enter opens one, Esc goes back.",
    ),
    "search.count": (
        "{count} gevonden, beste eerst. ↓ en Enter opent er een waar het gezegd is.",
        "{count} found, best first. ↓ and Enter opens one where it was said.",
    ),
    "search.more": (
        "{count} getoond, er is meer: zoek preciezer. ↓ en Enter opent er een.",
        "{count} shown, there is more: search more precisely. ↓ and Enter opens one.",
    ),
    "search.none": (
        "Niets gevonden. Een woord vindt ook zijn vervoegingen en samenstellingen.",
        "Nothing found. A word also finds its inflections and compounds.",
    ),
    "search.other_session": (
        "Nu in de sessie ‘{title}’: wat je typt, komt hier. Ctrl+O: terug naar de sessies.",
        "Now in the session ‘{title}’: what you type goes here. Ctrl+O: back to the sessions.",
    ),
    "search.gone": (
        "Die bijdrage is er niet meer (verwijderd sinds het zoeken).",
        "That contribution is no longer there (removed since the search).",
    ),
    "search.anonymous": ("anoniem", "anonymous"),
    "search.room": ("de zaal", "the room"),
    "cmd.close": ("Terug", "Back"),
    "cmd.close.help": ("Terug naar invoer", "Back to capture"),
    "ladder.values": ("Waarden onder weerstand", "Values under resistance"),
    "ladder.interests": (
        "Belangen en wat ermee gedaan is",
        "Interests and what was done with them",
    ),
    "ladder.bridging": (
        "Overbruggende belangen (zelfde belang, tegengestelde posities)",
        "Bridging interests (same interest, opposite positions)",
    ),
    "ladder.ledger": ("Afsprakenlijst: jullie zeiden, wij deden", "You said, we did: commitments"),
    "ladder.session": ("sessie", "session"),
    "ladder.count": ("aantal", "count"),
    "ladder.status": ("status", "status"),
    "ladder.done": ("klaar", "done"),
    "ladder.commitment": ("afspraak", "commitment"),
    "ladder.owner": ("eigenaar", "owner"),
    "ladder.due": ("datum", "due"),
    "ladder.all": ("alle sessies", "all sessions"),
    "ladder.none": ("nog niets", "nothing yet"),
    "ladder.overall": ("in totaal", "overall"),
    "ladder.status_set": ("{interest}: {status}", "{interest}: {status}"),
    "ladder.answered_by": ("Waarmee is ‘{interest}’ beantwoord?", "What answered ‘{interest}’?"),
    "ladder.no_reference": ("(geen verwijzing)", "(no reference)"),
    "cmd.ladder": ("Belangen", "Interests"),
    "cmd.ladder.help": (
        "Belangen, waarden en voorwaarde onder de geselecteerde inbreng",
        "Interests, values and condition under the selected contribution",
    ),
    "cmd.consent": ("Toestemming", "Consent"),
    "cmd.consent.help": (
        "Wissel de toestemming: geselecteerde inbreng, anders de volgende",
        "Cycle the consent: of the selected contribution, else of the next one",
    ),
    "cmd.paraphrase": ("Parafrase", "Paraphrase"),
    "cmd.paraphrase.help": (
        "Parafraseer de geselecteerde inbreng: gedeeld in plaats van de woorden",
        "Paraphrase the selected contribution: shared instead of its words",
    ),
    "mode.paraphrase": ("Parafrase van #{seq}", "Paraphrase of #{seq}"),
    "mode.paraphrase.placeholder": (
        "in eigen woorden; dit komt in het verslag, niet de letterlijke tekst — Esc annuleert",
        "in your own words; shared instead of the verbatim text — Esc cancels",
    ),
    "mode.paraphrase.offer": (
        "alleen parafrase: schrijf hem nu in eigen woorden, of Esc voor later (Ctrl+B)",
        "paraphrase only: write it in your own words now, or Esc for later (Ctrl+B)",
    ),
    "preview.paraphrase": ("parafrase: {text}", "paraphrase: {text}"),
    "preview.paraphrase_enter": (
        "Enter: deze parafrase komt in het verslag in plaats van de woorden",
        "Enter: this paraphrase is shared instead of the words",
    ),
    "cmd.ladder_view": ("Ladder", "Ladder"),
    "cmd.ladder_view.help": (
        "Waarden onder weerstand, open en overbruggende belangen, afsprakenlijst",
        "Values under resistance, open and bridging interests, commitments",
    ),
    "notify.logged_failed": ("Niet gelogd: {error}", "Not logged: {error}"),
    "notify.cannot_log": ("Kan niet loggen: {reason}", "Cannot log: {reason}"),
    "notify.removed": ("#{seq} verwijderd (Ctrl+Z: terug)", "#{seq} removed (Ctrl+Z: undo)"),
    "notify.removed_elsewhere": (
        "#{seq} is op een ander scherm verwijderd",
        "#{seq} was removed at another screen",
    ),
    "notify.changed_elsewhere": (
        "#{seq} is op een ander scherm gewijzigd: Enter slaat jouw versie erover op,"
        " Esc laat die staan",
        "#{seq} was changed at another screen: Enter stores your version over it,"
        " Esc leaves theirs",
    ),
    "notify.undone": ("Ongedaan: {what}", "Undone: {what}"),
    "notify.redone": ("Opnieuw: {what}", "Redone: {what}"),
    "notify.nothing_to_undo": ("Niets om ongedaan te maken", "Nothing to undo"),
    "notify.nothing_to_redo": ("Niets om opnieuw te doen", "Nothing to redo"),
    "notify.phase": ("Fase: {title}", "Phase: {title}"),
    "notify.no_next_phase": (
        "Dit is de laatste fase; Ctrl+G voegt er een toe",
        "This is the last phase; Ctrl+G adds one",
    ),
    "notify.store_error": ("Databasefout: {error}", "Database error: {error}"),
    "capture.table": ("tafel", "table"),
    "room.title": ("Zaaloverzicht", "Room view"),
    "wall.title": ("Wand", "Wall"),
    "room.tables": ("{count} tafel(s)", "{count} table(s)"),
    "room.no_table": ("Hele zaal", "Whole room"),
    "room.anonymous": ("anoniem", "anonymous"),
    "room.whole_room": ("de zaal", "the room"),
    "room.themes_here": ("Thema's die opkomen", "Emerging themes"),
    "room.themes": ("Thema's over de tafels", "Themes across the tables"),
    "room.finding": ("thema's worden gezocht…", "finding themes…"),
    "room.no_run": (
        "Nog geen thema's gezocht: R zoekt ze.",
        "No themes found yet: R finds them.",
    ),
    "room.no_themes": ("Nog geen thema's aan deze tafels.", "No themes at these tables yet."),
    "cmd.find_themes": ("Thema's zoeken", "Find themes"),
    "cmd.find_themes.help": (
        "Zoek de thema's opnieuw, over alle sessies",
        "Find the themes anew, across all sessions",
    ),
    "cmd.quit_room": ("Sluiten", "Close"),
    "cmd.quit_room.help": ("Sluit het zaaloverzicht", "Close the room view"),
    "capture.offline": (" offline — {count} wachtend ", " offline — {count} waiting "),
    "notify.offline": (
        "De database is niet bereikbaar. Wat je logt, wacht op deze computer en wordt"
        " geschreven zodra hij weer antwoordt.",
        "The database cannot be reached. What you log waits on this computer and is written"
        " as soon as it answers again.",
    ),
    "notify.waiting_held": (
        "{count} wachtende regel(s) weigerde de database; ze zijn bewaard in {path}",
        "The database refused {count} waiting line(s); they are kept in {path}",
    ),
    "notify.waiting_written": (
        "De database antwoordt: wachtende regels geschreven: {count}",
        "The database answers: waiting lines written: {count}",
    ),
    "notify.reply_to": (
        "Volgende inbreng reageert op #{seq}",
        "Next contribution replies to #{seq}",
    ),
    "undo.logged": ("loggen van #{seq}", "logging #{seq}"),
    "undo.removed": ("verwijderen van #{seq}", "removing #{seq}"),
    "undo.edited": ("bewerken van #{seq}", "editing #{seq}"),
    "undo.laddered": ("belangen en waarden van #{seq}", "interests and values of #{seq}"),
    "undo.consented": ("toestemming van #{seq}", "consent of #{seq}"),
    "undo.paraphrased": ("parafrase van #{seq}", "paraphrase of #{seq}"),
    # picker
    "picker.title": ("dialoog — sessies", "dialoog — sessions"),
    "picker.new": ("+ Nieuwe sessie…", "+ New session…"),
    "picker.empty": (
        "Nog geen sessies. Kies ‘Nieuwe sessie’ of laad de demo met: dialoog demo",
        "No sessions yet. Choose ‘New session’ or load the demo with: dialoog demo",
    ),
    "picker.count": ("{count} bijdragen", "{count} contributions"),
    "picker.count.one": ("{count} bijdrage", "{count} contribution"),
    "picker.loading": ("Sessies laden…", "Loading sessions…"),
    "new.title": ("Nieuwe sessie", "New session"),
    "new.field.title": ("Titel", "Title"),
    "new.field.question": ("Vraagstelling", "Question"),
    "new.field.location": ("Plaats", "Location"),
    "new.field.organiser": ("Organisator", "Organiser"),
    "new.field.note_taker": ("Notulist", "Note-taker"),
    "new.field.participants": ("Deelnemers", "Participants"),
    "new.field.phases": ("Agenda", "Agenda"),
    "new.field.consent": ("Toestemming", "Consent"),
    "new.hint.participants": ("Anna/inw, Piet/overheid", "Anna/inw, Piet/overheid"),
    "new.hint.phases": ("Opening; Ideeën; Afspraken", "Opening; Ideas; Agreements"),
    "new.bad_consent": ("Toestemming: kies {names}", "Consent: choose {names}"),
    "new.create": ("Aanmaken", "Create"),
    "new.cancel": ("Annuleren", "Cancel"),
    "new.needs_title": ("Een sessie heeft een titel nodig", "A session needs a title"),
    # help
    "help.title": ("Hulp", "Help"),
    "help.keys": ("Toetsen", "Keys"),
    "help.syntax": ("Snelle invoer", "Quick entry"),
    "help.syntax.body": (
        '@Naam of @"Jan de Vries" aan het begin: de spreker (uniek begin is genoeg: @an → Anna)\n'
        "@Naam/domein bij de eerste keer: het domein (begin is genoeg: /inw, /ond, /over, /maat)\n"
        "@- : de zaal.  Zonder @ spreekt de vorige spreker verder.\n"
        "Teken na de spreker: ? vraag  ! weerstand  + voorstel  = instemming  > afspraak\n"
        "#tag overal: een tag.  \\ voor @ # ? ! + = > maakt het teken letterlijk.\n"
        'belang:x of belang:"met spaties"  waarde:x  voorwaarde:"…"  (→ vult aan)\n'
        "Bij een afspraak (>): eigenaar:Naam  datum:2026-05-01\n"
        "Alleen @Naam + Enter: maakt iemand spreker zonder te loggen.\n"
        "Markering: ◌ anoniem  ≈ parafrase  ⊘ vertrouwelijk (Ctrl+T wisselt)",
        '@Name or @"Jan de Vries" at the start: the speaker (a unique prefix will do: @an → Anna)\n'
        "@Name/domain on first mention: the domain (a prefix will do: /inw, /ond, /over, /maat)\n"
        "@- : the room.  Without @ the previous speaker continues.\n"
        "Sigil after the speaker: ? question  ! resistance  + proposal  = agreement  > commitment\n"
        "#tag anywhere: a tag.  \\ before @ # ? ! + = > makes it literal.\n"
        'interest:x or interest:"with spaces"  value:x  condition:"…"  (→ completes)\n'
        "On a commitment (>): owner:Name  due:2026-05-01\n"
        "Just @Name + Enter: makes someone the speaker without logging.\n"
        "Marks: ◌ anonymous  ≈ paraphrase  ⊘ off the record (Ctrl+T cycles)",
    ),
    "log.owner": ("door", "by"),
    "log.due": ("vóór", "due"),
    "log.more": (
        "… nog {count} regels (selecteer om te lezen)",
        "… {count} more lines (select to read)",
    ),
    "cmd.side_panel": ("Deelnemers", "Participants"),
    "cmd.side_panel.help": (
        "Toon of verberg de deelnemers naast het verslag",
        "Show or hide the participants beside the log",
    ),
    "help.close": ("Esc of F1 sluit", "Esc or F1 closes"),
}


INTERFACE_LANGUAGES = ("nl", "en")
"""The languages the interface speaks, Dutch (the default) first."""


class Translator:
    """Looks up interface texts in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = "en" if lang == "en" else "nl"
        """The language in use: `nl` or `en`."""
        self._index = 1 if self.lang == "en" else 0

    def __call__(self, message_id: str, /, **values: object) -> str:
        """The text for `message_id`, with `values` filled in; the id itself if unknown.

        With `count=1`, the text of `message_id.one` if there is one ('1 bijdrage')."""
        if values.get("count") == 1 and f"{message_id}.one" in MESSAGES:
            message_id = f"{message_id}.one"
        texts = MESSAGES.get(message_id)
        if texts is None:
            return message_id
        text = texts[self._index]
        return text.format(**values) if values else text

    def decimal(self, value: float, digits: int = 2) -> str:
        """`value` as this language writes it: 0,60 in Dutch, 0.60 in English."""
        written = f"{value:.{digits}f}"
        return written if self.lang == "en" else written.replace(".", ",")

    def explain(self, error: BaseException) -> str:
        """An error in this language, as one line: its interface text when it names one
        (`key` and `values`, see `errors.StoreError`), else the first line of its own
        sentence, else its type."""
        key = getattr(error, "key", None)
        if isinstance(key, str) and key in MESSAGES:
            said = self(key, **getattr(error, "values", {}))
        else:
            said = str(error)
        lines = said.strip().splitlines()
        return lines[0] if lines else type(error).__name__
