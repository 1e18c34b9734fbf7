"""A session as a REFI-QDA project (`.qdpx`), for the qualitative-analysis suites that read
the exchange standard (ATLAS.ti, NVivo, MAXQDA, QualCoder…).

The project (`project.qde`, QDA-XML 1.0) holds:

- the session as one text source (`Sources/<guid>.txt`): its contributions in order, each
  on a line of its own after its number, time, speaker and kind, with a line where a phase
  starts;
- a code tree: kinds, tags, interests, values and the session's themes, each a parent that
  is not itself codable, with a code per name;
- each contribution's words as a coded selection of the source, once per code it carries
  (one coding a selection: what every reader reads, where some read only the first of
  several);
- participants as cases, their domain as a variable, with their selections;
- the note-taker as the user who made every selection.

It is shared, so it reads through the consent gate like every export: nothing off the
record, no name or case for someone heard only anonymously (an anonymous contribution is
the room's line), the paraphrase instead of the words of a paraphrase-only contribution;
`anonymize` gives pseudonyms for names, in the texts too. GUIDs are derived from the
session and what they stand for, so exporting the same session again gives the same ids.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from xml.etree import ElementTree as ET

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import heard_only_anonymously, shareable_record
from dialoog_tui.core.display import visible
from dialoog_tui.core.export.pseudonyms import Pseudonyms
from dialoog_tui.core.model import Contribution, Participant
from dialoog_tui.core.record import SessionRecord
from dialoog_tui.i18n.exports import QDPX_TEXTS

NAMESPACE = "urn:QDA-XML:project:1.0"
_ID_SPACE = uuid.UUID("6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b")
"""Where dialoog's GUIDs are made (uuid5): the same thing, the same id."""


class ThemeCodes(Struct, frozen=True):
    """A theme of the session, as a code: its title and its members here."""

    id: str
    title: str
    members: frozenset[int]


def session_qdpx(
    record: SessionRecord,
    themes: Sequence[ThemeCodes] = (),
    *,
    exported_at: datetime,
    anonymize: bool = False,
    everyone: Sequence[Participant] = (),
    lang: str = "nl",
    person: str = "",
    origin: str = "dialoog",
    zone: tzinfo | None = None,
) -> bytes:
    """The `.qdpx` file (a zip) of one session; `person` is who exports it (the user)."""
    record = shareable_record(record)
    texts = QDPX_TEXTS["en" if lang == "en" else "nl"]
    unnamed = heard_only_anonymously(record)
    shown = [p for p in record.people_in_order() if p.id not in unnamed]
    pseudonyms = Pseudonyms(shown, lang, others=everyone) if anonymize else None
    scrub = pseudonyms.scrub if pseudonyms else (lambda text: text)
    slug = record.session.slug

    def guid(*parts: object) -> str:
        return str(uuid.uuid5(_ID_SPACE, ":".join([slug, *map(str, parts)])))

    def name_of(person_: Participant) -> str:
        return pseudonyms.of(person_) if pseudonyms else person_.name

    when = _time(exported_at, zone)
    # Anonymised, no id is made of a name: a guessed name could be checked against it.
    user = guid("user", "" if anonymize else person)
    source = guid("source")
    text, places = _source_text(record, texts, lang, name_of, scrub, unnamed, zone)

    project = ET.Element(
        "Project",
        {
            "xmlns": NAMESPACE,
            "name": _xml(scrub(record.session.title)),
            "origin": origin,
            "creatingUserGUID": user,
            "creationDateTime": when,
        },
    )
    users = ET.SubElement(project, "Users")
    ET.SubElement(users, "User", {"guid": user, "name": "" if anonymize else _xml(person)})

    codes: dict[tuple[str, str], str] = {}
    """(group, key) → the code's GUID."""
    book = ET.SubElement(ET.SubElement(project, "CodeBook"), "Codes")
    for group, members in _code_groups(record, themes, texts, lang):
        parent = ET.SubElement(
            book, "Code", {"guid": guid("codes", group), "name": group, "isCodable": "false"}
        )
        for key, code_name in members:
            codes[(group, key)] = guid("code", group, scrub(key))
            ET.SubElement(
                parent,
                "Code",
                {"guid": codes[(group, key)], "name": _xml(scrub(code_name)), "isCodable": "true"},
            )

    domain_variable = guid("variable", "domain")
    variables = ET.SubElement(project, "Variables")
    ET.SubElement(
        variables,
        "Variable",
        {"guid": domain_variable, "name": texts["domain"], "typeOfVariable": "Text"},
    )

    selections: dict[int, list[str]] = {}
    """Per contribution: its selections' GUIDs (a case refers to them)."""
    text_source = ET.Element(
        "TextSource",
        {
            "guid": source,
            "name": _xml(scrub(record.session.title)),
            "plainTextPath": f"internal://{source}.txt",
            "creatingUser": user,
            "creationDateTime": when,
        },
    )
    for contribution in record.contributions:
        start, end = places[contribution.id]
        for group, key in _codes_of(contribution, themes, texts, lang):
            # By its number as shared, not its database id: the ids, recovered by trying
            # small numbers, would show by their gaps where something was left out.
            selection = guid("selection", contribution.seq, group, scrub(key))
            selections.setdefault(contribution.id, []).append(selection)
            element = ET.SubElement(
                text_source,
                "PlainTextSelection",
                {
                    "guid": selection,
                    "name": f"#{contribution.seq}",
                    "startPosition": str(start),
                    "endPosition": str(end),
                    "creatingUser": user,
                    "creationDateTime": when,
                },
            )
            coding = ET.SubElement(
                element,
                "Coding",
                {"guid": guid("coding", selection), "creatingUser": user, "creationDateTime": when},
            )
            ET.SubElement(coding, "CodeRef", {"targetGUID": codes[(group, key)]})

    cases = ET.SubElement(project, "Cases")
    for number, person_ in enumerate(shown, start=1):  # numbered here, for the same reason
        case = ET.SubElement(
            cases, "Case", {"guid": guid("case", number), "name": _xml(name_of(person_))}
        )
        value = ET.SubElement(case, "VariableValue")
        ET.SubElement(value, "VariableRef", {"targetGUID": domain_variable})
        ET.SubElement(value, "TextValue").text = _xml(person_.domain or texts["no_domain"])
        for contribution in record.contributions:
            if (
                contribution.participant_id == person_.id
                and contribution.consent is not Consent.ANONYMOUS
            ):
                for selection in selections.get(contribution.id, []):
                    ET.SubElement(case, "SelectionRef", {"targetGUID": selection})
    if not len(cases):
        project.remove(cases)
    ET.SubElement(project, "Sources").append(text_source)

    document = ET.tostring(project, encoding="unicode", xml_declaration=False)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", '<?xml version="1.0" encoding="utf-8"?>\n' + document)
        archive.writestr(f"Sources/{source}.txt", text)
    return packed.getvalue()


