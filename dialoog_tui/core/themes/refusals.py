"""Why a curation action is refused. Apart from `curation`, which needs the theme engine's
modules: the CLI's entry point catches CurationError on every start, the TUI's too."""

from __future__ import annotations

from collections.abc import Mapping

REFUSALS: Mapping[str, str] = {
    "too_few_to_merge": "merge needs two or more different themes",
    "not_members": "not in theme {theme}: {contributions}",
    "nothing_to_split": "name the contributions to split off",
    "split_empties": "that would leave the theme empty; rename it instead",
    "already_member": "contribution {contribution} is already in theme {theme}",
    "not_member": "contribution {contribution} is not in theme {theme}",
    "no_contribution": "there is no contribution {contribution} to place in a theme",
    "last_member": "contribution {contribution} is all that theme {theme} holds; reject it instead",
    "nothing_to_undo": "nothing to undo",
}
"""Why an action is refused, in English (the CLI's language), by a stable reason."""


class CurationError(ValueError):
    """An action that cannot be done as asked. `str()` says why in English; `reason` (a key
    of `REFUSALS`) and `values` let an interface say it in its own language."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(REFUSALS[reason].format(**values))
        self.reason = reason
        self.values = values
        self.key = f"themes.refused.{reason}"
        """The interface text that says it (`Translator.explain`, as for `StoreError`)."""
