"""HTML from the summary's Markdown: one self-contained, printable file.

markdown-it-py renders it with raw HTML switched off (a `<script>` in the Markdown stays
text), tables on, and nothing that fetches: the CSS is embedded, the charts are SVG drawn
in the page, there are no images, fonts or scripts, so the file opens the same offline, in
a mail client or printed on A4.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

    from dialoog_tui.core.export.charts import Chart

STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1d1d1f; background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin-bottom: .5rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #d0d0d7; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
blockquote { margin: 1rem 0; padding: .4rem 1rem; border-left: 4px solid #4a6fa5;
             background: #f3f6fb; }
ul, ol { padding-left: 1.4rem; }
li { margin: .2rem 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d0d7; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f6; }
td[style*="right"], th[style*="right"] { text-align: right; }
hr { border: 0; border-top: 1px solid #d0d0d7; margin: 2rem 0 1rem; }
em { color: #555; }
ul ul { border-left: 2px solid #d0d0d7; padding-left: 1rem; margin-left: .2rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #444; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  .page { break-before: page; }
  li, tr, figure { break-inside: avoid; }
}
"""


# Nothing may be fetched or run: only the embedded style applies.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def markdown_to_html(
    markdown: str, *, lang: str = "nl", charts: Sequence[Chart] = (), paged: bool = False
) -> str:
    """A whole HTML document for `markdown` (CommonMark with tables, no raw HTML); its title
    is the text of the first heading. A paragraph that is only a reference to one of
    `charts` (`![title](name.svg)`) becomes that chart, drawn in the page with its caption.
    `paged`: printed, each phase (a third-level heading) starts a page, and so does the
    section after the phases."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = _with_charts(renderer.parse(markdown), charts)
    if paged:
        _mark_pages(tokens)
    body = renderer.renderer.render(tokens, renderer.options, {})
    title = next(
        (
            "".join(child.content for child in (inline.children or []))
            for heading, inline in pairwise(tokens)
            if heading.type == "heading_open" and heading.tag == "h1"
        ),
        "dialoog",
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def _with_charts(tokens: list[Token], charts: Sequence[Chart]) -> list[Token]:
    """`tokens` with each paragraph that only refers to a chart replaced by the chart. Only
    our own references can match: a participant's `![…](…)` is escaped and never an image."""
    from markdown_it.token import Token

    by_name = {chart.name: chart for chart in charts}
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        chart = _chart_paragraph(tokens[index : index + 3], by_name)
        if chart is None:
            result.append(tokens[index])
            index += 1
            continue
        figure = Token("html_block", "", 0)
        figure.content = (
            f'<figure class="chart">{chart.inline(len(result))}'
            f"<figcaption>{html.escape(chart.title)}</figcaption></figure>\n"
        )
        result.append(figure)
        index += 3
    return result


def _chart_paragraph(tokens: Sequence[Token], charts: dict[str, Chart]) -> Chart | None:
    if len(tokens) < 3 or tokens[0].type != "paragraph_open" or tokens[2].type != "paragraph_close":
        return None
    children = tokens[1].children or []
    if len(children) != 1 or children[0].type != "image":
        return None
    return charts.get(str(children[0].attrGet("src")))


def _mark_pages(tokens: list[Token]) -> None:
    """Class `page` on every third-level heading and on the second-level one after them."""
    in_phases = False
    for token in tokens:
        if token.type != "heading_open":
            continue
        if token.tag == "h3":
            token.attrSet("class", "page")
            in_phases = True
        elif token.tag == "h2" and in_phases:
            token.attrSet("class", "page")
            in_phases = False