def _source_text(
    record: SessionRecord,
    texts: dict[str, str],
    lang: str,
    name_of: Callable[[Participant], str],
    scrub: Callable[[str], str],
    unnamed: set[int],
    zone: tzinfo | None,
) -> tuple[str, dict[int, tuple[int, int]]]:
    """The session as plain text, and where each contribution's words stand in it
    (start, end: characters, end not included)."""
    lines: list[str] = [scrub(record.session.title)]
    if record.session.question:
        lines.append(scrub(record.session.question))
    lines.append("")
    length = sum(len(line) + 1 for line in lines)
    places: dict[int, tuple[int, int]] = {}
    phase_id: int | None = None
    for contribution in record.contributions:
        if contribution.phase_id != phase_id and contribution.phase_id is not None:
            phase = record.phase(contribution.phase_id)
            if phase is not None:
                heading = f"— {scrub(phase.title)} —"
                lines.append(heading)
                length += len(heading) + 1
        phase_id = contribution.phase_id
        speaker = record.speaker(contribution)
        if contribution.consent is Consent.ANONYMOUS or speaker is None or speaker.id in unnamed:
            who = texts["anonymous"] if contribution.consent is Consent.ANONYMOUS else texts["room"]
        else:
            who = name_of(speaker) + (f" ({speaker.domain})" if speaker.domain else "")
        said_as = f" [{texts['paraphrase']}]" if contribution.consent is Consent.PARAPHRASE else ""
        head = (
            f"#{contribution.seq} {contribution.at.astimezone(zone).strftime('%H:%M')} "
            f"{who}, {contribution.kind.label(lang)}{said_as}: "
        )
        words = " ".join(scrub(contribution.text).split())  # one line, whatever was typed
        places[contribution.id] = (length + len(head), length + len(head) + len(words))
        line = head + words
        lines.append(line)
        length += len(line) + 1
    return "\n".join(lines) + "\n", places


def _code_groups(
    record: SessionRecord, themes: Sequence[ThemeCodes], texts: dict[str, str], lang: str
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The code tree: each group's name and its codes (key, name), in a stable order."""
    said = record.contributions
    ids = {c.id for c in said}
    named = [
        (texts["kinds"], sorted({c.kind.label(lang) for c in said})),
        (texts["tags"], sorted({tag for c in said for tag in c.tags})),
        (texts["interests"], sorted({i for c in said for i in c.interests})),
        (texts["values"], sorted({v for c in said for v in c.values})),
    ]
    groups = [(group, [(name, name) for name in names]) for group, names in named]
    # Themes by id: two themes may share a title.
    groups.append((texts["themes"], [(t.id, t.title) for t in themes if t.members & ids]))
    return [(group, codes) for group, codes in groups if codes]


def _codes_of(
    contribution: Contribution, themes: Sequence[ThemeCodes], texts: dict[str, str], lang: str
) -> list[tuple[str, str]]:
    """The codes a contribution carries: (group, key)."""
    return [
        (texts["kinds"], contribution.kind.label(lang)),
        *((texts["tags"], tag) for tag in contribution.tags),
        *((texts["interests"], interest) for interest in contribution.interests),
        *((texts["values"], value) for value in contribution.values),
        *((texts["themes"], theme.id) for theme in themes if contribution.id in theme.members),
    ]


def _xml(text: str) -> str:
    """`text` as XML may hold it: a control character (an escape in a title typed or
    imported) would make the whole project unreadable, so it shows as its symbol."""
    return visible(text)


def _time(moment: datetime, zone: tzinfo | None) -> str:
    return moment.astimezone(zone).replace(microsecond=0).isoformat()
