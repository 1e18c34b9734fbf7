"""The full-text index of contributions, and looking things up in it.

What is indexed is made by `core/search.py`: a text's stems in Dutch and in English. SQLite
keeps them in an FTS5 table (`contribution_search`, its rowid the contribution's id);
PostgreSQL in a table of the same columns with a `tsvector` for each text (Dutch stems
weighted A, English B, so one GIN index serves both) made by the database itself; the GIN
indexes take each contribution in at once (0012_search_gin).

A contribution is indexed in the transaction that stores it or changes its words
(`contribution_insert.insert_numbered`, `contributions.edit_contribution`, the paraphrase):
an edit takes its old words out of the index with it. A removal needs nothing here: what
is removed, off the record or in a deleted session is left out when searching, by the
contribution's own columns, so undoing a removal finds it again.

The consent gate decides which text is searched: the verbatim words of a named or
anonymous contribution, only the paraphrase of a paraphrase-only one (its verbatim words
must not be found either), nothing of one off the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from msgspec import Struct
from sqlalchemy import Column, Integer, MetaData, Table, Text, bindparam, delete, insert
from sqlalchemy import text as sql

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.search import Query, Term, indexed

INDEX = Table(
    "contribution_search",
    MetaData(),  # not SQLModel's: created by the migration, per backend (`create_index`)
    Column("rowid", Integer, primary_key=True),
    Column("text_nl", Text),
    Column("text_en", Text),
    Column("para_nl", Text),
    Column("para_en", Text),
)
INDEXED_LENGTH = 100_000
"""Characters of stems a text is found by, per language: the first 15,000 words or so. A
PostgreSQL tsvector holds at most 1 MB (a contribution may hold 10 million characters,
and would not be stored at all), and both backends must find the same."""
FORGET = delete(INDEX).where(INDEX.c.rowid == bindparam("contribution_id"))
REMEMBER = insert(INDEX)


def create_index(connection: Any) -> None:
    """Create the (empty) index on this connection's backend."""
    if connection.dialect.name == "sqlite":
        # unicode61 only splits what it is given (stems are plain letters and digits);
        # prefix='3' keeps an index of 3-letter beginnings, the shortest a query word
        # finds others by.
        connection.execute(
            sql(
                "CREATE VIRTUAL TABLE contribution_search USING fts5("
                "text_nl, text_en, para_nl, para_en, tokenize='unicode61', prefix='3')"
            )
        )
        return
    connection.execute(
        sql(
            "CREATE TABLE contribution_search ("
            " rowid INTEGER PRIMARY KEY REFERENCES contribution (id) ON DELETE CASCADE,"
            " text_nl TEXT NOT NULL DEFAULT '', text_en TEXT NOT NULL DEFAULT '',"
            " para_nl TEXT NOT NULL DEFAULT '', para_en TEXT NOT NULL DEFAULT '',"
            " text_words tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('simple', text_nl), 'A')"
            "  || setweight(to_tsvector('simple', text_en), 'B')) STORED,"
            " para_words tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('simple', para_nl), 'A')"
            "  || setweight(to_tsvector('simple', para_en), 'B')) STORED)"
        )
    )
    for column in ("text_words", "para_words"):
        connection.execute(
            sql(f"CREATE INDEX ix_search_{column} ON contribution_search USING GIN ({column})")
        )


def index_values(contribution_id: int, text: str | None, paraphrase: str | None) -> dict[str, Any]:
    """The index row of a contribution with these words."""
    words, said_as = indexed(text), indexed(paraphrase)
    return {
        "rowid": contribution_id,
        "text_nl": _first(words.dutch),
        "text_en": _first(words.english),
        "para_nl": _first(said_as.dutch),
        "para_en": _first(said_as.english),
    }


def _first(stems: str) -> str:
    """The stems up to `INDEXED_LENGTH`, ending at a whole one."""
    if len(stems) <= INDEXED_LENGTH:
        return stems
    return stems[:INDEXED_LENGTH].rsplit(" ", 1)[0]


def index_rows(connection: Any, rows: Sequence[tuple[int, str | None, str | None]]) -> None:
    """(Re)index these contributions: (id, text, paraphrase) each."""
    if not rows:
        return
    connection.execute(FORGET, [{"contribution_id": cid} for cid, _, _ in rows])
    connection.execute(REMEMBER, [index_values(cid, text, para) for cid, text, para in rows])


class Within(Struct, frozen=True):
    """Where a search looks (None: anywhere)."""

    session_ids: Sequence[int] | None = None
    participant_ids: Sequence[int] | None = None
    kinds: Sequence[str] | None = None
    anonymous: bool = True
    """Whether anonymous contributions may be found: not when looking for what one person
    said (finding theirs would name them)."""


def search_ids(
    connection: Any, query: Query, within: Within, *, limit: int
) -> list[tuple[int, float]]:
    """The contributions the query finds, best first (then newest): (id, score), the score
    higher for a better match. Removed, off-record and deleted sessions' ones are left out;
    a paraphrase-only contribution is found by its paraphrase alone."""
    if not query or limit <= 0:
        return []
    quoted = (Consent.NAMED, Consent.ANONYMOUS) if within.anonymous else (Consent.NAMED,)
    values: dict[str, Any] = {
        "limit": limit,
        "quoted": [c.value for c in quoted],
        "paraphrased": [Consent.PARAPHRASE.value],
    }
    conditions = " AND c.deleted_at IS NULL AND s.deleted_at IS NULL" + _within(within, values)
    if connection.dialect.name == "sqlite":
        found = _fts5_found(query, conditions, values)
    else:
        found = _tsquery_found(query, values) + conditions
    statement = sql(f"{found} ORDER BY score DESC, at DESC, id DESC LIMIT :limit").bindparams(
        *(bindparam(name, expanding=True) for name in values if isinstance(values[name], list))
    )
    if connection.dialect.name == "sqlite":
        rows = connection.execute(statement, values).all()
    else:
        rows = _by_lookups(connection, statement, values)
    return [(cid, float(score)) for cid, score, _ in rows]


