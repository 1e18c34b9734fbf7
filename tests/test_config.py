"""The settings file: what a person wrote by hand is read, and what is missing is the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dialoog_tui.config import DEFAULT_THEME, Settings, load_settings, save_settings
from tests.cli.running import run


def test_a_settings_file_with_only_a_keymap_keeps_the_other_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"keymap": {"edit": "ctrl+o"}}), encoding="utf-8")
    settings = load_settings(path)
    assert settings == Settings(theme=DEFAULT_THEME, keymap={"edit": "ctrl+o"})
    save_settings(path, settings)
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == DEFAULT_THEME


def test_naming_yourself_next_to_a_hand_written_keymap_keeps_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DIALOOG_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text('{"keymap": {"edit": "ctrl+o"}}', encoding="utf-8")
    code, _out, err = run(capsys, "person", "Jan de Vries")
    assert (code, err) == (0, "")
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved == {
        "theme": DEFAULT_THEME,
        "keymap": {"edit": "ctrl+o"},
        "person": "Jan de Vries",
        "export_folder": "",
    }
