"""Regions a role covers, and whose audit events an administrator reads."""

from __future__ import annotations

import pytest

from aandacht.core import services
from aandacht.core.access import regions_for
from aandacht.core.models import AuditEvent
from aandacht.core.roles import Role
from conftest import make_user

Action = AuditEvent.Action


def test_a_national_role_covers_every_region(cast):
    assert set(regions_for(cast["national"], {Role.COORDINATOR})) == {
        cast.zuid,
        cast.noord,
    }


def test_a_regional_role_covers_its_own_region_only(cast):
    assert list(regions_for(cast["coordinator_zuid"], {Role.COORDINATOR})) == [
        cast.zuid
    ]


def test_regions_count_only_the_roles_asked_for(cast):
    user = cast["volunteer_noord"]
    services.role_grant(user=user, role=Role.SUPERVISOR, region=cast.zuid)
    assert list(regions_for(user, {Role.SUPERVISOR})) == [cast.zuid]
    assert set(regions_for(user, Role.values)) == {cast.zuid, cast.noord}
    assert list(regions_for(user, {Role.ADMIN})) == []
    assert list(regions_for(cast["nobody"], Role.values)) == []


@pytest.fixture
def events(cast):
    """A login of a member of each region, and a view of data in each region."""
    for name in ("volunteer_zuid", "volunteer_noord", "national"):
        services.audit_record(action=Action.LOGIN, actor=cast[name])
    services.audit_record(action=Action.LOGIN_FAILED, actor_label="stranger")
    for name, region in (("national", cast.zuid), ("national", cast.noord)):
        services.audit_record(action=Action.VIEWED, actor=cast[name], region=region)


def seen(client) -> set[tuple[str, str, str]]:
    response = client.get("/audit/")
    assert response.status_code == 200
    return {
        (event.action, event.actor_label, event.region.code if event.region else "")
        for event in response.context["page"]
    }


def test_a_regional_admin_reads_the_events_of_their_region(client, cast, login, events):
    login(cast["admin_zuid"])
    shown = seen(client)
    assert (Action.LOGIN, "volunteer_zuid", "") in shown
    assert (Action.VIEWED, "national", "zuid") in shown


def test_a_regional_admin_does_not_read_another_regions_events(
    client, cast, login, events
):
    login(cast["admin_zuid"])
    shown = seen(client)
    assert (Action.LOGIN, "volunteer_noord", "") not in shown
    assert (Action.VIEWED, "national", "noord") not in shown
    assert (Action.LOGIN, "national", "") not in shown
    assert (Action.LOGIN_FAILED, "stranger", "") not in shown
    assert "volunteer_noord" not in client.get("/audit/").content.decode()


def test_a_member_of_two_regions_is_seen_by_both_admins(client, cast, login, events):
    services.role_grant(
        user=cast["volunteer_noord"], role=Role.VOLUNTEER, region=cast.zuid
    )
    login(cast["admin_zuid"])
    assert (Action.LOGIN, "volunteer_noord", "") in seen(client)


def test_a_national_admin_reads_everything(client, cast, login, events):
    login(make_user("national_admin", Role.ADMIN, None))
    assert {
        (Action.LOGIN, "volunteer_zuid", ""),
        (Action.LOGIN, "volunteer_noord", ""),
        (Action.LOGIN, "national", ""),
        (Action.LOGIN_FAILED, "stranger", ""),
        (Action.VIEWED, "national", "zuid"),
        (Action.VIEWED, "national", "noord"),
    } <= seen(client)
