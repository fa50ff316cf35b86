"""Permission rows of the HSDS API, and who sees its staff-only fields.

The API is public by default: every persona, anonymous included, reads it.
The team's note, who verified an entry and their e-mail address are shown
only to people who may edit the entry (``socialmap/directory/access.py``):
the region's Vraagwijzer for a regional entry; a national coordinator and
the administrators for a national one. Never to partners, other roles,
other regions or the public.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.core.tests.test_permissions import (
    OK,
    PERSONAS,
    assert_answer,
    cases,
    each,
    row,
)
from aandacht.socialmap.models import Taxonomy
from aandacht.socialmap.tests.panel_setup import make_service

PUBLIC = row(zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=OK)

MATRIX = {
    "hsds_root": PUBLIC,
    "hsds_services": PUBLIC,
    "hsds_service": PUBLIC,
    "hsds_organizations": PUBLIC,
    "hsds_organization": PUBLIC,
    "hsds_taxonomies": PUBLIC,
    "hsds_taxonomy_terms": PUBLIC,
}


def _verified_service(cast, region, name="Maatjesproject Zuid"):
    service = make_service(name, region, staff_note="Vraag naar de coördinator.")
    verifier = cast["vraagwijzer_zuid"]
    verifier.email = "vraagwijzer@example.org"
    verifier.save(update_fields=["email"])
    service.verified_at = timezone.now()
    service.verified_by = verifier
    service.save()
    return service


def _zuid_service(cast):
    return _verified_service(cast, cast.zuid)


def request_for(name: str, cast) -> str:
    service = _zuid_service(cast)
    Taxonomy.objects.create(name="Aandacht", description="Hulpsoorten")
    if name == "hsds_service":
        return reverse(name, args=[service.id])
    if name == "hsds_organization":
        return reverse(name, args=[service.organization_id])
    return reverse(name)


@pytest.mark.parametrize(("name", "persona", "expected"), cases(MATRIX))
def test_api_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    path = request_for(name, cast)
    assert_answer(client.get(path), expected, path)


STAFF_ONLY_FIELDS = ("staff_note", "verified_by", "assurer_email")

# Who sees the staff-only fields of a service of region zuid: whoever may edit
# it, which is its region's Vraagwijzer only.
ZUID_VRAAGWIJZER = (False, False, True, False, False, False)
SEES_ZUID_STAFF_FIELDS = row(
    zuid=ZUID_VRAAGWIJZER,
    noord=each(False),
    national=False,
    nobody=False,
    anonymous=False,
)
# ... and of a national service: the national coordinator and administrators.
ADMINISTRATOR = (False, False, False, False, False, True)
SEES_NATIONAL_STAFF_FIELDS = row(
    zuid=ADMINISTRATOR,
    noord=ADMINISTRATOR,
    national=True,
    nobody=False,
    anonymous=False,
)


def _service_bodies(client, service):
    """The service as its own page and the list of services show it."""
    listed = client.get(reverse("hsds_services")).json()["contents"]
    return {
        "detail": client.get(reverse("hsds_service", args=[service.id])).json(),
        "list": next(s for s in listed if s["id"] == str(service.id)),
    }


@pytest.mark.parametrize(
    ("persona", "zuid_expected", "national_expected"),
    list(
        zip(
            PERSONAS,
            SEES_ZUID_STAFF_FIELDS,
            SEES_NATIONAL_STAFF_FIELDS,
            strict=True,
        )
    ),
)
def test_staff_only_fields_matrix(
    client, cast, login, persona, zuid_expected, national_expected
):
    if persona != "anonymous":
        login(cast[persona])
    zuid = _zuid_service(cast)
    national = _verified_service(cast, None, name="Landelijke Luisterlijn")
    for service, expected in ((zuid, zuid_expected), (national, national_expected)):
        for where, body in _service_bodies(client, service).items():
            for field in STAFF_ONLY_FIELDS:
                assert (field in body) is expected, (service.name, where, field)
            assert "assured_date" in body  # the date itself is public
