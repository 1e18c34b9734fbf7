"""The layers' arrows point down only, and start-up stays light."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

CLUSTERING = {"sklearn", "scipy", "numpy", "igraph", "Stemmer", "joblib", "threadpoolctl"}


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


def _packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_the_layer_contracts_hold() -> None:
    # The contracts in pyproject.toml: arrows point down, the faces call services only,
    # only the TUI imports Textual, the core knows no database, the texts stand alone.
    script = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))\n"
    )
    root = Path(__file__).resolve().parent.parent
    checked = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout[-3000:]
    assert "kept, 0 broken" in checked.stdout  # the contracts were read, and hold


def _every_module(package: str) -> list[str]:
    """Every module of `package`, found by walking it (no list to keep by hand)."""
    root = importlib.import_module(package)
    return [
        found.name
        for found in pkgutil.walk_packages(root.__path__, f"{package}.")
        if not found.name.endswith("__main__")
    ]


def _imports(modules: list[str]) -> str:
    return "\n".join(f"import {name}" for name in modules)


def test_core_imports_neither_textual_nor_the_database() -> None:
    modules = _every_module("dialoog_tui.core")
    assert "dialoog_tui.core.export.session_json" in modules  # the walk finds what is there
    loaded = _packages(_modules_after(_imports(modules)))
    assert "textual" not in loaded
    assert not loaded & {"sqlmodel", "sqlalchemy", "alembic"}
    # The clustering libraries load when themes are found, not when the module is imported.
    assert not loaded & CLUSTERING


def test_store_does_not_import_textual() -> None:
    modules = _every_module("dialoog_tui.store") + _every_module("dialoog_tui.services")
    assert "dialoog_tui.services.theme_worker" in modules
    loaded = _packages(_modules_after(_imports(modules)))
    assert "textual" not in loaded
    assert not loaded & CLUSTERING


def test_the_tui_starts_without_loading_the_database_libraries() -> None:
    # The capture screen draws first; SQLAlchemy loads on the store thread afterwards.
    loaded = _packages(_modules_after("import dialoog_tui.tui.app\nimport dialoog_tui.cli.launch"))
    assert "textual" in loaded
    assert not loaded & {"sqlmodel", "sqlalchemy", "alembic"}
    assert not loaded & CLUSTERING


def test_the_tui_does_not_load_the_clustering_libraries() -> None:
    loaded = _packages(_modules_after("import dialoog_tui.tui.app\nimport dialoog_tui.cli.main"))
    assert not loaded & CLUSTERING


def test_the_tui_starts_without_the_theme_engines_modules() -> None:
    # Ours, not the libraries (those load lazily in any case): importing the engine's modules
    # took some 35 ms of every start, only for the CLI to know the curation error it catches.
    loaded = _modules_after("import dialoog_tui.cli.main\nimport dialoog_tui.tui.app")
    engine = {"engine", "explain", "grouping", "vectors", "curation", "run"}
    assert not {f"dialoog_tui.core.themes.{name}" for name in engine} & loaded
