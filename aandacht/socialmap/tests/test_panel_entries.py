"""Referrals as they travel in an unsaved report: '<service id>|<time>'."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from aandacht.socialmap.panel.entries import ReferralEntry, parse_entries, toggle

NOW = datetime(2026, 11, 27, 22, 15, tzinfo=UTC)
A, B = uuid.uuid4(), uuid.uuid4()


def test_an_entry_survives_its_text_form() -> None:
    entry = ReferralEntry(A, NOW)
    assert parse_entries([entry.value]) == ([entry], [])


def test_unreadable_and_naive_values_are_reported_not_guessed() -> None:
    entries, unreadable = parse_entries(
        ["not-a-uuid|2026-11-27T22:15:00+00:00", f"{A}|2026-11-27T22:15:00", f"{B}"]
    )
    assert entries == []
    assert len(unreadable) == 3


def test_one_service_counts_once_with_its_first_time() -> None:
    first, later = ReferralEntry(A, NOW), ReferralEntry(A, NOW + timedelta(minutes=5))
    assert parse_entries([first.value, later.value])[0] == [first]


def test_toggle_adds_with_the_time_then_removes() -> None:
    added = toggle([ReferralEntry(A, NOW)], B, NOW + timedelta(minutes=1))
    assert [e.service_id for e in added] == [A, B]
    assert added[1].chosen_at == NOW + timedelta(minutes=1)
    assert [e.service_id for e in toggle(added, A, NOW)] == [B]
