"""Curated themes in the database: the facilitator's actions, their history, and undo.

Every action is one transaction that saves the themes it changed and records itself with
snapshots of those themes as they were; undo restores the snapshots (and deletes what the
action created) and is recorded as an action of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from dialoog_tui.core.themes.curation import (
    ActionKind,
    CuratedTheme,
    Outcome,
    Proposal,
    ThemeAction,
    adopt,
    held_by,
)
from dialoog_tui.core.themes.refusals import CurationError
from dialoog_tui.errors import NotFound
from dialoog_tui.store.schema.tables import (
    CuratedExclusionRow,
    CuratedMemberRow,
    CuratedThemeRow,
    ThemeActionRow,
    ThemeMemberRow,
    ThemeRow,
    ThemeRunRow,
)

Relabel = Callable[[Session, Sequence[CuratedTheme]], list[CuratedTheme]]
"""Gives themes whose members changed a fresh label (the engine's words; see theme_labels)."""


def load_curated(*, db: Session) -> dict[str, CuratedTheme]:
    """Every curated theme (rejected and merged ones too), by id."""
    rows = db.exec(select(CuratedThemeRow).order_by(col(CuratedThemeRow.id))).all()
    members = db.exec(
        select(CuratedMemberRow).order_by(
            col(CuratedMemberRow.theme_id), col(CuratedMemberRow.position)
        )
    ).all()
    exclusions = db.exec(select(CuratedExclusionRow)).all()
    by_theme: dict[int, list[CuratedMemberRow]] = {}
    for member in members:
        by_theme.setdefault(member.theme_id, []).append(member)
    excluded: dict[int, set[int]] = {}
    for exclusion in exclusions:
        excluded.setdefault(exclusion.theme_id, set()).add(exclusion.contribution_id)
    themes = {}
    for row in rows:
        listed = by_theme.get(row.id or 0, [])
        themes[row.key] = CuratedTheme(
            id=row.key,
            label=row.label,
            terms=tuple(row.terms),
            name=row.name,
            accepted=row.accepted,
            rejected=row.rejected,
            merged_into=row.merged_into,
            members=tuple(m.contribution_id for m in listed),
            excluded=frozenset(excluded.get(row.id or 0, ())),
            similarity={
                m.contribution_id: m.similarity for m in listed if m.similarity is not None
            },
            changed_at=row.updated_at,
        )
    return themes


def save_themes(*, db: Session, themes: Sequence[CuratedTheme], at: datetime) -> None:
    """Store these curated themes as given (members and exclusions replaced)."""
    for theme in themes:
        row = db.exec(select(CuratedThemeRow).where(CuratedThemeRow.key == theme.id)).first()
        if row is None:
            row = CuratedThemeRow(key=theme.id, label=theme.label, created_at=at, updated_at=at)
        row.label, row.terms, row.name = theme.label, list(theme.terms), theme.name
        row.accepted, row.rejected, row.updated_at = theme.accepted, theme.rejected, at
        row.merged_into = theme.merged_into
        db.add(row)
        db.flush()
        db.exec(delete(CuratedMemberRow).where(col(CuratedMemberRow.theme_id) == row.id))
        db.exec(delete(CuratedExclusionRow).where(col(CuratedExclusionRow.theme_id) == row.id))
        assert row.id is not None
        db.add_all(
            CuratedMemberRow(
                theme_id=row.id,
                contribution_id=member,
                position=position,
                similarity=theme.similarity.get(member),
            )
            for position, member in enumerate(theme.members)
        )
        db.add_all(
            CuratedExclusionRow(theme_id=row.id, contribution_id=member)
            for member in sorted(theme.excluded)
        )
    db.flush()


def _delete_themes(db: Session, keys: Sequence[str]) -> None:
    if keys:
        db.exec(delete(CuratedThemeRow).where(col(CuratedThemeRow.key).in_(keys)))


def find_proposal(*, db: Session, key: str) -> Proposal | None:
    """The theme with this id in the newest run that proposed it."""
    row = db.exec(
        select(ThemeRow)
        .join(ThemeRunRow, col(ThemeRunRow.id) == col(ThemeRow.run_id))
        .where(ThemeRow.key == key)
        .order_by(col(ThemeRunRow.created_at).desc(), col(ThemeRunRow.id).desc())
    ).first()
    if row is None:
        return None
    members = db.exec(
        select(ThemeMemberRow.contribution_id, ThemeMemberRow.similarity)
        .where(ThemeMemberRow.theme_id == row.id)
        .order_by(col(ThemeMemberRow.position))
    ).all()
    return Proposal(
        id=row.key,
        label=row.label,
        terms=tuple(row.terms),
        members=tuple(cid for cid, _ in members),
        similarities=tuple(sim for _, sim in members),
    )


def resolve(db: Session, key: str, curated: dict[str, CuratedTheme]) -> CuratedTheme:
    """The curated theme with this id, or the proposal with it as a curated theme (as the
    board shows it: without what curated themes hold)."""
    key = key.strip()
    if key in curated:
        if (survivor := curated[key].merged_into) is not None:
            raise NotFound(
                f"theme {key} no longer exists: it was merged into {survivor}",
                key="error.theme_merged",
                theme=key,
                survivor=survivor,
            )
        return curated[key]
    proposal = find_proposal(db=db, key=key)
    if proposal is None:
        raise NotFound(
            f"no theme with id {key} (see dialoog themes)", key="error.no_theme", theme=key
        )
    adopted = adopt(proposal, held_by(curated))
    if not adopted.members:  # all it held is in curated themes now: it is on no board
        raise NotFound(
            f"theme {key} no longer exists: its contributions are in other themes",
            key="error.theme_absorbed",
            theme=key,
        )
    return adopted


def perform(
    *,
    db: Session,
    keys: Sequence[str],
    actor: str,
    at: datetime,
    act: Callable[[list[CuratedTheme], dict[str, CuratedTheme]], Outcome],
    relabel: Relabel | None = None,
) -> Outcome:
    """Resolve `keys`, apply `act`, save the outcome and record the action."""
    curated = load_curated(db=db)
    themes = [resolve(db, key, curated) for key in keys]
    outcome = act(themes, curated)
    changed = list(outcome.changed)
    if relabel is not None and outcome.relabel:
        fresh = {t.id: t for t in relabel(db, [t for t in changed if t.id in outcome.relabel])}
        changed = [fresh.get(t.id, t) for t in changed]
    touched = [t.id for t in changed]
    before = [_snapshot(curated[k]) for k in dict.fromkeys(touched) if k in curated]
    created = [k for k in dict.fromkeys(touched) if k not in curated]
    save_themes(db=db, themes=changed, at=at)
    named = [k for k in dict.fromkeys([outcome.result or "", *keys, *touched]) if k]
    db.add(
        ThemeActionRow(
            at=at,
            actor=actor,
            kind=outcome.kind.value,
            themes=named,
            detail=outcome.detail,
            before=before,
            created=created,
        )
    )
    db.flush()
    return outcome


def undo_last(*, db: Session, actor: str, at: datetime) -> ThemeAction:
    """Reverse the newest action that is not undone yet (recording the undo); returns the
    action undone."""
    last = db.exec(
        select(ThemeActionRow)
        .where(col(ThemeActionRow.undone_at).is_(None), ThemeActionRow.kind != ActionKind.UNDO)
        .order_by(col(ThemeActionRow.id).desc())
    ).first()
    if last is None:
        raise CurationError("nothing_to_undo")
    _delete_themes(db, last.created)
    save_themes(db=db, themes=[_from_snapshot(s) for s in last.before], at=at)
    last.undone_at = at
    db.add(last)
    undone = _action(last)
    record = ThemeActionRow(
        at=at,
        actor=actor,
        kind=ActionKind.UNDO.value,
        themes=list(last.themes),
        detail=undone.summary,
        undoes=last.id,
    )
    db.add(record)
    db.flush()
    return undone


def history(*, db: Session) -> list[ThemeAction]:
    """Every action, oldest first."""
    rows = db.exec(select(ThemeActionRow).order_by(col(ThemeActionRow.id))).all()
    return [_action(row) for row in rows]


def _action(row: ThemeActionRow) -> ThemeAction:
    assert row.id is not None
    return ThemeAction(
        id=row.id,
        at=row.at,
        actor=row.actor,
        kind=ActionKind(row.kind),
        themes=tuple(row.themes),
        detail=row.detail,
        undone_at=row.undone_at,
        undoes=row.undoes,
    )


def _snapshot(theme: CuratedTheme) -> dict[str, Any]:
    return {
        "id": theme.id,
        "label": theme.label,
        "terms": list(theme.terms),
        "name": theme.name,
        "accepted": theme.accepted,
        "rejected": theme.rejected,
        "merged_into": theme.merged_into,
        "members": list(theme.members),
        "excluded": sorted(theme.excluded),
        "similarity": [[m, s] for m, s in theme.similarity.items()],
    }


def _from_snapshot(snapshot: dict[str, Any]) -> CuratedTheme:
    return CuratedTheme(
        id=snapshot["id"],
        label=snapshot["label"],
        terms=tuple(snapshot["terms"]),
        name=snapshot["name"],
        accepted=snapshot["accepted"],
        rejected=snapshot["rejected"],
        merged_into=snapshot.get("merged_into"),  # not in snapshots taken before 0005
        members=tuple(snapshot["members"]),
        excluded=frozenset(snapshot["excluded"]),
        similarity={int(m): float(s) for m, s in snapshot["similarity"]},
    )
