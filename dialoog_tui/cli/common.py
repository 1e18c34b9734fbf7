"""What every command module shares: the language it speaks, a parser that reports in one
line, how a module adds its sub-commands, and the database a command works on."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from dialoog_tui.config import LANGUAGES, language_from_locale
from dialoog_tui.i18n import Translator
from dialoog_tui.i18n.cli_help import HELP_NL
from dialoog_tui.services.database import open_database, resolve_target

if TYPE_CHECKING:
    from dialoog_tui.services.database import Database

T = TypeVar("T")


class _Voice:
    """The command line's language, chosen once per run (`speak`)."""

    t = Translator(language_from_locale())


def speak(argv: Sequence[str]) -> Translator:
    """Speak the language `--lang` asks for in `argv`, else the locale's. Read before the
    parser is built, so that --help and usage errors speak it too."""
    lang = language_from_locale()
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            lang = argv[index + 1]
        elif word.startswith("--lang=") and word.removeprefix("--lang=") in LANGUAGES:
            lang = word.removeprefix("--lang=")
    _Voice.t = Translator(lang)
    # argparse says "usage:", "options" and its own errors through gettext's `_`, looked up
    # in its module at call time; there is no catalogue to install without files, so the
    # module's `_` is pointed at ours.
    argparse._ = translated  # type: ignore[attr-defined]
    return _Voice.t


def current_language() -> str:
    """`nl` or `en`: the language this run speaks."""
    return _Voice.t.lang


def say(message_id: str, /, **values: object) -> str:
    """A text of the command line in its language."""
    return _Voice.t(message_id, **values)


def decimal(value: float, digits: int = 2) -> str:
    """A number with decimals as the command line's language writes it (0,60; 0.60)."""
    return _Voice.t.decimal(value, digits)


def translated(english: str) -> str:
    """A help text (or argparse's own) in the command line's language."""
    return HELP_NL.get(english, english) if _Voice.t.lang == "nl" else english


def explain(error: BaseException) -> str:
    """An error in the command line's language."""
    return _Voice.t.explain(error)


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage error as one line (and exit status 2), not a screen of usage text;
    its help speaks the command line's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        for field in ("description", "help"):
            if isinstance(kwargs.get(field), str):
                kwargs[field] = translated(kwargs[field])
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if isinstance(kwargs.get("help"), str) and kwargs["help"] != argparse.SUPPRESS:
            kwargs["help"] = translated(kwargs["help"])
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(say("cli.usage_error", prog=self.prog, message=message) + "\n")
        raise SystemExit(2)


def global_options(
    parser: argparse.ArgumentParser, *, defaults: bool, captures: bool = True
) -> None:
    """--db, --lang, --theme and --no-live-themes, accepted before or after the command;
    the last two only shown in the help of a command that `captures` (opens the TUI)."""
    default = None if defaults else argparse.SUPPRESS
    shown = (lambda text: text) if captures else (lambda _text: argparse.SUPPRESS)
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="SQLite file or postgresql:// URL (default: $DIALOOG_DB, else the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("nl", "en"), default=default, help="interface language (default: locale)"
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        default=default,
        help=shown("colour theme (remembered for next time)"),
    )
    parser.add_argument(
        "--no-live-themes",
        dest="live_themes",
        action="store_false",
        default=True if defaults else argparse.SUPPRESS,
        help=shown("capture without the live themes panel (F4 shows it)"),
    )


CommandMaker = Callable[[str, str], argparse.ArgumentParser]
"""Makes a sub-command's parser: its name, one line of help."""


def with_database(args: argparse.Namespace, work: Callable[[Database], T]) -> T:
    """`work` on the database named by --db (or DIALOOG_DB, or the default), closed after."""
    database = open_database(resolve_target(args.db))
    try:
        return work(database)
    finally:
        database.close()


def subcommand(
    actions: argparse._SubParsersAction[OneLineParser], name: str, help_text: str
) -> OneLineParser:
    """A sub-command of a command (`dialoog phase rename`), in the command line's language,
    taking the global options (--db, --lang) after it too."""
    help_text = translated(help_text)
    sub = actions.add_parser(name, help=help_text, description=help_text)
    global_options(sub, defaults=False, captures=False)
    return sub
