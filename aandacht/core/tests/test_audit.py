"""The audit log: never changed, filtered by local days, read in fixed queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from importlib import import_module

import pytest
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aandacht.core import services
from aandacht.core.models import AuditEvent, User
from aandacht.core.roles import Role
from aandacht.core.tests.html import parse
from conftest import PASSWORD, make_user

Action = AuditEvent.Action


@pytest.fixture
def event(cast):
    return services.audit_record(action=Action.LOGIN, actor=cast["volunteer_zuid"])


def assert_unchanged(event) -> None:
    assert AuditEvent.objects.filter(
        pk=event.pk, action=Action.LOGIN, actor_label="volunteer_zuid"
    ).exists()


def test_an_audit_event_cannot_be_saved_again(event):
    event.action = Action.LOGOUT
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.save(update_fields=["action"])
    assert_unchanged(event)


def test_an_audit_event_cannot_be_deleted(event):
    with pytest.raises(PermissionError):
        event.delete()
    assert_unchanged(event)


def test_the_audit_log_cannot_be_updated_in_bulk(event):
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action=Action.LOGOUT)
    event.action = Action.LOGOUT
    with pytest.raises(PermissionError), transaction.atomic():
        AuditEvent.objects.bulk_update([event], ["action"])
    with pytest.raises(PermissionError):
        event.actor.audit_events.update(actor_label="someone else")
    assert_unchanged(event)


def test_the_audit_log_cannot_be_deleted_in_bulk(event):
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        event.actor.audit_events.all().delete()
    assert_unchanged(event)


def test_a_person_with_audit_events_cannot_be_deleted(event):
    with pytest.raises(ProtectedError):
        event.actor.delete()
    assert_unchanged(event)


def shown(client, **filters) -> list[tuple[str, str]]:
    response = client.get("/audit/", filters)
    assert response.status_code == 200
    return [(e.action, e.actor_label) for e in response.context["page"]]


def test_the_log_filters_by_action(client, cast, login):
    services.audit_record(action=Action.LOGOUT, actor=cast["volunteer_zuid"])
    services.audit_record(action=Action.LOGIN_FAILED, actor=cast["partner_zuid"])
    login(cast["admin_zuid"])
    assert shown(client, action="logout") == [(Action.LOGOUT, "volunteer_zuid")]
    assert shown(client, action="login_failed") == [
        (Action.LOGIN_FAILED, "partner_zuid")
    ]


def test_the_log_filters_by_part_of_the_user_name(client, cast, login):
    for name in ("volunteer_zuid", "supervisor_zuid", "partner_zuid"):
        services.audit_record(action=Action.LOGOUT, actor=cast[name])
    login(cast["admin_zuid"])
    assert sorted(shown(client, user="VISOR", action="logout")) == [
        (Action.LOGOUT, "supervisor_zuid")
    ]


def record_at(time_machine, when: datetime, label: str) -> None:
    time_machine.move_to(when, tick=False)
    services.audit_record(action=Action.LOGIN_FAILED, actor_label=label)


@pytest.fixture
def national_admin(db):
    return make_user("national_admin", Role.ADMIN, None)


@pytest.mark.parametrize(
    ("utc_time", "local_day", "local_iso"),
    [
        # Summer time: 23:30 UTC is 01:30 the next day in Amsterdam.
        (
            datetime(2024, 7, 10, 23, 30, tzinfo=UTC),
            "2024-07-11",
            "2024-07-11T01:30:00+02:00",
        ),
        # Summer time: 21:59 UTC is still the same evening.
        (
            datetime(2024, 7, 10, 21, 59, tzinfo=UTC),
            "2024-07-10",
            "2024-07-10T23:59:00+02:00",
        ),
        # Winter time: 23:30 UTC is 00:30 the next day.
        (
            datetime(2024, 1, 10, 23, 30, tzinfo=UTC),
            "2024-01-11",
            "2024-01-11T00:30:00+01:00",
        ),
    ],
)
def test_the_date_filter_uses_local_days(
    client, login, national_admin, time_machine, utc_time, local_day, local_iso
):
    record_at(time_machine, utc_time, "night_shift")
    time_machine.move_to(datetime(2024, 8, 1, 12, 0, tzinfo=UTC), tick=False)
    login(national_admin)

    on_the_day = client.get("/audit/", {"date_from": local_day, "date_to": local_day})
    assert [e.actor_label for e in on_the_day.context["page"]] == ["night_shift"]
    assert f'datetime="{local_iso}"' in on_the_day.content.decode()
    day = date.fromisoformat(local_day)
    for other_day in (day - timedelta(days=1), day + timedelta(days=1)):
        assert shown(client, date_from=other_day, date_to=other_day) == []


def test_the_date_range_includes_both_days(client, login, national_admin, time_machine):
    for day in (9, 10, 11, 12, 13):
        record_at(time_machine, datetime(2024, 7, day, 10, 0, tzinfo=UTC), f"day{day}")
    time_machine.move_to(datetime(2024, 8, 1, 12, 0, tzinfo=UTC), tick=False)
    login(national_admin)
    labels = [
        label
        for _action, label in shown(
            client, date_from="2024-07-10", date_to="2024-07-12", action="login_failed"
        )
    ]
    assert labels == ["day12", "day11", "day10"]


def test_a_start_after_the_end_is_explained(english, cast, login):
    client = english
    login(cast["admin_zuid"])
    response = client.get(
        "/audit/", {"date_from": "2024-07-12", "date_to": "2024-07-10"}
    )
    assert response.status_code == 200
    alert = parse(response.content).find("div", class_="form-errors", role="alert")
    assert alert.text == "The start date is after the end date."


def test_a_start_after_the_end_is_explained_in_the_htmx_update(english, cast, login):
    client = english
    login(cast["admin_zuid"])
    response = client.get(
        "/audit/",
        {"date_from": "2024-07-12", "date_to": "2024-07-10"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert "The start date is after the end date." in response.content.decode()


def test_the_admin_site_offers_no_change_or_delete_of_audit_events(
    client, cast, login, event
):
    superuser = User.objects.create_superuser("root", password="a long password")
    login(superuser)
    changelist = client.get(reverse("admin:core_auditevent_changelist"))
    assert changelist.status_code == 200
    assert 'value="delete_selected"' not in changelist.content.decode()
    change_url = reverse("admin:core_auditevent_change", args=[event.pk])
    assert client.get(change_url).status_code == 200  # readable
    assert client.post(change_url, {"action": "logout"}).status_code == 403
    delete_url = reverse("admin:core_auditevent_delete", args=[event.pk])
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:core_auditevent_add")).status_code == 403
    assert_unchanged(event)


def audit_page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/audit/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("admin", ["admin_zuid", "national_admin"])
def test_the_audit_log_page_runs_the_same_queries_for_5_or_60_events(
    client, cast, login, national_admin, admin
):
    login(national_admin if admin == "national_admin" else cast[admin])

    def add(count):
        for number in range(count):
            region = cast.zuid if number % 2 else None
            services.audit_record(
                action=Action.VIEWED, actor=cast["volunteer_zuid"], region=region
            )

    add(5)
    few = audit_page_queries(client)
    add(55)
    assert audit_page_queries(client) == few


@pytest.mark.parametrize(
    ("behind_proxy", "recorded"), [(False, "127.0.0.1"), (True, "198.51.100.7")]
)
def test_the_address_recorded_is_the_one_the_server_or_its_proxy_saw(
    client, cast, settings, behind_proxy, recorded
):
    """Only the proxy's own entry counts; the rest of the header is the client's."""
    settings.BEHIND_PROXY = behind_proxy
    client.post(
        "/login/",
        {"username": "volunteer_zuid", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7",
    )
    event = AuditEvent.objects.get(action=Action.LOGIN)
    assert event.ip_address == recorded


def test_an_unknown_user_name_is_shown_as_unknown(english, login, national_admin):
    english.post("/login/", {"username": "Zomer2024!geheim", "password": "guess"})
    login(national_admin)
    page = english.get("/audit/", {"action": "login_failed"}).content.decode()
    assert "(unknown user)" in page
    assert "Zomer2024" not in page


def test_the_migration_forgets_the_unknown_user_names_kept_before(cast, settings):
    """Failed logins recorded before the fix still hold what was typed."""
    migration = import_module("aandacht.core.migrations.0007_unknown_user_names")
    for label in ("Zomer2024!geheim", ""):
        services.audit_record(action=Action.LOGIN_FAILED, actor_label=label)
    services.audit_record(action=Action.LOCKED_OUT, actor_label="Zomer2024!geheim")
    known = cast["volunteer_zuid"]
    services.audit_record(action=Action.LOGIN_FAILED, actor=known)
    services.audit_record(action=Action.UNLOCKED, actor_label="kept as it is")

    settings.MIGRATION_MODULES = {}  # the tests' database is made without them
    state = MigrationLoader(connection).project_state(
        ("core", "0007_unknown_user_names")
    )
    migration.forget_unknown_user_names(state.apps, None)

    assert sorted(AuditEvent.objects.values_list("action", "actor_label")) == sorted(
        [
            (Action.LOGIN_FAILED, AuditEvent.UNKNOWN_USER),
            (Action.LOGIN_FAILED, ""),
            (Action.LOCKED_OUT, AuditEvent.UNKNOWN_USER),
            (Action.LOGIN_FAILED, "volunteer_zuid"),
            (Action.UNLOCKED, "kept as it is"),
        ]
    )
