"""The addresses of failed logins are kept no longer than a lock-out lasts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.test import Client

from aandacht.core.tests.helpers import lock_out, post_login

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def purge(*options: str) -> str:
    out = StringIO()
    call_command("purge_login_attempts", *options, stdout=out)
    return out.getvalue()


def stored_addresses() -> set[str | None]:
    return set(AccessAttempt.objects.values_list("ip_address", flat=True))


def test_no_access_log_is_kept_of_failures_logins_or_logouts(client, cast):
    post_login(Client(REMOTE_ADDR="203.0.113.5"), "volunteer_zuid", "wrong")
    post_login(Client(REMOTE_ADDR="203.0.113.6"), "no_such_person", "wrong")
    post_login(client, "volunteer_zuid")
    client.post("/logout/")
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_the_purge_deletes_the_records_whose_lock_out_is_over(
    cast, settings, time_machine
):
    time_machine.move_to(START, tick=False)
    lock_out(Client(REMOTE_ADDR="203.0.113.5"), "volunteer_zuid")
    time_machine.shift(timedelta(minutes=30))
    post_login(Client(REMOTE_ADDR="198.51.100.20"), "supervisor_zuid", "wrong")

    time_machine.move_to(START + settings.AXES_COOLOFF_TIME, tick=False)
    assert purge() == (
        "Deleted 1 expired login failure records, 0 access logs and 0 failure logs.\n"
    )
    assert stored_addresses() == {"198.51.100.20"}

    time_machine.shift(timedelta(minutes=30))
    purge()
    assert stored_addresses() == set()


def test_a_lock_out_ends_when_its_record_is_purged(cast, settings, time_machine):
    time_machine.move_to(START, tick=False)
    stranger = Client(REMOTE_ADDR="203.0.113.5")
    lock_out(stranger, "volunteer_zuid")
    time_machine.shift(settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    purge()
    assert post_login(stranger, "volunteer_zuid").status_code == 429
    time_machine.shift(timedelta(seconds=1))
    purge()
    assert post_login(stranger, "volunteer_zuid").status_code == 302


@pytest.mark.django_db
def test_the_purge_deletes_access_logs_left_from_before(time_machine):
    time_machine.move_to(START, tick=False)
    for model in (AccessLog, AccessFailureLog):
        model.objects.create(
            username="volunteer_zuid",
            ip_address="203.0.113.5",
            user_agent="",
            http_accept="",
            path_info="/login/",
            attempt_time=START,
        )
    assert "Would delete 0 expired login failure records, 1 access logs" in purge(
        "--dry-run"
    )
    assert AccessLog.objects.exists()
    purge()
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()
