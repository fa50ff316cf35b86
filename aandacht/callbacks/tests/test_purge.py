"""`manage.py purge_callbacks`: numbers gone after seven days, counts only."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from aandacht.callbacks import services
from aandacht.callbacks.models import CallbackRequest

from .conftest import make_request


def purge(*args: str) -> str:
    out = StringIO()
    call_command("purge_callbacks", *args, stdout=out)
    return out.getvalue()


def old_and_new(cast) -> tuple[CallbackRequest, CallbackRequest]:
    now = timezone.now()
    author = cast["volunteer_zuid"]
    old = make_request(cast.zuid, author, now=now - timedelta(days=7, minutes=1))
    new = make_request(cast.zuid, author, now=now - timedelta(days=6, hours=23))
    done = make_request(cast.zuid, author, now=now - timedelta(days=10))
    services.callback_done(callback=done, actor=cast["vraagwijzer_zuid"], outcome="")
    return old, new


def test_a_dry_run_counts_and_erases_nothing(cast):
    old, _new = old_and_new(cast)
    output = purge("--dry-run")
    assert (
        output == "Would erase 1 numbers (1 older than 7 days, 0 of done requests).\n"
    )
    old.refresh_from_db()
    assert old.number_token != ""


def test_the_purge_erases_numbers_older_than_seven_days_and_prints_counts(cast):
    old, new = old_and_new(cast)
    output = purge()
    assert output == "Erased 1 numbers (1 older than 7 days, 0 of done requests).\n"
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.number_token == ""
    assert old.number_erased_at is not None
    assert old.question  # the question stays for the statistics
    assert new.number_token != ""
    assert purge() == "Erased 0 numbers (0 older than 7 days, 0 of done requests).\n"
