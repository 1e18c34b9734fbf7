"""A run's placement (`core.themes.placement`): its themes' centres, kept with the run so
that the live panel can place new contributions without clustering again."""

from __future__ import annotations

from sqlalchemy import insert
from sqlmodel import Session, col, select

from dialoog_tui.core.themes.placement import Placement, ThemePlace
from dialoog_tui.store.schema.tables import ThemePlaceRow, ThemeRunRow
from dialoog_tui.store.themes.meanings import from_bytes, to_bytes


def save_placement(*, db: Session, run_id: int, placement: Placement) -> None:
    """Keep `placement` with run `run_id`. The run's method already names the model and how
    meetings were read (`engine`: `by_session`, `stretches`)."""
    run = db.get(ThemeRunRow, run_id)
    assert run is not None
    run.meaning_mean = to_bytes(placement.overall)
    db.add(run)
    if placement.themes:
        db.exec(
            insert(ThemePlaceRow),
            params=[
                {
                    "run_id": run_id,
                    "key": place.key,
                    "centre": to_bytes(place.centre),
                    "outside_mean": place.outside_mean,
                    "outside_spread": place.outside_spread,
                }
                for place in placement.themes
            ],
        )


def load_placement(*, db: Session, run_id: int) -> Placement | None:
    """The placement kept with run `run_id`; None when it has none (no meaning vectors)."""
    run = db.get(ThemeRunRow, run_id)
    model = run.method.get("meaning") if run is not None else None
    if run is None or not isinstance(model, str) or run.meaning_mean is None:
        return None
    rows = db.exec(
        select(ThemePlaceRow).where(ThemePlaceRow.run_id == run_id).order_by(col(ThemePlaceRow.key))
    ).all()
    themes = tuple(
        ThemePlace(row.key, from_bytes(row.centre), row.outside_mean, row.outside_spread)
        for row in rows
    )
    return Placement(
        model,
        bool(run.method.get("by_session")),
        bool(run.method.get("stretches")),
        from_bytes(run.meaning_mean),
        themes,
    )
