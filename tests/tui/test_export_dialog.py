"""Pilot tests of the export dialog: from capture (the session) and from the theme board (the
theme report), ending in a file and a notification that gives its path."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Checkbox, Input, RadioSet

from dialoog_tui.core.model import NewSession
from dialoog_tui.paths import documents_dir
from dialoog_tui.services.demo import load_demo
from dialoog_tui.services.themes import run_themes
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.themes.runs import all_session_ids
from dialoog_tui.tui.screens.export_dialog import ExportDialog
from tests.tui.conftest import AppFactory, settle


def without_export_time(text: str) -> str:
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "<when>", text)


async def fill_folder(pilot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one("#export-folder", Input)
    field.value = str(folder)
    field.focus()
    await pilot.pause()


async def test_export_a_session_from_capture(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    app = app_factory(NewSession(title="Plein | avond"), lang="en")
    folder = tmp_path / "out"
    folder.mkdir()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw ! Geen garage <script>x</script>", "enter")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#format-html").value = True  # HTML instead of the default Markdown
        dialog.query_one("#export-anonymize", Checkbox).value = True
        await fill_folder(pilot, folder)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        (written,) = folder.iterdir()
        assert written.name.startswith("plein-avond-") and written.suffix == ".html"
        messages = [n.message for n in app._notifications]
        assert any(str(written) in message for message in messages)
    page = written.read_text(encoding="utf-8")
    assert "Geen garage &lt;script&gt;x&lt;/script&gt;" in page
    assert "Anna" not in page and "Inwoner 1" in page


async def test_an_existing_file_is_a_notification_not_an_overwrite(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    app = app_factory(NewSession(title="Plein"), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw Bankjes graag", "enter")
        await settle(pilot)
        for _attempt in range(2):
            await pilot.press("f5")
            await settle(pilot)
            await fill_folder(pilot, tmp_path)
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ExportDialog)  # the second time it stays open
        assert any("already exists" in n.message for n in app._notifications)
        (written,) = tmp_path.glob("plein-*.md")
        before = written.read_text(encoding="utf-8")
        # The focus went to the box the message names: Space ticks it, Enter exports.
        assert app.screen.focused is app.screen.query_one("#export-force", Checkbox)
        await pilot.press("space")
        assert app.screen.query_one("#export-force", Checkbox).value
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        # The same data, written again (only the minute of export may differ).
        assert without_export_time(written.read_text(encoding="utf-8")) == without_export_time(
            before
        )


async def test_export_the_theme_report_from_the_board(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    run_themes(seeded, seeded.read(lambda db: all_session_ids(db=db)), all_sessions=True)
    app = app_factory(lang="en")
    async with app.run_test(size=(150, 50)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        formats = dialog.query_one("#export-format", RadioSet)
        assert len(list(formats.query("RadioButton"))) == 2  # md and html, no JSON
        await fill_folder(pilot, tmp_path)
        await pilot.press("enter")
        await settle(pilot)
    (written,) = tmp_path.glob("themes-*.md")
    report = written.read_text(encoding="utf-8")
    assert report.startswith("# Themes across sessions") and "## Overview" in report


async def test_the_dialog_remembers_its_folder_across_exports_and_restarts(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    chosen = tmp_path / "verslagen" / "maart"  # not there yet: made by the export
    app = app_factory(NewSession(title="Plein"), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw Bankjes graag", "enter")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        proposed = app.screen.query_one("#export-folder", Input).value
        assert proposed == str(documents_dir()) and proposed != str(Path.cwd())
        await fill_folder(pilot, chosen)
        await pilot.press("enter")
        await settle(pilot)
        written = sorted(p.name for p in chosen.iterdir())
        assert written[-1].startswith("plein-") and written[-1].endswith(".md")
        assert any("with beside it:" in n.message for n in app._notifications)
        await pilot.press("f5")
        await settle(pilot)
        assert app.screen.query_one("#export-folder", Input).value == str(chosen)
    again = app_factory(lang="en")  # the same settings file, as after a restart
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert again.screen.query_one("#export-folder", Input).value == str(chosen)


async def test_the_layout_can_be_by_kind_and_states_show_without_colour(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    app = app_factory(NewSession(title="Plein"), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw ! Geen garage", "enter")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        dialog = app.screen
        marks = {
            widget.id: str(widget.render()).lstrip("▐")[:1]
            for widget in dialog.query("MarkedRadioButton, MarkedCheckbox")
        }
        assert marks["format-md"] == "●" and marks["format-html"] == " "
        assert marks["layout-minutes"] == "●" and marks["export-anonymize"] == " "
        dialog.query_one("#layout-by-kind").value = True
        dialog.query_one("#export-anonymize", Checkbox).value = True
        await pilot.pause()
        assert str(dialog.query_one("#layout-by-kind").render()).lstrip("▐")[:1] == "●"
        assert str(dialog.query_one("#layout-minutes").render()).lstrip("▐")[:1] == " "
        assert str(dialog.query_one("#export-anonymize").render()).lstrip("▐")[:1] == "X"
        await fill_folder(pilot, tmp_path)
        await pilot.press("enter")
        await settle(pilot)
    (written,) = tmp_path.glob("plein-*.md")
    text = written.read_text(encoding="utf-8")
    assert "## Contributions by kind" in text and "Anna" not in text


async def test_a_session_goes_to_a_qda_suite_as_a_refi_qda_project(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    import zipfile

    app = app_factory(NewSession(title="Plein"), lang="en")
    folder = tmp_path / "qda"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw ! Geen garage onder het plein", "enter")
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#format-qdpx").value = True
        await fill_folder(pilot, folder)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
    (written,) = folder.iterdir()
    assert written.suffix == ".qdpx"
    with zipfile.ZipFile(written) as archive:
        project = archive.read("project.qde").decode("utf-8")
    assert 'name="Anna"' in project and 'name="resistance"' in project


async def test_the_export_and_new_session_dialogs_fit_a_laptops_24_rows(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        dialog = app.screen.query_one("#export-dialog")
        assert app.screen.region.contains_region(dialog.region)
        assert dialog.max_scroll_y == 0  # the title and every option show, nothing scrolled
        await pilot.press("escape", "ctrl+o")
        await settle(pilot)
        await pilot.press("home", "enter")
        await settle(pilot)
        form = app.screen.query_one("#new-session")
        assert app.screen.region.contains_region(form.region)  # its border too
