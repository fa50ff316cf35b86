"""Abandoned drafts are deleted after the retention period; recent ones stay."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aandacht.contacts.models import ContactDraft
from aandacht.contacts.services import draft_start


def draft_untouched_for(cast, days: float) -> ContactDraft:
    draft = draft_start(volunteer=cast["volunteer_zuid"], region=cast.zuid)
    draft.updated_at = timezone.now() - timedelta(days=days)
    draft.save(update_fields=["updated_at"])
    return draft


def run(*args: str) -> str:
    out = StringIO()
    call_command("purge_drafts", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_drafts_past_retention_are_deleted_and_recent_ones_kept(cast, settings):
    settings.DRAFT_RETENTION_DAYS = 14
    old = draft_untouched_for(cast, 15)
    recent = draft_untouched_for(cast, 13)

    output = run()

    assert "Deleted 1 drafts" in output
    assert not ContactDraft.objects.filter(key=old.key).exists()
    assert ContactDraft.objects.filter(key=recent.key).exists()


@pytest.mark.django_db
def test_dry_run_counts_without_deleting(cast):
    old = draft_untouched_for(cast, 40)

    output = run("--dry-run", "--days", "30")

    assert "Would delete 1 drafts" in output
    assert ContactDraft.objects.filter(key=old.key).exists()


@pytest.mark.django_db
def test_a_retention_below_one_day_is_refused(cast):
    draft_untouched_for(cast, 2)
    with pytest.raises(CommandError, match="at least 1"):
        run("--days", "0")
    assert ContactDraft.objects.count() == 1
