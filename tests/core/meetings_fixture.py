"""Two meetings about different questions that share one concern in other words.

The first meeting is about parking around the market square, the second about collecting
waste; in both, some participants say, each in their own words, that what they say makes no
difference ("verdwijnt in een la", "voor de vorm", "nooit meer iets gehoord"). The concern
shares no question word with either meeting and hardly a word between its contributions:
only what they mean joins them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.types import ThemeInput

CONCERN = "trust"

PARKING = [
    ("parking", "Als het marktplein autovrij wordt, waar moeten bewoners dan parkeren?"),
    ("parking", "De parkeerplaatsen rond de markt staan op zaterdag allemaal vol."),
    ("parking", "Een parkeergarage onder het plein lost de parkeerdruk op."),
    ("parking", "Betaald parkeren bij de markt jaagt de klanten van de winkels weg."),
    ("parking", "Bewoners rond het plein willen een parkeervergunning voor hun auto."),
    ("parking", "Bezoekers van de markt parkeren nu overal in de straten van de wijk."),
    (CONCERN, "Eerlijk gezegd denk ik dat de gemeente allang heeft besloten hoe het wordt."),
    (CONCERN, "Wat wij vanavond zeggen verdwijnt straks gewoon in een la op het stadhuis."),
    (CONCERN, "Bij de vorige inspraakavond hoorden we daarna nooit meer iets terug."),
    (CONCERN, "Ik geloof niet dat de ambtenaren echt iets met onze inbreng doen."),
    ("parking", "Zonder parkeerplekken voor de deur overleeft de bakker het niet."),
    ("parking", "Laat auto's aan de rand van het plein parkeren en maak het midden vrij."),
    ("parking", "Marktkooplieden hebben een plek nodig voor hun bestelbus tijdens de markt."),
    (
        CONCERN,
        "Dit soort avonden zijn er alleen zodat de wethouder kan zeggen dat we gehoord zijn.",
    ),
    ("parking", "Fietsers en auto's zitten elkaar op het plein in de weg bij het inparkeren."),
    (CONCERN, "Niemand hier gelooft nog dat het plan verandert door wat wij inbrengen."),
    ("parking", "Een parkeerverbod op marktdagen zou de doorgang voor kramen vrijhouden."),
]
WASTE = [
    ("waste", "De containers voor plastic zitten elke maandag al overvol."),
    ("waste", "Als de groenbak maar eens per twee weken geleegd wordt gaat het stinken."),
    ("waste", "Grofvuil ophalen zou gratis moeten zijn, anders dumpen mensen het in de sloot."),
    ("waste", "Een ondergrondse container op de hoek neemt minder ruimte in."),
    ("waste", "Ouderen kunnen die zware klep van de papiercontainer niet open krijgen."),
    ("waste", "Zwerfvuil rond de containers trekt ratten en meeuwen aan."),
    (CONCERN, "Het besluit over de afvalpasjes lag toch al vast voordat wij werden gevraagd."),
    (CONCERN, "We worden hier uitgenodigd voor de vorm, meedenken verandert er niks aan."),
    (CONCERN, "Na de enquête van vorig jaar heeft niemand van het stadhuis ons ooit geantwoord."),
    (CONCERN, "Ik vertrouw er niet op dat ze naar bewoners luisteren als het geld kost."),
    ("waste", "Het afvalstation zou op zaterdag langer open moeten zijn."),
    ("waste", "Betalen per zak afval zorgt dat mensen beter gaan scheiden."),
    (CONCERN, "Ze doen alsof ze luisteren, maar de plannen liggen al klaar in een map."),
    ("waste", "In de flats is geen ruimte om vier soorten afval apart te bewaren."),
    ("waste", "De vuilniswagen komt zo vroeg dat mijn kliko nog binnen staat."),
    (CONCERN, "Vorige keer beloofden ze een verslag te sturen en dat kwam er nooit."),
    ("waste", "Een milieustraat in de wijk scheelt ritjes met de auto naar het afvalstation."),
]


def two_meetings() -> tuple[list[ThemeInput], dict[int, str]]:
    """The contributions of both meetings, in the order said, and the subject of each id."""
    inputs, truth = [], {}
    opened = datetime(2026, 3, 2, 19, 30, tzinfo=UTC)
    for session, rows in ((1, PARKING), (2, WASTE)):
        for minute, (subject, text) in enumerate(rows):
            contribution_id = len(inputs) + 1
            inputs.append(
                ThemeInput(
                    contribution_id=contribution_id,
                    session_id=session,
                    text=text,
                    speaker=f"Deelnemer {minute % 6}",
                    domain="inwoner",
                    consent=Consent.NAMED,
                    at=opened + timedelta(days=28 * session, minutes=3 * minute),
                )
            )
            truth[contribution_id] = subject
    return inputs, truth
