"""Curating themes: the actions, one step each inside a unit of work, and the use cases the
CLI and the theme board call (`act`, `undo`, `history`), each its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from msgspec.structs import replace
from sqlmodel import Session, col, select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes import curation
from dialoog_tui.core.themes.curation import CuratedTheme, Outcome, ThemeAction
from dialoog_tui.core.themes.refusals import CurationError
from dialoog_tui.errors import NotFound
from dialoog_tui.store.contributions import get_contribution
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.schema.tables import ThemeMemberRow, ThemeRow, ThemeRunRow
from dialoog_tui.store.themes import curation as curated_store
from dialoog_tui.store.themes.curation import perform
from dialoog_tui.store.themes.runs import inputs_of, session_titles

Action = Callable[..., Outcome]
"""One of this module's actions: `accept_theme`, `rename_theme`, … (keyword arguments only)."""


def act(
    database: Database, action: Action, *, actor: str, at: datetime, **arguments: object
) -> Outcome:
    """Do one curation action, recorded with who and when; CurationError when it cannot be
    done, NotFound when a theme it names is gone."""
    return database.write(lambda db: action(db=db, actor=actor, at=at, **arguments))


def undo(database: Database, *, actor: str, at: datetime) -> ThemeAction:
    """Undo the last curation action (whoever did it), recorded too."""
    return database.write(lambda db: curated_store.undo_last(db=db, actor=actor, at=at))


def history(database: Database) -> list[ThemeAction]:
    """Every curation action: who, when, what."""
    return database.read(lambda db: curated_store.history(db=db))


def history_with_titles(database: Database) -> tuple[list[ThemeAction], dict[str, str]]:
    """Every curation action, and the title of every theme one can name (a curated theme's
    name, else its label), read together: the history as a person reads it."""

    def read(db: Session) -> tuple[list[ThemeAction], dict[str, str]]:
        titles = {key: t.name or t.label for key, t in curated_store.load_curated(db=db).items()}
        return curated_store.history(db=db), titles

    return database.read(read)


def accept_theme(*, db: Session, key: str, actor: str, at: datetime) -> Outcome:
    return _on_one(db, key, actor, at, curation.accept)


def rename_theme(*, db: Session, key: str, name: str, actor: str, at: datetime) -> Outcome:
    return _on_one(db, key, actor, at, lambda t: curation.rename(t, name))


def reject_theme(*, db: Session, key: str, actor: str, at: datetime) -> Outcome:
    return _on_one(db, key, actor, at, curation.reject)


def merge_themes(*, db: Session, keys: Sequence[str], actor: str, at: datetime) -> Outcome:
    return perform(
        db=db,
        keys=list(keys),
        actor=actor,
        at=at,
        act=lambda themes, _: curation.merge(themes),
        relabel=relabel,
    )


def split_theme(
    *, db: Session, key: str, contributions: Sequence[int], actor: str, at: datetime
) -> Outcome:
    def act(themes: list[CuratedTheme], curated: dict[str, CuratedTheme]) -> Outcome:
        taken = set(curated) | _proposed_ids(db)
        return curation.split(themes[0], contributions, taken, _names(db, contributions))

    return perform(db=db, keys=[key], actor=actor, at=at, act=act, relabel=relabel)


def move_contribution(
    *, db: Session, contribution: int, key: str, actor: str, at: datetime
) -> Outcome:
    """Into theme `key`, out of whichever theme holds it now (curated or proposed)."""
    from dialoog_tui.store.themes.curation import load_curated

    if not _placeable(db, contribution):
        raise CurationError("no_contribution", contribution=contribution)
    holder = curation.theme_holding(contribution, load_curated(db=db))
    source = holder.id if holder else _proposal_holding(db, contribution)
    keys = [key] if source is None or source == key else [key, source]
    if source == key:
        said = curation.named([contribution], _names(db, [contribution]))
        raise CurationError("already_member", contribution=said, theme=key)
    return perform(
        db=db,
        keys=keys,
        actor=actor,
        at=at,
        act=lambda themes, _: curation.move(
            contribution,
            themes[1] if len(themes) > 1 else None,
            themes[0],
            _names(db, [contribution]),
        ),
    )


def _names(db: Session, contribution_ids: Sequence[int]) -> dict[int, tuple[int, str]]:
    """How the history says these contributions (`curation.named`): by number, as the theme
    card shows it, and session; the ids the commands take run on across sessions and mean
    nothing to a reader."""
    found = inputs_of(db=db, contribution_ids=contribution_ids)
    titles = session_titles(db=db, session_ids=sorted({item.session_id for item in found}))
    return {
        item.contribution_id: (item.seq or 0, titles.get(item.session_id, "")) for item in found
    }


def _placeable(db: Session, contribution_id: int) -> bool:
    """Whether a theme may hold the contribution: it exists, is not removed, and is on the
    record (off the record, it is in no theme and no output)."""
    try:
        contribution = get_contribution(db=db, contribution_id=contribution_id)
    except NotFound:
        return False
    return contribution.deleted_at is None and contribution.consent is not Consent.OFF_RECORD


def remove_from_theme(
    *, db: Session, key: str, contribution: int, actor: str, at: datetime
) -> Outcome:
    names = _names(db, [contribution])
    return _on_one(db, key, actor, at, lambda theme: curation.remove(theme, contribution, names))


def _on_one(
    db: Session,
    key: str,
    actor: str,
    at: datetime,
    change: Callable[[CuratedTheme], Outcome],
) -> Outcome:
    """An action on one theme, recorded like every other."""
    return perform(db=db, keys=[key], actor=actor, at=at, act=lambda themes, _: change(themes[0]))


def relabel(db: Session, themes: Sequence[CuratedTheme]) -> list[CuratedTheme]:
    """Fresh labels from the members' words, each told apart from the others given."""
    from dialoog_tui.core.themes.explain import label_groups

    inputs = {
        item.contribution_id: item
        for item in inputs_of(
            db=db, contribution_ids=[m for theme in themes for m in theme.members]
        )
    }
    groups = [[inputs[m] for m in theme.members if m in inputs] for theme in themes]
    labels = label_groups(groups)
    return [
        replace(theme, label=label, terms=terms) if group else theme
        for theme, group, (label, terms) in zip(themes, groups, labels, strict=True)
    ]


def _proposed_ids(db: Session) -> set[str]:
    return set(db.exec(select(ThemeRow.key)).all())


def _proposal_holding(db: Session, contribution: int) -> str | None:
    """The id of the newest proposed theme that holds the contribution."""
    return db.exec(
        select(ThemeRow.key)
        .join(ThemeMemberRow, col(ThemeMemberRow.theme_id) == col(ThemeRow.id))
        .join(ThemeRunRow, col(ThemeRunRow.id) == col(ThemeRow.run_id))
        .where(ThemeMemberRow.contribution_id == contribution)
        .order_by(col(ThemeRunRow.created_at).desc(), col(ThemeRunRow.id).desc())
    ).first()
