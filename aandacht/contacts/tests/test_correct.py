"""Corrections: the volunteer for 24 hours, supervisors later; no silent overwrite."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from aandacht.core.models import AuditEvent

from .conftest import make_contact

pytestmark = pytest.mark.django_db


def correction(contact, **changes) -> dict[str, object]:
    local = timezone.localtime
    data = {
        "channel": contact.channel,
        "line_language": contact.line_language,
        "started_at": local(contact.started_at).strftime("%Y-%m-%dT%H:%M"),
        "ended_at": local(contact.ended_at).strftime("%Y-%m-%dT%H:%M"),
        "gender": "unknown",
        "age_band": "unknown",
        "living_situation": "unknown",
        "transfer": "none",
        "loneliness": contact.loneliness,
        "loneliness_kind": contact.loneliness_kind,
        "summary": contact.summary,
        "version": contact.version,
    }
    data.update(changes)
    return data


def test_the_volunteer_corrects_a_report_within_a_day(client, cast, lists, login):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    login(cast["volunteer_zuid"])
    url = reverse("contact_edit", args=[contact.pk])
    response = client.post(url, correction(contact, loneliness="about"))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.loneliness, contact.version) == ("about", 2)


def test_after_a_day_only_a_supervisor_corrects(client, cast, lists, login):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    url = reverse("contact_edit", args=[contact.pk])
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        login(cast["volunteer_zuid"])
        assert client.get(url).status_code == 403
        client.logout()
        login(cast["supervisor_zuid"])
        response = client.post(url, correction(contact, crisis="on"))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.crisis
    assert AuditEvent.objects.filter(action="contact_changed").count() == 1


def test_two_editors_never_overwrite_each_other_silently(client, cast, lists, login):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    stale = correction(contact, summary="Eerste versie van de correctie.")
    login(cast["supervisor_zuid"])
    url = reverse("contact_edit", args=[contact.pk])
    client.post(url, correction(contact, summary="De begeleider was eerst."))

    client.logout()
    login(cast["volunteer_zuid"])
    response = client.post(url, stale)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Eerste versie van de correctie." in page
    assert 'class="form-errors"' in page
    contact.refresh_from_db()
    assert contact.summary == "De begeleider was eerst."
