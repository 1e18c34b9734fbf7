"""The ladder as JSON (`dialoog ladder --json`), through the consent gate: it may be shared.

The store already reads the ladder through the gate; reading it through once more here (the
gate changes nothing the second time) means a report built some other way cannot leak."""

from __future__ import annotations

from typing import Any

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import share, shareable, shareable_commitments
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.ladder_report import InterestState, LadderItem, LadderReport

SCHEMA = "dialoog.ladder"
SCHEMA_VERSION = 3


def shareable_item(item: LadderItem) -> dict[str, Any]:
    """A contribution of the ladder through the consent gate: no name if anonymous; for a
    paraphrase-only one the note-taker's paraphrase, never the words. Off the record it
    has no place here at all."""
    shown = share(item)
    if shown is None:
        raise ValueError("an off-the-record contribution cannot be shared")
    item = shown
    paraphrased = item.consent is Consent.PARAPHRASE
    return {
        "id": item.contribution_id,
        "session_id": item.session_id,
        "seq": item.seq,
        "kind": item.kind.value,
        "speaker": item.speaker,
        "domain": item.domain,
        "consent": item.consent.value,
        "text": None if paraphrased else item.text,
        "paraphrase": (item.text or None) if paraphrased else None,
        "interests": list(item.interests),
        "values": list(item.values),
        "condition": item.condition,
    }


def _interest(state: InterestState) -> dict[str, Any]:
    return {
        "interest": state.interest,
        "session_id": state.session_id,
        "session": state.session_title,
        "status": state.status.value,
        "answered_by": state.answered_by_id,
        "contributions": list(state.raised_by),
    }


def _commitment(item: LadderItem, entry: Commitment) -> dict[str, Any]:
    return {
        "contribution": shareable_item(item),
        "owner": entry.owner,
        "due": entry.due_on.isoformat() if entry.due_on else None,
        "done": entry.done_at is not None,
    }


def ladder_to_json(report: LadderReport) -> dict[str, Any]:
    """The report as a JSON-ready dict (documented in docs/ladder-json.md)."""
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "sessions": [{"id": sid, "title": title} for sid, title in report.sessions],
        "values": [
            {
                "value": count.value,
                "under_resistance": count.under_resistance,
                "by_domain": {(domain or ""): n for domain, n in count.by_domain.items()},
                "overall": count.overall,
            }
            for count in report.values
        ],
        "interests": [_interest(state) for state in report.interests],
        "open_interests": [_interest(state) for state in report.open_interests],
        "bridging": [
            {
                "interest": bridge.interest,
                "domains": {"resisting": bridge.domains[0], "supporting": bridge.domains[1]},
                "resisting": [shareable_item(item) for item in shareable(bridge.resisting)],
                "supporting": [shareable_item(item) for item in shareable(bridge.supporting)],
            }
            for bridge in report.bridging
        ],
        "commitments": [
            _commitment(item, entry) for item, entry in shareable_commitments(report.commitments)
        ],
    }
