"""The SQLModel tables. Only the store sees these; everything else gets `core` types.

Changing a table means writing an Alembic migration (see `migrations/`), never `create_all`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from dialoog_tui.store.schema.types import UtcDateTime, VerbatimText


class DomainRow(SQLModel, table=True):
    """A domain participants speak from (inwoner, overheid, …); configurable."""

    __tablename__ = "domain"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=80)
    position: int


class SessionRow(SQLModel, table=True):
    """One dialogue meeting."""

    __tablename__ = "dialogue_session"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=200)
    title: str = Field(max_length=500)
    question: str | None = Field(default=None, sa_type=Text)
    location: str | None = Field(default=None, max_length=500)
    organiser: str | None = Field(default=None, max_length=500)
    note_taker: str | None = Field(default=None, max_length=500)
    started_at: datetime = Field(sa_type=UtcDateTime)
    created_at: datetime = Field(sa_type=UtcDateTime)
    # No foreign key: phase already points at the session, and a cycle of constraints buys
    # nothing here. The store only ever sets it to a phase of this session.
    current_phase_id: int | None = None
    default_consent: str = Field(default="named", max_length=20)
    deleted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    """Set when the session was deleted: it is hidden everywhere, and can be restored."""
    changes: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    """How many changes were made to its contributions (`ContributionRow.changed_in`)."""


class PhaseRow(SQLModel, table=True):
    """An agenda item within a session."""

    __tablename__ = "phase"
    # A removed phase comes back under its own id on undo: SQLite must not give it out again.
    __table_args__ = (UniqueConstraint("session_id", "position"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="dialogue_session.id", ondelete="CASCADE", index=True)
    position: int
    title: str = Field(max_length=500)
    created_at: datetime = Field(sa_type=UtcDateTime)


class ParticipantRow(SQLModel, table=True):
    """A person, reusable across sessions."""

    __tablename__ = "participant"
    # A merged or removed participant comes back under their own id on undo (as a phase does).
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=500, index=True)
    domain_id: int | None = Field(default=None, foreign_key="domain.id", ondelete="SET NULL")
    organisation: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(sa_type=UtcDateTime)


class FormerNameRow(SQLModel, table=True):
    """A name a participant went by before a correction: their own before a rename, or that
    of someone merged into them. An import that still writes it means them."""

    __tablename__ = "participant_former_name"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(index=True)
    """No foreign key: the former names of someone removed or merged away find nobody."""
    name_key: str = Field(max_length=500, index=True)
    """The name as `core.speakers.name_key` compares names."""
    at: datetime = Field(sa_type=UtcDateTime)


class SessionParticipantRow(SQLModel, table=True):
    """Who takes part in a session, in the order they joined (which gives their quick key)."""

    __tablename__ = "session_participant"

    session_id: int = Field(foreign_key="dialogue_session.id", primary_key=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", primary_key=True, ondelete="CASCADE")
    position: int
    joined_at: datetime = Field(sa_type=UtcDateTime)


class TableRow(SQLModel, table=True):
    """A table of a big meeting: a group with a note-taker of its own, in one session."""

    __tablename__ = "session_table"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="dialogue_session.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=200)
    note_taker: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(sa_type=UtcDateTime)


UNSHARED = "deleted_at IS NOT NULL OR consent = 'off_record'"
"""The contributions no shareable output shows: removed, or off the record."""


class ContributionRow(SQLModel, table=True):
    """One logged utterance. Never deleted: removal sets `deleted_at`, so it can be undone."""

    __tablename__ = "contribution"
    __table_args__ = (
        UniqueConstraint("session_id", "seq"),
        Index("ix_contribution_session_participant", "session_id", "participant_id"),
        # The few removed contributions, so live counts need not read every row.
        Index(
            "ix_contribution_removed",
            "session_id",
            "participant_id",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
        Index("ix_contribution_client_key", "client_key", unique=True),
        Index("ix_contribution_session_changed", "session_id", "changed_in"),
        # The few no shareable output shows, so shared numbers need not read every row
        # (`store.shared_numbers`; its query repeats this condition word for word).
        Index(
            "ix_contribution_unshared",
            "session_id",
            "seq",
            sqlite_where=text(UNSHARED),
            postgresql_where=text(UNSHARED),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="dialogue_session.id", ondelete="CASCADE")
    seq: int
    participant_id: int | None = Field(default=None, foreign_key="participant.id")
    at: datetime = Field(sa_type=UtcDateTime)
    kind: str = Field(max_length=20)
    text: str = Field(sa_type=VerbatimText)
    tags: list[str] = Field(default_factory=list, sa_type=JSON)
    phase_id: int | None = Field(default=None, foreign_key="phase.id")
    reply_to_id: int | None = Field(default=None, foreign_key="contribution.id")
    ref: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(sa_type=UtcDateTime)
    edited_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    consent: str = Field(default="named", max_length=20)
    condition: str | None = Field(default=None, sa_type=VerbatimText)
    paraphrase: str | None = Field(default=None, sa_type=VerbatimText)
    """The note-taker's paraphrase, shown instead of `text` where consent is paraphrase."""
    recorded_by: str | None = Field(default=None, max_length=200)
    """Who logged or imported it (the person in the settings), if known."""
    client_key: str | None = Field(default=None, max_length=32)
    """The key the logging screen gave it (`core.waiting.new_key`): a line sent again after
    the database was away is recognised by it, not stored twice."""
    # No ON DELETE: a table is never deleted but with its session, and with it go the
    # session's contributions (SQLite's reflection would not read an inline rule anyway).
    table_id: int | None = Field(default=None, foreign_key="session_table.id")
    """The table it was said at (None: the whole room, or a session without tables)."""
    changed_in: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    """Its session's count of changes when it last changed (0: never): screens open on the
    session read what changed since the count they saw (`contributions.changed_since`)."""


