"""Deferred imports, so that start-up does not pay for libraries it does not use yet."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in for a module and imports it when first needed.

    Screens name use cases (`services` functions) that run later on the store thread: the
    import of SQLAlchemy must happen there, after the first frame is drawn, not where the
    function is named. So before the module is imported, an attribute is a stand-in that
    imports it when called; afterwards it is the attribute itself.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def _imported(self) -> ModuleType:
        """The module, imported now if it was not yet. (A private name: every public one
        may be an attribute of the module it stands for.)"""
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            if attribute.startswith("__"):  # copy, pickle and friends ask for these
                raise AttributeError(attribute)
            return _Deferred(self, attribute)
        return getattr(self._module, attribute)


class _Deferred:
    """A module's callable, named before the module is imported: imported when called."""

    def __init__(self, module: LazyModule, attribute: str) -> None:
        self._module = module
        self._attribute = attribute

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._module._imported(), self._attribute)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<deferred {self._module._name}.{self._attribute}>"
