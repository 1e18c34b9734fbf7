"""Property tests: whatever a participant typed comes out of a Markdown parser as the same
literal text, in one inline run, whichever context it is put in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from dialoog_tui.core.display import printable
from dialoog_tui.core.export.markdown import md_cell, md_text

PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
BLOCK_TOKENS = {
    "heading_open",
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
    "hr",
    "code_block",
    "fence",
    "html_block",
    "table_open",
}
# Markdown's own characters, line breaks and spaces, weighted heavily, plus any text at all.
MARKUP = st.sampled_from(
    [*"#>-+=*_`[]()!<>|&;\\~:.1 \t\n", "&amp;", "&#35;", "](x)", "<b>", "    ", "\r\n"]
)
HOSTILE_TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=4)), max_size=30).map("".join)


def inline_runs(markdown: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The text of each inline run; any inline markup but `allowed` fails the test."""
    runs = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            text = []
            for child in token.children or []:
                if child.type in allowed:
                    continue
                assert child.type in ("text", "hardbreak", "softbreak"), child.type
                text.append("\n" if child.type != "text" else child.content)
            runs.append("".join(text))
    return runs


def block_types(markdown: str) -> set[str]:
    return {token.type for token in PARSER.parse(markdown)}


def normalised(text: str) -> str:
    """What a document can show of a text: line endings as newlines, no blank lines before
    or after the text, control characters as their symbols; nothing else changed."""
    lines = printable(text).split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


@settings(max_examples=400)
@given(HOSTILE_TEXT)
def test_a_paragraph_holds_exactly_the_text(text: str) -> None:
    markdown = md_text(text)
    if not normalised(text):
        return  # nothing visible: nothing to find
    assert inline_runs(markdown) == [normalised(text)]
    assert not block_types(markdown) & BLOCK_TOKENS


@settings(max_examples=400)
@given(HOSTILE_TEXT)
def test_a_list_item_after_a_speaker_holds_exactly_the_text(text: str) -> None:
    markdown = f"- **Anna** (inwoner): {md_text(text, mid_line=True)}\n- next\n"
    tokens = PARSER.parse(markdown)
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert not {t.type for t in tokens} & (BLOCK_TOKENS - {"bullet_list_open"})
    first = inline_runs(markdown, allowed=("strong_open", "strong_close"))[0]
    said = normalised(text)
    # Nothing said: the paragraph ends after the colon (its trailing space is dropped).
    assert first == ("Anna (inwoner): " + said if said else "Anna (inwoner):")


@settings(max_examples=300)
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_a_table_cell_holds_the_text_and_the_table_keeps_its_shape(left: str, right: str) -> None:
    markdown = f"| a | b |\n| --- | --- |\n| {md_cell(left)} | {md_cell(right)} |\n"
    tokens = PARSER.parse(markdown)
    assert [t.type for t in tokens].count("td_open") == 2
    assert [t.type for t in tokens].count("tr_open") == 2
    cells = inline_runs(markdown)[2:]
    assert cells == [normalised(" ".join(left.split())), normalised(" ".join(right.split()))]
