"""The Dutch of the command line's help, keyed by the English text, as argparse's own texts
are (the parsers are written in English; `cli/common.py` looks each text up here)."""

from __future__ import annotations

from collections.abc import Mapping

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
    "capture at this table of the session (set up when new); others see it live": (
        "leg vast aan deze tafel van de sessie (nieuw: wordt aangemaakt); anderen zien het direct"
    ),
    "a session's minutes (md, html) of what was said at this table only": (
        "het verslag (md, html) van alleen wat aan deze tafel gezegd is"
    ),
    "what was said at this table of the one session given": (
        "wat aan deze tafel van de ene gegeven sessie gezegd is"
    ),
    "read the themes of the one session given at this table: what was said there": (
        "lees de thema's van de ene gegeven sessie aan deze tafel: wat daar gezegd is"
    ),
    "md, html, json, or qdpx (a REFI-QDA project for ATLAS.ti, NVivo, MAXQDA, …);"
    " without it, the extension of the file -o names": (
        "md, html, json, of qdpx (een REFI-QDA-project voor ATLAS.ti, NVivo, MAXQDA, …);"
        " zonder: de extensie van het bestand dat -o noemt"
    ),
    "a survey CSV: which of its columns is what (text=Antwoord,speaker=Naam,at=Tijd)": (
        "een enquête-CSV: welke kolom wat is (text=Antwoord,speaker=Naam,at=Tijd)"
    ),
    "the rows are an online consultation's: a new session is marked online"
    " (a Pol.is comment export is recognised by itself)": (
        "de rijen komen uit een online raadpleging: een nieuwe sessie krijgt plaats ‘online’"
        " (een Pol.is-export van reacties wordt vanzelf herkend)"
    ),
    "a session's wall: what was said per table, by domain, and its themes": (
        "de wand van een sessie: wat er per tafel gezegd is, per domein, en de thema's"
    ),
    "show a session's wall in browsers (read-only)": (
        "toon de wand van een sessie in browsers (alleen lezen)"
    ),
    "port (8000)": "poort (8000)",
    "listen on this address of this computer, for other devices (default: only here)": (
        "luister op dit adres van deze computer, voor andere apparaten (standaard: alleen hier)"
    ),
    "find what was said, across sessions": "zoek wat er gezegd is, over de sessies heen",
    'words to find; "a phrase" in quotes': (
        'woorden om te vinden; "een zinsdeel" tussen aanhalingstekens'
    ),
    "only in this session (id or slug)": "alleen in deze sessie (id of slug)",
    "only what this person said": "alleen wat deze persoon zei",
    "only what this domain said": "alleen wat dit domein zei",
    "only this kind (weerstand, vraag, …)": "alleen deze soort (weerstand, vraag, …)",
    "at most N results (50)": "hoogstens N resultaten (50)",
    "print JSON (docs/search-json.md)": "toon JSON (docs/search-json.md)",
    "the facilitator's view of a session: every table, live": (
        "het overzicht voor de gespreksleider: alle tafels van een sessie, live"
    ),
    "list sessions": "toon de sessies",
    "import contributions from CSV or a text/Markdown file": (
        "importeer bijdragen uit CSV of een tekst-/Markdown-bestand"
    ),
    "a CSV file, or notes as text or Markdown (.txt, .md)": (
        "een CSV-bestand, of notities als tekst of Markdown (.txt, .md)"
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
        "bewerk een thema: accepteren, hernoemen, samenvoegen, splitsen, verplaatsen, "
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
    "also import rows the session holds already (by ref, or speaker, time and text)": (
        "importeer ook rijen die de sessie al heeft (op ref, of spreker, tijd en tekst)"
    ),
    "add a domain": "voeg een domein toe",
    "id or slug (with --themes: the sessions to report on)": (
        "id of slug (met --themes: de sessies voor het verslag)"
    ),
    "the theme report across sessions (md or html)": "het themaverslag over sessies (md of html)",
    "with --themes: every session": "met --themes: alle sessies",
    "md, html or json": "md, html of json",
    "replace every participant name with a pseudonym per domain": (
        "vervang elke naam door een pseudoniem per domein"
    ),
    "write into this folder (made when missing; a name from title and date) or to this file"
    " (a name with the format's extension)": (
        "schrijf in deze map (gemaakt als die er niet is; naam uit titel en datum) of naar dit"
        " bestand (een naam met de extensie van het formaat)"
    ),
    "a session summary as minutes (the meeting as it went; default) or by kind": (
        "een sessieverslag als notulen (de bijeenkomst zoals ze verliep; standaard) of per soort"
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
    "accept a theme": "accepteer een thema",
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
    "the contribution that answered it: #NUMBER as the minutes number it, or its id": (
        "de bijdrage die het beantwoordde: #NUMMER zoals het verslag nummert, of haar id"
    ),
    "SESSION#NUMBER as the minutes number it (avond-2#13), or its id": (
        "SESSIE#NUMMER zoals het verslag nummert (avond-2#13), of haar id"
    ),
    "the commitment: SESSION#NUMBER as the minutes number it (avond-2#13), or its id": (
        "de afspraak: SESSIE#NUMMER zoals het verslag nummert (avond-2#13), of haar id"
    ),
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
