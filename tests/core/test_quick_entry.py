"""The quick-entry parser: examples from the README, and properties over any string."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.quick_entry import (
    WHITESPACE,
    ParsedEntry,
    SpeakerMention,
    format_entry,
    is_tag_char,
    normalise_annotation,
    parse_entry,
    split_mention,
    with_speaker,
)


def test_speaker_domain_kind_text_and_tag() -> None:
    entry = parse_entry("@Anna/inw ! De parkeerdruk wordt te hoog #parkeren")
    assert entry == ParsedEntry(
        speaker=SpeakerMention("Anna", "inw"),
        kind=Kind.RESISTANCE,
        text="De parkeerdruk wordt te hoog",
        tags=("parkeren",),
    )


def test_without_mention_the_speaker_is_left_open() -> None:
    entry = parse_entry("ook de bus rijdt te weinig #ov")
    assert entry.speaker is None
    assert entry.kind is Kind.REMARK
    assert entry.text == "ook de bus rijdt te weinig"
    assert entry.tags == ("ov",)


@pytest.mark.parametrize(
    ("sigil", "kind"),
    [
        ("?", Kind.QUESTION),
        ("!", Kind.RESISTANCE),
        ("+", Kind.PROPOSAL),
        ("=", Kind.AGREEMENT),
        (">", Kind.COMMITMENT),
    ],
)
def test_sigils_after_speaker_or_at_start(sigil: str, kind: Kind) -> None:
    assert parse_entry(f"@Piet {sigil} tekst").kind is kind
    assert parse_entry(f"{sigil} tekst").kind is kind
    assert parse_entry(f"@Piet{sigil}tekst") == ParsedEntry(SpeakerMention("Piet"), kind, "tekst")


def test_quoted_name_with_spaces_and_domain() -> None:
    entry = parse_entry('@"Jan de Vries"/"maatschappelijke org" + Een buurtbudget')
    assert entry.speaker == SpeakerMention("Jan de Vries", "maatschappelijke org")
    assert entry.kind is Kind.PROPOSAL
    assert entry.text == "Een buurtbudget"


def test_unterminated_quote_takes_the_rest_as_name() -> None:
    assert parse_entry('@"Jan de').speaker == SpeakerMention("Jan de")


def test_tags_with_diacritics_digits_dash_underscore_are_lower_cased() -> None:
    entry = parse_entry("Meer groen #Groen-Blauw #café_2 #één")
    assert entry.tags == ("groen-blauw", "café_2", "één")
    assert entry.text == "Meer groen"


def test_a_tag_inside_a_sentence_keeps_its_word() -> None:
    entry = parse_entry("de #bus rijdt te weinig #ov")
    assert entry.text == "de bus rijdt te weinig"
    assert entry.tags == ("bus", "ov")


def test_repeated_tags_are_kept_once() -> None:
    assert parse_entry("x #a #b #A").tags == ("a", "b")


def test_hash_inside_a_word_is_text() -> None:
    entry = parse_entry("pagina#3 en C# #code")
    assert entry.text == "pagina#3 en C#"
    assert entry.tags == ("code",)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (r"\@niemand bedoeld", "@niemand bedoeld"),
        (r"\! geen weerstand", "! geen weerstand"),
        (r"\+31 6 1234", "+31 6 1234"),
        (r"\#1 prioriteit", "#1 prioriteit"),
        (r"pad C:\\#x", r"pad C:\#x"),
        (r"een \ blijft staan", r"een \ blijft staan"),
    ],
)
def test_backslash_makes_syntax_literal(line: str, text: str) -> None:
    entry = parse_entry(line)
    assert entry.speaker is None
    assert entry.kind is Kind.REMARK
    assert entry.text == text
    assert entry.tags == ()


def test_lone_at_sign_is_text() -> None:
    assert parse_entry("@ hallo") == ParsedEntry(text="@ hallo")
    assert parse_entry('@""') == ParsedEntry(text='@""')


def test_markup_and_control_characters_are_plain_text() -> None:
    line = "[bold]vet[/] [link=x]y[/link] \x1b[31mrood\x1b[0m \x07"
    assert parse_entry(line).text == line.strip(WHITESPACE)


def test_split_and_replace_the_mention() -> None:
    assert split_mention("@an ! hoi") == (SpeakerMention("an"), "! hoi")
    assert split_mention("hoi") == (None, "hoi")
    assert with_speaker("@an ! hoi", SpeakerMention("Jan de Vries")) == '@"Jan de Vries" ! hoi'
    assert with_speaker("hoi", SpeakerMention("Anna")) == "@Anna hoi"


# --- properties --------------------------------------------------------------------------

syntax_heavy = st.text(alphabet=st.sampled_from(list(' \t@#\\/"?!+=>abcAB-_é\u0301\n\x1b[]:')))
fragments = st.sampled_from(
    [
        " ",
        "belang:",
        "Waarde:",
        "value:",
        "voorwaarde:",
        "due:",
        "eigenaar:",
        '"',
        "\\",
        "#x",
        "@a",
        "!",
        "x y",
    ]
)
keyword_heavy = st.lists(st.one_of(fragments, syntax_heavy), max_size=12).map("".join)
any_text = st.one_of(st.text(), syntax_heavy, keyword_heavy)


@given(any_text)
def test_parse_never_raises_and_is_normalised(line: str) -> None:
    entry = parse_entry(line)
    assert entry.text == entry.text.strip(WHITESPACE)
    assert all(tag and all(is_tag_char(c) for c in tag) for tag in entry.tags)
    assert len(set(entry.tags)) == len(entry.tags)
    if entry.speaker is not None:
        assert entry.speaker.name


@given(any_text)
def test_format_then_parse_reads_the_same_entry(line: str) -> None:
    entry = parse_entry(line)
    assert parse_entry(format_entry(entry)) == entry


def _tag() -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(list("abcdeé09-_ü")), min_size=1, max_size=8)


annotation_text = any_text.map(normalise_annotation).filter(bool)

entries = st.builds(
    ParsedEntry,
    speaker=st.one_of(
        st.none(),
        st.builds(
            SpeakerMention,
            name=any_text.map(lambda s: s.strip(WHITESPACE)).filter(bool),
            domain=st.one_of(st.none(), any_text.map(lambda s: s.strip(WHITESPACE) or None)),
        ),
    ),
    kind=st.sampled_from(list(Kind)),
    text=any_text.map(lambda s: s.strip(WHITESPACE)),
    tags=st.lists(_tag(), unique=True, max_size=4).map(tuple),
    interests=st.lists(annotation_text, unique_by=str.casefold, max_size=3).map(tuple),
    values=st.lists(annotation_text, unique_by=str.casefold, max_size=3).map(tuple),
    condition=st.one_of(st.none(), annotation_text),
    owner=st.one_of(st.none(), annotation_text),
    due=st.one_of(st.none(), annotation_text),
)


@given(entries)
def test_any_normalised_entry_survives_a_round_trip(entry: ParsedEntry) -> None:
    reparsed = parse_entry(format_entry(entry))
    assert reparsed.speaker == entry.speaker
    assert reparsed.kind == entry.kind
    assert reparsed.text == entry.text
    # Words in the text that look like tags are escaped, so only the entry's own tags return.
    assert reparsed.tags == entry.tags
    assert reparsed == entry


def test_ladder_annotations_leave_the_text() -> None:
    entry = parse_entry(
        "@Piet/ond ! Als de parkeerplaatsen verdwijnen gaat mijn zaak dicht "
        'belang:"bereikbaarheid winkel" waarde:bestaanszekerheid'
    )
    assert entry.kind is Kind.RESISTANCE
    assert entry.text == "Als de parkeerplaatsen verdwijnen gaat mijn zaak dicht"
    assert entry.interests == ("bereikbaarheid winkel",)
    assert entry.values == ("bestaanszekerheid",)


def test_annotations_in_english_anywhere_and_repeated() -> None:
    entry = parse_entry(
        'value:safety Te snel interest:"veilig  oversteken" here VALUE:Safety value:trust'
    )
    assert entry.text == "Te snel here"
    assert entry.values == ("safety", "trust")
    assert entry.interests == ("veilig oversteken",)


def test_condition_owner_and_due() -> None:
    entry = parse_entry(
        '> Verslag rond eigenaar:"Mark de Wit" datum:2026-05-01 voorwaarde:a voorwaarde:b'
    )
    assert (entry.owner, entry.due, entry.condition) == ("Mark de Wit", "2026-05-01", "b")


def test_a_keyword_needs_a_value_right_after_the_colon() -> None:
    assert parse_entry("de waarde: hoog").text == "de waarde: hoog"
    assert parse_entry("dewaarde:hoog").text == "dewaarde:hoog"
    assert parse_entry(r"\waarde:hoog").text == "waarde:hoog"
