"""How the command line names the steps of a theme run (on stderr, in English; the TUI says
them in its own language with the `themes.step.*` texts)."""

from __future__ import annotations

from collections.abc import Mapping

STEP_TEXTS: Mapping[str, str] = {
    "understanding": "reading the meaning of {count} contributions",
    "preparing": "preparing the text analysis",
    "reading": "reading {count} contributions",
    "vectorising": "vectorising",
    "estimating": "estimating the number of themes",
    "clustering": "clustering into {count} themes",
    "labelling": "labelling",
    "saving": "saving",
}
"""Each step's key and its text; `{count}` is the step's count."""
