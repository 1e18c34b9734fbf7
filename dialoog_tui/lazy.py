"""Deferred imports, so that start-up does not pay for libraries it does not use yet."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in for a module and imports it on first attribute access.

    Used where a screen refers to store modules inside callbacks that run later on the store
    thread: the import of SQLAlchemy then happens there, after the first frame is drawn.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)
