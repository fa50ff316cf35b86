"""Profiles in a call and for supervisors: attach, banner, edit, merge, purge."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from aandacht.callers import selectors, services
from aandacht.callers.models import CallerProfile
from aandacht.contacts.models import Contact
from aandacht.contacts.tests.conftest import make_contact
from aandacht.contacts.tests.test_register import open_new_report, typical_report
from aandacht.core.models import AuditEvent, Region

from .conftest import make_profile

pytestmark = pytest.mark.django_db
NOON = datetime(2027, 1, 12, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_texts_are_scrubbed_before_they_are_stored(cast):
    profile = make_profile(
        cast.zuid,
        cast["supervisor_zuid"],
        cues="Heet Johan Visser, belt van 06-12345678.",
    )
    assert "Visser" not in profile.cues
    assert "12345678" not in profile.cues


def test_the_lookup_finds_by_alias_or_cue_in_the_region_best_first(cast):
    supervisor = cast["supervisor_zuid"]
    poet = make_profile(cast.zuid, supervisor, alias="de dichter")
    make_profile(cast.zuid, supervisor, alias="de tuinman", cues="Praat over dichters.")
    make_profile(cast.noord, cast["supervisor_noord"], alias="de dichteres")

    found = selectors.lookup(cast.zuid, "dich")

    assert [p.alias for p in found] == ["de dichter", "de tuinman"]
    assert selectors.lookup(cast.zuid, "duiven") == []
    assert selectors.lookup(cast.zuid, "d") == []  # too short to mean anything
    assert found[0] == poet


def test_a_volunteer_attaches_a_profile_and_the_report_follows(
    client, cast, lists, login
):
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)

    client.post(
        reverse("contact_draft", args=[draft.key]),
        typical_report(draft, caller_profile=profile.pk),
    )

    contact = Contact.objects.get()
    assert contact.caller_profile == profile
    assert contact.regular_caller is True
    profile.refresh_from_db()
    assert profile.last_contact_at == contact.started_at


def test_another_regions_profile_cannot_be_attached(client, cast, lists, login):
    elsewhere = make_profile(cast.noord, cast["supervisor_noord"])
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)

    response = client.post(
        reverse("contact_draft", args=[draft.key]),
        typical_report(draft, caller_profile=elsewhere.pk),
    )

    assert response.status_code == 200  # the form again, with everything typed
    assert not Contact.objects.exists()


def test_the_banner_shows_approach_and_limit_but_never_consultation_notes(
    client, cast, lists, login, time_machine
):
    time_machine.move_to(NOON)  # the earlier contact falls on the same day
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    services.limit_set(
        profile=profile,
        actor=cast["supervisor_zuid"],
        per_day=1,
        reason="Te vaak.",
        words="We spraken één gesprek per dag af.",
    )
    make_contact(cast["volunteer_zuid"], cast.zuid, caller_profile=profile)
    login(cast["volunteer_zuid"])

    response = client.get(
        reverse("caller_banner", args=["zuid"]), {"profile": profile.pk}
    )

    page = response.content.decode()
    assert "Laat hem eerst zijn gedicht voorlezen." in page
    assert "We spraken één gesprek per dag af." in page
    assert 'role="alert"' in page
    assert "consulent" not in page
    assert response["HX-Trigger"] == "caller-attached"
    assert 'name="caller_profile"' in page


def test_detaching_unticks_the_regular_caller_box(client, cast, login):
    login(cast["volunteer_zuid"])
    page = client.get(reverse("caller_banner", args=["zuid"])).content.decode()
    assert 'name="caller_profile"' not in page
    assert 'id="id_regular_caller"' in page
    assert "checked" not in page


def test_every_staff_view_and_change_is_audited(client, cast, login):
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    login(cast["supervisor_zuid"])

    client.get(reverse("profile_detail", args=[profile.pk]))
    client.post(
        reverse("profile_edit", args=[profile.pk]),
        {
            "alias": "de dichter",
            "gender": "male",
            "age_band": "65-79",
            "version": profile.version,
        },
    )

    actions = list(
        AuditEvent.objects.filter(
            object_type="callers.callerprofile", object_id=str(profile.pk)
        ).values_list("action", flat=True)
    )
    assert actions.count(AuditEvent.Action.VIEWED) >= 1
    assert actions.count(AuditEvent.Action.PROFILE_CHANGED) == 2  # created, changed


def test_two_supervisors_never_overwrite_each_other_silently(client, cast, login):
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    opened = profile.version
    services.profile_update(
        profile=profile,
        actor=cast["supervisor_zuid"],
        version=opened,
        approach="Eerst het gedicht, dan de vraag.",
    )
    login(cast["supervisor_zuid"])

    response = client.post(
        reverse("profile_edit", args=[profile.pk]),
        {
            "alias": "de dichter",
            "approach": "Mijn eigen versie.",
            "gender": "unknown",
            "age_band": "unknown",
            "version": opened,
        },
    )

    assert response.status_code == 200
    assert "Mijn eigen versie." in response.content.decode()
    profile.refresh_from_db()
    assert profile.approach == "Eerst het gedicht, dan de vraag."


def test_merging_moves_the_contacts_and_closes_the_source(client, cast, lists, login):
    supervisor = cast["supervisor_zuid"]
    keep = make_profile(cast.zuid, supervisor, alias="de dichter")
    twin = make_profile(cast.zuid, supervisor, alias="de schrijver")
    make_contact(cast["volunteer_zuid"], cast.zuid, caller_profile=twin)
    login(supervisor)

    client.post(
        reverse("profile_merge", args=[twin.pk]), {"target": keep.pk, "confirm": "on"}
    )

    twin.refresh_from_db()
    assert twin.status == CallerProfile.Status.MERGED
    assert twin.merged_into == keep
    assert Contact.objects.get().caller_profile == keep
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PROFILE_CHANGED, detail__change="merged"
    ).exists()


def test_quiet_profiles_go_dormant_and_old_dormant_ones_lose_their_text(cast, lists):
    supervisor = cast["supervisor_zuid"]
    quiet = make_profile(cast.zuid, supervisor, alias="de stille")
    old = make_profile(cast.zuid, supervisor, alias="de oude")
    recent = make_profile(cast.zuid, supervisor, alias="de vaste")
    now = timezone.now()
    CallerProfile.objects.filter(pk=quiet.pk).update(
        last_contact_at=now - timedelta(days=200)
    )
    CallerProfile.objects.filter(pk=old.pk).update(
        last_contact_at=now - timedelta(days=800)
    )
    make_contact(cast["volunteer_zuid"], cast.zuid, caller_profile=old)
    CallerProfile.objects.filter(pk=old.pk).update(
        last_contact_at=now - timedelta(days=800)
    )
    CallerProfile.objects.filter(pk=recent.pk).update(last_contact_at=now)

    dry = StringIO()
    call_command("purge_profiles", "--dry-run", stdout=dry)
    assert "Would mark 2 profiles dormant and erase 1" in dry.getvalue()
    assert CallerProfile.objects.get(pk=quiet.pk).status == "active"

    call_command("purge_profiles", stdout=StringIO())

    statuses = dict(CallerProfile.objects.values_list("alias", "status"))
    assert statuses["de stille"] == "dormant"
    assert statuses["de vaste"] == "active"
    erased = CallerProfile.objects.get(pk=old.pk)
    assert (erased.status, erased.alias, erased.cues) == ("erased", "", "")
    assert erased.contacts.count() == 1  # the counts stay


def test_the_statistics_feed_counts_regular_callers_and_limit_events(
    cast, lists, time_machine
):
    time_machine.move_to(NOON)  # both contacts of the profile fall on one day
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    services.limit_set(
        profile=profile,
        actor=cast["supervisor_zuid"],
        per_day=1,
        reason="Te vaak.",
        words="Eén per dag.",
    )
    volunteer = cast["volunteer_zuid"]
    make_contact(volunteer, cast.zuid, caller_profile=profile)
    make_contact(volunteer, cast.zuid, caller_profile=profile)
    make_contact(volunteer, cast.zuid)
    make_contact(volunteer, cast.zuid, regular_caller=True)
    now = timezone.now()

    stats = selectors.regular_caller_stats(
        Region.objects.filter(pk=cast.zuid.pk),
        now - timedelta(days=1),
        now + timedelta(days=1),
    )

    assert (stats["total"], stats["linked"], stats["ticked"]) == (4, 2, 3)
    assert stats["linked_share"] == 0.5
    assert stats["limit_reached_events"] == 1
