"""Every shareable output the store feeds — session exports (minutes with their charts, by
kind, HTML, JSON), the ladder (text and JSON), the vocabulary listing, search results (text
and JSON) — obeys consent for any mix of it, read back from a real database."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from dialoog_tui.cli.ladder_commands import print_ladder
from dialoog_tui.cli.search_commands import found_to_json, print_found
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.export.ladder_json import ladder_to_json
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder, TermKind
from dialoog_tui.core.ladder_report import InterestStatus
from dialoog_tui.core.model import NewSession
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.services.exports import ExportChoice, session_export
from dialoog_tui.services.search import search
from dialoog_tui.services.sessions import start_session
from dialoog_tui.store import contributions, vocabulary
from dialoog_tui.store.commitments import set_commitment
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.interests import set_interest_status
from dialoog_tui.store.ladder import load_ladder
from dialoog_tui.store.participants import list_session_participants
from tests.consent_meetings import NAMES, Said, leaks, meetings

START = datetime(2026, 5, 4, 19, 0, tzinfo=UTC)


def _store(database: Database, said: list[Said]) -> None:
    def work(db):  # type: ignore[no-untyped-def]
        session_id = start_session(db=db, new=NewSession("Plein", participants=NAMES))
        people = {p.name: p for p in list_session_participants(db=db, session_id=session_id)}
        ids: dict[int, int] = {}
        for item in said:
            speaker = (
                ROOM
                if item.speaker is None
                else Speaker(participant=people[NAMES[item.speaker][0]])
            )
            ladder = (
                Ladder(
                    (item.marker("belang"),), (item.marker("waarde"),), item.marker("voorwaarde")
                )
                if item.ladder
                else Ladder()
            )
            logged = contributions.log_contribution(
                db=db,
                session_id=session_id,
                speaker=speaker,
                kind=item.kind,
                text=item.text(),
                at=START + timedelta(minutes=item.number),
                tags=(item.marker("tag"),) if item.ladder else (),
                reply_to_id=ids.get(item.reply_to) if item.reply_to else None,
                ladder=ladder,
                consent=item.consent,
                paraphrase=item.paraphrase_text(),
            ).contribution
            ids[item.number] = logged.id
            if item.kind is Kind.COMMITMENT:
                owner = NAMES[item.speaker][0] if item.speaker is not None else None
                set_commitment(
                    db=db, contribution_id=logged.id, owner=owner, due_on=date(2026, 6, 1)
                )
        promises = [ids[i.number] for i in said if i.kind is Kind.COMMITMENT]
        for item in said:
            if item.ladder and promises:
                set_interest_status(
                    db=db,
                    session_id=session_id,
                    interest=item.marker("belang"),
                    status=InterestStatus.ANSWERED,
                    answered_by_id=promises[-1],
                )

    database.write(work)


def _outputs(database: Database) -> list[tuple[str, bool]]:
    """Each shareable output, and whether it was anonymised."""
    outputs = []
    now = datetime(2026, 5, 5, tzinfo=UTC)
    for fmt, layout in (("md", "minutes"), ("html", "minutes"), ("md", "by-kind"), ("json", "")):
        for anonymize in (False, True):
            choice = ExportChoice(fmt, anonymize=anonymize, layout=layout or "minutes")
            made = session_export(database, "1", choice, now=now, find_if_missing=False)
            # The charts beside a Markdown file are shared with it.
            shared = "\n".join([made.text, *(text for _name, text in made.beside)])
            outputs.append((shared, anonymize))
    report = database.read(lambda db: load_ladder(db=db, session_ids=None))
    outputs.append((json.dumps(ladder_to_json(report), ensure_ascii=False), False))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        print_ladder(report)
    outputs.append((printed.getvalue(), False))
    for kind in TermKind:
        listed = database.read(lambda db, kind=kind: vocabulary.shared_vocabulary(db=db, kind=kind))
        outputs.append(("\n".join(term.name for term, _count in listed), False))
    # A search for each marker and name: what must not be found is not, and what is found
    # shows no more than the gate lets through (the query itself, said back, aside).
    for query in ("qgewoon", "qpara", "qoff", "qlett", "bertolt", "zwanenburg"):
        found = search(database, query)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            print_found(found, marked=True)
        for shown in (json.dumps(found_to_json(found), ensure_ascii=False), printed.getvalue()):
            outputs.append((shown.replace(query, "…"), False))
    return outputs


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(meetings())
def test_what_the_store_shares_never_leaks(said: list[Said]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(resolve_target(str(Path(folder) / "consent.sqlite3")))
        try:
            _store(database, said)
            for number, (output, anonymised) in enumerate(_outputs(database)):
                found = leaks(output, said, anonymised=anonymised)
                assert not found, (number, anonymised, found)
        finally:
            database.close()


def test_what_is_shared_is_numbered_without_the_gaps_of_what_is_not(database: Database) -> None:
    """Off the record (#2) and removed (#4): the session export, the engine's inputs (the
    theme report's quotes), a theme card's members and search results all number #1, #3, #5
    as 1, 2, 3."""
    from dialoog_tui.store.records import load_session_record
    from dialoog_tui.store.themes.members import theme_members
    from dialoog_tui.store.themes.runs import inputs_of, theme_inputs

    consents = [Consent.NAMED, Consent.OFF_RECORD, Consent.ANONYMOUS, Consent.NAMED, Consent.NAMED]

    def work(db):  # type: ignore[no-untyped-def]
        session_id = start_session(db=db, new=NewSession("Plein"))
        ids = [
            contributions.log_contribution(
                db=db,
                session_id=session_id,
                speaker=ROOM,
                kind=Kind.REMARK,
                text=f"bijdrage {number}",
                at=START + timedelta(minutes=number),
                consent=consent,
            ).contribution.id
            for number, consent in enumerate(consents, start=1)
        ]
        contributions.remove_contribution(db=db, contribution_id=ids[3])
        return session_id, ids

    session_id, ids = database.write(work)
    shared = {ids[0]: 1, ids[2]: 2, ids[4]: 3}

    def read(db):  # type: ignore[no-untyped-def]
        record = load_session_record(db=db, session_id=session_id)
        return (
            {c.id: c.seq for c in record.contributions},
            {i.contribution_id: i.seq for i in theme_inputs(db=db, session_ids=[session_id])},
            {i.contribution_id: i.seq for i in inputs_of(db=db, contribution_ids=ids)},
            {m: member.seq for m, member in theme_members(db=db, contribution_ids=ids).items()},
        )

    found = search(database, "bijdrage").hits
    assert {hit.contribution_id: hit.shared_seq for hit in found} == shared
    assert {hit.contribution_id: hit.seq for hit in found} == {ids[0]: 1, ids[2]: 3, ids[4]: 5}
    for numbers in database.read(read):
        assert numbers == shared