IN_CONTEXT = (
    "contribution_search JOIN contribution c ON c.id = contribution_search.rowid"
    " JOIN dialogue_session s ON s.id = c.session_id"
)
"""The index joined to its contributions and sessions. Not aliased: FTS5 knows its table by
its own name only (`m MATCH …` is "no such column: m")."""


def _fts5_found(query: Query, conditions: str, values: dict[str, Any]) -> str:
    """What FTS5 finds, in the words or in the paraphrase as consent says."""
    parts = []
    for consents, text in (("quoted", "text"), ("paraphrased", "para")):
        values[f"{text}_query"] = _fts5_match(query, text)
        parts.append(
            "SELECT c.id AS id, -bm25(contribution_search) AS score, c.at AS at"
            f" FROM {IN_CONTEXT}"
            f" WHERE contribution_search MATCH :{text}_query AND c.consent IN :{consents}"
            + conditions
        )
    return " UNION ALL ".join(parts)


def _tsquery_found(query: Query, values: dict[str, Any]) -> str:
    """What PostgreSQL finds, before the conditions every search adds: one pass over the
    index, its two GIN indexes OR-ed. Searched apart as FTS5 is, the paraphrase part
    started from `contribution`, which has no index by consent: 9 ms more for every search
    at 100,000 contributions (bench/search_speed.py)."""
    values["query"] = _tsquery(query)
    words, said_as = (
        "contribution_search.text_words @@ CAST(:query AS tsquery)",
        "contribution_search.para_words @@ CAST(:query AS tsquery)",
    )
    return (
        "SELECT c.id AS id, CASE WHEN c.consent IN :paraphrased"
        " THEN ts_rank(contribution_search.para_words, CAST(:query AS tsquery))"
        " ELSE ts_rank(contribution_search.text_words, CAST(:query AS tsquery))"
        " END AS score, c.at AS at"
        f" FROM {IN_CONTEXT}"
        f" WHERE ({words} OR {said_as})"
        f" AND ((c.consent IN :quoted AND {words}) OR (c.consent IN :paraphrased AND {said_as}))"
    )


LOOKUPS_ONLY = ("enable_hashjoin", "enable_mergejoin")
"""Join methods a PostgreSQL search goes without. A search starts from the index's
matches and looks each up in `contribution` by its key; for a common word the planner
underestimated them and read the whole of `contribution` into a hash join instead: 35 ms
against 25 for "account" (4,800 matches) at 100,000 contributions. Looking up is never much
worse: it reads no more rows than there are matches."""


def _by_lookups(connection: Any, statement: Any, values: dict[str, Any]) -> Any:
    """The rows of `statement`, planned without `LOOKUPS_ONLY`'s join methods; the rest of
    the transaction plans with them as before (a raise ends the transaction, and with it
    the change)."""
    read = ", ".join(f"current_setting('{name}')" for name in LOOKUPS_ONLY)
    switch = ", ".join(f"set_config('{name}', 'off', true)" for name in LOOKUPS_ONLY)
    before = connection.execute(sql(f"SELECT {read}, {switch}")).one()[: len(LOOKUPS_ONLY)]
    rows = connection.execute(statement, values).all()
    restore = ", ".join(f"set_config('{name}', :{name}, true)" for name in LOOKUPS_ONLY)
    connection.execute(sql(f"SELECT {restore}"), dict(zip(LOOKUPS_ONLY, before, strict=True)))
    return rows


def _within(within: Within, values: dict[str, Any]) -> str:
    conditions = ""
    for column, chosen, name in (
        ("c.session_id", within.session_ids, "sessions"),
        ("c.participant_id", within.participant_ids, "speakers"),
        ("c.kind", within.kinds, "kinds"),
    ):
        if chosen is not None:
            values[name] = list(chosen) or [None]  # nothing chosen: nothing found
            conditions += f" AND {column} IN :{name}"
    return conditions


def _fts5_match(query: Query, text: str) -> str:
    """The query in FTS5's syntax, on the columns of `text` (the words, or the paraphrase).
    Stems are plain letters and digits, so quoting them is all the escaping needed."""
    return " AND ".join(
        f"({text}_nl : {_fts5_phrase(term.dutch, term.prefix)}"
        f" OR {text}_en : {_fts5_phrase(term.english, term.prefix)})"
        for term in query.terms
    )


def _fts5_phrase(stems: Sequence[str], prefix: bool) -> str:
    return f'"{" ".join(stems)}"' + (" *" if prefix else "")


def _tsquery(query: Query) -> str:
    """The query as a PostgreSQL tsquery: Dutch stems are weighted A, English B."""
    return " & ".join(
        f"({_lexemes(term, term.dutch, 'A')} | {_lexemes(term, term.english, 'B')})"
        for term in query.terms
    )


def _lexemes(term: Term, stems: Sequence[str], weight: str) -> str:
    suffix = f":*{weight}" if term.prefix else f":{weight}"
    return "(" + " <-> ".join(f"'{stem}'{suffix}" for stem in stems) + ")"
