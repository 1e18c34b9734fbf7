"""The demo series: three sessions about redesigning a neighbourhood square, written for
dialoog (fictional town and people). The contributions are quick-entry Markdown files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from msgspec import Struct

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class DemoSession(Struct, frozen=True):
    """One session of the demo series."""

    title: str
    question: str
    location: str
    organiser: str
    note_taker: str
    started_at: datetime
    file: str
    follow_up: tuple[tuple[str, str, str | None], ...] = ()
    """(interest, status, time of the contribution that answered it) after the meeting."""

    def lines(self) -> str:
        """The session's contributions as quick-entry Markdown."""
        return (Path(__file__).parent / self.file).read_text(encoding="utf-8")


SERIES: tuple[DemoSession, ...] = (
    DemoSession(
        title="Marktplein Wolderwijk – verkenning",
        question="Hoe wordt het Marktplein een plein waar iedereen graag komt?",
        location="Buurthuis De Schakel, Wolderwijk",
        organiser="Gemeente Wolderwijk",
        note_taker="Sanne Vos",
        started_at=datetime(2026, 2, 10, 19, 30, tzinfo=AMSTERDAM),
        file="1-verkenning.md",
        follow_up=(("serieus genomen worden", "acknowledged", None),),
    ),
    DemoSession(
        title="Marktplein Wolderwijk – ontwerpatelier",
        question="Welke schetsvariant past het best bij het plein, en onder welke voorwaarden?",
        location="Bibliotheek Wolderwijk",
        organiser="Gemeente Wolderwijk en Woonstichting Thuisbaas",
        note_taker="Sanne Vos",
        started_at=datetime(2026, 3, 12, 19, 30, tzinfo=AMSTERDAM),
        file="2-ontwerpatelier.md",
        follow_up=(
            ("nachtrust", "acknowledged", None),
            ("bereikbaarheid", "acknowledged", None),
            ("serieus genomen worden", "answered", "20:46"),
        ),
    ),
    DemoSession(
        title="Marktplein Wolderwijk – terugkoppeling en afspraken",
        question="Wat nemen we mee in het voorlopig ontwerp, en wie doet wat?",
        location="Café De Hoek (bovenzaal), Wolderwijk",
        organiser="Gemeente Wolderwijk",
        note_taker="Jeroen Bos",
        started_at=datetime(2026, 4, 16, 19, 30, tzinfo=AMSTERDAM),
        file="3-afspraken.md",
        follow_up=(
            ("nachtrust", "answered", "20:36"),
            ("een toilet in de buurt", "answered", "20:35"),
            ("bereikbaarheid", "answered", "20:38"),
            ("parkeren voor bewoners", "answered", "20:39"),
            ("elkaar ontmoeten", "answered", "20:40"),
            ("één keer overlast", "answered", "20:37"),
            ("serieus genomen worden", "acknowledged", None),
        ),
    ),
)
