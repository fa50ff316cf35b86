"""The demo requests: numbers that reach nobody, some done, seeded once."""

from __future__ import annotations

from aandacht.callbacks import crypto
from aandacht.callbacks.demo import REQUESTS, UNALLOCATED_PREFIX, seed_callbacks
from aandacht.callbacks.models import CallbackRequest


def test_demo_requests_use_unallocated_numbers_and_seed_once(cast):
    regions = [cast.zuid, cast.noord]
    specialist = cast["vraagwijzer_zuid"]
    seed_callbacks(regions, cast["volunteer_zuid"], specialist)
    seed_callbacks(regions, cast["volunteer_zuid"], specialist)
    requests = CallbackRequest.objects.all()
    assert requests.count() == 2 * len(REQUESTS)
    done = requests.filter(status="done")
    assert done.count() == 2 * sum(1 for demo in REQUESTS if demo.outcome)
    assert all(callback.number_token == "" for callback in done)
    for callback in requests.exclude(status="done"):
        assert crypto.decrypt_number(callback.number_token).startswith(
            UNALLOCATED_PREFIX
        )


def test_seed_demo_adds_requests_to_every_demo_region(db, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.DEMO = True
    call_command("seed_demo", "--contacts=0", stdout=StringIO())
    regions = CallbackRequest.objects.values_list("region__code", flat=True)
    assert set(regions) == {"zhzm", "utrecht", "noord"}


def test_without_a_key_the_demo_has_no_requests_and_no_error(db, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.DEMO = True
    settings.CALLBACK_KEYS = []
    call_command("seed_demo", "--contacts=0", stdout=StringIO())
    assert not CallbackRequest.objects.exists()
