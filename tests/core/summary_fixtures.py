"""A small session, made by hand, for the summary tests: every consent, a ladder, a
commitment that answers an interest, a theme — and texts that try to break Markdown."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from msgspec.structs import replace

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.export.session_md import SummaryOptions
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.ladder_report import InterestState, InterestStatus
from dialoog_tui.core.model import Contribution, Participant, Phase, Session
from dialoog_tui.core.record import SessionRecord
from dialoog_tui.core.themes.explain import ThemeSummary
from dialoog_tui.core.themes.live import LiveTheme

START = datetime(2026, 3, 12, 18, 30, tzinfo=UTC)
EXPORTED = datetime(2026, 3, 13, 9, 0, tzinfo=UTC)

HOSTILE = (
    "# Geen kop",
    "> geen citaat",
    "- geen lijst",
    "1. geen genummerde lijst",
    "kolom | kolom | nog een",
    "`code` en ``meer``",
    "[klik hier](https://example.org) en ![plaatje](x.png)",
    "<script>alert('x')</script> en <b>vet</b>",
    "*niet schuin* en __niet vet__ en ~~niet doorgehaald~~",
    "&amp; &#35; &copy; blijven letterlijk",
    "---",
    "===",
    "regel een\nregel twee\n\n# na een lege regel",
    "    vier spaties ervoor",
    "eindigt met een backslash \\",
    "[/] [bold]rich[/bold]",
    "<https://example.org/autolink>",
)
"""Texts that would change a document's structure if they were not escaped."""

OFF_RECORD_TEXT = "Dit is vertrouwelijk en hoort nergens te staan"
PARAPHRASE_TEXT = "Letterlijke woorden die alleen geparafraseerd mogen worden"
ANONYMOUS_TEXT = "Ik zeg dit liever zonder naam"

PEOPLE = {
    1: Participant(id=1, name="Anna de Boer", domain="inwoner"),
    2: Participant(id=2, name="Piet Hendriks", domain="ondernemer"),
    3: Participant(id=3, name="Karin Visser", domain="overheid"),
    4: Participant(id=4, name="Ahmed Yilmaz", domain="inwoner"),
}


def _contribution(
    number: int, person: int | None, kind: Kind, text: str, **extra: object
) -> Contribution:
    return Contribution(
        id=100 + number,
        session_id=1,
        seq=number,
        at=START + timedelta(minutes=number),
        kind=kind,
        text=text,
        participant_id=person,
        phase_id=extra.pop("phase_id", 1),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def record(
    *, hostile: bool = True, off_record: bool = False, replies: bool = False
) -> SessionRecord:
    """The session; with `off_record`, as a private backup would read it (never for a
    summary); with `replies`, #3 answers #2, #4 answers #3, #6 (in the next phase) answers
    #2 and the room's #7 answers the off-the-record #40."""
    items = [
        _contribution(
            1, 3, Kind.REMARK, "Welkom. Vanavond gaat het over het plein.", tags=("proces",)
        ),
        _contribution(
            2,
            2,
            Kind.RESISTANCE,
            "Als de parkeerplaatsen verdwijnen gaat mijn zaak dicht.",
            interests=("bereikbaarheid winkel",),
            values=("bestaanszekerheid",),
            condition="tien kortparkeerplekken",
            tags=("parkeren",),
        ),
        _contribution(
            3, 1, Kind.QUESTION, "Hoe komt de thuiszorg bij de flats? @Piet weet dat vast."
        ),
        _contribution(4, 4, Kind.REMARK, ANONYMOUS_TEXT, consent=Consent.ANONYMOUS),
        _contribution(
            5,
            1,
            Kind.PROPOSAL,
            PARAPHRASE_TEXT,
            consent=Consent.PARAPHRASE,
            tags=("groen",),
            interests=("schaduw",),
        ),
        _contribution(
            6,
            3,
            Kind.COMMITMENT,
            "Piet krijgt voor april antwoord over de regeling.",
            phase_id=2,
            interests=("bereikbaarheid winkel",),
        ),
        _contribution(7, None, Kind.AGREEMENT, "Instemmend gemompel.", phase_id=2),
    ]
    if hostile:
        items += [
            _contribution(10 + n, 1 + n % 3, Kind.REMARK, text, phase_id=2)
            for n, text in enumerate(HOSTILE)
        ]
    if off_record:
        items.append(_contribution(40, 2, Kind.REMARK, OFF_RECORD_TEXT, consent=Consent.OFF_RECORD))
    if replies:
        answers = {103: 102, 104: 103, 106: 102, 107: 140}
        items = [replace(c, reply_to_id=answers.get(c.id)) for c in items]
    return SessionRecord(
        session=Session(
            id=1,
            slug="marktplein",
            title="Marktplein | ontwerpatelier",
            started_at=START,
            question="Welke variant past bij het plein, en onder welke voorwaarden?",
            location="Bibliotheek Wolderwijk",
            organiser="Gemeente Wolderwijk",
            note_taker="Sanne Vos",
        ),
        phases=[
            Phase(id=1, session_id=1, position=1, title="Varianten"),
            Phase(id=2, session_id=1, position=2, title="Afspraken"),
        ],
        participants=PEOPLE,
        domains=["inwoner", "overheid", "ondernemer", "maatschappelijke organisatie"],
        contributions=items,
        interests=[
            InterestState(
                session_id=1,
                session_title="Marktplein",
                interest="bereikbaarheid winkel",
                status=InterestStatus.ANSWERED,
                answered_by_id=106,
                raised_by=(102, 106),
            ),
            InterestState(
                session_id=1,
                session_title="Marktplein",
                interest="schaduw",
                status=InterestStatus.OPEN,
                raised_by=(105,),
            ),
        ],
        commitments={
            106: Commitment(contribution_id=106, owner="Karin Visser", due_on=date(2026, 4, 1)),
        },
    )


def theme_summary() -> ThemeSummary:
    return ThemeSummary(
        id="t1",
        label="parkeren · bereikbaarheid",
        terms=("parkeren", "bereikbaarheid"),
        contributions=(102, 106),
        sessions=((1, 2), (2, 5)),
        domains={"ondernemer": 1, "overheid": 1},
        cohesion=0.5,
        quotes=(),
        name="Bereikbaar blijven",
        accepted=True,
        curated=True,
    )


def themes() -> list[LiveTheme]:
    theme = theme_summary()
    return [LiveTheme(theme.id, theme.title, here=2, elsewhere=1)]


def options(*, anonymize: bool = False, lang: str = "nl") -> SummaryOptions:
    return SummaryOptions(exported_at=EXPORTED, lang=lang, anonymize=anonymize, zone=UTC)
