"""The layers' arrows point down only, and start-up stays light."""

from __future__ import annotations

import subprocess
import sys

CLUSTERING = {"sklearn", "scipy", "numpy", "igraph", "Stemmer", "joblib", "threadpoolctl"}


def _modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    return set(out.split())


def _packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_core_imports_neither_textual_nor_the_database() -> None:
    code = "\n".join(
        f"import dialoog_tui.core.{name}"
        for name in (
            "capture",
            "display",
            "export.session_json",
            "importing",
            "kinds",
            "model",
            "quick_entry",
            "record",
            "speakers",
            "undo",
            "demo",
            "themes.engine",
            "themes.curation",
            "themes.grouping",
            "themes.types",
            "themes.vectors",
            "themes.explain",
            "themes.run",
            "themes.text",
            "themes.themes_json",
        )
    )
    loaded = _packages(_modules_after(code))
    assert "textual" not in loaded
    assert not loaded & {"sqlmodel", "sqlalchemy", "alembic"}
    # The clustering libraries load when themes are found, not when the module is imported.
    assert not loaded & CLUSTERING


def test_store_does_not_import_textual() -> None:
    code = "\n".join(
        f"import dialoog_tui.{name}"
        for name in (
            "store.contributions",
            "store.db.database",
            "services.demo",
            "store.domains",
            "store.drafts",
            "services.imports",
            "store.participants",
            "store.phases",
            "store.records",
            "services.sessions",
            "store.sessions",
            "services.capture",
            "store.schema.tables",
            "store.themes.runs",
        )
    )
    loaded = _packages(_modules_after(code))
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