class ContributionRevisionRow(SQLModel, table=True):
    """What a contribution said before an edit: edits never destroy what was logged."""

    __tablename__ = "contribution_revision"

    id: int | None = Field(default=None, primary_key=True)
    contribution_id: int = Field(foreign_key="contribution.id", ondelete="CASCADE", index=True)
    replaced_at: datetime = Field(sa_type=UtcDateTime)
    participant_id: int | None = None
    kind: str = Field(max_length=20)
    text: str = Field(sa_type=VerbatimText)
    tags: list[str] = Field(default_factory=list, sa_type=JSON)
    paraphrase: str | None = Field(default=None, sa_type=VerbatimText)


class DraftRow(SQLModel, table=True):
    """The half-typed line of a session's input, saved while typing so a crash loses nothing."""

    __tablename__ = "draft"

    session_id: int = Field(foreign_key="dialogue_session.id", primary_key=True, ondelete="CASCADE")
    text: str = Field(sa_type=VerbatimText)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class VocabTermRow(SQLModel, table=True):
    """An interest or value in the vocabulary all sessions share."""

    __tablename__ = "vocab_term"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)
    name: str = Field(max_length=200)
    # The case-folded name: 'Veiligheid' and 'veiligheid' are one term.
    key: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    key_en: str | None = Field(default=None, max_length=200, index=True)
    created_at: datetime = Field(sa_type=UtcDateTime)


class ContributionTermRow(SQLModel, table=True):
    """An interest or value under a contribution."""

    __tablename__ = "contribution_term"

    contribution_id: int = Field(
        foreign_key="contribution.id", primary_key=True, ondelete="CASCADE"
    )
    term_id: int = Field(
        foreign_key="vocab_term.id", primary_key=True, ondelete="CASCADE", index=True
    )
    position: int = 0


class SessionInterestRow(SQLModel, table=True):
    """An interest raised in a session and what was done with it."""

    __tablename__ = "session_interest"

    session_id: int = Field(foreign_key="dialogue_session.id", primary_key=True, ondelete="CASCADE")
    term_id: int = Field(foreign_key="vocab_term.id", primary_key=True, ondelete="CASCADE")
    status: str = Field(default="open", max_length=20)
    answered_by_id: int | None = Field(
        default=None, foreign_key="contribution.id", ondelete="SET NULL"
    )
    updated_at: datetime = Field(sa_type=UtcDateTime)


class CommitmentRow(SQLModel, table=True):
    """The ledger entry of a commitment: owner, due date, done."""

    __tablename__ = "commitment"

    contribution_id: int = Field(
        foreign_key="contribution.id", primary_key=True, ondelete="CASCADE"
    )
    owner: str | None = Field(default=None, max_length=500)
    due_on: date | None = None
    done_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class ThemeRunRow(SQLModel, table=True):
    """One run of the theme engine: when, and what it left unassigned."""

    __tablename__ = "theme_run"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(sa_type=UtcDateTime, index=True)
    all_sessions: bool = False
    contribution_count: int = 0
    method: dict[str, object] = Field(default_factory=dict, sa_type=JSON)
    unassigned: list[int] = Field(default_factory=list, sa_type=JSON)
    fingerprint: str | None = Field(default=None, max_length=64)
    """Of what the engine read: an unchanged fingerprint means unchanged themes."""
    meaning_mean: bytes | None = Field(default=None, sa_type=LargeBinary)
    """The mean meaning vector of what it read, float16 (`store.themes.places`); None: it
    read words alone."""


class ThemeRunSessionRow(SQLModel, table=True):
    """A session a run clustered."""

    __tablename__ = "theme_run_session"

    run_id: int = Field(foreign_key="theme_run.id", primary_key=True, ondelete="CASCADE")
    session_id: int = Field(
        foreign_key="dialogue_session.id", primary_key=True, ondelete="CASCADE", index=True
    )


