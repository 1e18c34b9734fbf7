"""Small hand-made corpora with an obvious answer: which topic each sentence is about."""

from __future__ import annotations

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.types import ThemeInput

DUTCH = {
    "parkeren": [
        "Er zijn te weinig parkeerplaatsen voor bewoners in de straat.",
        "Parkeren op het plein moet blijven, anders komen klanten niet.",
        "De parkeerplaatsen bij de winkels staan elke avond vol met auto's.",
        "Betaald parkeren jaagt de bezoekers van de markt weg.",
        "Waar moeten bewoners hun auto parkeren als het plein autovrij wordt?",
        "Een parkeergarage onder het plein lost het parkeren op.",
        "Met een parkeervergunning voor bewoners blijft er plek voor auto's.",
        "Parkeren voor de deur is voor de bakker van levensbelang.",
        "Meer parkeerplaatsen betekent meer auto's in de wijk.",
    ],
    "bomen": [
        "Er moeten meer bomen op het plein voor schaduw in de zomer.",
        "De oude bomen langs de kade mogen niet gekapt worden.",
        "Bomen en groen maken het plein koeler als het heet is.",
        "Plant bomen aan de zuidkant, dan is er schaduw bij de bankjes.",
        "Zonder bomen wordt het plein in de zomer een hitte-eiland.",
        "Groen en bomen trekken vogels en insecten aan.",
        "Wie onderhoudt het groen en de bomen na de aanleg?",
        "Geveltuinen en bomen maken de straat groener.",
        "Kap geen gezonde bomen voor een paar extra stoeptegels.",
    ],
    "geluid": [
        "Het terras maakt tot middernacht veel geluid onder mijn raam.",
        "Geluidsoverlast van de horeca houdt de buren wakker.",
        "Na tien uur moet de muziek op het terras uit vanwege het geluid.",
        "Brommers scheuren 's nachts over het plein, dat geluid is niet te harden.",
        "Handhaving moet optreden tegen geluidsoverlast in het weekend.",
        "Het geluid van de bouw begint elke ochtend om zeven uur.",
        "Bewoners klagen over geluid van de vuilniswagen bij het terras.",
        "Minder geluid 's avonds zou de nachtrust van de buurt verbeteren.",
        "Het geluid van het terras weerkaatst tegen de gevels.",
    ],
}

ENGLISH = {
    "buses": [
        "The bus to the hospital only runs once an hour.",
        "Bus stops need shelters because people wait in the rain.",
        "Pensioners depend on the bus to reach the market.",
        "The night bus was cut and now shift workers cannot get home.",
        "Make the bus cheaper for students and pensioners.",
        "Bus drivers cannot keep to the timetable in rush hour traffic.",
        "A bus lane on the main road would make the bus faster.",
        "The bus timetable changes too often and nobody knows it.",
    ],
    "housing": [
        "Young families cannot find affordable housing in the village.",
        "Rents for housing have doubled in ten years.",
        "Build social housing on the empty school grounds.",
        "Housing for older people lets them stay in the neighbourhood.",
        "Too many houses are bought by investors and rented out expensively.",
        "Waiting lists for social housing are more than eight years long.",
        "Small housing units for starters are missing in this town.",
        "Affordable rents keep nurses and teachers living in the town.",
    ],
}

SESSIONS = 3


def inputs_from(
    topics: dict[str, list[str]], *, start_id: int = 1, sessions: int = SESSIONS
) -> tuple[list[ThemeInput], dict[int, str]]:
    """Contributions spread round-robin over sessions, with the topic of each id."""
    inputs: list[ThemeInput] = []
    truth: dict[int, str] = {}
    next_id = start_id
    for topic, texts in topics.items():
        for position, text in enumerate(texts):
            inputs.append(
                ThemeInput(
                    contribution_id=next_id,
                    session_id=1 + position % sessions,
                    text=text,
                    speaker=f"Persoon {position % 4}",
                    domain=("inwoner", "ondernemer", "overheid")[position % 3],
                    consent=Consent.NAMED,
                )
            )
            truth[next_id] = topic
            next_id += 1
    return inputs, truth
