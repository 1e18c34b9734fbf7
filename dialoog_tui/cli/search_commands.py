"""`dialoog search`: find what was said, across sessions."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from dialoog_tui.cli.common import CommandMaker, current_language, say, with_database
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import visible
from dialoog_tui.core.kinds import Kind
from dialoog_tui.errors import InvalidInput

if TYPE_CHECKING:
    from dialoog_tui.services.search import Found, Hit

LIMIT = 50
"""Results shown, unless asked for more."""
MARK_ON, MARK_OFF = "\x1b[1;4m", "\x1b[22;24m"
"""How a found word stands out on a terminal: bold and underlined (readable without colour)."""


def search(args: argparse.Namespace) -> int:
    """`dialoog search QUERY … [--session S …] [--speaker NAME] [--domain D] [--kind K]
    [--limit N] [--json]`."""
    from dialoog_tui.services.search import Filters
    from dialoog_tui.services.search import search as find

    filters = Filters(
        sessions=args.session or None,
        speaker=args.speaker,
        domain=args.domain,
        kind=_kind(args.kind) if args.kind else None,
    )
    query = " ".join(args.query)
    found = with_database(args, lambda database: find(database, query, filters, limit=args.limit))
    if args.json:
        print(json.dumps(found_to_json(found), ensure_ascii=False, indent=2))
    else:
        print_found(found, marked=sys.stdout.isatty())
    return 0


def _kind(given: str) -> Kind:
    """A kind by its identifier or its name in either language ("weerstand", "resistance")."""
    wanted = given.casefold().strip()
    for kind in Kind:
        if wanted in (kind.value, kind.label("nl").casefold(), kind.label("en").casefold()):
            return kind
    names = ", ".join(kind.label(current_language()) for kind in Kind)
    raise InvalidInput(key="error.search_kind", kind=given, kinds=names)


def print_found(found: Found, *, marked: bool) -> None:
    """The results as text: where and by whom, then what was said, its found words marked
    (on a terminal)."""
    if not found.hits:
        print(say("cli.search.none", query=visible(found.query)))
        return
    print(say("cli.search.head", count=len(found.hits), query=visible(found.query)))
    if found.more:
        print(say("cli.search.more"))
    lang = current_language()
    for hit in found.hits:
        nobody = say("cli.theme.anonymous") if hit.anonymous else say("cli.theme.room")
        who = visible(hit.speaker or nobody) + (f" ({visible(hit.domain)})" if hit.domain else "")
        when = hit.at.astimezone().strftime("%Y-%m-%d %H:%M")
        print()
        kind = hit.kind.label(lang)
        print(f"{visible(hit.session_title)} · {when} · #{hit.shared_seq} · {who} · {kind}")
        said = _marked(hit, marked)
        if hit.consent is Consent.PARAPHRASE:
            said = f"≈ {said}"  # the note-taker's paraphrase, not the words said
        print(f"    {said}")


def _marked(hit: Hit, marked: bool) -> str:
    """The text, control characters made visible, its found words marked when `marked`."""
    if not marked:
        return visible(hit.text)
    parts, last = [], 0
    for start, end in hit.found:
        parts += [visible(hit.text[last:start]), MARK_ON, visible(hit.text[start:end]), MARK_OFF]
        last = end
    parts.append(visible(hit.text[last:]))
    return "".join(parts)


def found_to_json(found: Found) -> dict[str, Any]:
    """The results as JSON (docs/search-json.md)."""
    return {
        "schema": "dialoog.search",
        "version": 1,
        "query": found.query,
        "more": found.more,
        "hits": [_hit(hit) for hit in found.hits],
    }


def _hit(hit: Hit) -> dict[str, Any]:
    return {
        "contribution": hit.contribution_id,
        "session": {"id": hit.session_id, "title": hit.session_title},
        "seq": hit.shared_seq,
        "at": hit.at.isoformat(),
        "kind": hit.kind.value,
        "speaker": hit.speaker,
        "anonymous": hit.anonymous,
        "domain": hit.domain,
        "consent": hit.consent.value,
        "text": hit.text,
        "found": [list(span) for span in hit.found],
        "score": round(hit.score, 4),
    }


def register(command: CommandMaker) -> None:
    """`search`."""
    search_ = command("search", "find what was said, across sessions")
    search_.add_argument(
        "query", nargs="+", metavar="QUERY", help='words to find; "a phrase" in quotes'
    )
    search_.add_argument(
        "--session", action="append", metavar="SESSION", help="only in this session (id or slug)"
    )
    search_.add_argument("--speaker", metavar="NAME", help="only what this person said")
    search_.add_argument("--domain", metavar="DOMAIN", help="only what this domain said")
    search_.add_argument("--kind", metavar="KIND", help="only this kind (weerstand, vraag, …)")
    search_.add_argument(
        "--limit", type=int, default=LIMIT, metavar="N", help=f"at most N results ({LIMIT})"
    )
    search_.add_argument("--json", action="store_true", help="print JSON (docs/search-json.md)")
    search_.set_defaults(handler=search)
