"""Permission rows of the HSDS API, and who sees its staff-only fields.

The API is public by default: every persona, anonymous included, reads it.
The team's note and who verified an entry are shown only to people with a
role in the entry's region (or a national role); never to the public.
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


def _zuid_service(cast):
    service = make_service(
        "Maatjesproject Zuid", cast.zuid, staff_note="Vraag naar de coördinator."
    )
    service.verified_at = timezone.now()
    service.verified_by = cast["vraagwijzer_zuid"]
    service.save()
    return service


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


# Who sees the staff-only fields of a service of region zuid.
SEES_STAFF_FIELDS = row(
    zuid=each(True), noord=each(False), national=True, nobody=False, anonymous=False
)


@pytest.mark.parametrize(
    ("persona", "expected"), list(zip(PERSONAS, SEES_STAFF_FIELDS, strict=True))
)
def test_staff_only_fields_matrix(client, cast, login, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    service = _zuid_service(cast)
    for body in (
        client.get(reverse("hsds_service", args=[service.id])).json(),
        client.get(reverse("hsds_services")).json()["contents"][0],
    ):
        assert ("staff_note" in body) is expected
        assert ("verified_by" in body) is expected
        assert "assured_date" in body  # the date itself is public
