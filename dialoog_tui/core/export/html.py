"""HTML from the summary's Markdown: one self-contained, printable file.

markdown-it-py renders it with raw HTML switched off (a `<script>` in the Markdown stays
text), tables on, and nothing that fetches: the CSS is embedded, there are no images, fonts
or scripts, so the file opens the same offline, in a mail client or printed.
"""

from __future__ import annotations

import html
from itertools import pairwise

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
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  li, tr { break-inside: avoid; }
}
"""


# Nothing may be fetched or run: only the embedded style applies.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def markdown_to_html(markdown: str, *, lang: str = "nl") -> str:
    """A whole HTML document for `markdown` (CommonMark with tables, no raw HTML); its title
    is the text of the first heading."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = renderer.parse(markdown)
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
