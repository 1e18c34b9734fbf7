"""A theme's members as they are now, with speaker, session, time and ladder, read through
the consent gate: what a theme card lists and the theme report quotes, numbered as the
session's shareable exports number them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import SHAREABLE_CONSENTS, share
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.themes.card import ThemeMember
from dialoog_tui.store.participants import contributions_in_context
from dialoog_tui.store.schema.tables import ContributionRow
from dialoog_tui.store.shared_numbers import SharedNumbers
from dialoog_tui.store.vocabulary import terms_of

CHUNK = 2000
"""Ids per query: well under every backend's limit on bound parameters."""


def theme_members(*, db: Session, contribution_ids: Sequence[int]) -> dict[int, ThemeMember]:
    """Live contributions by id, with speaker, session, time, interests and values, through
    the consent gate (a card's quotes are shared in the theme report)."""
    found: dict[int, ThemeMember] = {}
    ids = list(contribution_ids)
    numbers = SharedNumbers(db)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = db.exec(
            contributions_in_context().where(
                col(ContributionRow.id).in_(chunk),
                col(ContributionRow.deleted_at).is_(None),
                col(ContributionRow.consent).in_(SHAREABLE_CONSENTS),
            )
        ).all()
        terms = terms_of(db=db, contribution_ids=chunk)
        numbers.read(row.session_id for row, *_ in rows)
        for row, title, speaker, domain in rows:
            assert row.id is not None
            interests, values = terms.get(row.id, ((), ()))
            member = share(
                ThemeMember(
                    contribution_id=row.id,
                    session_id=row.session_id,
                    session_title=title,
                    seq=numbers.of(row.session_id, row.seq),
                    at=row.at,
                    kind=Kind(row.kind),
                    speaker=speaker,
                    domain=domain,
                    consent=Consent(row.consent),
                    text=row.text,
                    interests=interests,
                    values=values,
                    paraphrase=row.paraphrase,
                )
            )
            if member is not None:
                found[row.id] = member
    return found
