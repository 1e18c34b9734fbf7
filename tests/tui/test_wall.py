"""The wall (`dialoog wall`, and in browsers `dialoog serve`): a session as anyone may see it,
and nothing pressed there changes the record (issue 23)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.schema.tables import ContributionRow, ThemeRunRow
from dialoog_tui.tui.screens.room import RoomScreen
from dialoog_tui.tui.wall import WallApp
from tests.tui.conftest import NOW, settle


def evening(database: Database) -> int:
    session = database.write(lambda db: sessions.create_session(db=db, title="Wijkavond"))
    for minute, (who, text, consent) in enumerate(
        (
            ("Anna", "Meer bankjes in de schaduw", Consent.NAMED),
            ("Bas", "Geheim: de school gaat dicht", Consent.OFF_RECORD),
            ("Cor", "Ik zeg dit liever zonder naam", Consent.ANONYMOUS),
        )
    ):
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=who, domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=NOW + timedelta(minutes=minute),
            consent=consent,
        )
    return session.id


def record(database: Database) -> tuple[int, int]:
    return database.read(
        lambda db: (
            db.exec(select(func.count()).select_from(ContributionRow)).one(),
            db.exec(select(func.count()).select_from(ThemeRunRow)).one(),
        )
    )


def wall_text(app: WallApp) -> str:
    screen = app.screen
    assert isinstance(screen, RoomScreen) and screen.wall
    return " ".join(str(widget.render()) for widget in screen.query("Static"))


async def test_the_wall_shows_what_may_be_shared_and_no_key_changes_anything(
    target: DatabaseTarget, seeded: Database
) -> None:
    session_id = evening(seeded)
    before = record(seeded)
    app = WallApp(target, str(session_id), lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = wall_text(app)
        assert "Meer bankjes in de schaduw" in shown and "Anna" in shown
        assert "Ik zeg dit liever zonder naam" in shown and "Cor" not in shown
        assert "Geheim" not in shown and "Bas" not in shown
        assert not app.screen.query("KeyHints")
        await pilot.press("r", "R", "q", "escape", "enter", "ctrl+p", "x", "ctrl+d", "ctrl+z")
        await settle(pilot)
        assert isinstance(app.screen, RoomScreen)  # no palette, still the wall
        assert not app.screen.query("CommandPalette")
    assert record(seeded) == before


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def dialoog(target: DatabaseTarget, *arguments: str) -> list[str]:
    """The command line of `dialoog … ARGUMENTS` on the test database, in Dutch."""
    database = ["--db", str(target.sqlite_path), "--lang", "nl"]
    return [sys.executable, "-m", "dialoog_tui", *database, *arguments]


def test_serve_shows_the_wall_page_on_this_computer_only_and_needs_nothing_from_outside(
    target: DatabaseTarget, seeded: Database
) -> None:
    session_id = evening(seeded)
    port = free_port()
    server = subprocess.Popen(
        dialoog(target, "serve", str(session_id), "--port", str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        page = ""
        deadline = time.monotonic() + 30
        while not page and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/", timeout=2) as answer:
                    page = answer.read().decode("utf-8")
            except OSError:
                time.sleep(0.1)  # the server is still starting
        assert 'data-session-websocket-url="ws://localhost:' in page
        # A room without internet gets the wall too: nothing is fetched from elsewhere.
        assert "https://" not in page and "googleapis" not in page
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    assert f"http://localhost:{port}" in out
    assert "Let op" not in err
    # Where the database is (a server's URL holds its password) is not on any command line.
    assert str(target.sqlite_path) not in out + err


def test_serving_to_other_devices_says_who_can_see_it(
    target: DatabaseTarget, seeded: Database
) -> None:
    session_id = evening(seeded)
    port = free_port()
    # An address of this computer that others could reach (127.0.0.1 is this computer
    # only): the one a datagram to elsewhere would leave from (none is sent).
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
        except OSError:
            pytest.skip("this computer has no network address but its own loopback")
        address = probe.getsockname()[0]
    if address.startswith("127."):
        pytest.skip("this computer has no network address but its own loopback")
    server = subprocess.Popen(
        dialoog(target, "serve", str(session_id), "--port", str(port), "--public", address),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        warning = server.stderr.readline()  # said before the server starts
    finally:
        server.terminate()
        server.communicate(timeout=10)
    assert f"iedereen op het netwerk die {address}:{port} weet, ziet deze wand" in warning


def test_a_missing_session_or_a_bad_port_stops_before_anything_is_served(
    target: DatabaseTarget, seeded: Database
) -> None:
    evening(seeded)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    busy = str(taken.getsockname()[1])
    for arguments, said in (
        (("serve", "1", "--port", busy), f"de wand kan niet luisteren op localhost:{busy}"),
        (("serve", "nergens"), "geen sessie 'nergens'"),
        (("serve", "1", "--port", "0"), "--port moet tussen 1 en 65535"),
        (("serve", "1", "--public", "0.0.0.0"), "niet 0.0.0.0: daar kan een telefoon niet"),
    ):
        done = subprocess.run(
            dialoog(target, *arguments), capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr
        assert "De wand staat op" not in done.stdout  # not announced when it cannot be
    taken.close()
