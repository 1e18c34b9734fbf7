"""The curation actions as pure functions: what each does to the themes it touches."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from dialoog_tui.core.themes.curation import (
    CuratedTheme,
    Proposal,
    accept,
    adopt,
    merge,
    move,
    named,
    reject,
    remove,
    rename,
    split,
    theme_holding,
)
from dialoog_tui.core.themes.refusals import CurationError

PARKING = CuratedTheme("tpark", "parkeren · auto", ("parkeren", "auto"), members=(1, 2, 3, 4))
TREES = CuratedTheme("tboom", "bomen · groen", ("bomen",), members=(5, 6, 7), accepted=True)


def test_a_proposal_is_adopted_unchanged() -> None:
    proposal = Proposal("tx", "label", ("a", "b"), (3, 1, 2), (0.9, 0.8, 0.7))
    theme = adopt(proposal)
    assert (theme.id, theme.label, theme.members) == ("tx", "label", (3, 1, 2))
    assert not theme.accepted and theme.name is None
    assert theme.cohesion == pytest.approx(0.8)


def test_accept_rename_and_reject() -> None:
    accepted = accept(PARKING).changed[0]
    assert accepted.accepted and accepted.members == PARKING.members
    renamed = rename(accepted, "  Parkeren   in de wijk ").changed[0]
    assert renamed.name == "Parkeren in de wijk" and renamed.title == "Parkeren in de wijk"
    assert rename(renamed, "   ").changed[0].name is None  # back to the label
    rejected = reject(renamed).changed[0]
    assert rejected.rejected and not rejected.accepted


def test_merge_keeps_the_accepted_theme_and_all_members() -> None:
    outcome = merge([PARKING, TREES])
    merged, gone = outcome.changed
    assert outcome.result == "tboom"  # the accepted one survives, though given second
    assert gone.id == "tpark" and gone.merged_into == "tboom"  # kept as a marker
    assert gone.members == () and not gone.active
    assert merged.active and merged.members == (5, 6, 7, 1, 2, 3, 4)
    assert merged.accepted
    assert outcome.relabel == ("tboom",)


def test_what_was_taken_out_of_a_merged_theme_stays_out_of_the_whole() -> None:
    parking = replace(PARKING, excluded=frozenset({8}))
    trees = replace(TREES, excluded=frozenset({9, 1}))  # 1 is back in, through parking
    merged = merge([parking, trees]).changed[0]
    assert merged.excluded == {8, 9}


def test_merge_without_an_accepted_theme_keeps_the_first_and_a_name() -> None:
    named = CuratedTheme("tn", "x", name="Verkeer", members=(9,))
    outcome = merge([PARKING, named])
    assert outcome.result == "tpark"
    assert outcome.changed[0].name == "Verkeer"
    with pytest.raises(CurationError):
        merge([PARKING, PARKING])


def test_split_makes_a_new_theme_and_keeps_them_out_of_the_old() -> None:
    outcome = split(PARKING, [3, 1], taken={"tpark"})
    rest, new = outcome.changed
    assert new.members == (1, 3)  # in the theme's order
    assert outcome.result == new.id != "tpark"
    assert rest.members == (2, 4)
    assert rest.excluded == {1, 3}
    with pytest.raises(CurationError, match="not in theme"):
        split(PARKING, [9], taken=set())
    with pytest.raises(CurationError, match="empty"):
        split(PARKING, [1, 2, 3, 4], taken=set())


def test_split_never_reuses_an_id_in_use() -> None:
    first = split(PARKING, [1], taken=set()).result
    second = split(PARKING, [1], taken={first or ""}).result
    assert first and second and first != second


def test_move_takes_it_out_of_the_source_for_good() -> None:
    outcome = move(2, PARKING, TREES)
    source, target = outcome.changed
    assert 2 not in source.members and 2 in source.excluded
    assert target.members[-1] == 2 and 2 not in target.excluded
    with pytest.raises(CurationError, match="already"):
        move(2, TREES, TREES)
    (only_target,) = move(8, None, TREES).changed  # from no theme
    assert 8 in only_target.members


def test_moving_back_lifts_the_exclusion() -> None:
    _, trees = move(2, PARKING, TREES).changed
    parking = remove(PARKING, 2).changed[0]
    back = move(2, trees, parking).changed[1]
    assert 2 in back.members and 2 not in back.excluded


def test_remove_keeps_it_out_and_refuses_the_last_member() -> None:
    (left,) = remove(PARKING, 4).changed
    assert left.members == (1, 2, 3) and 4 in left.excluded
    with pytest.raises(CurationError, match="not in theme"):
        remove(PARKING, 9)
    with pytest.raises(CurationError, match="reject"):
        remove(CuratedTheme("t1", "x", members=(1,)), 1)


def test_the_theme_holding_a_contribution() -> None:
    themes = {
        "tpark": PARKING,
        "tboom": TREES,
        "tgone": CuratedTheme("tgone", "x", members=(1,), rejected=True),
    }
    assert theme_holding(6, themes) == TREES
    assert theme_holding(1, themes) == PARKING  # a rejected theme holds nothing
    assert theme_holding(99, themes) is None


def test_only_contributions_stored_since_a_theme_changed_may_join_it() -> None:
    """The same data three times; only when the curated theme last changed differs."""
    from datetime import UTC, datetime, timedelta

    from dialoog_tui.core.themes.run import find_themes
    from dialoog_tui.core.themes.types import ThemeInput

    from .themes_fixtures import DUTCH

    stored = datetime(2026, 3, 12, 19, tzinfo=UTC)
    texts = [text for topic in DUTCH.values() for text in topic]
    inputs = [ThemeInput(n, 1 + n % 2, text, created_at=stored) for n, text in enumerate(texts)]
    parking = tuple(n for n, text in enumerate(texts) if text in DUTCH["parkeren"][:6])
    others = [t for t in inputs if t.contribution_id not in parking]

    def joined(changed_at: datetime | None) -> set[int]:
        theme = CuratedTheme("tparkeren", "parkeren", accepted=True, members=parking)
        found = find_themes(inputs, curated=[replace(theme, changed_at=changed_at)])
        return set(found.curated[0].members) - set(parking)

    anytime = joined(None)
    assert anytime and anytime <= {t.contribution_id for t in others}, "the rest of parking fits"
    assert joined(stored - timedelta(minutes=1)) == anytime  # stored since: they may join
    assert joined(stored + timedelta(minutes=1)) == set()  # there when it changed: they stay out


def test_the_history_says_contributions_by_number_and_session_not_by_id() -> None:
    names = {103: (3, "Plein"), 107: (1, "Plein"), 260: (5, "Markt")}
    assert named([103, 107, 260], names) == "#3, #1 (Plein); #5 (Markt)"
    assert named([12, 15]) == "12, 15"  # unknown: the ids as typed, with no '#' of a number
    detail = move(2, PARKING, TREES, {2: (7, "Plein")}).detail
    assert detail.startswith("#7 (Plein): ")
