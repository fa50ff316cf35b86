"""Call-back requests in Chromium: a volunteer leaves one, the Vraagwijzer
specialist shows the number, calls back, marks it done, and the number is
gone from the database."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from aandacht.callbacks import services
from aandacht.callbacks.models import CallbackRequest
from aandacht.core.models import AuditEvent
from aandacht.core.roles import Role
from conftest import make_user

from .conftest import htmx_ready, log_in

pytestmark = pytest.mark.django_db(transaction=True)
QUESTION = "Zoekt een wandelgroep voor ouderen in de buurt."


@pytest.fixture(autouse=True)
def callback_key(settings) -> None:
    """The live server reads the same settings: one key for the whole test."""
    settings.CALLBACK_KEYS = [Fernet.generate_key().decode()]


def test_a_volunteer_leaves_a_call_back_request(
    page: Page, live_server, region, english, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    log_in(page, live_server.url, "sanne")
    page.get_by_role("link", name="Leave a call-back request").click()
    page.get_by_label("The caller's question").fill(QUESTION)
    page.get_by_label("Phone number to call back").fill("06 1234")
    page.get_by_role("button", name="Save call-back request").click()

    expect(page.get_by_text("A Dutch phone number has ten digits")).to_be_visible()
    expect(page.get_by_label("The caller's question")).to_have_value(QUESTION)
    page.get_by_label("Phone number to call back").fill("06 1234 5678")
    page.get_by_label("Preferred time").select_option("morning")
    page.get_by_role("button", name="Save call-back request").click()

    expect(page.get_by_text("The call-back request is saved")).to_be_visible()
    expect(page.get_by_text("the Vraagwijzer calls back on")).to_be_visible()
    assert "5678" not in page.content()
    callback = CallbackRequest.objects.get()
    assert callback.preferred_time == "morning"
    assert callback.has_number


def test_the_specialist_shows_the_number_and_it_is_gone_once_done(
    page: Page, live_server, region, english, csp_violations
):
    volunteer = make_user("sanne", Role.VOLUNTEER, region)
    specialist = make_user("ingrid", Role.VRAAGWIJZER, region)
    device = TOTPDevice.objects.create(user=specialist, name="app", confirmed=True)
    callback = services.callback_record(
        region=region,
        actor=volunteer,
        question=QUESTION,
        number="+31 6 1234 5678",
        now=timezone.now() - timedelta(days=4),
    )

    log_in(page, live_server.url, "ingrid")
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label(re.compile("Six-digit code")).fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    page.locator("nav.main-nav").get_by_role("link", name="Call-back requests").click()
    row = page.get_by_role("row").filter(has_text="wandelgroep")
    expect(row.get_by_text("Overdue")).to_be_visible()
    assert "5678" not in page.content()
    row.get_by_role("link").click()
    htmx_ready(page)

    page.get_by_role("button", name="Show number").click()
    expect(page.get_by_role("link", name="06 1234 5678")).to_be_visible()
    assert AuditEvent.objects.filter(action=services.NUMBER_SHOWN).count() == 1

    page.get_by_label("Outcome").fill("Teruggebeld; twee wandelgroepen genoemd.")
    page.get_by_role("button", name="Mark done and erase the number").click()
    expect(
        page.get_by_text("The request is done and the phone number is erased")
    ).to_be_visible()
    expect(page.get_by_text("No open requests.")).to_be_visible()

    callback.refresh_from_db()
    assert callback.status == CallbackRequest.Status.DONE
    assert callback.number_token == ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT number_token FROM callbacks_callbackrequest WHERE id = %s",
            [callback.pk],
        )
        assert cursor.fetchone() == ("",)