class ThemeRow(SQLModel, table=True):
    """A theme a run found."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("run_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="theme_run.id", ondelete="CASCADE")
    key: str = Field(max_length=20)
    """The theme's public id (`t` and 8 hex digits, from its members)."""
    position: int
    label: str = Field(sa_type=Text)
    terms: list[str] = Field(default_factory=list, sa_type=JSON)
    cohesion: float


class ThemeMemberRow(SQLModel, table=True):
    """A contribution in a theme, with how typical it is."""

    __tablename__ = "theme_member"

    theme_id: int = Field(foreign_key="theme.id", primary_key=True, ondelete="CASCADE")
    contribution_id: int = Field(
        foreign_key="contribution.id", primary_key=True, ondelete="CASCADE", index=True
    )
    position: int
    similarity: float


class ThemePlaceRow(SQLModel, table=True):
    """Where contributions logged after a run fit: a theme's centre in the meaning space, and
    how near the contributions outside it lie (`core.themes.placement`)."""

    __tablename__ = "theme_place"

    run_id: int = Field(foreign_key="theme_run.id", primary_key=True, ondelete="CASCADE")
    key: str = Field(max_length=20, primary_key=True)
    """A theme of the run, or a curated theme, by public id."""
    centre: bytes = Field(sa_type=LargeBinary)
    """float16, little-endian (`store.themes.meanings.to_bytes`)."""
    outside_mean: float
    outside_spread: float


class ContributionMeaningRow(SQLModel, table=True):
    """A contribution's meaning vector, computed once and kept (`core.themes.meaning`)."""

    __tablename__ = "contribution_meaning"

    contribution_id: int = Field(
        foreign_key="contribution.id", primary_key=True, ondelete="CASCADE"
    )
    key: str = Field(max_length=16)
    """What it was computed from: the model and the text the engine reads (`meaning_key`); a
    vector whose key no longer matches is computed again."""
    vector: bytes = Field(sa_type=LargeBinary)
    """float16, little-endian: half the space of float32, and more precision than the
    similarities the engine compares need."""


class CuratedThemeRow(SQLModel, table=True):
    """A theme the facilitator accepted, named, merged, split, edited or rejected."""

    __tablename__ = "curated_theme"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=20, unique=True)
    """The theme's public id, kept across runs."""
    label: str = Field(sa_type=Text)
    terms: list[str] = Field(default_factory=list, sa_type=JSON)
    name: str | None = Field(default=None, sa_type=Text)
    accepted: bool = False
    rejected: bool = False
    merged_into: str | None = Field(default=None, max_length=20)
    """The key of the theme it was merged into (it then has no members)."""
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class CuratedMemberRow(SQLModel, table=True):
    """A contribution in a curated theme."""

    __tablename__ = "curated_member"

    theme_id: int = Field(foreign_key="curated_theme.id", primary_key=True, ondelete="CASCADE")
    contribution_id: int = Field(
        foreign_key="contribution.id", primary_key=True, ondelete="CASCADE", index=True
    )
    position: int
    similarity: float | None = None
    """To the theme's centre, when last measured (None: placed by hand since)."""


class CuratedExclusionRow(SQLModel, table=True):
    """A contribution taken out of a curated theme: never put back by clustering."""

    __tablename__ = "curated_exclusion"

    theme_id: int = Field(foreign_key="curated_theme.id", primary_key=True, ondelete="CASCADE")
    contribution_id: int = Field(
        foreign_key="contribution.id", primary_key=True, ondelete="CASCADE"
    )


class ThemeActionRow(SQLModel, table=True):
    """One curation action, with the state before it (what undo puts back)."""

    __tablename__ = "theme_action"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcDateTime)
    actor: str = Field(max_length=200)
    kind: str = Field(max_length=20)
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    detail: str = Field(sa_type=Text)
    before: list[dict[str, object]] = Field(default_factory=list, sa_type=JSON)
    """Snapshots of the curated themes it touched, as they were."""
    created: list[str] = Field(default_factory=list, sa_type=JSON)
    """Themes it created (undo deletes them)."""
    undone_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    undoes: int | None = None


class CorrectionRow(SQLModel, table=True):
    """One correction of a participant, phase or session: who made it, when, and what."""

    __tablename__ = "correction"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UtcDateTime)
    actor: str = Field(max_length=200)
    subject: str = Field(max_length=20)
    """participant, phase or session."""
    subject_id: int
    action: str = Field(max_length=40)
    detail: str = Field(sa_type=Text)
    """What changed, as a line a person reads (names, not ids), in every interface language
    (JSON: `core.corrections.recorded_detail`); older records hold one English line."""
